#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/damsource.h"
#include "connectors/iconik/iconikassets.h"
#include "connectors/iconik/iconikconnector.h"
#include "connectors/photoshelter/photoshelterconnector.h"
#include "connectors/photoshelter/photoshelterkeywords.h"
#include "connectors/sandboxmanifest.h"
#include "core/rightsgate.h"
#include "net/memorysecretvault.h"
#include "sandbox/dam/damcatalog.h"
#include "sandbox/faultinjector.h"
#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/iconik/iconikmodule.h"
#include "sandbox/iconik/iconikuploads.h"
#include "sandbox/iconik/iconikresources.h"
#include "sandbox/photoshelter/photoshelterlibrary.h"
#include "sandbox/photoshelter/photosheltermodule.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/servicemodule.h"
#include "storage/assetrepository.h"
#include "storage/jobrepository.h"
#include "storage/lineagerepository.h"
#include "storage/postrepository.h"
#include "storage/sqlstatement.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/writecontext.h"
#include "sync/connectorpool.h"
#include "sync/damwriteback.h"
#include "sync/damwritebackattempt.h"
#include "sync/damwritebackplanner.h"
#include "sync/xoutbox.h"
#include "sync/xpublisher.h"

#include "sandboxaccountsetup.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace AssetDesk;
using AssetDesk::SyncTest::addSandboxAccount;
using AssetDesk::SyncTest::manifestOf;
using namespace std::chrono_literals;

