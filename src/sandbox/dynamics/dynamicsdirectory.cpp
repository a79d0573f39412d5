#include "sandbox/dynamics/dynamicsdirectory.h"

#include "sandbox/demodata.h"

namespace AssetDesk::Sandbox {

void DynamicsDirectory::seed(quint64 seed)
{
    DemoData random(seed, u"dynamics/directory");
    m_tenantId = random.uuidString();
    m_organizationId = random.uuidString();
    m_businessUnitId = random.uuidString();
    m_publicClientId = random.uuidString();
    m_confidentialClientId = random.uuidString();
    // Entra secrets: 40 characters with a "~" somewhere, like the portal makes them.
    m_confidentialClientSecret = random.alphanumeric(3) + QStringLiteral("8Q~") + random.alphanumeric(34);
    m_applicationUserId = random.uuidString();
    m_users.clear();
    for (int i = 0; i < 2; ++i) {
        DynamicsUser u;
        const QString first = random.firstName();
        const QString last = random.lastName();
        u.objectId = random.uuidString();
        u.systemUserId = random.uuidString();
        u.fullName = first + QLatin1Char(' ') + last;
        u.userPrincipalName = DemoData::email(first, last, QStringLiteral("assetdesk-demo.onmicrosoft.com"));
        m_users.append(u);
    }
}

const DynamicsUser* DynamicsDirectory::userByObjectId(const QString& objectId) const
{
    for (const DynamicsUser& u : m_users) {
        if (u.objectId == objectId)
            return &u;
    }
    return nullptr;
}

const DynamicsUser* DynamicsDirectory::userByPrincipalName(const QString& upn) const
{
    for (const DynamicsUser& u : m_users) {
        if (u.userPrincipalName.compare(upn, Qt::CaseInsensitive) == 0)
            return &u;
    }
    return nullptr;
}

bool DynamicsDirectory::acceptsTenant(const QString& tenant) const
{
    return tenant == m_tenantId || tenant == QLatin1String("common") ||
           tenant == QLatin1String("organizations");
}

} // namespace AssetDesk::Sandbox
