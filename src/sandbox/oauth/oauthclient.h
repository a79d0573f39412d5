#pragma once

#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

// An OAuth client registered with a module's authorization server.
struct OAuthClient
{
    QString clientId;
    QString clientSecret; // empty: a public client (authenticates with client_id alone)
    QStringList grantTypes{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")};
    QString name;

    bool isPublic() const { return clientSecret.isEmpty(); }
    bool allows(const QString& grantType) const { return grantTypes.contains(grantType); }
};

} // namespace AssetDesk::Sandbox
