#pragma once

#include <QString>

namespace AssetDesk::Sandbox {

// RFC 7636 helpers (server side).
class Pkce
{
public:
    // BASE64URL(SHA256(ASCII(verifier))) without padding.
    static QString s256Challenge(const QString& verifier);
    // 43..128 characters of [A-Za-z0-9-._~] (the syntax of both verifier and challenge).
    static bool isWellFormed(const QString& value);
    // method "S256" or "plain"; false for any other method.
    static bool verify(const QString& verifier, const QString& challenge, const QString& method);
};

} // namespace AssetDesk::Sandbox
