#include "connectors/zendesk/zendeskhelpdesk.h"

#include "connectors/apiurl.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"
#include "net/httpresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>

namespace AssetDesk {

namespace {

const QString kPageSize = QStringLiteral("page[size]");
const QString kPageAfter = QStringLiteral("page[after]");

HttpRequest getRequest(const QUrl& url, const QString& tag)
{
    HttpRequest r = HttpRequest::get(url);
    r.setHeader("Accept", "application/json");
    r.logTag = tag;
    return r;
}

} // namespace

ZendeskHelpdesk::ZendeskHelpdesk(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{}

QUrl ZendeskHelpdesk::url(const QString& path, const QList<std::pair<QString, QString>>& query) const
{
    QUrl u = apiUrl(m_root, path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto& [key, value] : query)
            q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        u.setQuery(q);
    }
    return u;
}

void ZendeskHelpdesk::walk(const QUrl& first, const QString& tag, QObject* context,
                           PageHandler onPage, std::function<void(Status)> done)
{
    // A recursive step: fetch, hand over, continue with the cursor (or an offset next_page on
    // endpoints and emulators that page by offset), until the last page. The step holds itself
    // only weakly; the request in flight holds it, so it goes with the last answer (or with the
    // context, which drops the answer).
    auto step = std::make_shared<std::function<void(QUrl, int)>>();
    QPointer<ZendeskHelpdesk> self(this);
    *step = [self, weakStep = std::weak_ptr(step), tag, context, onPage, done, first](QUrl pageUrl, int index) {
        auto current = weakStep.lock();
        if (!self || !current)
            return;
        self->m_http->send(getRequest(pageUrl, QStringLiteral("%1 p%2").arg(tag).arg(index + 1)), context,
                           [self, current, onPage, done, first, index](Result<HttpResponse> response) {
            auto finish = [done](Status s) { done(std::move(s)); };
            if (!response)
                return finish(response.error());
            const Result<QJsonObject> page = jsonObject(*response);
            if (!page)
                return finish(page.error());
            const Result<bool> more = onPage(*page);
            if (!more)
                return finish(more.error());
            if (!*more)
                return finish({});
            QUrl next;
            if (page->value(QLatin1String("meta")).isObject()) {
                const Result<ZendeskCursor> cursor = ZendeskMapper::cursor(*page);
                if (!cursor)
                    return finish(cursor.error());
                if (cursor->hasMore) {
                    next = first;
                    QUrlQuery q(next);
                    q.removeAllQueryItems(kPageAfter);
                    q.addQueryItem(kPageAfter, QString::fromLatin1(QUrl::toPercentEncoding(cursor->afterCursor)));
                    next.setQuery(q);
                }
            } else if (page->value(QLatin1String("next_page")).isString()) {
                next = QUrl(page->value(QLatin1String("next_page")).toString());
                // Credentials go to the account's own origin only.
                if (!self || next.scheme() != self->m_root.scheme() || next.host() != self->m_root.host()
                    || next.port() != self->m_root.port())
                    return finish(Error(ErrorKind::Parse, tr("Zendesk pointed the next page at another server."),
                                        next.toString(QUrl::RemoveQuery))
                                      .withOrigin(QStringLiteral("zendesk")));
            }
            if (next.isEmpty() || !self)
                return finish({});
            if (index >= 100000)
                return finish(Error(ErrorKind::Parse, tr("Zendesk kept sending more pages.")).withOrigin(QStringLiteral("zendesk")));
            (*current)(next, index + 1);
        });
    };
    (*step)(first, 0);
}

void ZendeskHelpdesk::views(QObject* context, Callback<QList<ZendeskView>> done)
{
    auto all = std::make_shared<QList<ZendeskView>>();
    walk(url(QStringLiteral("/api/v2/views"), {{kPageSize, QString::number(kMaxPageSize)}}), QStringLiteral("views"), context,
         [all](const QJsonObject& page) -> Result<bool> {
             Result<QList<ZendeskView>> views = ZendeskMapper::views(page);
             if (!views)
                 return views.error();
             *all << *views;
             return true;
         },
         [all, done](Status s) { s ? done(*all) : done(s.error()); });
}

void ZendeskHelpdesk::viewTickets(qint64 viewId, const QString& afterCursor, int pageSize, QObject* context,
                                  Callback<ZendeskTicketPage> done)
{
    QList<std::pair<QString, QString>> query{{kPageSize, QString::number(qBound(1, pageSize, kMaxPageSize))}};
    if (!afterCursor.isEmpty())
        query.append({kPageAfter, afterCursor});
    m_http->send(getRequest(url(QStringLiteral("/api/v2/views/%1/tickets").arg(viewId), query), QStringLiteral("view tickets")),
                 context, [done](Result<HttpResponse> response) {
                     if (!response)
                         return done(response.error());
                     const Result<QJsonObject> page = jsonObject(*response);
                     if (!page)
                         return done(page.error());
                     Result<QList<Ticket>> tickets = ZendeskMapper::tickets(*page);
                     if (!tickets)
                         return done(tickets.error());
                     Result<ZendeskCursor> cursor = ZendeskMapper::cursor(*page);
                     if (!cursor)
                         return done(cursor.error());
                     done(ZendeskTicketPage{*tickets, *cursor});
                 });
}

void ZendeskHelpdesk::viewTicketIds(qint64 viewId, int maxPages, QObject* context, Callback<QList<qint64>> done)
{
    auto ids = std::make_shared<QList<qint64>>();
    auto pages = std::make_shared<int>(0);
    walk(url(QStringLiteral("/api/v2/views/%1/tickets").arg(viewId), {{kPageSize, QString::number(kMaxPageSize)}}),
         QStringLiteral("view %1 tickets").arg(viewId), context,
         [ids, pages, maxPages](const QJsonObject& page) -> Result<bool> {
             Result<QList<Ticket>> tickets = ZendeskMapper::tickets(page);
             if (!tickets)
                 return tickets.error();
             for (const Ticket& t : std::as_const(*tickets))
                 *ids << t.remoteId;
             return ++*pages < maxPages;
         },
         [ids, done](Status s) { s ? done(*ids) : done(s.error()); });
}

void ZendeskHelpdesk::ticket(qint64 ticketId, QObject* context, Callback<Ticket> done)
{
    m_http->send(getRequest(url(QStringLiteral("/api/v2/tickets/%1").arg(ticketId)), QStringLiteral("ticket")), context,
                 [done](Result<HttpResponse> response) {
                     if (!response)
                         return done(response.error());
                     const Result<QJsonObject> json = jsonObject(*response);
                     if (!json)
                         return done(json.error());
                     done(ZendeskMapper::ticket(json->value(QLatin1String("ticket")).toObject()));
                 });
}

QByteArray ZendeskHelpdesk::updateBody(const ZendeskTicketChange& change)
{
    QJsonObject ticket;
    if (change.tags)
        ticket.insert(QStringLiteral("tags"), QJsonArray::fromStringList(*change.tags));
    if (change.priority)
        ticket.insert(QStringLiteral("priority"), change.priority->isEmpty() ? QJsonValue() : QJsonValue(*change.priority));
    if (change.status)
        ticket.insert(QStringLiteral("status"), *change.status);
    if (change.updatedStamp.isValid()) {
        // Refused (409) if the ticket changed since the agent saw it, rather than overwriting.
        ticket.insert(QStringLiteral("safe_update"), true);
        ticket.insert(QStringLiteral("updated_stamp"),
                      change.updatedStamp.toUTC().toString(QStringLiteral("yyyy-MM-ddThh:mm:ssZ")));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("ticket"), ticket}}).toJson(QJsonDocument::Compact);
}

