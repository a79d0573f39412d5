#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace AssetDesk::Sandbox {

struct ZendeskUser
{
    qint64 id = 0;
    QString name;
    QString email;
    QString role;     // "admin", "agent", "end-user"
    QString apiToken; // for "{email}/token:{api_token}" Basic authentication; empty for end users
    QString timeZone;
    QString ianaTimeZone;
    QString locale;
    int localeId = 1;
    qint64 organizationId = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// The Zendesk demo account, deterministic from the seed: subdomain, agents with API tokens and
// OAuth clients (one confidential, one public for PKCE).
class ZendeskAccount
{
public:
    void seed(quint64 seed);

    QString subdomain() const { return QStringLiteral("assetdesk-demo"); }
    const QList<ZendeskUser>& users() const { return m_users; }
    const ZendeskUser* userById(qint64 id) const;
    const ZendeskUser* userByEmail(const QString& email) const;
    qint64 organizationId() const { return m_organizationId; }

    QString oauthClientId() const { return QStringLiteral("assetdesk_desktop"); }
    QString oauthClientSecret() const { return m_oauthClientSecret; }
    QString publicClientId() const { return QStringLiteral("assetdesk_desktop_pkce"); }

private:
    QList<ZendeskUser> m_users;
    QString m_oauthClientSecret;
    qint64 m_organizationId = 0;
};

} // namespace AssetDesk::Sandbox
