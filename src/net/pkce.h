#pragma once

#include <QByteArray>

namespace AssetDesk {

// Proof Key for Code Exchange (RFC 7636, method S256) and the OAuth state value. Everything here
// comes from QRandomGenerator::system(), the operating system's cryptographic source.
class Pkce
{
public:
    // A code_verifier of `length` (43..128, clamped) characters from the unreserved set
    // [A-Z a-z 0-9 - . _ ~].
    static QByteArray generateVerifier(int length = 64);
    // BASE64URL(SHA-256(verifier)) without padding.
    static QByteArray challengeS256(const QByteArray& verifier);
    // An unguessable state value (256 bits, base64url).
    static QByteArray generateState();
    static bool isValidVerifier(const QByteArray& verifier);
};

} // namespace AssetDesk
