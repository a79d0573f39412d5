#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

struct XUser
{
    QString id;       // numeric string, up to 19 digits
    QString username; // without '@'
    QString name;
    QString region; // "global", "de", "jp": AssetDesk's regional accounts
    QString description;
    QString location;
    QDateTime createdAt;
    int followers = 0;
    int following = 0;
    int tweets = 0;
    int listed = 0;
    int likes = 0;
    // Pre-authorized demo credentials (public client, demoScopes()), so the workbench can show
    // demo accounts without the browser round trip.
    QString accessToken;
    QString refreshToken;
};

// The X demo identities, deterministic from the seed: regional accounts, a public (PKCE) client,
// a confidential client and an app-only bearer token.
class XAccounts
{
public:
    void seed(quint64 seed);

    const QList<XUser>& users() const { return m_users; }
    const XUser* userById(const QString& id) const;
    const XUser* userByUsername(const QString& username) const;

    QString publicClientId() const { return m_publicClientId; }
    QString confidentialClientId() const { return m_confidentialClientId; }
    QString confidentialClientSecret() const { return m_confidentialClientSecret; }
    QString appBearerToken() const { return m_appBearerToken; }

    // Scopes of the pre-authorized demo tokens.
    static QStringList demoScopes();
    // Every OAuth 2.0 scope X defines (x.md §2).
    static QStringList knownScopes();

private:
    QList<XUser> m_users;
    QString m_publicClientId;
    QString m_confidentialClientId;
    QString m_confidentialClientSecret;
    QString m_appBearerToken;
};

} // namespace AssetDesk::Sandbox
