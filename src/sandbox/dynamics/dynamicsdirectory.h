#pragma once

#include <QList>
#include <QString>

namespace AssetDesk::Sandbox {

struct DynamicsUser
{
    QString objectId;     // Entra object id (the token's oid)
    QString systemUserId; // Dataverse systemuserid (WhoAmI UserId)
    QString fullName;
    QString userPrincipalName;
};

// The Entra tenant and Dataverse organization of the Dynamics demo, deterministic from the seed:
// the tenant, the organization and business unit, demo users, a public client (desktop,
// authorization code + PKCE) and a confidential client with its application user (client
// credentials).
class DynamicsDirectory
{
public:
    void seed(quint64 seed);

    QString tenantId() const { return m_tenantId; }
    QString organizationId() const { return m_organizationId; }
    QString businessUnitId() const { return m_businessUnitId; }
    QString publicClientId() const { return m_publicClientId; }
    QString confidentialClientId() const { return m_confidentialClientId; }
    QString confidentialClientSecret() const { return m_confidentialClientSecret; }
    // The application user the confidential client acts as.
    QString applicationUserId() const { return m_applicationUserId; }

    const QList<DynamicsUser>& users() const { return m_users; }
    const DynamicsUser* userByObjectId(const QString& objectId) const;
    const DynamicsUser* userByPrincipalName(const QString& upn) const;

    // "common", "organizations" or this tenant's id.
    bool acceptsTenant(const QString& tenant) const;

private:
    QString m_tenantId;
    QString m_organizationId;
    QString m_businessUnitId;
    QString m_publicClientId;
    QString m_confidentialClientId;
    QString m_confidentialClientSecret;
    QString m_applicationUserId;
    QList<DynamicsUser> m_users;
};

} // namespace AssetDesk::Sandbox
