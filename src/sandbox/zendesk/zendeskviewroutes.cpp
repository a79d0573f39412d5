#include "sandbox/zendesk/zendeskviewroutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/zendesk/zendeskjson.h"
#include "sandbox/zendesk/zendeskmodule.h"
#include "sandbox/zendesk/zendeskpaging.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

bool unsolved(const ZendeskTicket& t)
{
    return t.status == QLatin1String("new") || t.status == QLatin1String("open") ||
           t.status == QLatin1String("pending") || t.status == QLatin1String("hold");
}

QJsonObject condition(const QString& field, const QString& op, const QString& value)
{
    return QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("operator"), op}, {QStringLiteral("value"), value}};
}

} // namespace

ZendeskViewRoutes::ZendeskViewRoutes(ZendeskModule& module)
    : m_module(module)
{
    const QDateTime created(QDate(2024, 11, 4), QTime(9, 30), Qt::UTC);
    const QJsonObject isUnsolved = condition(QStringLiteral("status"), QStringLiteral("less_than"), QStringLiteral("solved"));
    m_views = {
        {360100000001, QStringLiteral("Unsolved tickets"), QJsonObject{{QStringLiteral("all"), QJsonArray{isUnsolved}}, {QStringLiteral("any"), QJsonArray()}},
         unsolved, created},
        {360100000002, QStringLiteral("Media requests"),
         QJsonObject{{QStringLiteral("all"), QJsonArray{isUnsolved, condition(QStringLiteral("current_tags"), QStringLiteral("includes"), QStringLiteral("media_request"))}},
                     {QStringLiteral("any"), QJsonArray()}},
         [](const ZendeskTicket& t) { return unsolved(t) && t.tags.contains(QLatin1String("media_request")); }, created},
        {360100000003, QStringLiteral("Urgent & press"),
         QJsonObject{{QStringLiteral("all"), QJsonArray{isUnsolved}},
                     {QStringLiteral("any"), QJsonArray{condition(QStringLiteral("priority"), QStringLiteral("is"), QStringLiteral("urgent")),
                                                        condition(QStringLiteral("current_tags"), QStringLiteral("includes"), QStringLiteral("press"))}}},
         [](const ZendeskTicket& t) {
             return unsolved(t) && (t.priority == QLatin1String("urgent") || t.tags.contains(QLatin1String("press")));
         },
         created},
        {360100000004, QStringLiteral("Access problems"),
         QJsonObject{{QStringLiteral("all"), QJsonArray{isUnsolved, condition(QStringLiteral("current_tags"), QStringLiteral("includes"), QStringLiteral("access_problem"))}},
                     {QStringLiteral("any"), QJsonArray()}},
         [](const ZendeskTicket& t) { return unsolved(t) && t.tags.contains(QLatin1String("access_problem")); }, created},
        {360100000005, QStringLiteral("Recently solved"),
         QJsonObject{{QStringLiteral("all"), QJsonArray{condition(QStringLiteral("status"), QStringLiteral("is"), QStringLiteral("solved"))}},
                     {QStringLiteral("any"), QJsonArray()}},
         [](const ZendeskTicket& t) { return t.status == QLatin1String("solved"); }, created},
    };
}

void ZendeskViewRoutes::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/api/v2/views"), Access::User, [this](const SandboxRequest& r) { return list(r); });
    router.add("GET", QStringLiteral("/api/v2/views/:id"), Access::User, [this](const SandboxRequest& r) { return show(r); });
    router.add("GET", QStringLiteral("/api/v2/views/:id/tickets"), Access::User,
               [this](const SandboxRequest& r) { return tickets(r); });
    router.add("GET", QStringLiteral("/api/v2/views/:id/count"), Access::User,
               [this](const SandboxRequest& r) { return count(r); });
}

