#pragma once

#include "connectors/zendesk/zendeskmapper.h"
#include "core/result.h"
#include "core/ticketchange.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace AssetDesk {

class HttpClient;
struct Account;

// What an agent changes on a ticket from AssetDesk (zendesk.md §3): unset fields are not sent.
// `tags` replaces the whole list (idempotent, so the PUT may be retried after a 429).
// The fields an agent changes (core: TicketChange); Zendesk takes them as one PUT.
using ZendeskTicketChange = TicketChange;

// One cursor page of tickets (a view's tickets).
struct ZendeskTicketPage
{
    QList<Ticket> tickets;
    ZendeskCursor cursor;
};

// The read side of the Zendesk Support API for the helpdesk (views, tickets, comments, users,
// organizations, search) plus the ticket field update. Lives on the connector's (network)
// thread and shares its HttpClient, so auth, the rate budget and 429 + Retry-After handling (the
// client waits and retries idempotent requests) apply to every call. Callbacks run on their
// context's thread and not at all once it is gone.
class ZendeskHelpdesk : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    static constexpr int kMaxPageSize = 100; // page[size] limit of the list endpoints

    ZendeskHelpdesk(const Account& account, HttpClient* http, QObject* parent = nullptr);

    // GET /api/v2/views/active, every page.
    void views(QObject* context, Callback<QList<ZendeskView>> done);
    // GET /api/v2/views/{id}/tickets, one cursor page (afterCursor empty: the first).
    void viewTickets(qint64 viewId, const QString& afterCursor, int pageSize, QObject* context,
                     Callback<ZendeskTicketPage> done);
    // The ticket ids a view lists now, in its order: its first `maxPages` pages of 100.
    void viewTicketIds(qint64 viewId, int maxPages, QObject* context, Callback<QList<qint64>> done);
    void ticket(qint64 ticketId, QObject* context, Callback<Ticket> done);
    // PUT /api/v2/tickets/{id} with the change; answers the ticket as Zendesk stored it.
    void updateTicket(qint64 ticketId, const ZendeskTicketChange& change, QObject* context, Callback<Ticket> done);
    // GET /api/v2/tickets/{id}/comments, every page, oldest first (ticketId of each comment is 0:
    // the caller knows the local ticket).
    void comments(qint64 ticketId, QObject* context, Callback<QList<TicketComment>> done);
    // GET /api/v2/users/show_many, 100 ids per request; unknown ids are simply absent.
    void users(const QList<qint64>& userIds, QObject* context, Callback<QList<HelpdeskUser>> done);
    // GET /api/v2/organizations, every page, with organization_fields.
    void organizations(QObject* context, Callback<QList<HelpdeskOrganization>> done);
    // GET /api/v2/search?query=type:ticket ..., the tickets of the first page(s), at most `limit`.
    void searchTickets(const QString& query, int limit, QObject* context, Callback<QList<Ticket>> done);

    static QByteArray updateBody(const ZendeskTicketChange& change);

private:
    QUrl url(const QString& path, const QList<std::pair<QString, QString>>& query = {}) const;
    // Walks the cursor pages of `first`, handing each to `onPage` (false: enough); errors end the walk.
    using PageHandler = std::function<Result<bool>(const QJsonObject&)>;
    void walk(const QUrl& first, const QString& tag, QObject* context, PageHandler onPage, std::function<void(Status)> done);
    void usersFrom(std::shared_ptr<QList<qint64>> pending, std::shared_ptr<QList<HelpdeskUser>> found,
                   QObject* context, Callback<QList<HelpdeskUser>> done);

    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
