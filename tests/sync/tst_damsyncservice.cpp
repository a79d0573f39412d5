#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/sandboxmanifest.h"
#include "media/thumbnailcache.h"
#include "net/memorysecretvault.h"
#include "sandbox/sandboxserver.h"
#include "storage/accountrepository.h"
#include "storage/assetquery.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/connectorpool.h"
#include "sync/damsyncservice.h"
#include "sync/jobrunner.h"
#include "sandbox/faultrule.h"

#include "sandboxaccountsetup.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using AssetDesk::SyncTest::addSandboxAccount;
using AssetDesk::SyncTest::manifestOf;

// DamSyncService against the sandbox: a sync as a job, and thumbnails fetched on request for the
// assets the library shows without one.
class TestDamSyncService : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    SandboxManifest m_manifest;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();

    static bool hasCachedRendition(const Asset& asset)
    {
        for (const Rendition& r : asset.renditions) {
            if (!r.localPath.isEmpty() && QFileInfo::exists(r.localPath))
                return true;
        }
        return false;
    }

    // A workspace of its own with a PhotoShelter account of the sandbox and the pool over it.
    struct Workspace
    {
        std::unique_ptr<Storage> storage;
        ConnectorContext connectors;
        JobRunner jobs;
        std::unique_ptr<ConnectorPool> pool;
        Account account;
    };

    std::unique_ptr<Workspace> workspace(const QString& file)
    {
        Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(m_dir.filePath(file)));
        if (!opened)
            return nullptr;
        auto w = std::make_unique<Workspace>();
        w->storage = std::move(opened).value();
        w->pool = std::make_unique<ConnectorPool>(*w->storage, m_vault, m_registry, w->connectors);
        const Result<Account> added = addSandboxAccount(*w->storage, m_vault, m_manifest, Service::PhotoShelter, this);
        if (!added)
            return nullptr;
        w->account = *added;
        return w;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        m_manifest = *manifest;
    }

    void fetchesTheThumbnailsTheLibraryAsksFor()
    {
        Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(m_dir.filePath(QStringLiteral("w.sqlite3"))));
        QVERIFY(opened.ok());
        std::unique_ptr<Storage> storage = std::move(opened).value();
        ConnectorContext connectors;
        JobRunner jobs;
        ConnectorPool pool(*storage, m_vault, m_registry, connectors);
        ThumbnailCache cache(m_dir.filePath(QStringLiteral("thumbs")));

        const Result<Account> added = addSandboxAccount(*storage, m_vault, m_manifest, Service::PhotoShelter, this);
        QVERIFY2(added.ok(), added ? "" : qPrintable(added.error().toLogString()));
        const Account account = *added;

        DamSyncService service(*storage, pool, jobs, &cache);
        std::optional<Result<DamSyncSummary>> synced;
        DamSyncService::Request request;
        request.accountId = account.id;
        request.pageSize = 50;
        request.thumbnails = false; // the library asks for them below
        service.sync(request, [&synced](const Result<DamSyncSummary>& r) { synced = r; });
        QTRY_VERIFY_WITH_TIMEOUT(synced.has_value(), 60000);
        QVERIFY2(synced->ok(), *synced ? "" : qPrintable(synced->error().toLogString()));

        AssetQuery query;
        query.limit = 6;
        const Result<QList<Asset>> assets = AssetRepository(*storage).search(query);
        QVERIFY(assets.ok());
        QCOMPARE(assets->size(), 6);
        QList<qint64> wanted;
        for (const Asset& a : *assets) {
            QVERIFY(!hasCachedRendition(a));
            wanted << a.id;
        }
        const qint64 notAsked = wanted.takeLast();

        service.fetchThumbnails(wanted);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const Result<QList<Asset>> now = AssetRepository(*storage).getMany(wanted);
                return now.ok() && now->size() == wanted.size()
                       && std::all_of(now->cbegin(), now->cend(), hasCachedRendition);
            }(),
            30000);
        // Only what was asked for.
        QVERIFY(!hasCachedRendition(*AssetRepository(*storage).get(notAsked).value()));
    }

    // The frame every account sync shares (AccountSyncJobs): one sync per account at a time.
    void aSecondSyncOfASyncingAccountIsRefused()
    {
        const std::unique_ptr<Workspace> w = workspace(QStringLiteral("busy.sqlite3"));
        QVERIFY(w);
        Storage& storage = *w->storage;
        JobRunner& jobs = w->jobs;
        ConnectorPool& pool = *w->pool;
        const std::optional<Account> added = w->account;

        DamSyncService service(storage, pool, jobs);
        DamSyncService::Request request;
        request.accountId = added->id;
        request.thumbnails = false;
        int firstEnds = 0;
        std::optional<Result<DamSyncSummary>> second;
        const QUuid first = service.sync(request, [&firstEnds](const Result<DamSyncSummary>&) { ++firstEnds; });
        QVERIFY(!first.isNull());
        QVERIFY(service.isSyncing(added->id));
        QVERIFY(service.sync(request, [&second](const Result<DamSyncSummary>& r) { second = r; }).isNull());
        QTRY_VERIFY(second.has_value());
        QCOMPARE(second->error().kind(), ErrorKind::Conflict);
        QTRY_COMPARE_WITH_TIMEOUT(firstEnds, 1, 60000);
        QVERIFY(!service.isSyncing(added->id));
        // The Jobs pane keeps saying what the sync did (not its last step).
        QTRY_VERIFY(jobs.job(first) && jobs.job(first)->state == JobState::Succeeded);
        QVERIFY2(jobs.job(first)->statusText.contains(QStringLiteral("in the library")),
                 qPrintable(jobs.job(first)->statusText));
        // Once it has ended, the account syncs again.
        std::optional<Result<DamSyncSummary>> third;
        QVERIFY(!service.sync(request, [&third](const Result<DamSyncSummary>& r) { third = r; }).isNull());
        QTRY_VERIFY_WITH_TIMEOUT(third.has_value(), 60000);
        QVERIFY2(third->ok(), *third ? "" : qPrintable(third->error().toLogString()));
    }

    // The account is dropped from the pool (edited or removed) while its sync waits for the
    // service: the job ends once, as cancelled, and the account can sync again.
    void droppingTheAccountMidSyncCancelsTheJobOnce()
    {
        const std::unique_ptr<Workspace> w = workspace(QStringLiteral("drop.sqlite3"));
        QVERIFY(w);
        Storage& storage = *w->storage;
        JobRunner& jobs = w->jobs;
        ConnectorPool& pool = *w->pool;
        const std::optional<Account> added = w->account;
        const QString slow =
            m_sandbox.faults().add(Sandbox::FaultRule::parseSpec(QStringLiteral("photoshelter:GET:*:delay:1:1500")).value()).value();

        DamSyncService service(storage, pool, jobs);
        DamSyncService::Request request;
        request.accountId = added->id;
        request.thumbnails = false;
        QList<Result<DamSyncSummary>> ends;
        const QUuid job = service.sync(request, [&ends](const Result<DamSyncSummary>& r) { ends << r; });
        QVERIFY(!job.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(jobs.job(job) && jobs.job(job)->state == JobState::Running, 10000);
        QTest::qWait(300); // the first page is on its way
        pool.drop(added->id);
        QTRY_COMPARE_WITH_TIMEOUT(ends.size(), 1, 10000);
        QCOMPARE(ends.first().error().kind(), ErrorKind::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(jobs.job(job) && jobs.job(job)->state == JobState::Cancelled, 5000);
        QTest::qWait(2000); // the delayed answer arrives for a connector that is gone: no second end
        QCOMPARE(ends.size(), 1);
        QVERIFY(!service.isSyncing(added->id));

        m_sandbox.faults().remove(slow);
        std::optional<Result<DamSyncSummary>> again;
        QVERIFY(!service.sync(request, [&again](const Result<DamSyncSummary>& r) { again = r; }).isNull());
        QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), 60000);
        QVERIFY2(again->ok(), *again ? "" : qPrintable(again->error().toLogString()));
    }
};

QTEST_GUILESS_MAIN(TestDamSyncService)
#include "tst_damsyncservice.moc"