QJsonObject ZendeskViewRoutes::viewObject(const View& v, int position) const
{
    const QJsonArray columns{QJsonObject{{QStringLiteral("id"), QStringLiteral("subject")}, {QStringLiteral("title"), QStringLiteral("Subject")}},
                             QJsonObject{{QStringLiteral("id"), QStringLiteral("requester")}, {QStringLiteral("title"), QStringLiteral("Requester")}},
                             QJsonObject{{QStringLiteral("id"), QStringLiteral("updated")}, {QStringLiteral("title"), QStringLiteral("Updated")}}};
    return QJsonObject{
        {QStringLiteral("url"), m_module.json().apiUrl(QStringLiteral("/api/v2/views/%1.json").arg(v.id))},
        {QStringLiteral("id"), v.id},
        {QStringLiteral("title"), v.title},
        {QStringLiteral("active"), true},
        {QStringLiteral("default"), position == 1},
        {QStringLiteral("position"), position},
        {QStringLiteral("description"), QStringLiteral("Shared view: %1").arg(v.title)},
        {QStringLiteral("conditions"), v.conditions},
        {QStringLiteral("execution"), QJsonObject{{QStringLiteral("group_by"), QJsonValue()},
                                                  {QStringLiteral("sort_by"), QStringLiteral("nice_id")},
                                                  {QStringLiteral("sort_order"), QStringLiteral("asc")},
                                                  {QStringLiteral("columns"), columns}}},
        {QStringLiteral("restriction"), QJsonValue()},
        {QStringLiteral("raw_title"), v.title},
        {QStringLiteral("created_at"), ZendeskJson::isoTime(v.createdAt)},
        {QStringLiteral("updated_at"), ZendeskJson::isoTime(v.createdAt)},
    };
}

const ZendeskViewRoutes::View* ZendeskViewRoutes::find(const SandboxRequest& request) const
{
    const qint64 id = request.param(QStringLiteral("id")).toLongLong();
    for (const View& v : m_views) {
        if (v.id == id)
            return &v;
    }
    return nullptr;
}

HttpResponse ZendeskViewRoutes::list(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    QJsonArray views;
    for (int i = 0; i < m_views.size(); ++i)
        views.append(viewObject(m_views.at(i), i + 1));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("views"), views},
                                               {QStringLiteral("next_page"), QJsonValue()},
                                               {QStringLiteral("previous_page"), QJsonValue()},
                                               {QStringLiteral("count"), views.size()}});
}

HttpResponse ZendeskViewRoutes::show(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    const View* v = find(request);
    if (!v)
        return m_module.errorResponse(404, {});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("view"), viewObject(*v, int(v - m_views.data()) + 1)}});
}

HttpResponse ZendeskViewRoutes::tickets(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    const View* v = find(request);
    if (!v)
        return m_module.errorResponse(404, {});
    const auto parsed = ZendeskPaging::parse(request, false);
    if (const auto* error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const ZendeskPaging::Request paging = std::get<ZendeskPaging::Request>(parsed);
    const ZendeskTicketStore& store = m_module.store();
    const ZendeskJson json = m_module.json();
    QJsonArray tickets;
    QJsonObject body;
    if (const auto* cursor = std::get_if<ZendeskPaging::Cursor>(&paging)) {
        bool more = false;
        const QList<ZendeskTicket> page = store.scan(cursor->after.value_or(0), cursor->before, cursor->size, v->matches, &more, true);
        for (const ZendeskTicket& t : page)
            tickets.append(json.ticket(t));
        body.insert(QStringLiteral("tickets"), tickets);
        ZendeskPaging::addCursorMeta(body, m_module.requestUrl(request), cursor->size, more,
                                     page.isEmpty() ? 0 : page.first().id, page.isEmpty() ? 0 : page.last().id, page.isEmpty());
        return HttpResponse::json(200, body);
    }
    const auto& offset = std::get<ZendeskPaging::Offset>(paging);
    QList<qint64> ids;
    const qint64 count = store.collect(v->matches, offset.offset(), offset.perPage, &ids, false);
    for (qint64 id : std::as_const(ids))
        tickets.append(json.ticket(*store.find(id)));
    body.insert(QStringLiteral("tickets"), tickets);
    ZendeskPaging::addOffsetMeta(body, m_module.requestUrl(request), offset, count);
    return HttpResponse::json(200, body);
}

HttpResponse ZendeskViewRoutes::count(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    const View* v = find(request);
    if (!v)
        return m_module.errorResponse(404, {});
    QList<qint64> none;
    const qint64 n = m_module.store().collect(v->matches, 0, 0, &none, false);
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("view_count"),
                                                QJsonObject{{QStringLiteral("view_id"), v->id},
                                                            {QStringLiteral("url"), m_module.json().apiUrl(QStringLiteral("/api/v2/views/%1/count.json").arg(v->id))},
                                                            {QStringLiteral("value"), n},
                                                            {QStringLiteral("pretty"), QString::number(n)},
                                                            {QStringLiteral("fresh"), true}}}});
}

} // namespace AssetDesk::Sandbox
