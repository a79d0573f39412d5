#include "sandbox/dynamics/dynamicsidentityroutes.h"

#include "sandbox/dynamics/dynamicsdirectory.h"
#include "sandbox/router.h"
#include "sandbox/sandboxrequest.h"

#include <QJsonObject>

namespace AssetDesk::Sandbox {

DynamicsIdentityRoutes::DynamicsIdentityRoutes(const DynamicsDirectory& directory)
    : m_directory(directory)
{}

void DynamicsIdentityRoutes::registerRoutes(Router& router, const QUrl& baseUrl)
{
    m_baseUrl = baseUrl;
    router.add("GET", QStringLiteral("/api/data/v9.2/WhoAmI"), Access::App,
               [this](const SandboxRequest& r) { return whoAmI(r); });
}

HttpResponse DynamicsIdentityRoutes::whoAmI(const SandboxRequest& request) const
{
    QString userId = m_directory.applicationUserId();
    if (request.principal->kind == Principal::Kind::User) {
        const DynamicsUser* user = m_directory.userByObjectId(request.principal->subjectId);
        if (user)
            userId = user->systemUserId;
    }
    return HttpResponse::json(
        200, QJsonObject{
                 {QStringLiteral("@odata.context"),
                  m_baseUrl.toString() +
                      QStringLiteral("/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse")},
                 {QStringLiteral("BusinessUnitId"), m_directory.businessUnitId()},
                 {QStringLiteral("UserId"), userId},
                 {QStringLiteral("OrganizationId"), m_directory.organizationId()},
             });
}

} // namespace AssetDesk::Sandbox
