#pragma once

#include "connectors/damsource.h"
#include "core/result.h"
#include "sync/damsynccheckpoint.h"
#include "sync/damsyncsummary.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <deque>
#include <functional>
#include <memory>

namespace AssetDesk {

class JobControl;
class Storage;

// Syncs one DAM account (PhotoShelter, iconik) into the local cache through its DamSource only.
//
// A run: collections first (service > organization > collections / galleries, with removals),
// then the assets page by page. Each page is written together with the checkpoint of the page
// after it (DamSyncWriter), so a crash or SIGKILL at any point resumes at the first page not
// committed: nothing lost, nothing stored twice (assets are upserted by remote id). While a page
// is being written the next one is already being fetched.
//
// Incremental runs use ChangedSince from the last complete pass's high-water mark where the
// service supports it (removals then come from the service); otherwise, and with `full`, a full
// pass lists everything and, if it saw the whole listing in one run, sweeps: local assets the
// listing did not show are looked up with fetchAssetsById and removed only when the service
// confirms they are gone. A full pass continued from an earlier run cannot know what the pages
// before it saw, so it leaves the sweep to the next run (which is then a full pass).
//
// A full first pass into a library that holds little yet (the service's total at least
// `bulkLoadMinimum` and four times what is stored) is a bulk load (AssetBulkLoad): the library's
// secondary and full-text indexes are set aside and built once when the run ends, failed or not
// (a killed run's are built by the next Storage::open). Until then search does not see the new
// assets' text.
//
// Items a page could not store are reported in the summary (the rest of the page is kept); a
// page that fails after the HttpClient's retries ends the run with a clear error, keeping
// everything committed before it, and the next run continues there.
//
// Lives on the DamSource's thread (the network thread); storage writes run on the writer thread
// and come back here. `done` runs once, on this thread.
class DamSyncEngine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool full = false;
        int pageSize = 500;
        int confirmBatch = 100; // ids per fetchAssetsById during the sweep
        qint64 bulkLoadMinimum = 20000; // see above; <= 0: never a bulk load
    };
    using Done = std::function<void(Result<DamSyncSummary>)>;

    DamSyncEngine(Storage& storage, DamSource& source, qint64 accountId, QString label, QObject* parent = nullptr);

    // `control` may be null (tests); with one, progress shows in the Jobs pane and cancelling stops
    // the run after the page being written (which is kept).
    void run(const Options& options, std::shared_ptr<JobControl> control, Done done);
    bool isRunning() const { return static_cast<bool>(m_done); }

signals:
    // Assets of a committed page, for the thumbnail fetcher.
    void assetsStored(const QList<qint64>& assetIds);

private:
    struct Fetched
    {
        DamAssetPage page;
        DamSyncCheckpoint after; // the checkpoint to commit with it
    };

    void begin();
    void syncCollections();
    void fetchNext();
    void onPage(Result<DamAssetPage> page);
    void writeNext();
    void sweep();
    void confirmNext(std::shared_ptr<QStringList> suspects, std::shared_ptr<DamAssetPage> confirmed);
    void completePass(bool swept, const DamAssetPage& removals);
    void abandonRequests();
    void fail(const Error& error);
    void finish();
    void endBulkLoadDetached();
    void notePageProblems(const DamAssetPage& page);
    void progress();
    QString statusText() const;

    Storage& m_storage;
    DamSource& m_source;
    const qint64 m_accountId;
    const QString m_label;

    Options m_options;
    std::shared_ptr<JobControl> m_control;
    Done m_done;
    DamSyncSummary m_summary;
    DamSyncCheckpoint m_checkpoint;      // last committed
    DamSyncCheckpoint m_fetchPosition;   // where the next fetch starts (runs ahead of m_checkpoint)
    std::deque<Fetched> m_toWrite;
    bool m_fetching = false;
    bool m_writing = false;
    bool m_listingDone = false;
    bool m_sweepable = false;            // this run saw the full listing from its first page
    QSet<QString> m_seen;
    qint64 m_totalHint = -1;
    bool m_bulkDecided = false;          // whether this run loads in bulk has been decided
    bool m_bulkLoad = false;             // a bulk load is in progress and this run ends it
    QElapsedTimer m_clock;
    QObject* m_requests = nullptr;       // context of the source calls; deleted to abandon them
};

} // namespace AssetDesk
