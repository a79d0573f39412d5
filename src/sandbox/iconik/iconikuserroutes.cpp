#include "sandbox/iconik/iconikuserroutes.h"

#include "sandbox/iconik/iconikaccount.h"
#include "sandbox/router.h"
#include "sandbox/sandboxrequest.h"

#include <QJsonArray>
#include <QJsonObject>

namespace AssetDesk::Sandbox {

IconikUserRoutes::IconikUserRoutes(const IconikAccount& account)
    : m_account(account)
{}

void IconikUserRoutes::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/API/users/v1/users/current/"), Access::User,
               [this](const SandboxRequest& r) { return current(r); });
}

HttpResponse IconikUserRoutes::current(const SandboxRequest& request) const
{
    const IconikUser* user = m_account.userById(request.principal->subjectId);
    if (!user)
        return HttpResponse::json(
            401, QJsonObject{{QStringLiteral("errors"), QJsonArray{QStringLiteral("Token is invalid")}}});
    const QString created = user->createdAt.toUTC().toString(Qt::ISODateWithMs);
    return HttpResponse::json(200,
                              QJsonObject{
                                  {QStringLiteral("id"), user->id},
                                  {QStringLiteral("email"), user->email},
                                  {QStringLiteral("first_name"), user->firstName},
                                  {QStringLiteral("last_name"), user->lastName},
                                  {QStringLiteral("type"), user->type},
                                  {QStringLiteral("status"), QStringLiteral("ACTIVE")},
                                  {QStringLiteral("is_admin"), user->isAdmin},
                                  {QStringLiteral("is_super_admin"), false},
                                  {QStringLiteral("system_domain_id"), m_account.systemDomainId()},
                                  {QStringLiteral("system_domains"), QJsonArray{m_account.systemDomainId()}},
                                  {QStringLiteral("groups"), QJsonArray()},
                                  {QStringLiteral("date_created"), created},
                                  {QStringLiteral("date_modified"), created},
                                  {QStringLiteral("app_id"), m_account.appId()},
                                  {QStringLiteral("photo"), QJsonValue()},
                                  {QStringLiteral("phone"), QJsonValue()},
                              });
}

} // namespace AssetDesk::Sandbox
