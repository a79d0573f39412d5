#include "sandbox/zendesk/zendeskuserroutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/zendesk/zendeskaccount.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

QString isoTime(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddThh:mm:ssZ"));
}

} // namespace

ZendeskUserRoutes::ZendeskUserRoutes(const ZendeskAccount& account)
    : m_account(account)
{}

void ZendeskUserRoutes::registerRoutes(Router& router, const QUrl& baseUrl)
{
    m_baseUrl = baseUrl;
    router.add("GET", QStringLiteral("/api/v2/users/me"), Access::User,
               [this](const SandboxRequest& r) { return me(r); });
}

QJsonObject ZendeskUserRoutes::userObject(const ZendeskUser& u) const
{
    return QJsonObject{
        {QStringLiteral("id"), u.id},
        {QStringLiteral("url"), m_baseUrl.toString() + QStringLiteral("/api/v2/users/%1.json").arg(u.id)},
        {QStringLiteral("name"), u.name},
        {QStringLiteral("email"), u.email},
        {QStringLiteral("created_at"), isoTime(u.createdAt)},
        {QStringLiteral("updated_at"), isoTime(u.updatedAt)},
        {QStringLiteral("time_zone"), u.timeZone},
        {QStringLiteral("iana_time_zone"), u.ianaTimeZone},
        {QStringLiteral("phone"), QJsonValue()},
        {QStringLiteral("shared_phone_number"), QJsonValue()},
        {QStringLiteral("photo"), QJsonValue()},
        {QStringLiteral("locale_id"), u.localeId},
        {QStringLiteral("locale"), u.locale},
        {QStringLiteral("organization_id"), u.organizationId},
        {QStringLiteral("role"), u.role},
        {QStringLiteral("verified"), true},
        {QStringLiteral("external_id"), QJsonValue()},
        {QStringLiteral("tags"), QJsonArray()},
        {QStringLiteral("alias"), QString()},
        {QStringLiteral("active"), true},
        {QStringLiteral("shared"), false},
        {QStringLiteral("shared_agent"), false},
        {QStringLiteral("last_login_at"), isoTime(u.updatedAt)},
        {QStringLiteral("two_factor_auth_enabled"), false},
        {QStringLiteral("signature"), QString()},
        {QStringLiteral("details"), QString()},
        {QStringLiteral("notes"), QString()},
        {QStringLiteral("role_type"), QJsonValue()},
        {QStringLiteral("custom_role_id"), QJsonValue()},
        {QStringLiteral("moderator"), u.role != QLatin1String("end-user")},
        {QStringLiteral("ticket_restriction"),
         u.role == QLatin1String("end-user") ? QStringLiteral("requested") : QJsonValue()},
        {QStringLiteral("only_private_comments"), false},
        {QStringLiteral("restricted_agent"), false},
        {QStringLiteral("suspended"), false},
        {QStringLiteral("default_group_id"), QJsonValue()},
        {QStringLiteral("user_fields"), QJsonObject()},
    };
}

HttpResponse ZendeskUserRoutes::me(const SandboxRequest& request) const
{
    // OAuth tokens carry scopes (API tokens have the user's full access): reading users needs
    // "read" or "users:read" (zendesk.md §2).
    const Principal& principal = *request.principal;
    if (!principal.clientId.isEmpty() && !principal.scopes.contains(QStringLiteral("read")) &&
        !principal.scopes.contains(QStringLiteral("users:read")))
        return HttpResponse::json(
            403, QJsonObject{{QStringLiteral("error"), QStringLiteral("Forbidden")},
                             {QStringLiteral("description"),
                              QStringLiteral("You do not have access to this page. Please contact "
                                             "the account owner of this help desk for further help.")}});
    bool ok = false;
    const ZendeskUser* user = m_account.userById(request.principal->subjectId.toLongLong(&ok));
    if (!ok || !user)
        return HttpResponse::json(
            401, QJsonObject{{QStringLiteral("error"), QStringLiteral("Couldn't authenticate you")}});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("user"), userObject(*user)}});
}

} // namespace AssetDesk::Sandbox