// What happens around a published X post (issue 4, "After publishing", "Rights gate", "Metrics"):
// lineage asset -> (derivative ->) post written with the publish, the rights gate checked again at
// send time, and the write-back into the DAM accounts - iconik lifecycle status, the archive copy
// in a PhotoShelter gallery and an iconik collection, top performers tagged once - all against
// the in-process sandbox, checked in the sandbox's own catalogs.
class TestXPostLife : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    ConnectorContext m_connectors;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<ConnectorPool> m_pool;
    qint64 m_x = 0;
    qint64 m_iconik = 0;
    qint64 m_photoShelter = 0;
    QList<Asset> m_iconikAssets;
    QList<Asset> m_photoShelterAssets;
    QString m_publishingView;
    QString m_iconikArchive; // a leaf collection
    QString m_gallery;       // a PhotoShelter gallery
    qint64 m_lineagePost = 0;    // uses iconik assets 0 (direct) and 1 (through a derivative)
    qint64 m_reconciledPost = 0; // uses iconik asset 2
    qint64 m_archivedPost = 0;   // uses iconik asset 3 and PhotoShelter asset 0

    static constexpr const char* kPhoto = ASSETDESK_TEST_DATA_DIR "/connectors/x/media/photo-60x40.jpg";

    static XPublisher::Options fastOptions()
    {
        XPublisher::Options o;
        o.pollInterval = 50ms;
        o.backoffBase = 50ms;
        o.backoffMax = 500ms;
        return o;
    }
    DamWriteBackSettings settings() const
    {
        DamWriteBackSettings s;
        s.accounts.insert(m_iconik, {m_publishingView, m_iconikArchive});
        s.accounts.insert(m_photoShelter, {QString(), m_gallery});
        s.audienceSegment = QStringLiteral("DACH");
        return s;
    }
    XPublishPayload payload(const QString& text) const
    {
        XPublishPayload p;
        p.accountId = m_x;
        p.text = text + QLatin1Char(' ') + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        return p;
    }
    static XPublishPayload::Media medium(const Asset& a, qint64 derivativeId = 0)
    {
        XPublishPayload::Media m;
        m.path = QString::fromLatin1(kPhoto);
        m.altText = a.title;
        m.assetId = a.id;
        m.assetVersion = a.version;
        m.derivativeId = derivativeId;
        return m;
    }
    qint64 enqueue(const XPublishPayload& p, const QDateTime& notBefore = {})
    {
        QFuture<Result<qint64>> f = XOutbox(*m_storage).enqueue(p, notBefore);
        f.waitForFinished();
        if (!f.result())
            qWarning() << f.result().error().toLogString();
        return f.result().ok() ? f.result().value() : 0;
    }
    OutboxJob job(qint64 id) const { return JobRepository(*m_storage).get(id).value().value_or(OutboxJob{}); }
    JobState publish(qint64 id, XPublisher::Options options = fastOptions())
    {
        XPublisher publisher(*m_storage, *m_pool, options);
        publisher.start();
        const bool settled = QTest::qWaitFor([&] {
            const JobState s = job(id).state;
            return s != JobState::Queued && s != JobState::Running;
        }, 30000);
        Q_UNUSED(settled); // the caller compares the state
        publisher.stop();
        return job(id).state;
    }
    Post postOf(qint64 jobId) const
    {
        return PostRepository(*m_storage).findByClientUuid(job(jobId).clientUuid).value().value_or(Post{});
    }
    int sandboxCount(const QString& text) const
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("text_sha256"),
                       QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex()));
        const Result<QJsonObject> view = m_sandbox.module(QStringLiteral("x"))->adminResource(QStringLiteral("posts"), q);
        return view ? view->value(QStringLiteral("total")).toInt() : -1;
    }
    // The write-back jobs of `kind`, every state.
    QList<OutboxJob> writeBackJobs(const QString& kind) const
    {
        QList<OutboxJob> out;
        const QList<OutboxJob> all = JobRepository(*m_storage).list(std::nullopt, 1000).valueOr({});
        for (const OutboxJob& j : all) {
            if (j.kind == kind)
                out << j;
        }
        return out;
    }
    int pendingWriteBack() const
    {
        int n = 0;
        for (const QString& kind : DamWriteBackPlanner::kinds()) {
            for (const OutboxJob& j : writeBackJobs(kind))
                n += j.state == JobState::Queued || j.state == JobState::Running;
        }
        return n;
    }
    // Runs the write-back worker until it is idle with no job of its kinds queued (a retry waits
    // for its backoff) or running.
    void runWriteBack(const DamWriteBackSettings& s)
    {
        DamWriteBack::Options o;
        o.pollInterval = 50ms;
        o.backoffBase = 50ms;
        o.backoffMax = 500ms;
        o.settings = s;
        DamWriteBack worker(*m_storage, *m_pool, o);
        bool idle = false;
        connect(&worker, &DamWriteBack::idle, this, [&idle] { idle = true; });
        connect(&worker, &DamWriteBack::jobFinished, this, [&idle] { idle = false; });
        worker.start();
        QVERIFY(QTest::qWaitFor([&] { return idle && pendingWriteBack() == 0; }, 30000));
        worker.stop();
    }
    Sandbox::DamCatalog& iconikCatalog()
    {
        return static_cast<Sandbox::IconikModule*>(m_sandbox.module(QStringLiteral("iconik")))->library().catalog();
    }
    Sandbox::IconikLibrary& iconikLibrary()
    {
        return static_cast<Sandbox::IconikModule*>(m_sandbox.module(QStringLiteral("iconik")))->library();
    }
    Sandbox::IconikUploads& iconikUploads()
    {
        return static_cast<Sandbox::IconikModule*>(m_sandbox.module(QStringLiteral("iconik")))->uploads();
    }
    Sandbox::PhotoShelterLibrary& photoShelterLibrary()
    {
        return static_cast<Sandbox::PhotoShelterModule*>(m_sandbox.module(QStringLiteral("photoshelter")))->library();
    }
    // The sandbox's record of a DAM asset (an empty one, failing the test, when it has none).
    Sandbox::DamAsset iconikAsset(const QString& remoteId)
    {
        const auto index = iconikLibrary().assetIndex(remoteId);
        const auto found = index ? iconikCatalog().find(*index) : std::nullopt;
        if (!found)
            qWarning() << "no iconik asset" << remoteId;
        return found.value_or(Sandbox::DamAsset{});
    }
    Sandbox::DamAsset photoShelterAsset(const QString& remoteId)
    {
        const auto index = photoShelterLibrary().mediaIndex(remoteId);
        const auto found = index ? photoShelterLibrary().catalog().find(*index) : std::nullopt;
        if (!found)
            qWarning() << "no PhotoShelter media" << remoteId;
        return found.value_or(Sandbox::DamAsset{});
    }
    // A first page of the DAM account's assets, made publishable (approved, no expiry) and stored.
    QList<Asset> storeAssets(qint64 accountId, int count)
    {
        std::optional<Result<DamAssetPage>> page;
        m_pool->acquire(accountId, [&](Result<ServiceConnector*> c) {
            if (!c) {
                page = c.error();
                return;
            }
            DamSyncRequest request;
            request.pageSize = 20;
            dynamic_cast<DamSource*>(c.value())->fetchAssets(request, this, [&page](Result<DamAssetPage> p) { page = std::move(p); });
        });
        if (!QTest::qWaitFor([&] { return page.has_value(); }, 30000) || !page->ok())
            return {};
        QList<Asset> assets;
        for (Asset a : page->value().assets) {
            if (a.mediaType != MediaType::Image || a.collectionRemoteIds.isEmpty())
                continue;
            a.accountId = accountId;
            a.rights.approval = ApprovalState::Approved;
            a.rights.licenseExpiresAt = {};
            assets << a;
            if (assets.size() == count)
                break;
        }
        const Result<QList<qint64>> ids =
            m_storage->writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); });
        if (!ids)
            return {};
        for (int i = 0; i < assets.size(); ++i)
            assets[i].id = ids->at(i);
        return assets;
    }
    void setRights(const Asset& asset, ApprovalState approval, const QDateTime& expiry)
    {
        Asset changed = AssetRepository(*m_storage).get(asset.id).value().value();
        changed.rights.approval = approval;
        changed.rights.licenseExpiresAt = expiry;
        changed.modifiedAt = changed.modifiedAt.addSecs(1);
        QVERIFY(m_storage->writeAndWait([changed](WriteContext& ctx) { return AssetRepository::upsert(ctx, {changed}); }).ok());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        Result<std::unique_ptr<Storage>> opened =
            Storage::open(StorageConfig::sqlite(m_dir.filePath(QStringLiteral("w.sqlite3"))));
        QVERIFY(opened.ok());
        m_storage = std::move(opened).value();
        m_pool = std::make_unique<ConnectorPool>(*m_storage, m_vault, m_registry, m_connectors);
        for (auto [service, id] : {std::pair{Service::X, &m_x}, std::pair{Service::Iconik, &m_iconik},
                                   std::pair{Service::PhotoShelter, &m_photoShelter}}) {
            const Result<Account> added = addSandboxAccount(*m_storage, m_vault, *manifest, service, this);
            QVERIFY2(added.ok(), added ? "" : qPrintable(added.error().toLogString()));
            *id = added->id;
        }
        m_iconikAssets = storeAssets(m_iconik, 4);
        m_photoShelterAssets = storeAssets(m_photoShelter, 3);
        QCOMPARE(m_iconikAssets.size(), 4);
        QCOMPARE(m_photoShelterAssets.size(), 3);
        m_publishingView = iconikLibrary().viewId(Sandbox::IconikResources::PublishingView);
        m_iconikArchive = m_iconikAssets.first().collectionRemoteIds.first();
        m_gallery = m_photoShelterAssets.first().collectionRemoteIds.first();
    }

    void init() { m_sandbox.faults().clear(); }

    // IX7: asset -> post with the version used, and asset -> derivative -> post for a medium made
    // from a derivative (the derivative's own edge is the derivative editor's).
    void publishingRecordsLineage()
    {
        const Asset& direct = m_iconikAssets.at(0);
        const Asset& source = m_iconikAssets.at(1);
        const qint64 derivativeId = 9001;
        QVERIFY(m_storage->writeAndWait([source, derivativeId](WriteContext& ctx) {
            return LineageRepository::addEdge(ctx, {0, LineageEdge::NodeKind::Asset, source.id, LineageEdge::NodeKind::Derivative,
                                                    derivativeId, QStringLiteral("derived-from"), source.version, {}, {}});
        }).ok());
        XPublishPayload p = payload(QStringLiteral("Lineage"));
        p.media = {medium(direct), medium(source, derivativeId)};
        p.assetIds = {direct.id, source.id};
        const qint64 id = enqueue(p);
        QCOMPARE(publish(id), JobState::Succeeded);
        const Post post = postOf(id);
        QVERIFY(post.id > 0);
        m_lineagePost = post.id;

        const QList<LineageNode> uses = LineageRepository(*m_storage).usesOfAsset(direct.id).value();
        QCOMPARE(uses.size(), 1);
        QCOMPARE(uses.first().kind, LineageEdge::NodeKind::Post);
        QCOMPARE(uses.first().id, post.id);
        QCOMPARE(uses.first().relation, QStringLiteral("published-as"));
        QCOMPARE(uses.first().assetVersion, direct.version);

        const QList<LineageNode> viaDerivative = LineageRepository(*m_storage).usesOfAsset(source.id).value();
        QCOMPARE(viaDerivative.size(), 2);
        QCOMPARE(viaDerivative.at(1).kind, LineageEdge::NodeKind::Post);
        QCOMPARE(viaDerivative.at(1).viaKind, LineageEdge::NodeKind::Derivative);
        QCOMPARE(viaDerivative.at(1).viaId, derivativeId);
        // No direct asset -> post edge for the medium that came from the derivative.
        QCOMPARE(LineageRepository(*m_storage).edgesTo(LineageEdge::NodeKind::Post, post.id).value().size(), 2);
    }

    // A job retried after X committed the post is reconciled and committed once: one edge per use.
    void reconciledPublishAddsNoDuplicateLineage()
    {
        QVERIFY(m_sandbox.faults().add(Sandbox::FaultRule::parseSpec(QStringLiteral("x:POST:/2/tweets:truncate:1:count=1")).value()).ok());
        const Asset& a = m_iconikAssets.at(2);
        XPublishPayload p = payload(QStringLiteral("Reconciled lineage"));
        p.media = {medium(a)};
        const qint64 id = enqueue(p);
        QCOMPARE(publish(id), JobState::Succeeded);
        QCOMPARE(job(id).attempts, 2);
        QCOMPARE(sandboxCount(p.text), 1);
        const Post post = postOf(id);
        m_reconciledPost = post.id;
        const QList<LineageEdge> edges = LineageRepository(*m_storage).edgesTo(LineageEdge::NodeKind::Post, post.id).value();
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges.first().fromId, a.id);

        // Recording the same publish again (as a second commit would) adds nothing.
        const XPublishPayload stored = XPublishPayload::fromJson(job(id).payload).value();
        QVERIFY(m_storage->writeAndWait([post, stored](WriteContext& ctx) {
            return XPublisher::recordLineage(ctx, post.id, stored);
        }).ok());
        QCOMPARE(LineageRepository(*m_storage).edgesTo(LineageEdge::NodeKind::Post, post.id).value().size(), 1);
    }

    // IX6: approved when queued, not any more when due - nothing is sent, the job fails with the
    // gate's reason and is not retried.
    void rightsGateIsCheckedAgainAtSendTime_data()
    {
        QTest::addColumn<int>("approval");
        QTest::addColumn<int>("expiredDaysAgo"); // 0: no expiry
        QTest::newRow("approval withdrawn") << int(ApprovalState::NotApproved) << 0;
        QTest::newRow("licence expired") << int(ApprovalState::Approved) << 2;
    }
    void rightsGateIsCheckedAgainAtSendTime()
    {
        QFETCH(int, approval);
        QFETCH(int, expiredDaysAgo);
        const Asset& a = m_photoShelterAssets.at(2);
        XPublishPayload p = payload(QStringLiteral("Gated"));
        p.media = {medium(a)};
        const qint64 id = enqueue(p);
        QVERIFY(id > 0);
        setRights(a, ApprovalState(approval),
                  expiredDaysAgo ? QDateTime::currentDateTimeUtc().addDays(-expiredDaysAgo) : QDateTime());
        QCOMPARE(publish(id), JobState::Failed);
        const OutboxJob failed = job(id);
        QCOMPARE(failed.attempts, 1);
        const Status gate = RightsGate::check(AssetRepository(*m_storage).get(a.id).value().value(), QDateTime::currentDateTimeUtc());
        QVERIFY(!gate.ok());
        QCOMPARE(failed.lastError, gate.error().message());
        QCOMPARE(sandboxCount(p.text), 0);
        QVERIFY(!PostRepository(*m_storage).findByClientUuid(failed.clientUuid).value());
        setRights(a, ApprovalState::Approved, {});
    }

    // IX4 + PX3/PX7: after publishing, the iconik asset's lifecycle status becomes "published"
    // (PhotoShelter has none: no job), and the post is archived into the configured PhotoShelter
    // gallery and iconik collection with campaign, publish date and audience segment.
    void writesBackAfterPublishing()
    {
        const Asset& footage = m_iconikAssets.at(3);
        const Asset& picture = m_photoShelterAssets.at(0);
        XPublishPayload p = payload(QStringLiteral("Archived"));
        p.media = {medium(footage), medium(picture)};
        p.campaign = QStringLiteral("Spring Launch");
        XPublisher::Options options = fastOptions();
        options.writeBack = settings();
        const int uploadsBefore = int(photoShelterLibrary().catalog().overlay().addedCount());
        const qint64 id = enqueue(p);
        QCOMPARE(publish(id, options), JobState::Succeeded);
        const Post post = postOf(id);
        m_archivedPost = post.id;

        const QList<OutboxJob> lifecycle = writeBackJobs(DamWriteBackPlanner::kLifecycleKind);
        QCOMPARE(lifecycle.size(), 1); // the iconik asset only
        QCOMPARE(lifecycle.first().accountId, m_iconik);
        QCOMPARE(writeBackJobs(DamWriteBackPlanner::kArchiveKind).size(), 2);

        runWriteBack(settings());
        for (const QString& kind : {DamWriteBackPlanner::kLifecycleKind, DamWriteBackPlanner::kArchiveKind}) {
            for (const OutboxJob& j : writeBackJobs(kind))
                QVERIFY2(j.state == JobState::Succeeded, qPrintable(kind + QLatin1Char(' ') + j.lastError));
        }
        QCOMPARE(iconikAsset(footage.remoteId).lifecycle, QStringLiteral("published"));

        // iconik: an asset in the archive collection, found by the post's external id.
        std::optional<Sandbox::DamAsset> copy;
        for (const Sandbox::DamAsset& a : iconikCatalog().overlay().records()) {
            if (a.externalId == QStringLiteral("x-post:") + post.remoteId)
                copy = a;
        }
        QVERIFY(copy);
        QCOMPARE(iconikLibrary().collectionId({Sandbox::IconikCollectionRef::Kind::Gallery, copy->gallery}), m_iconikArchive);
        QCOMPARE(copy->caption, p.text);
        QCOMPARE(copy->campaignName, QStringLiteral("Spring Launch"));
        QCOMPARE(copy->audienceSegment, QStringLiteral("DACH"));
        QCOMPARE(QDateTime::fromString(copy->publishDate, Qt::ISODate), post.publishedAt.toUTC().addMSecs(-post.publishedAt.time().msec()));
        QCOMPARE(copy->externalLink, DamWriteBackPlanner::postUrl(post.remoteId));
        // ... with both media uploaded as closed files of its ORIGINAL format, every byte.
        QFile photo(QString::fromLatin1(kPhoto));
        QVERIFY(photo.open(QIODevice::ReadOnly));
        const QByteArray bytes = photo.readAll();
        const Sandbox::IconikUploads::AssetUploads* files = iconikUploads().uploads(iconikLibrary().assetId(copy->index));
        QVERIFY(files);
        QCOMPARE(files->formats.size(), 1);
        QCOMPARE(files->formats.first().name, QStringLiteral("ORIGINAL"));
        QCOMPARE(files->files.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const Sandbox::IconikUploads::File& f = files->files.at(i);
            QCOMPARE(f.originalName, DamWriteBackAttempt::archiveFileName(post.remoteId, i, QStringLiteral("photo-60x40.jpg")));
            QCOMPARE(f.status, QStringLiteral("CLOSED"));
            QCOMPARE(f.bytes, bytes);
            QCOMPARE(f.formatId, files->formats.first().id);
        }

        // PhotoShelter: each medium uploaded into the gallery, described.
        QCOMPARE(int(photoShelterLibrary().catalog().overlay().addedCount()) - uploadsBefore, 2);
        int described = 0;
        for (const Sandbox::DamAsset& a : photoShelterLibrary().catalog().overlay().records()) {
            if (!a.added || !a.caption.contains(DamWriteBackPlanner::postUrl(post.remoteId)))
                continue;
            ++described;
            QCOMPARE(photoShelterLibrary().galleryId(a.gallery), m_gallery);
            QCOMPARE(a.campaignName, QStringLiteral("Spring Launch"));
            QCOMPARE(a.audienceSegment, QStringLiteral("DACH"));
            QVERIFY(a.caption.startsWith(p.text));
            QVERIFY(QDateTime::fromString(a.publishDate, Qt::ISODate).isValid());
        }
        QCOMPARE(described, 2);
    }

    // IX4: a post queued for later marks its iconik assets "scheduled".
    void scheduledPostMarksItsAssetsScheduled()
    {
        const Asset& a = m_iconikAssets.at(0);
        XPublishPayload p = payload(QStringLiteral("Later"));
        p.media = {medium(a)};
        const qint64 id = enqueue(p, QDateTime::currentDateTimeUtc().addSecs(3600));
        QVERIFY(id > 0);
        runWriteBack(settings());
        QCOMPARE(iconikAsset(a.remoteId).lifecycle, QStringLiteral("scheduled"));
        const int planned = int(writeBackJobs(DamWriteBackPlanner::kLifecycleKind).size());
        runWriteBack(settings()); // a second scan plans nothing new
        QCOMPARE(int(writeBackJobs(DamWriteBackPlanner::kLifecycleKind).size()), planned);
        QFuture<Status> cancelled = XOutbox(*m_storage).cancel(id);
        cancelled.waitForFinished();
        QVERIFY(cancelled.result().ok());
    }

    // PX2/IX2: summed engagement through lineage (directly and through a derivative, each post's
    // latest sample) past the threshold tags the asset once - metadata in iconik, a keyword in
    // PhotoShelter; the others stay untagged.
    void topPerformersAreTaggedOnce()
    {
        QVERIFY(m_lineagePost > 0 && m_reconciledPost > 0 && m_archivedPost > 0);
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
        struct Sample { qint64 post; int minutes; int likes; int reposts; };
        const QList<Sample> samples{{m_lineagePost, 0, 500, 500}, {m_lineagePost, 5, 80, 30}, // latest counts: 110
                                    {m_reconciledPost, 5, 10, 0}, {m_archivedPost, 5, 120, 40}};
        QVERIFY(m_storage->writeAndWait([samples, t0](WriteContext& ctx) -> Status {
            for (const Sample& s : samples) {
                SqlStatement insert = ctx.statement(QStringLiteral(
                    "INSERT INTO engagement_samples (post_id, sampled_at, likes, reposts) VALUES (:p, :t, :l, :r)"));
                insert.bind(QStringLiteral("p"), s.post)
                    .bind(QStringLiteral("t"), t0.addSecs(s.minutes * 60).toMSecsSinceEpoch())
                    .bind(QStringLiteral("l"), s.likes)
                    .bind(QStringLiteral("r"), s.reposts);
                if (Status st = insert.exec(); !st)
                    return st;
            }
            return {};
        }).ok());
        DamWriteBackSettings s = settings();
        s.topPerformerThreshold = 100;
        runWriteBack(s);
        for (const OutboxJob& j : writeBackJobs(DamWriteBackPlanner::kTopPerformerKind))
            QVERIFY2(j.state == JobState::Succeeded, qPrintable(j.lastError));
        QCOMPARE(writeBackJobs(DamWriteBackPlanner::kTopPerformerKind).size(), 4);
        QVERIFY(iconikAsset(m_iconikAssets.at(0).remoteId).topPerformer);
        QVERIFY(iconikAsset(m_iconikAssets.at(1).remoteId).topPerformer); // through its derivative
        QVERIFY(!iconikAsset(m_iconikAssets.at(2).remoteId).topPerformer);
        QVERIFY(iconikAsset(m_iconikAssets.at(3).remoteId).topPerformer);
        const QStringList keywords = photoShelterAsset(m_photoShelterAssets.at(0).remoteId).keywords;
        QCOMPARE(keywords.count(QStringLiteral("top-performer")), 1);
        QVERIFY(!photoShelterAsset(m_photoShelterAssets.at(1).remoteId).keywords.contains(QStringLiteral("top-performer")));

        runWriteBack(s); // once: a second scan queues nothing
        QCOMPARE(writeBackJobs(DamWriteBackPlanner::kTopPerformerKind).size(), 4);
        QCOMPARE(photoShelterAsset(m_photoShelterAssets.at(0).remoteId).keywords.count(QStringLiteral("top-performer")), 1);
    }

    // A 503 from iconik is retried; a refusal (unknown view) fails at once with iconik's reason.
    void writeBackRetriesTransientErrorsAndReportsRefusals()
    {
        QVERIFY(m_sandbox.faults()
                    .add(Sandbox::FaultRule::parseSpec(QStringLiteral("iconik:PUT:/API/metadata/v1/*:server-error:1:503:count=1")).value())
                    .ok());
        const Asset& a = m_iconikAssets.at(2);
        XPublishPayload p = payload(QStringLiteral("Flaky DAM"));
        p.media = {medium(a)};
        DamWriteBackSettings s = settings();
        s.accounts[m_iconik].archiveTarget.clear();
        XPublisher::Options options = fastOptions();
        options.writeBack = s;
        const qint64 id = enqueue(p);
        QCOMPARE(publish(id, options), JobState::Succeeded);
        runWriteBack(s);
        const OutboxJob retried = writeBackJobs(DamWriteBackPlanner::kLifecycleKind).first(); // newest first
        // The 503 is absorbed by the HTTP client's own retry of the idempotent PUT, or by the
        // job's retry: either way the write lands.
        QCOMPARE(retried.state, JobState::Succeeded);
        QCOMPARE(iconikAsset(a.remoteId).lifecycle, QStringLiteral("published"));

        s.accounts[m_iconik].metadataViewId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        options.writeBack = s;
        XPublishPayload q = payload(QStringLiteral("Unknown view"));
        q.media = {medium(a)};
        const qint64 second = enqueue(q);
        QCOMPARE(publish(second, options), JobState::Succeeded);
        runWriteBack(s);
        const OutboxJob refused = writeBackJobs(DamWriteBackPlanner::kLifecycleKind).first();
        QCOMPARE(refused.state, JobState::Failed);
        QCOMPARE(refused.attempts, 1);
        QVERIFY2(refused.lastError.contains(QStringLiteral("404")) || refused.lastError.contains(QStringLiteral("not found")),
                 qPrintable(refused.lastError));
    }

    // PX3/PX7: an archive upload that PhotoShelter stored but whose answer was lost (the response
    // cut short: fault injection) is found by its file name when the job is retried, and only the
    // media still missing are uploaded - no medium twice.
    void photoShelterArchiveRetryDoesNotUploadAgain()
    {
        m_sandbox.faults().clear();
        const Result<QString> cut = m_sandbox.faults().add(
            Sandbox::FaultRule::parseSpec(QStringLiteral("photoshelter:POST:/psapi/v4.0/media/upload:truncate:1:count=1")).value());
        QVERIFY(cut.ok());
        XPublishPayload p = payload(QStringLiteral("Archived after a lost answer"));
        p.media = {medium(m_photoShelterAssets.at(0)), medium(m_photoShelterAssets.at(1))};
        DamWriteBackSettings s = settings();
        s.accounts.remove(m_iconik);
        XPublisher::Options options = fastOptions();
        options.writeBack = s;
        const qint64 uploadsBefore = photoShelterLibrary().catalog().overlay().addedCount();
        const qint64 id = enqueue(p);
        QCOMPARE(publish(id, options), JobState::Succeeded);
        const Post post = postOf(id);
        runWriteBack(s);

        QCOMPARE(m_sandbox.faults().appliedCount(cut.value()), 1);
        OutboxJob archive;
        for (const OutboxJob& j : writeBackJobs(DamWriteBackPlanner::kArchiveKind)) {
            if (j.accountId == m_photoShelter && j.payload.contains(post.remoteId.toUtf8()))
                archive = j;
        }
        QCOMPARE(archive.state, JobState::Succeeded);
        QCOMPARE(archive.attempts, 2);
        QCOMPARE(photoShelterLibrary().catalog().overlay().addedCount() - uploadsBefore, 2);
        QStringList names;
        for (const Sandbox::DamAsset& a : photoShelterLibrary().catalog().overlay().records()) {
            if (a.added && !a.deleted && a.caption.contains(DamWriteBackPlanner::postUrl(post.remoteId)))
                names << a.fileName;
        }
        names.sort();
        const QString file = QStringLiteral("photo-60x40.jpg");
        QCOMPARE(names, QStringList({DamWriteBackAttempt::archiveFileName(post.remoteId, 0, file),
                                     DamWriteBackAttempt::archiveFileName(post.remoteId, 1, file)}));
    }

    // The iconik archive's upload, its answer lost after iconik created the file (OPEN): the retry
    // finds the file by its name, sends the bytes once and closes it - one file, one upload.
    void iconikArchiveRetryFinishesTheOpenFile()
    {
        m_sandbox.faults().clear();
        const Result<QString> cut = m_sandbox.faults().add(
            Sandbox::FaultRule::parseSpec(QStringLiteral("iconik:POST:/API/files/v1/assets/*/files/:truncate:1:count=1")).value());
        QVERIFY(cut.ok());
        XPublishPayload p = payload(QStringLiteral("iconik archive after a lost answer"));
        p.media = {medium(m_iconikAssets.at(2))};
        DamWriteBackSettings s = settings();
        s.accounts.remove(m_photoShelter);
        XPublisher::Options options = fastOptions();
        options.writeBack = s;
        const int putsBefore = iconikUploads().bytePuts();
        const qint64 id = enqueue(p);
        QCOMPARE(publish(id, options), JobState::Succeeded);
        const Post post = postOf(id);
        runWriteBack(s);

        QCOMPARE(m_sandbox.faults().appliedCount(cut.value()), 1);
        OutboxJob archive;
        for (const OutboxJob& j : writeBackJobs(DamWriteBackPlanner::kArchiveKind)) {
            if (j.accountId == m_iconik && j.payload.contains(post.remoteId.toUtf8()))
                archive = j;
        }
        QVERIFY2(archive.state == JobState::Succeeded, qPrintable(archive.lastError));
        QCOMPARE(archive.attempts, 2);
        QCOMPARE(iconikUploads().bytePuts() - putsBefore, 1);
        std::optional<Sandbox::DamAsset> copy;
        for (const Sandbox::DamAsset& a : iconikCatalog().overlay().records()) {
            if (a.externalId == QStringLiteral("x-post:") + post.remoteId)
                copy = a;
        }
        QVERIFY(copy);
        const Sandbox::IconikUploads::AssetUploads* files = iconikUploads().uploads(iconikLibrary().assetId(copy->index));
        QVERIFY(files);
        QCOMPARE(files->files.size(), 1);
        QCOMPARE(files->files.first().status, QStringLiteral("CLOSED"));
        QCOMPARE(files->files.first().bytes.size(), files->files.first().size);
    }
};

QTEST_GUILESS_MAIN(TestXPostLife)
#include "tst_xpostlife.moc"