void ZendeskHelpdesk::updateTicket(qint64 ticketId, const ZendeskTicketChange& change, QObject* context, Callback<Ticket> done)
{
    if (change.isEmpty()) {
        QMetaObject::invokeMethod(context, [done] {
            done(Error(ErrorKind::Validation, tr("Nothing to change on the ticket.")));
        }, Qt::QueuedConnection);
        return;
    }
    HttpRequest request = HttpRequest::put(url(QStringLiteral("/api/v2/tickets/%1").arg(ticketId)), updateBody(change),
                                           "application/json");
    request.setHeader("Accept", "application/json");
    // Absolute values only (no comment, no additional_tags): repeating it changes nothing more.
    request.idempotent = true;
    request.logTag = QStringLiteral("update ticket");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response) {
            if (response.error().httpStatus() == 409) {
                return done(Error(ErrorKind::Conflict,
                                  tr("Someone changed this ticket in Zendesk since it was loaded; nothing was "
                                     "changed. Look at the ticket as it is now and apply again."),
                                  response.error().detail())
                                .withHttpStatus(409)
                                .withApiCode(response.error().apiCode())
                                .withOrigin(response.error().origin()));
            }
            return done(response.error());
        }
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        done(ZendeskMapper::ticket(json->value(QLatin1String("ticket")).toObject()));
    });
}

