#include "sandbox/zendesk/zendeskuserroutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/zendesk/zendeskjson.h"
#include "sandbox/zendesk/zendeskmodule.h"
#include "sandbox/zendesk/zendeskpaging.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

// Cursor or offset page over a list held in memory; positions are 1-based indexes.
template<typename T, typename ToJson>
HttpResponse pageOf(const ZendeskModule& module, const SandboxRequest& request, const QList<const T*>& items,
                    const QString& key, ToJson toJson)
{
    const auto parsed = ZendeskPaging::parse(request);
    if (const auto* error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const ZendeskPaging::Request paging = std::get<ZendeskPaging::Request>(parsed);
    QJsonArray out;
    QJsonObject body;
    if (const auto* cursor = std::get_if<ZendeskPaging::Cursor>(&paging)) {
        qint64 first = cursor->after ? *cursor->after + 1 : 1;
        qint64 end = std::min<qint64>(first + cursor->size, items.size() + 1);
        if (cursor->before) {
            end = std::min<qint64>(*cursor->before, items.size() + 1);
            first = std::max<qint64>(1, end - cursor->size);
        }
        for (qint64 p = first; p < end; ++p)
            out.append(toJson(*items.at(p - 1)));
        body.insert(key, out);
        const bool more = cursor->before ? first > 1 : end <= items.size();
        ZendeskPaging::addCursorMeta(body, module.requestUrl(request), cursor->size, more, first, end - 1, end <= first);
        return HttpResponse::json(200, body);
    }
    const auto& offset = std::get<ZendeskPaging::Offset>(paging);
    for (qint64 i = offset.offset(); i < std::min<qint64>(offset.offset() + offset.perPage, items.size()); ++i)
        out.append(toJson(*items.at(i)));
    body.insert(key, out);
    ZendeskPaging::addOffsetMeta(body, module.requestUrl(request), offset, items.size());
    return HttpResponse::json(200, body);
}

} // namespace

ZendeskUserRoutes::ZendeskUserRoutes(ZendeskModule& module)
    : m_module(module)
{}

void ZendeskUserRoutes::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/api/v2/users/me"), Access::User, [this](const SandboxRequest& r) { return me(r); });
    router.add("GET", QStringLiteral("/api/v2/users"), Access::User, [this](const SandboxRequest& r) { return users(r); });
    router.add("GET", QStringLiteral("/api/v2/users/show_many"), Access::User,
               [this](const SandboxRequest& r) { return showManyUsers(r); });
    router.add("GET", QStringLiteral("/api/v2/users/:id"), Access::User, [this](const SandboxRequest& r) { return user(r); });
    router.add("GET", QStringLiteral("/api/v2/organizations"), Access::User,
               [this](const SandboxRequest& r) { return organizations(r); });
    router.add("GET", QStringLiteral("/api/v2/organizations/:id"), Access::User,
               [this](const SandboxRequest& r) { return organization(r); });
    router.add("GET", QStringLiteral("/api/v2/groups"), Access::User, [this](const SandboxRequest& r) { return groups(r); });
}

