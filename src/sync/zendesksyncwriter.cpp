#include "sync/zendesksyncwriter.h"

#include "storage/helpdeskrepository.h"
#include "storage/storage.h"
#include "storage/syncstaterepository.h"
#include "storage/ticketrepository.h"

#include <QElapsedTimer>

namespace AssetDesk {

const QString ZendeskSyncWriter::kTicketsResource = QStringLiteral("zendesk:tickets");

QFuture<Result<ZendeskSyncWriter::PageResult>> ZendeskSyncWriter::writePage(Storage& storage, qint64 accountId,
                                                                            const QList<Ticket>& tickets,
                                                                            const QList<qint64>& deletedIds,
                                                                            const QList<HelpdeskUser>& users,
                                                                            const QString& position)
{
    return storage.write([=](WriteContext& ctx) -> Result<PageResult> {
        QElapsedTimer timer;
        timer.start();
        PageResult result;
        if (!users.isEmpty()) {
            if (auto stored = HelpdeskRepository::upsertUsers(ctx, accountId, users); !stored)
                return stored.error();
        }
        if (!tickets.isEmpty()) {
            Result<QList<qint64>> ids = TicketRepository::upsertTickets(ctx, accountId, tickets);
            if (!ids)
                return ids.error();
            result.stored = ids->size();
        }
        if (!deletedIds.isEmpty()) {
            Result<int> removed = TicketRepository::removeTickets(ctx, accountId, deletedIds);
            if (!removed)
                return removed.error();
            result.removed = *removed;
        }
        // The position last, in the same transaction: it is committed only with the page.
        if (Status s = SyncStateRepository::save(ctx, accountId, kTicketsResource, position); !s)
            return s.error();
        result.writeMs = timer.elapsed();
        return result;
    });
}

QFuture<Status> ZendeskSyncWriter::writeDirectory(Storage& storage, qint64 accountId,
                                                  const QList<HelpdeskOrganization>& organizations)
{
    return storage.write([=](WriteContext& ctx) -> Status {
        if (auto stored = HelpdeskRepository::upsertOrganizations(ctx, accountId, organizations); !stored)
            return stored.error();
        return {};
    });
}

QFuture<Status> ZendeskSyncWriter::writeViews(Storage& storage, qint64 accountId, const QList<ZendeskView>& views,
                                              const QHash<qint64, QList<qint64>>& members)
{
    return storage.write([=](WriteContext& ctx) -> Status {
        Result<QList<qint64>> ids = TicketRepository::replaceViews(ctx, accountId, views);
        if (!ids)
            return ids.error();
        const TicketRepository tickets(ctx);
        for (qsizetype i = 0; i < views.size(); ++i) {
            if (!members.contains(views.at(i).remoteId))
                continue;
            // Tickets the export has not brought yet are left out until the next round.
            Result<QList<qint64>> local = tickets.localIds(accountId, members.value(views.at(i).remoteId));
            if (!local)
                return local.error();
            if (Status s = TicketRepository::setViewMembers(ctx, ids->at(i), *local); !s)
                return s;
        }
        return {};
    });
}

QFuture<Result<qint64>> ZendeskSyncWriter::writeConversation(Storage& storage, qint64 accountId,
                                                                    const Ticket& ticket,
                                                                    const QList<TicketComment>& comments,
                                                                    const QList<HelpdeskUser>& authors)
{
    return storage.write([=](WriteContext& ctx) -> Result<qint64> {
        if (!authors.isEmpty()) {
            if (auto stored = HelpdeskRepository::upsertUsers(ctx, accountId, authors); !stored)
                return stored.error();
        }
        Result<QList<qint64>> ids = TicketRepository::upsertTickets(ctx, accountId, {ticket});
        if (!ids)
            return ids.error();
        if (auto stored = TicketRepository::upsertComments(ctx, ids->at(0), comments, true); !stored)
            return stored.error();
        return ids->at(0);
    });
}

QFuture<Status> ZendeskSyncWriter::clearPosition(Storage& storage, qint64 accountId)
{
    return storage.write([=](WriteContext& ctx) { return SyncStateRepository::clear(ctx, accountId, kTicketsResource); });
}

} // namespace AssetDesk
