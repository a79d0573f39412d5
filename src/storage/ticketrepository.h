#pragma once

#include "core/result.h"
#include "core/ticket.h"
#include "core/ticketcomment.h"
#include "core/zendeskview.h"
#include "storage/connectionsource.h"
#include "storage/ticketquery.h"

#include <QList>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// The Zendesk ticket cache (schemas 1 and 8): tickets, their comments, the agents' views and which
// tickets each view listed. Organization and requester names (Ticket::organization/requester) and
// comment authors are joined in from HelpdeskRepository's tables on read.
// Style as in LineageRepository: const reads on the calling thread, static writes in a WriteContext.
// ChangeSet: EntityKind::Ticket (local tickets.id), TicketComment (ticket_comments.id), TicketView
// (ticket_views.id; Updated when its membership changes).
class TicketRepository
{
public:
    explicit TicketRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit TicketRepository(const WriteContext& context)
        : m_source(context)
    {}

    Result<QList<Ticket>> tickets(qint64 accountId, const TicketQuery& query = {}) const;
    Result<qint64> count(qint64 accountId, const TicketQuery& query = {}) const;
    Result<std::optional<Ticket>> ticket(qint64 id) const;
    Result<std::optional<Ticket>> ticketByRemoteId(qint64 accountId, qint64 remoteId) const;
    // The conversation, oldest first, with author names where the user is cached.
    Result<QList<TicketComment>> comments(qint64 ticketId) const;
    // One comment by its local id (ticket_comments.id, as lineage names it).
    Result<std::optional<TicketComment>> comment(qint64 id) const;
    // Active and inactive views, by position then title.
    Result<QList<ZendeskView>> views(qint64 accountId) const;
    Result<std::optional<ZendeskView>> viewByTitle(qint64 accountId, const QString& title) const;
    // Local ids of those remote ids that are cached, in the given order (unknown ones left out).
    Result<QList<qint64>> localIds(qint64 accountId, const QList<qint64>& remoteIds) const;

    // Inserts or updates tickets by (account, remote id); returns their local ids in the given
    // order. Ticket::id, organization/requester names and commentsSyncedAt are ignored (names
    // come from the cached organizations and users; the comment time is written by
    // upsertComments). Validation: a remote id is required.
    static Result<QList<qint64>> upsertTickets(WriteContext& ctx, qint64 accountId, const QList<Ticket>& tickets);
    // Removes the tickets (and their comments and view memberships) with those remote ids; returns
    // how many existed.
    static Result<int> removeTickets(WriteContext& ctx, qint64 accountId, const QList<qint64>& remoteIds);

    // Inserts or updates the comments of one ticket by remote id (comments are not deleted: Zendesk
    // redacts instead). With markSynced, the ticket's commentsSyncedAt becomes the transaction
    // time. Returns local comment ids in the given order.
    static Result<QList<qint64>> upsertComments(WriteContext& ctx, qint64 ticketId, const QList<TicketComment>& comments,
                                                bool markSynced);
    // One comment (e.g. the one an attach job just created); comment.ticketId is the local ticket.
    static Result<qint64> addComment(WriteContext& ctx, const TicketComment& comment);

    // Makes the account's views exactly these (by remote id): upserts them and removes the others.
    // Returns local ids in the given order.
    static Result<QList<qint64>> replaceViews(WriteContext& ctx, qint64 accountId, const QList<ZendeskView>& views);
    // The tickets (local ids) a view lists now, replacing its previous membership.
    static Status setViewMembers(WriteContext& ctx, qint64 viewId, const QList<qint64>& ticketIds);

private:
    Result<QList<Ticket>> select(const QString& where, const QVariantHash& values, const QString& tail) const;

    ConnectionSource m_source;
};

} // namespace AssetDesk
