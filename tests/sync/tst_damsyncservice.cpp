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
};

QTEST_GUILESS_MAIN(TestDamSyncService)
#include "tst_damsyncservice.moc"