void ZendeskHelpdesk::comments(qint64 ticketId, QObject* context, Callback<QList<TicketComment>> done)
{
    auto all = std::make_shared<QList<TicketComment>>();
    walk(url(QStringLiteral("/api/v2/tickets/%1/comments").arg(ticketId), {{kPageSize, QString::number(kMaxPageSize)}}),
         QStringLiteral("comments"), context,
         [all](const QJsonObject& page) -> Result<bool> {
             Result<QList<TicketComment>> comments = ZendeskMapper::comments(page);
             if (!comments)
                 return comments.error();
             *all << *comments;
             return true;
         },
         [all, done](Status s) { s ? done(*all) : done(s.error()); });
}

void ZendeskHelpdesk::users(const QList<qint64>& userIds, QObject* context, Callback<QList<HelpdeskUser>> done)
{
    usersFrom(std::make_shared<QList<qint64>>(userIds), std::make_shared<QList<HelpdeskUser>>(), context, std::move(done));
}

void ZendeskHelpdesk::usersFrom(std::shared_ptr<QList<qint64>> pending, std::shared_ptr<QList<HelpdeskUser>> found,
                                QObject* context, Callback<QList<HelpdeskUser>> done)
{
    if (pending->isEmpty()) {
        QMetaObject::invokeMethod(context, [found, done] { done(*found); }, Qt::QueuedConnection);
        return;
    }
    QStringList ids;
    while (!pending->isEmpty() && ids.size() < kMaxPageSize)
        ids << QString::number(pending->takeFirst());
    QPointer<ZendeskHelpdesk> self(this);
    m_http->send(getRequest(url(QStringLiteral("/api/v2/users/show_many"), {{QStringLiteral("ids"), ids.join(QLatin1Char(','))}}),
                            QStringLiteral("users")),
                 context, [self, pending, found, context, done](Result<HttpResponse> response) {
                     if (!response)
                         return done(response.error());
                     const Result<QJsonObject> json = jsonObject(*response);
                     if (!json)
                         return done(json.error());
                     Result<QList<HelpdeskUser>> users = ZendeskMapper::users(*json);
                     if (!users)
                         return done(users.error());
                     *found << *users;
                     if (self)
                         self->usersFrom(pending, found, context, done);
                 });
}

void ZendeskHelpdesk::organizations(QObject* context, Callback<QList<HelpdeskOrganization>> done)
{
    auto all = std::make_shared<QList<HelpdeskOrganization>>();
    walk(url(QStringLiteral("/api/v2/organizations"), {{kPageSize, QString::number(kMaxPageSize)}}),
         QStringLiteral("organizations"), context,
         [all](const QJsonObject& page) -> Result<bool> {
             Result<QList<HelpdeskOrganization>> organizations = ZendeskMapper::organizations(page);
             if (!organizations)
                 return organizations.error();
             *all << *organizations;
             return true;
         },
         [all, done](Status s) { s ? done(*all) : done(s.error()); });
}

void ZendeskHelpdesk::searchTickets(const QString& query, int limit, QObject* context, Callback<QList<Ticket>> done)
{
    const QString q = query.contains(QLatin1String("type:")) ? query : QStringLiteral("type:ticket ") + query;
    auto all = std::make_shared<QList<Ticket>>();
    // Search pages by offset only (zendesk.md §7); walk() follows next_page and stops at the limit.
    walk(url(QStringLiteral("/api/v2/search"), {{QStringLiteral("query"), q}, {QStringLiteral("per_page"), QString::number(kMaxPageSize)}}),
         QStringLiteral("search"), context,
         [all, limit](const QJsonObject& page) -> Result<bool> {
             Result<QList<Ticket>> tickets = ZendeskMapper::searchTickets(page);
             if (!tickets)
                 return tickets.error();
             *all << *tickets;
             if (all->size() < limit)
                 return true;
             all->resize(limit);
             return false;
         },
         [all, done](Status s) { s ? done(*all) : done(s.error()); });
}

} // namespace AssetDesk
