#include "core/whenfinished.h"
#include "sync/damsyncengine.h"

#include "storage/assetquery.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"
#include "storage/syncstaterepository.h"
#include "sync/damsyncwriter.h"
#include "sync/jobcontrol.h"
#include "sync/synclog.h"

#include <QCoreApplication>
#include <QFuture>

namespace AssetDesk {

namespace {
AssetQuery accountQuery(qint64 accountId)
{
    AssetQuery q;
    q.accountId = accountId;
    return q;
}
} // namespace

DamSyncEngine::DamSyncEngine(Storage& storage, DamSource& source, qint64 accountId, QString label, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_source(source)
    , m_accountId(accountId)
    , m_label(std::move(label))
{
}

void DamSyncEngine::run(const Options& options, std::shared_ptr<JobControl> control, Done done)
{
    Q_ASSERT(!m_done);
    m_options = options;
    m_options.pageSize = qMax(1, m_options.pageSize);
    m_options.confirmBatch = qMax(1, m_options.confirmBatch);
    m_control = std::move(control);
    m_done = std::move(done);
    m_summary = {};
    m_summary.accountId = m_accountId;
    m_summary.accountLabel = m_label;
    m_toWrite.clear();
    m_fetching = m_writing = m_listingDone = m_sweepable = false;
    m_seen.clear();
    m_totalHint = -1;
    m_bulkDecided = m_bulkLoad = false;
    m_clock.start();
    abandonRequests();
    m_requests = new QObject(this);
    if (m_control) {
        m_control->onCancel(this, [this] {
            // Abandon the calls in flight; a write in flight completes and is kept.
            abandonRequests();
            if (!m_writing)
                fail(Error(ErrorKind::Cancelled, tr("The sync was cancelled; what it stored is kept.")));
        });
    }
    begin();
}

void DamSyncEngine::begin()
{
    const Result<std::optional<SyncState>> stored = SyncStateRepository(m_storage).get(m_accountId, DamSyncCheckpoint::kResource);
    if (!stored)
        return fail(stored.error());
    DamSyncCheckpoint checkpoint;
    if (stored->has_value()) {
        Result<DamSyncCheckpoint> decoded = DamSyncCheckpoint::decode((*stored)->cursor);
        if (decoded) {
            checkpoint = *decoded;
        } else {
            qCWarning(lcDamSync) << m_label << decoded.error().toLogString();
            checkpoint.sweepDue = true;
        }
    }
    const bool changedSinceOk = m_source.supportsChangedSince() && checkpoint.since.isValid() && !checkpoint.sweepDue;
    const bool resume = checkpoint.inPass
                        && !(m_options.full && checkpoint.mode == DamSyncCheckpoint::Mode::ChangedSince);
    if (resume) {
        // A pass that had committed pages continues after them; one that had not is a fresh start.
        m_summary.resumed = checkpoint.pagesDone > 0 || !checkpoint.cursor.isEmpty();
        checkpoint.resumed = checkpoint.resumed || m_summary.resumed;
    } else {
        checkpoint.inPass = true;
        checkpoint.mode = (m_options.full || !changedSinceOk) ? DamSyncCheckpoint::Mode::Full
                                                               : DamSyncCheckpoint::Mode::ChangedSince;
        checkpoint.passSince = checkpoint.mode == DamSyncCheckpoint::Mode::ChangedSince ? checkpoint.since : QDateTime();
        checkpoint.cursor.clear();
        checkpoint.passStartedAt = QDateTime::currentDateTimeUtc();
        checkpoint.resumed = false;
        checkpoint.pagesDone = 0;
        checkpoint.assetsDone = 0;
        checkpoint.passHighWater = {};
    }
    m_summary.full = checkpoint.mode == DamSyncCheckpoint::Mode::Full;
    m_sweepable = m_summary.full && !checkpoint.resumed;
    m_checkpoint = checkpoint;
    m_fetchPosition = checkpoint;
    qCInfo(lcDamSync) << m_label << (m_summary.full ? "full pass" : "changed-since pass")
                      << (m_summary.resumed ? "resumed at page" : "from page") << checkpoint.pagesDone + 1;
    syncCollections();
}

void DamSyncEngine::syncCollections()
{
    if (m_control)
        m_control->setStatus(tr("Reading collections and galleries…"));
    m_source.fetchCollections(m_requests, [this, ctx = m_requests](Result<QList<Collection>> collections) {
        if (ctx != m_requests)
            return; // an abandoned run's answer
        if (!collections)
            return fail(collections.error());
        whenFinished(DamSyncWriter::writeCollections(m_storage, m_accountId, *collections), this,
                     [this, listed = collections->size()](Result<DamSyncWriter::CollectionsResult> written) {
                         if (!written)
                             return fail(written.error());
                         m_summary.collections = listed;
                         m_summary.collectionsRemoved = written->removed;
                         // The pass is marked as started before its first page, so a run killed on page one
                         // still knows which pass it was in.
                         whenFinished(DamSyncWriter::writeCheckpoint(m_storage, m_accountId, m_checkpoint),
                                      this, [this](Status s) {
                                          if (!s)
                                              return fail(s.error());
                                          fetchNext();
                                      });
                     });
    });
}

void DamSyncEngine::fetchNext()
{
    if (m_fetching || m_listingDone || !m_requests || !m_done)
        return;
    if (m_toWrite.size() >= 2)
        return; // enough read ahead; the writer catches up first
    DamSyncRequest request;
    request.mode = m_fetchPosition.mode == DamSyncCheckpoint::Mode::Full ? DamSyncRequest::Mode::Full
                                                                          : DamSyncRequest::Mode::ChangedSince;
    request.since = m_fetchPosition.passSince;
    request.cursor = m_fetchPosition.cursor;
    request.pageSize = m_options.pageSize;
    m_fetching = true;
    m_source.fetchAssets(request, m_requests, [this, ctx = m_requests](Result<DamAssetPage> page) {
        if (ctx == m_requests)
            onPage(std::move(page));
    });
}

void DamSyncEngine::onPage(Result<DamAssetPage> page)
{
    m_fetching = false;
    if (!m_done)
        return;
    if (!page) {
        Error e = page.error();
        const qint64 pageNumber = m_fetchPosition.pagesDone + 1;
        return fail(Error(e.kind(),
                          tr("%1: reading page %2 failed: %3 Everything up to page %4 is stored; the next sync "
                             "continues from there.")
                              .arg(m_label)
                              .arg(pageNumber)
                              .arg(e.message())
                              .arg(pageNumber - 1),
                          e.detail())
                        .withOrigin(e.origin())
                        .withHttpStatus(e.httpStatus()));
    }
    Fetched fetched;
    fetched.page = std::move(*page);
    if (fetched.page.totalHint >= 0)
        m_totalHint = fetched.page.totalHint;
    notePageProblems(fetched.page);
    if (m_sweepable) {
        for (const Asset& a : std::as_const(fetched.page.assets))
            m_seen.insert(a.remoteId);
        // Items skipped for bad content still exist remotely: they must not be swept.
        for (const DamItemProblem& p : std::as_const(fetched.page.problems)) {
            if (!p.remoteId.isEmpty())
                m_seen.insert(p.remoteId);
        }
    }
    DamSyncCheckpoint& next = m_fetchPosition;
    next.pagesDone += 1;
    next.assetsDone += fetched.page.assets.size();
    if (fetched.page.newestModification.isValid()
        && (!next.passHighWater.isValid() || fetched.page.newestModification > next.passHighWater))
        next.passHighWater = fetched.page.newestModification;
    next.cursor = fetched.page.nextCursor;
    const bool last = fetched.page.complete || fetched.page.nextCursor.isEmpty();
    fetched.after = next;
    if (last) {
        m_listingDone = true;
        // The listing is complete: a changed-since pass is done with this page; a full pass is
        // done too, save the sweep, which the next run redoes if this one dies before it.
        fetched.after.completePass(QDateTime::currentDateTimeUtc(), false);
        if (!m_summary.full)
            fetched.after.sweepDue = m_checkpoint.sweepDue;
    }
    m_toWrite.push_back(std::move(fetched));
    writeNext();
    fetchNext();
}

void DamSyncEngine::writeNext()
{
    if (m_writing || m_toWrite.empty() || !m_done)
        return;
    if (!m_bulkDecided) {
        m_bulkDecided = true;
        if (m_sweepable && m_checkpoint.pagesDone == 0 && m_options.bulkLoadMinimum > 0
            && m_totalHint >= m_options.bulkLoadMinimum) {
            m_writing = true;
            whenFinished(
                DamSyncWriter::beginBulkLoad(m_storage, m_accountId, m_totalHint, m_options.bulkLoadMinimum),
                this, [this](Result<bool> started) {
                    m_writing = false;
                    if (started && *started) {
                        m_bulkLoad = true;
                        qCInfo(lcDamSync) << m_label << "initial pass of" << m_totalHint
                                          << "assets: bulk load, indexes built at the end";
                    }
                    if (!m_done)
                        return endBulkLoadDetached();
                    if (!started) {
                        // Nothing changed (the write rolled back): the pages are indexed as they go.
                        qCWarning(lcDamSync).noquote()
                            << m_label << "no bulk load:" << started.error().toLogString();
                    }
                    if (!m_requests)
                        return fail(Error(ErrorKind::Cancelled,
                                          tr("The sync was cancelled; what it stored is kept.")));
                    writeNext();
                });
            return;
        }
    }
    m_writing = true;
    Fetched fetched = std::move(m_toWrite.front());
    m_toWrite.pop_front();
    const qint64 pageAssets = fetched.page.assets.size();
    whenFinished(DamSyncWriter::writePage(m_storage, m_accountId, fetched.page, fetched.after), this,
                 [this, after = fetched.after, pageAssets](Result<DamSyncWriter::PageResult> written) {
                     m_writing = false;
                     if (!m_done)
                         return;
                     if (!written)
                         return fail(written.error());
                     m_checkpoint = after;
                     m_summary.pages += 1;
                     m_summary.assetsSeen += pageAssets;
                     m_summary.assetsStored += written->stored;
                     m_summary.assetsRemoved += written->removed;
                     if (!written->assetIds.isEmpty())
                         emit assetsStored(written->assetIds);
                     progress();
                     if (!m_requests)
                         return fail(Error(ErrorKind::Cancelled,
                                           tr("The sync was cancelled; what it stored is kept.")));
                     if (!m_toWrite.empty())
                         return writeNext();
                     if (m_listingDone && !m_fetching)
                         return m_summary.full ? sweep() : finish();
                     fetchNext();
                 });
}

void DamSyncEngine::sweep()
{
    if (!m_sweepable) {
        qCInfo(lcDamSync) << m_label << "full pass was resumed: the deletion sweep waits for the next full pass";
        return finish();
    }
    const Result<QStringList> local = AssetRepository(m_storage).remoteIds(m_accountId);
    if (!local)
        return fail(local.error());
    auto suspects = std::make_shared<QStringList>();
    for (const QString& id : *local) {
        if (!m_seen.contains(id))
            suspects->append(id);
    }
    m_seen.clear();
    qCInfo(lcDamSync) << m_label << suspects->size() << "local assets not in the listing; confirming";
    if (m_control && !suspects->isEmpty())
        m_control->setStatus(tr("Confirming %n removal(s)…", nullptr, int(suspects->size())));
    confirmNext(suspects, std::make_shared<DamAssetPage>());
}

void DamSyncEngine::confirmNext(std::shared_ptr<QStringList> suspects, std::shared_ptr<DamAssetPage> confirmed)
{
    if (!m_requests)
        return fail(Error(ErrorKind::Cancelled, tr("The sync was cancelled; what it stored is kept.")));
    if (suspects->isEmpty())
        return completePass(true, *confirmed);
    const QStringList batch = suspects->mid(0, m_options.confirmBatch);
    suspects->remove(0, batch.size());
    m_source.fetchAssetsById(batch, m_requests, [this, ctx = m_requests, suspects, confirmed](Result<DamAssetPage> page) {
        if (ctx != m_requests)
            return;
        if (!page)
            return fail(Error(page.error().kind(),
                              tr("%1: confirming removed assets failed: %2 Nothing was removed; the next full sync "
                                 "tries again.")
                                  .arg(m_label, page.error().message()),
                              page.error().detail()));
        notePageProblems(*page);
        confirmed->removedRemoteIds << page->removedRemoteIds;
        // Still there after all (listed late, or moved in the listing while it was read): keep
        // them up to date instead.
        confirmed->assets << page->assets;
        confirmed->membershipUnknown << page->membershipUnknown;
        confirmNext(suspects, confirmed);
    });
}

void DamSyncEngine::completePass(bool swept, const DamAssetPage& removals)
{
    DamSyncCheckpoint closed = m_checkpoint;
    closed.sweepDue = !swept;
    m_writing = true;
    whenFinished(DamSyncWriter::writeRemovals(m_storage, m_accountId, removals, closed), this,
                 [this, closed, swept](Result<DamSyncWriter::PageResult> written) {
                     m_writing = false;
                     if (!written)
                         return fail(written.error());
                     m_checkpoint = closed;
                     m_summary.swept = swept;
                     m_summary.assetsRemoved += written->removed;
                     m_summary.assetsStored += written->stored;
                     finish();
                 });
}

void DamSyncEngine::notePageProblems(const DamAssetPage& page)
{
    for (const DamItemProblem& p : page.problems) {
        if (p.kept)
            ++m_summary.adjusted;
        else
            ++m_summary.skipped;
        if (m_summary.problems.size() < DamSyncSummary::kMaxProblems)
            m_summary.problems << DamSyncSummary::Problem{p.remoteId, p.error, p.kept};
        qCWarning(lcDamSync).noquote() << m_label << (p.kept ? "kept with adjustment:" : "skipped:")
                                       << p.error.toLogString();
    }
}

void DamSyncEngine::progress()
{
    if (!m_control)
        return;
    const qint64 done = m_checkpoint.inPass ? m_checkpoint.assetsDone : m_summary.assetsSeen;
    m_control->setProgress(done, m_totalHint >= 0 ? qMax(m_totalHint, done) : 0);
    m_control->setStatus(statusText());
}

QString DamSyncEngine::statusText() const
{
    return tr("%1 pages, %2 assets (%3 changed, %4 removed)")
        .arg(m_summary.pages)
        .arg(m_summary.assetsSeen)
        .arg(m_summary.assetsStored)
        .arg(m_summary.assetsRemoved);
}

void DamSyncEngine::abandonRequests()
{
    // deleteLater: this may run inside a callback the context is delivering.
    if (m_requests)
        m_requests->deleteLater();
    m_requests = nullptr;
}

void DamSyncEngine::fail(const Error& error)
{
    if (!m_done)
        return;
    qCWarning(lcDamSync).noquote() << m_label << "sync failed:" << error.toLogString();
    endBulkLoadDetached();
    abandonRequests();
    m_toWrite.clear();
    Done done = std::move(m_done);
    m_done = nullptr;
    m_control.reset();
    done(error);
}

void DamSyncEngine::endBulkLoadDetached()
{
    if (!m_bulkLoad)
        return;
    m_bulkLoad = false;
    // Queued on the writer like any write; a run that failed or was cancelled does not wait for
    // it, and if the process ends first the next Storage::open finishes the load.
    whenFinished(DamSyncWriter::finishBulkLoad(m_storage, m_accountId), this, [label = m_label](Status s) {
        if (!s)
            qCWarning(lcDamSync).noquote()
                << label << "building the indexes failed:" << s.error().toLogString();
    });
}

void DamSyncEngine::finish()
{
    if (!m_done)
        return;
    if (m_bulkLoad) {
        m_bulkLoad = false;
        if (m_control)
            m_control->setStatus(tr("Building the search index…"));
        whenFinished(DamSyncWriter::finishBulkLoad(m_storage, m_accountId), this, [this](Status s) {
            if (!s)
                return fail(s.error());
            finish();
        });
        return;
    }
    const Result<qint64> total = AssetRepository(m_storage).count(accountQuery(m_accountId));
    if (total)
        m_summary.totalLocal = *total;
    m_summary.elapsedMs = m_clock.elapsed();
    qCInfo(lcDamSync) << m_label << "sync done:" << m_summary.pages << "pages," << m_summary.assetsSeen << "assets,"
                      << m_summary.assetsStored << "changed," << m_summary.assetsRemoved << "removed in"
                      << m_summary.elapsedMs << "ms";
    if (m_control)
        m_control->setStatus(statusText());
    abandonRequests();
    Done done = std::move(m_done);
    m_done = nullptr;
    m_control.reset();
    done(m_summary);
}

} // namespace AssetDesk
