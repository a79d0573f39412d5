#pragma once

#include "core/result.h"
#include "sync/accountsyncjobs.h"
#include "sync/damsyncsummary.h"

#include <QObject>
#include <QUuid>

#include <functional>

namespace AssetDesk {

class ConnectorPool;
class JobRunner;
class Storage;
class ThumbnailCache;

// Starts DAM syncs as jobs (the Jobs pane shows their progress): one DamSyncEngine per run on the
// connector pool's (network) thread, reaching the account's connector only as a DamSource; with
// a thumbnail cache, a DamThumbnailFetcher fills in thumbnails of what the run stored and the job
// ends when they are done too. One sync per account at a time. Lives on the GUI thread (or the
// CLI's main thread) and never blocks it.
class DamSyncService : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        qint64 accountId = 0;
        bool full = false;
        int pageSize = 500;
        bool thumbnails = true;
    };
    using Done = std::function<void(Result<DamSyncSummary>)>;

    DamSyncService(Storage& storage, ConnectorPool& pool, JobRunner& runner, ThumbnailCache* thumbnails = nullptr,
                   QObject* parent = nullptr);

    // The job's id; `done` (optional) runs on this object's thread when the job ends. A second
    // sync of an account already syncing is refused through `done` (Conflict) and returns a null id.
    QUuid sync(const Request& request, Done done = {});
    bool isSyncing(qint64 accountId) const { return m_jobs.isRunning(accountId); }

    // Thumbnails for these assets (the library shows them without one): fetched in the background
    // on the connector pool's thread by one DamThumbnailFetcher per account, which lives as long
    // as the account's connector. Assets of accounts that are not DAMs are ignored.
    void fetchThumbnails(const QList<qint64>& assetIds);

signals:
    void syncFinished(qint64 accountId, const AssetDesk::Result<AssetDesk::DamSyncSummary>& result);

private:
    Storage& m_storage;
    ConnectorPool& m_pool;
    ThumbnailCache* m_thumbnails;
    AccountSyncJobs m_jobs;
};

} // namespace AssetDesk
