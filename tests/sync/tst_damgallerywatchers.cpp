#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/sandboxmanifest.h"
#include "core/collection.h"
#include "core/service.h"
#include "net/memorysecretvault.h"
#include "sandbox/sandboxserver.h"
#include "storage/accountrepository.h"
#include "storage/collectionrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/connectorpool.h"
#include "sync/damgallerywatchers.h"
#include "sync/damsyncservice.h"
#include "sync/jobrunner.h"

#include "sandboxaccountsetup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace AssetDesk;
using AssetDesk::SyncTest::addSandboxAccount;
using AssetDesk::SyncTest::manifestOf;

// DamGalleryWatchers against the sandbox: a watch is a job that brings a gallery's new uploads
// into the workspace, and ends when unwatched, cancelled in the Jobs pane, or its account goes.
class TestDamGalleryWatchers : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    SandboxManifest m_manifest;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    QNetworkAccessManager m_nam;
    std::unique_ptr<Storage> m_storage;
    ConnectorContext m_connectors;
    JobRunner m_jobs;
    std::unique_ptr<ConnectorPool> m_pool;
    struct Watched
    {
        qint64 account = 0;
        Collection gallery; // a PhotoShelter gallery, an iconik collection that holds assets
    };
    std::map<Service, Watched> m_watched;
    qint64 m_account = 0; // PhotoShelter's
    Collection m_gallery;

    // Adds a DAM account of the sandbox to the workspace and syncs it; a gallery of it.
    void addAndSync(Service service)
    {
        const Result<Account> added = addSandboxAccount(*m_storage, m_vault, m_manifest, service, this);
        QVERIFY2(added.ok(), added ? "" : qPrintable(added.error().toLogString()));
        const Account account = *added;

        // The galleries come with the first sync.
        DamSyncService sync(*m_storage, *m_pool, m_jobs);
        std::optional<Result<DamSyncSummary>> synced;
        DamSyncService::Request request;
        request.accountId = account.id;
        request.thumbnails = false;
        sync.sync(request, [&synced](const Result<DamSyncSummary>& r) { synced = r; });
        QTRY_VERIFY_WITH_TIMEOUT(synced.has_value(), 60000);
        QVERIFY2(synced->ok(), *synced ? "" : qPrintable(synced->error().toLogString()));
        const CollectionRepository repo(*m_storage);
        Watched watched;
        watched.account = account.id;
        QStringList parents{QString()};
        while (!parents.isEmpty() && watched.gallery.remoteId.isEmpty()) {
            const QList<Collection> children = repo.children(account.id, parents.takeFirst()).value();
            for (const Collection& c : children) {
                const bool holdsAssets = service == Service::PhotoShelter ? c.kind == Collection::Kind::Gallery
                                                                          : !repo.members(c.id).value().isEmpty();
                if (holdsAssets) {
                    watched.gallery = c;
                    break;
                }
                parents << c.remoteId;
            }
        }
        QVERIFY(!watched.gallery.remoteId.isEmpty());
        m_watched[service] = watched;
    }

    // Uploads `n` assets to the gallery through the sandbox's admin API; their remote ids.
    QStringList upload(int n, Service service = Service::PhotoShelter)
    {
        const Watched& w = m_watched[service];
        QUrl url = m_sandbox.adminUrl();
        url.setPath(QStringLiteral("/admin/services/%1/changes").arg(serviceId(service)));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        const QJsonObject body{{QStringLiteral("add"), n},
                               {service == Service::PhotoShelter ? QStringLiteral("gallery") : QStringLiteral("collection"),
                                w.gallery.remoteId}};
        QNetworkReply* reply = m_nam.post(request, QJsonDocument(body).toJson());
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            return {};
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        QStringList ids;
        for (const QJsonValue& v : answer.value(QStringLiteral("added")).toArray())
            ids << v.toString();
        if (ids.isEmpty())
            qWarning("admin answered %s", QJsonDocument(answer).toJson(QJsonDocument::Compact).constData());
        return ids;
    }

    std::optional<JobInfo> watchJob() const
    {
        std::optional<JobInfo> last;
        for (const JobInfo& info : m_jobs.jobs()) {
            if (info.kind == QStringLiteral("gallery-watch"))
                last = info;
        }
        return last;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        m_manifest = *manifest;
        Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(m_dir.filePath(QStringLiteral("w.sqlite3"))));
        QVERIFY(opened.ok());
        m_storage = std::move(opened).value();
        m_pool = std::make_unique<ConnectorPool>(*m_storage, m_vault, m_registry, m_connectors);
        connect(m_storage.get(), &Storage::changed, m_pool.get(), &ConnectorPool::applyChanges);

        addAndSync(Service::PhotoShelter);
        addAndSync(Service::Iconik);
        m_account = m_watched[Service::PhotoShelter].account;
        m_gallery = m_watched[Service::PhotoShelter].gallery;
    }

    void uploadsArriveUntilUnwatched_data()
    {
        QTest::addColumn<int>("svc");
        QTest::newRow("photoshelter gallery") << int(Service::PhotoShelter);
        QTest::newRow("iconik collection") << int(Service::Iconik);
    }

    void uploadsArriveUntilUnwatched()
    {
        QFETCH(int, svc);
        const Service service = Service(svc);
        const qint64 account = m_watched[service].account;
        const Collection gallery = m_watched[service].gallery;
        DamGalleryWatchers watchers(*m_storage, *m_pool, m_jobs);
        watchers.setInterval(std::chrono::milliseconds(300));
        QSignalSpy started(&watchers, &DamGalleryWatchers::watchStarted);
        QSignalSpy ended(&watchers, &DamGalleryWatchers::watchEnded);
        QSignalSpy arrived(&watchers, &DamGalleryWatchers::assetsArrived);
        watchers.watch(account, gallery.remoteId);
        watchers.watch(account, gallery.remoteId); // once is enough
        QCOMPARE(started.size(), 1);
        QVERIFY(watchers.isWatching(account, gallery.remoteId));
        QTRY_VERIFY(watchJob() && watchJob()->state == JobState::Running);
        QTRY_COMPARE(watchJob()->title, QStringLiteral("Watching %1 for new uploads").arg(gallery.name));
        QTest::qWait(700); // polls that find what the sync stored already: nothing arrives
        QCOMPARE(arrived.size(), 0);

        const QStringList uploaded = upload(2, service);
        QCOMPARE(uploaded.size(), 2);
        auto arrivedIds = [&arrived] {
            QList<qint64> ids;
            for (const QList<QVariant>& args : std::as_const(arrived))
                ids << args.at(2).value<QList<qint64>>();
            return ids;
        };
        // Within a few polls (300 ms apart), in one or two batches.
        QTRY_VERIFY_WITH_TIMEOUT(arrivedIds().size() >= 2, 5000);
        QCOMPARE(arrivedIds().size(), 2);
        for (const QList<QVariant>& args : std::as_const(arrived)) {
            QCOMPARE(args.at(0).toLongLong(), account);
            QCOMPARE(args.at(1).toString(), gallery.remoteId);
        }
        const QList<Asset> members = CollectionRepository(*m_storage).members(gallery.id).value();
        for (const QString& remoteId : uploaded)
            QVERIFY(std::any_of(members.cbegin(), members.cend(), [&](const Asset& a) { return a.remoteId == remoteId; }));
        QTRY_VERIFY(watchJob()->statusText.contains(QStringLiteral("2 new upload")));

        watchers.unwatch(account, gallery.remoteId);
        QCOMPARE(ended.size(), 1);
        QVERIFY(ended.first().at(2).value<Status>().ok());
        QVERIFY(!watchers.isWatching(account, gallery.remoteId));
        QTRY_COMPARE(watchJob()->state, JobState::Succeeded);
        const qsizetype arrivals = arrived.size();
        upload(1, service);
        QTest::qWait(1000);
        QCOMPARE(arrived.size(), arrivals);
    }

    void cancelledInTheJobsPane()
    {
        DamGalleryWatchers watchers(*m_storage, *m_pool, m_jobs);
        QSignalSpy ended(&watchers, &DamGalleryWatchers::watchEnded);
        watchers.watch(m_account, m_gallery.remoteId);
        QTRY_VERIFY(watchJob() && watchJob()->state == JobState::Running);
        m_jobs.cancel(watchJob()->id);
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(ended.first().at(2).value<Status>().error().kind(), ErrorKind::Cancelled);
        QVERIFY(!watchers.isWatching(m_account, m_gallery.remoteId));
        QTRY_COMPARE(watchJob()->state, JobState::Cancelled);
    }

    void anAccountThatCannotConnectEndsTheWatch()
    {
        DamGalleryWatchers watchers(*m_storage, *m_pool, m_jobs);
        QSignalSpy ended(&watchers, &DamGalleryWatchers::watchEnded);
        watchers.watch(m_account + 1000, QStringLiteral("G-none"));
        QTRY_COMPARE(ended.size(), 1);
        QVERIFY(!ended.first().at(2).value<Status>().ok());
        QTRY_COMPARE(watchJob()->state, JobState::Failed);
    }

    // Last: the account goes.
    void removingTheAccountEndsItsWatches()
    {
        DamGalleryWatchers watchers(*m_storage, *m_pool, m_jobs);
        QSignalSpy ended(&watchers, &DamGalleryWatchers::watchEnded);
        watchers.watch(m_account, m_gallery.remoteId);
        QTRY_VERIFY(watchJob() && watchJob()->state == JobState::Running);
        QTRY_VERIFY(m_pool->holds(m_account));
        const qint64 account = m_account;
        QVERIFY(m_storage->writeAndWait([account](WriteContext& ctx) { return AccountRepository::remove(ctx, account); }).ok());
        QTRY_COMPARE(ended.size(), 1);
        QVERIFY(ended.first().at(2).value<Status>().ok());
        QTRY_COMPARE(watchJob()->state, JobState::Succeeded);
        QVERIFY(watchers.watched().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDamGalleryWatchers)
#include "tst_damgallerywatchers.moc"
