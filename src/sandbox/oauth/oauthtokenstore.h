#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

struct OAuthAuthorizationCode
{
    QString clientId;
    QString redirectUri;
    QString challenge; // empty: no PKCE
    QString challengeMethod;
    QString subject;
    QStringList scopes;
    QDateTime expiresAt;
    bool used = false;
    QStringList issuedAccessTokens; // revoked if the code is replayed (RFC 6749 §4.1.2)
    QStringList issuedRefreshTokens;
};

struct OAuthAccessToken
{
    QString subject; // user id, or the client id for client_credentials
    QString clientId;
    QStringList scopes;
    QDateTime issuedAt;
    QDateTime expiresAt;
    bool appOnly = false;
    bool revoked = false;
};

struct OAuthRefreshToken
{
    QString subject;
    QString clientId;
    QStringList scopes;
    QDateTime expiresAt;   // invalid: never expires
    bool consumed = false; // rotated away by a refresh
    bool revoked = false;
};

// The authorization server's state: codes, access and refresh tokens by their text. Server
// thread only.
class OAuthTokenStore
{
public:
    void addCode(const QString& code, OAuthAuthorizationCode record)
    {
        m_codes.insert(code, std::move(record));
    }
    OAuthAuthorizationCode* code(const QString& code);

    void addAccessToken(const QString& token, OAuthAccessToken record)
    {
        m_access.insert(token, std::move(record));
    }
    const OAuthAccessToken* accessToken(const QString& token) const;
    OAuthAccessToken* accessToken(const QString& token);

    void addRefreshToken(const QString& token, OAuthRefreshToken record)
    {
        m_refresh.insert(token, std::move(record));
    }
    OAuthRefreshToken* refreshToken(const QString& token);

    // Marks a token (access or refresh) revoked; false when unknown.
    bool revoke(const QString& token);
    void clear();

private:
    QHash<QString, OAuthAuthorizationCode> m_codes;
    QHash<QString, OAuthAccessToken> m_access;
    QHash<QString, OAuthRefreshToken> m_refresh;
};

} // namespace AssetDesk::Sandbox
