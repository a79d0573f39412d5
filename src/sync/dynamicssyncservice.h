#pragma once

#include "core/result.h"
#include "sync/accountsyncjobs.h"
#include "sync/dynamicssyncsummary.h"

#include <QObject>
#include <QUuid>

#include <functional>

namespace AssetDesk {

class ConnectorPool;
class JobRunner;
class Storage;

// Starts CRM syncs of Dynamics 365 accounts as jobs (the Jobs pane shows their progress): one
// DynamicsSyncEngine per run on the connector pool's (network) thread, reading through the
// account's DynamicsConnector::webApi(). One sync per account at a time. Lives on the GUI thread
// (or the CLI's main thread) and never blocks it.
class DynamicsSyncService : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        qint64 accountId = 0;
        bool full = false;  // read every table in full (and sweep), ignoring the delta links
        int pageSize = 500;
    };
    using Done = std::function<void(Result<DynamicsSyncSummary>)>;

    DynamicsSyncService(Storage& storage, ConnectorPool& pool, JobRunner& runner, QObject* parent = nullptr);

    // The job's id; `done` (optional) runs on this object's thread when the job ends. A second
    // sync of an account already syncing is refused through `done` (Conflict) and returns a null id.
    QUuid sync(const Request& request, Done done = {});
    bool isSyncing(qint64 accountId) const { return m_jobs.isRunning(accountId); }

signals:
    void syncFinished(qint64 accountId, const AssetDesk::Result<AssetDesk::DynamicsSyncSummary>& result);

private:
    Storage& m_storage;
    AccountSyncJobs m_jobs;
};

} // namespace AssetDesk

