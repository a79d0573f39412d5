#pragma once

#include "connectors/zendesk/zendeskhelpdesk.h"
#include "connectors/zendesk/zendeskincremental.h"
#include "core/result.h"
#include "sync/accountsyncjobs.h"
#include "sync/zendesksyncsummary.h"

#include <QObject>
#include <QUuid>

#include <functional>

namespace AssetDesk {

class ConnectorPool;
class JobRunner;
class Storage;
class ZendeskConnector;

// Starts Zendesk syncs as jobs (the Jobs pane shows their progress) with one ZendeskSyncEngine per
// run on the connector pool's (network) thread, and does the on-demand work of the helpdesk pane
// there too: a ticket's conversation when it is opened, a change of tags / priority / status.
// One sync per account at a time. Lives on the GUI thread (or the CLI's main thread) and never
// blocks it; every callback runs on this object's thread.
class ZendeskSyncService : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        qint64 accountId = 0;
        bool full = false;
        int perPage = ZendeskIncremental::kMaxPerPage;
        bool views = true;
    };
    using Done = std::function<void(Result<ZendeskSyncSummary>)>;
    // The local id of the ticket that was refreshed or changed.
    using TicketDone = std::function<void(Result<qint64>)>;

    ZendeskSyncService(Storage& storage, ConnectorPool& pool, JobRunner& runner, QObject* parent = nullptr);

    // The job's id; a second sync of an account already syncing is refused through `done`
    // (Conflict) and returns a null id.
    QUuid sync(const Request& request, Done done = {});
    bool isSyncing(qint64 accountId) const { return m_jobs.isRunning(accountId); }

    // Fetches the ticket and its whole conversation (with authors not cached yet) and stores them;
    // TicketRepository::comments() then has them and Ticket::commentsSyncedAt is now.
    void refreshTicket(qint64 accountId, qint64 ticketRemoteId, TicketDone done);
    // PUT the change, then store the ticket as Zendesk answered it.
    void updateTicket(qint64 accountId, qint64 ticketRemoteId, const ZendeskTicketChange& change, TicketDone done);

signals:
    void syncFinished(qint64 accountId, const AssetDesk::Result<AssetDesk::ZendeskSyncSummary>& result);

private:
    // Runs `work` on the pool's thread with the account's Zendesk connector; `done` comes back here.
    void withConnector(qint64 accountId, std::function<void(ZendeskConnector&, TicketDone)> work, TicketDone done);

    Storage& m_storage;
    ConnectorPool& m_pool;
    AccountSyncJobs m_jobs;
};

} // namespace AssetDesk
