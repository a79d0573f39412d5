#include "sandbox/zendesk/zendeskticketroutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/zendesk/zendeskjson.h"
#include "sandbox/zendesk/zendeskmodule.h"
#include "sandbox/zendesk/zendeskpaging.h"

#include <QJsonArray>

#include <algorithm>

namespace AssetDesk::Sandbox {

ZendeskTicketRoutes::ZendeskTicketRoutes(ZendeskModule& module)
    : m_module(module)
{}

void ZendeskTicketRoutes::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/api/v2/tickets"), Access::User, [this](const SandboxRequest& r) { return list(r); });
    router.add("GET", QStringLiteral("/api/v2/tickets/show_many"), Access::User,
               [this](const SandboxRequest& r) { return showMany(r); });
    router.add("GET", QStringLiteral("/api/v2/tickets/:id"), Access::User, [this](const SandboxRequest& r) { return show(r); });
    router.add("DELETE", QStringLiteral("/api/v2/tickets/:id"), Access::User,
               [this](const SandboxRequest& r) { return remove(r); });
    router.add("GET", QStringLiteral("/api/v2/tickets/:id/comments"), Access::User,
               [this](const SandboxRequest& r) { return comments(r); });
}

HttpResponse ZendeskTicketRoutes::list(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    const auto parsed = ZendeskPaging::parse(request);
    if (const auto* error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const ZendeskPaging::Request paging = std::get<ZendeskPaging::Request>(parsed);
    const ZendeskJson json = m_module.json();
    const ZendeskTicketStore& store = m_module.store();
    QJsonArray tickets;
    QJsonObject body;
    if (const auto* cursor = std::get_if<ZendeskPaging::Cursor>(&paging)) {
        bool more = false;
        const QList<ZendeskTicket> page = store.scan(cursor->after.value_or(0), cursor->before, cursor->size, {}, &more, true);
        for (const ZendeskTicket& t : page)
            tickets.append(json.ticket(t));
        body.insert(QStringLiteral("tickets"), tickets);
        // Going backwards (page[before]) has_more says whether more lie before the page.
        ZendeskPaging::addCursorMeta(body, m_module.requestUrl(request), cursor->size, more,
                                     page.isEmpty() ? 0 : page.first().id, page.isEmpty() ? 0 : page.last().id,
                                     page.isEmpty());
        return HttpResponse::json(200, body);
    }
    const auto& offset = std::get<ZendeskPaging::Offset>(paging);
    QList<qint64> ids;
    const qint64 count = store.collect({}, offset.offset(), offset.perPage, &ids, true);
    for (qint64 id : std::as_const(ids))
        tickets.append(json.ticket(*store.find(id)));
    body.insert(QStringLiteral("tickets"), tickets);
    ZendeskPaging::addOffsetMeta(body, m_module.requestUrl(request), offset, count);
    return HttpResponse::json(200, body);
}

HttpResponse ZendeskTicketRoutes::showMany(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    const QStringList parts = request.queryValue(QStringLiteral("ids")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.size() > 100)
        return m_module.errorResponse(400, QStringLiteral("ids must list 1 to 100 ticket ids"));
    QJsonArray tickets;
    const ZendeskJson json = m_module.json();
    for (const QString& part : parts) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok)
            return m_module.errorResponse(400, QStringLiteral("ids must be integers"));
        if (const auto t = m_module.store().findActive(id))
            tickets.append(json.ticket(*t));
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("tickets"), tickets}});
}

HttpResponse ZendeskTicketRoutes::show(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    const auto t = m_module.store().findActive(request.param(QStringLiteral("id")).toLongLong());
    if (!t)
        return m_module.errorResponse(404, {});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("ticket"), m_module.json().ticket(*t)}});
}

HttpResponse ZendeskTicketRoutes::remove(const SandboxRequest& request)
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), true))
        return *denied;
    if (!m_module.store().remove(request.param(QStringLiteral("id")).toLongLong(),
                                 m_module.clock().now().toMSecsSinceEpoch()))
        return m_module.errorResponse(404, {});
    return HttpResponse::empty(204);
}

HttpResponse ZendeskTicketRoutes::comments(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    const qint64 ticketId = request.param(QStringLiteral("id")).toLongLong();
    if (!m_module.store().findActive(ticketId, false))
        return m_module.errorResponse(404, {});
    const auto parsed = ZendeskPaging::parse(request);
    if (const auto* error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const ZendeskPaging::Request paging = std::get<ZendeskPaging::Request>(parsed);
    QList<ZendeskComment> all = m_module.store().comments(ticketId);
    const bool cursorMode = std::holds_alternative<ZendeskPaging::Cursor>(paging);
    const bool descending = cursorMode ? request.queryValue(QStringLiteral("sort")) == QLatin1String("-created_at")
                                       : request.queryValue(QStringLiteral("sort_order")) == QLatin1String("desc");
    if (descending)
        std::reverse(all.begin(), all.end());
    const ZendeskJson json = m_module.json();
    QJsonArray out;
    QJsonObject body;
    if (const auto* cursor = std::get_if<ZendeskPaging::Cursor>(&paging)) {
        // Positions are 1-based places in the requested order.
        qint64 first = cursor->after ? *cursor->after + 1 : 1;
        qint64 end = std::min<qint64>(first + cursor->size, all.size() + 1);
        if (cursor->before) {
            end = std::min<qint64>(*cursor->before, all.size() + 1);
            first = std::max<qint64>(1, end - cursor->size);
        }
        for (qint64 p = first; p < end; ++p)
            out.append(json.comment(all.at(p - 1)));
        body.insert(QStringLiteral("comments"), out);
        const bool more = cursor->before ? first > 1 : end <= all.size();
        ZendeskPaging::addCursorMeta(body, m_module.requestUrl(request), cursor->size, more, first, end - 1, end <= first);
        return HttpResponse::json(200, body);
    }
    const auto& offset = std::get<ZendeskPaging::Offset>(paging);
    for (qint64 i = offset.offset(); i < std::min<qint64>(offset.offset() + offset.perPage, all.size()); ++i)
        out.append(json.comment(all.at(i)));
    body.insert(QStringLiteral("comments"), out);
    ZendeskPaging::addOffsetMeta(body, m_module.requestUrl(request), offset, all.size());
    return HttpResponse::json(200, body);
}

} // namespace AssetDesk::Sandbox