QJsonObject ZendeskUserRoutes::userObject(const ZendeskUser& u) const
{
    const bool endUser = u.role == QLatin1String("end-user");
    return QJsonObject{
        {QStringLiteral("id"), u.id},
        {QStringLiteral("url"), m_module.json().apiUrl(QStringLiteral("/api/v2/users/%1.json").arg(u.id))},
        {QStringLiteral("name"), u.name},
        {QStringLiteral("email"), u.email},
        {QStringLiteral("created_at"), ZendeskJson::isoTime(u.createdAt)},
        {QStringLiteral("updated_at"), ZendeskJson::isoTime(u.updatedAt)},
        {QStringLiteral("time_zone"), u.timeZone},
        {QStringLiteral("iana_time_zone"), u.ianaTimeZone},
        {QStringLiteral("phone"), QJsonValue()},
        {QStringLiteral("shared_phone_number"), QJsonValue()},
        {QStringLiteral("photo"), QJsonValue()},
        {QStringLiteral("locale_id"), u.localeId},
        {QStringLiteral("locale"), u.locale},
        {QStringLiteral("organization_id"), ZendeskJson::idOrNull(u.organizationId)},
        {QStringLiteral("role"), u.role},
        {QStringLiteral("verified"), true},
        {QStringLiteral("external_id"), QJsonValue()},
        {QStringLiteral("tags"), QJsonArray()},
        {QStringLiteral("alias"), QString()},
        {QStringLiteral("active"), true},
        {QStringLiteral("shared"), false},
        {QStringLiteral("shared_agent"), false},
        {QStringLiteral("last_login_at"), ZendeskJson::isoTime(u.updatedAt)},
        {QStringLiteral("two_factor_auth_enabled"), false},
        {QStringLiteral("signature"), QString()},
        {QStringLiteral("details"), QString()},
        {QStringLiteral("notes"), QString()},
        {QStringLiteral("role_type"), QJsonValue()},
        {QStringLiteral("custom_role_id"), QJsonValue()},
        {QStringLiteral("moderator"), !endUser},
        {QStringLiteral("ticket_restriction"), endUser ? QStringLiteral("requested") : QJsonValue()},
        {QStringLiteral("only_private_comments"), false},
        {QStringLiteral("restricted_agent"), false},
        {QStringLiteral("suspended"), false},
        {QStringLiteral("default_group_id"), ZendeskJson::idOrNull(endUser ? 0 : m_module.directory().supportGroupId())},
        {QStringLiteral("user_fields"), QJsonObject()},
    };
}

HttpResponse ZendeskUserRoutes::me(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("users"), false))
        return *denied;
    bool ok = false;
    const ZendeskUser* user = m_module.directory().user(request.principal->subjectId.toLongLong(&ok));
    if (!ok || !user)
        return ZendeskModule::unauthorized();
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("user"), userObject(*user)}});
}

HttpResponse ZendeskUserRoutes::users(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("users"), false))
        return *denied;
    QStringList roles = request.query().allQueryItemValues(QStringLiteral("role[]"));
    if (request.hasQueryItem(QStringLiteral("role")))
        roles << request.queryValue(QStringLiteral("role"));
    QList<const ZendeskUser*> items;
    for (const ZendeskUser& u : m_module.directory().users()) {
        if (roles.isEmpty() || roles.contains(u.role))
            items.append(&u);
    }
    return pageOf(m_module, request, items, QStringLiteral("users"), [this](const ZendeskUser& u) { return userObject(u); });
}

HttpResponse ZendeskUserRoutes::showManyUsers(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("users"), false))
        return *denied;
    QJsonArray out;
    const QStringList ids = request.queryValue(QStringLiteral("ids")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (ids.isEmpty() || ids.size() > 100)
        return m_module.errorResponse(400, QStringLiteral("ids must list 1 to 100 user ids"));
    for (const QString& id : ids) {
        if (const ZendeskUser* u = m_module.directory().user(id.trimmed().toLongLong()))
            out.append(userObject(*u));
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("users"), out}});
}

HttpResponse ZendeskUserRoutes::user(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("users"), false))
        return *denied;
    const ZendeskUser* u = m_module.directory().user(request.param(QStringLiteral("id")).toLongLong());
    if (!u)
        return m_module.errorResponse(404, {});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("user"), userObject(*u)}});
}

HttpResponse ZendeskUserRoutes::organizations(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("organizations"), false))
        return *denied;
    QList<const ZendeskOrganization*> items;
    for (const ZendeskOrganization& o : m_module.directory().organizations())
        items.append(&o);
    const ZendeskJson json = m_module.json();
    return pageOf(m_module, request, items, QStringLiteral("organizations"),
                  [&json](const ZendeskOrganization& o) { return json.organization(o); });
}

HttpResponse ZendeskUserRoutes::organization(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("organizations"), false))
        return *denied;
    const ZendeskOrganization* o = m_module.directory().organization(request.param(QStringLiteral("id")).toLongLong());
    if (!o)
        return m_module.errorResponse(404, {});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("organization"), m_module.json().organization(*o)}});
}

HttpResponse ZendeskUserRoutes::groups(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("users"), false))
        return *denied;
    QList<const ZendeskGroup*> items;
    for (const ZendeskGroup& g : m_module.directory().groups())
        items.append(&g);
    const ZendeskJson json = m_module.json();
    return pageOf(m_module, request, items, QStringLiteral("groups"), [&json](const ZendeskGroup& g) { return json.group(g); });
}

} // namespace AssetDesk::Sandbox
