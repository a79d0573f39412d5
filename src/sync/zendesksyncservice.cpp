#include "sync/zendesksyncservice.h"

#include "connectors/zendesk/zendeskconnector.h"
#include "core/whenfinished.h"
#include "storage/helpdeskrepository.h"
#include "storage/storage.h"
#include "storage/ticketrepository.h"
#include "sync/connectorpool.h"
#include "sync/jobcontrol.h"
#include "sync/zendesksyncengine.h"
#include "sync/zendesksyncwriter.h"

#include <QPointer>

namespace AssetDesk {

namespace {

Error notZendesk()
{
    return Error(ErrorKind::Validation, ZendeskSyncService::tr("This account is not a Zendesk account."));
}

} // namespace

ZendeskSyncService::ZendeskSyncService(Storage& storage, ConnectorPool& pool, JobRunner& runner, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
    , m_jobs(*this, storage, pool, runner)
{}

QUuid ZendeskSyncService::sync(const Request& request, Done done)
{
    Storage* storage = &m_storage;
    auto run = [storage, request](ServiceConnector& connector, const QString& label,
                                  const std::shared_ptr<JobControl>& control,
                                  AccountSyncJobs::End<ZendeskSyncSummary> end) {
        auto* zendesk = qobject_cast<ZendeskConnector*>(&connector);
        if (!zendesk)
            return end(notZendesk());
        auto* engine = new ZendeskSyncEngine(*storage, *zendesk, request.accountId, label, zendesk);
        ZendeskSyncEngine::Options options;
        options.full = request.full;
        options.perPage = request.perPage;
        options.views = request.views;
        engine->run(options, control, [engine, end](Result<ZendeskSyncSummary> result) {
            engine->deleteLater();
            end(result);
        });
    };
    auto finished = [this, accountId = request.accountId, done](const Result<ZendeskSyncSummary>& result) {
        emit syncFinished(accountId, result);
        if (done)
            done(result);
    };
    return m_jobs.start<ZendeskSyncSummary>(
        request.accountId,
        {QStringLiteral("zendesk-sync"), request.full ? tr("Full ticket sync") : tr("Ticket sync"), true, true},
        request.full ? tr("Full ticket sync: %1") : tr("Ticket sync: %1"), run, finished, [done](const Error& busy) {
            if (done)
                done(busy);
        });
}

void ZendeskSyncService::withConnector(qint64 accountId, std::function<void(ZendeskConnector&, TicketDone)> work,
                                       TicketDone done)
{
    // Back on this object's thread, and never after it is gone.
    const auto reply = replyOn<Result<qint64>>(this, [done](const Result<qint64>& result) {
        if (done)
            done(result);
    });
    ConnectorPool* pool = &m_pool;
    QMetaObject::invokeMethod(pool, [pool, accountId, work, reply] {
        pool->acquire(accountId, [work, reply](Result<ServiceConnector*> acquired) {
            if (!acquired)
                return reply(acquired.error());
            auto* zendesk = qobject_cast<ZendeskConnector*>(*acquired);
            if (!zendesk)
                return reply(notZendesk());
            work(*zendesk, reply);
        });
    });
}

void ZendeskSyncService::refreshTicket(qint64 accountId, qint64 ticketRemoteId, TicketDone done)
{
    Storage* storage = &m_storage;
    withConnector(accountId, [storage, accountId, ticketRemoteId](ZendeskConnector& zendesk, TicketDone reply) {
        QPointer<ZendeskConnector> guard(&zendesk);
        zendesk.helpdesk().ticket(ticketRemoteId, &zendesk, [storage, accountId, guard, reply](Result<Ticket> ticket) {
            if (!ticket)
                return reply(ticket.error());
            if (!guard)
                return reply(Error(ErrorKind::Cancelled, tr("The account changed meanwhile.")));
            guard->helpdesk().comments(ticket->remoteId, guard, [storage, accountId, guard, fetched = *ticket, reply](
                                                                    Result<QList<TicketComment>> comments) {
                if (!comments)
                    return reply(comments.error());
                QList<qint64> authors;
                for (const TicketComment& c : std::as_const(*comments)) {
                    if (c.authorId > 0 && !authors.contains(c.authorId))
                        authors << c.authorId;
                }
                const Result<QSet<qint64>> known = HelpdeskRepository(*storage).knownUserIds(accountId, authors);
                if (!known)
                    return reply(known.error());
                authors.removeIf([&](qint64 id) { return known->contains(id); });
                auto store = [storage, accountId, fetched, conversation = *comments, reply](const QList<HelpdeskUser>& users) {
                    ZendeskSyncWriter::writeConversation(*storage, accountId, fetched, conversation, users)
                        .then([reply](Result<qint64> written) { reply(written); });
                };
                if (authors.isEmpty() || !guard)
                    return store({});
                guard->helpdesk().users(authors, guard, [store, reply](Result<QList<HelpdeskUser>> users) {
                    if (!users)
                        return reply(users.error());
                    store(*users);
                });
            });
        });
    }, std::move(done));
}

void ZendeskSyncService::updateTicket(qint64 accountId, qint64 ticketRemoteId, const ZendeskTicketChange& change,
                                      TicketDone done)
{
    Storage* storage = &m_storage;
    withConnector(accountId, [storage, accountId, ticketRemoteId, change](ZendeskConnector& zendesk, TicketDone reply) {
        zendesk.helpdesk().updateTicket(ticketRemoteId, change, &zendesk, [storage, accountId, reply](Result<Ticket> ticket) {
            if (!ticket)
                return reply(ticket.error());
            storage->write([accountId, stored = *ticket](WriteContext& ctx) {
                       return TicketRepository::upsertTickets(ctx, accountId, {stored});
                   })
                .then([reply](Result<QList<qint64>> ids) {
                    if (!ids)
                        return reply(ids.error());
                    reply(ids->value(0));
                });
        });
    }, std::move(done));
}

} // namespace AssetDesk
