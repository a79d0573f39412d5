#include "sandbox/zendesk/zendeskincrementalroutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/zendesk/zendeskjson.h"
#include "sandbox/zendesk/zendeskmodule.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <limits>

namespace AssetDesk::Sandbox {

namespace {

using namespace std::chrono_literals;

// The cursor: the (updatedMs, id) the next page starts after.
QString encodeCursor(qint64 ms, qint64 id)
{
    return QString::fromLatin1(QByteArray("i:" + QByteArray::number(ms) + ':' + QByteArray::number(id))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<std::pair<qint64, qint64>> decodeCursor(const QString& cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                               QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 3 || parts.at(0) != "i")
        return std::nullopt;
    bool okMs = false;
    bool okId = false;
    const qint64 ms = parts.at(1).toLongLong(&okMs);
    const qint64 id = parts.at(2).toLongLong(&okId);
    if (!okMs || !okId)
        return std::nullopt;
    return std::pair{ms, id};
}

HttpResponse badRequest(const QString& description)
{
    return HttpResponse::json(400, QJsonObject{{QStringLiteral("error"), QStringLiteral("InvalidValue")},
                                               {QStringLiteral("description"), description}});
}

} // namespace

ZendeskIncrementalRoutes::ZendeskIncrementalRoutes(ZendeskModule& module)
    : m_module(module)
{}

void ZendeskIncrementalRoutes::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/api/v2/incremental/tickets/cursor"), Access::User,
               [this](const SandboxRequest& r) { return tickets(r); });
}

HttpResponse ZendeskIncrementalRoutes::tickets(const SandboxRequest& request)
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    if (auto limited = m_module.consumeLimit(request, QStringLiteral("incremental"), kRequestsPerMinute, 60s))
        return *limited;
    const qint64 nowMs = m_module.clock().now().toMSecsSinceEpoch();
    const qint64 horizonMs = nowMs - 60000;
    std::pair<qint64, qint64> after;
    const QString cursor = request.queryValue(QStringLiteral("cursor"));
    if (!cursor.isEmpty()) {
        const auto decoded = decodeCursor(cursor);
        if (!decoded)
            return badRequest(QStringLiteral("cursor is invalid"));
        after = *decoded;
    } else {
        bool ok = false;
        const qint64 start = request.queryValue(QStringLiteral("start_time")).toLongLong(&ok);
        if (!ok || start < 0)
            return badRequest(QStringLiteral("start_time or cursor is required"));
        if (start * 1000 > horizonMs)
            return badRequest(QStringLiteral("Too recent start_time. Use a start_time older than 1 minute"));
        // Everything updated at or after start_time: start just before its first millisecond.
        after = {start * 1000 - 1, std::numeric_limits<qint64>::max()};
    }
    int perPage = kMaxPerPage;
    if (request.hasQueryItem(QStringLiteral("per_page"))) {
        bool ok = false;
        perPage = request.queryValue(QStringLiteral("per_page")).toInt(&ok);
        if (!ok || perPage < 1 || perPage > kMaxPerPage)
            return badRequest(QStringLiteral("per_page must be between 1 and %1").arg(kMaxPerPage));
    }
    const bool excludeDeleted = request.queryValue(QStringLiteral("exclude_deleted")) == QLatin1String("true");
    bool more = false;
    const QList<ZendeskTicket> page = m_module.store().changedSince(after, horizonMs, perPage, excludeDeleted, &more);
    const ZendeskJson json = m_module.json();
    QJsonArray tickets;
    for (const ZendeskTicket& t : page)
        tickets.append(json.ticket(t));
    // An empty page keeps the position: whatever changes later sorts after it.
    const std::pair<qint64, qint64> next = page.isEmpty() ? after : std::pair{page.last().updatedMs, page.last().id};
    const QString afterCursor = encodeCursor(next.first, next.second);
    QUrl afterUrl(json.apiUrl(QStringLiteral("/api/v2/incremental/tickets/cursor.json")));
    QUrlQuery q{{QStringLiteral("cursor"), afterCursor}};
    if (request.hasQueryItem(QStringLiteral("per_page")))
        q.addQueryItem(QStringLiteral("per_page"), QString::number(perPage));
    if (excludeDeleted)
        q.addQueryItem(QStringLiteral("exclude_deleted"), QStringLiteral("true"));
    afterUrl.setQuery(q);
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("tickets"), tickets},
                                               {QStringLiteral("after_cursor"), afterCursor},
                                               {QStringLiteral("after_url"), afterUrl.toString(QUrl::FullyEncoded)},
                                               {QStringLiteral("before_cursor"), QJsonValue()},
                                               {QStringLiteral("before_url"), QJsonValue()},
                                               {QStringLiteral("end_of_stream"), !more}});
}

} // namespace AssetDesk::Sandbox
