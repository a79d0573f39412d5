#include "fakedamsource.h"

#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/collectionrepository.h"
#include "storage/sqlstatement.h"
#include "storage/storage.h"
#include "storage/syncstaterepository.h"
#include "sync/damgallerywatcher.h"
#include "sync/damsynccheckpoint.h"
#include "sync/damsyncengine.h"
#include "sync/damthumbnailfetcher.h"
#include "media/thumbnailcache.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int minute)
{
    return QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC).addSecs(minute * 60);
}

Asset remoteAsset(const QString& id, int minute, const QStringList& galleries = {u"G1"_s})
{
    Asset a;
    a.service = Service::PhotoShelter;
    a.remoteId = id;
    a.title = u"Title of "_s + id;
    a.fileName = id + u".jpg"_s;
    a.createdAt = at(minute);
    a.modifiedAt = at(minute);
    a.version = QString::number(minute);
    a.collectionRemoteIds = galleries;
    Rendition thumb;
    thumb.name = u"thumbnail"_s;
    thumb.width = 400;
    thumb.height = 300;
    thumb.mimeType = u"image/jpeg"_s;
    thumb.remoteUrl = QUrl(u"https://dam.test/t/"_s + id);
    a.renditions << thumb;
    return a;
}

Collection container(const QString& id, const QString& parent, Collection::Kind kind)
{
    Collection c;
    c.service = Service::PhotoShelter;
    c.kind = kind;
    c.remoteId = id;
    c.name = u"Name "_s + id;
    c.parentRemoteId = parent;
    return c;
}

} // namespace

class TestDamSyncEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Storage> m_storage;
    qint64 m_account = 0;
    FakeDamSource m_source;

    Result<DamSyncSummary> runSync(bool full = false, int pageSize = 10, qint64 bulkLoadMinimum = 20000)
    {
        DamSyncEngine engine(*m_storage, m_source, m_account, u"Test DAM"_s);
        std::optional<Result<DamSyncSummary>> outcome;
        DamSyncEngine::Options options;
        options.full = full;
        options.pageSize = pageSize;
        options.confirmBatch = 7;
        options.bulkLoadMinimum = bulkLoadMinimum;
        engine.run(options, nullptr, [&outcome](Result<DamSyncSummary> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000))
            return Error(ErrorKind::Internal, u"timeout"_s);
        return *outcome;
    }

    QStringList localIds() const
    {
        QStringList ids = AssetRepository(*m_storage).remoteIds(m_account).value();
        ids.sort();
        return ids;
    }

    QStringList remoteIds() const
    {
        QStringList ids = m_source.assets.keys();
        ids.sort();
        return ids;
    }

    DamSyncCheckpoint checkpoint() const
    {
        const auto stored = SyncStateRepository(*m_storage).get(m_account, DamSyncCheckpoint::kResource).value();
        return stored ? DamSyncCheckpoint::decode(stored->cursor).value() : DamSyncCheckpoint{};
    }

    // The library's indexes are built when the run ends, whether it succeeds or fails: the search
    // finds every stored asset's text and SQLite's checks pass.
    void verifyIndexed(const QStringList& expectedIds)
    {
        // The writer runs writes in order: one more write waits for the index build queued by a
        // failed run.
        QVERIFY(m_storage->writeAndWait([](WriteContext&) { return Status(); }));
        const Result<StorageCheckReport> report = m_storage->check();
        QVERIFY(report);
        QVERIFY2(report->integrityProblems.isEmpty(), qPrintable(report->integrityProblems.join(u'\n')));
        QVERIFY(report->searchIndexConsistent);
        QCOMPARE(report->searchIndexRows, qint64(expectedIds.size()));
        const Result<qint64> indexes = m_storage->writeAndWait([](WriteContext& ctx) -> Result<qint64> {
            SqlStatement q = ctx.statement(u"SELECT count(*) FROM sqlite_master WHERE name IN ('assets_campaign', "
                                           "'assets_modified', 'assets_bulk_load')"_s);
            if (Status st = q.exec(); !st)
                return st.error();
            return q.next() ? q.value(0).toLongLong() : -1;
        });
        QVERIFY(indexes);
        QCOMPARE(*indexes, 2); // both indexes, no load in progress
        // Each asset's own word (its remote id, in the title and file name) finds it in SQLite's
        // full-text index.
        for (const QString& id : expectedIds) {
            const Result<QStringList> found = m_storage->writeAndWait([id](WriteContext& ctx) -> Result<QStringList> {
                SqlStatement q = ctx.statement(u"SELECT a.remote_id FROM assets_fts JOIN assets a ON "
                                               "a.id = assets_fts.rowid WHERE assets_fts MATCH :word"_s);
                q.bind(u"word"_s, u"\""_s + id + u"\""_s);
                if (Status st = q.exec(); !st)
                    return st.error();
                QStringList ids;
                while (q.next())
                    ids << q.value(0).toString();
                return ids;
            });
            QVERIFY(found);
            QCOMPARE(*found, QStringList{id});
        }
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto opened = Storage::open(StorageConfig::sqlite(
            m_dir.filePath(QStringLiteral("%1.sqlite3").arg(QLatin1String(QTest::currentTestFunction())))));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toLogString()));
        m_storage = std::move(opened).value();
        Account account;
        account.service = Service::PhotoShelter;
        account.label = u"Test DAM"_s;
        account.baseUrl = QUrl(u"https://dam.test"_s);
        const Result<qint64> id = m_storage->writeAndWait([account](WriteContext& ctx) { return AccountRepository::add(ctx, account); });
        QVERIFY(id);
        m_account = *id;
        m_source = FakeDamSource{};
        m_source.collections = {container(u"O1"_s, {}, Collection::Kind::Organization),
                                container(u"C1"_s, u"O1"_s, Collection::Kind::Collection),
                                container(u"G1"_s, u"C1"_s, Collection::Kind::Gallery),
                                container(u"G2"_s, u"C1"_s, Collection::Kind::Gallery)};
        for (int i = 0; i < 35; ++i)
            m_source.assets.insert(u"A%1"_s.arg(i, 3, 10, QLatin1Char('0')),
                                   remoteAsset(u"A%1"_s.arg(i, 3, 10, QLatin1Char('0')), i, i % 2 ? QStringList{u"G1"_s} : QStringList{u"G2"_s}));
    }

    void cleanup() { m_storage.reset(); }

    void initialSyncStoresEverythingWithCollections()
    {
        const Result<DamSyncSummary> s = runSync();
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toLogString()));
        QVERIFY(s->full);
        QVERIFY(!s->resumed);
        QVERIFY(s->swept);
        QCOMPARE(s->pages, 4);
        QCOMPARE(s->assetsSeen, 35);
        QCOMPARE(s->assetsStored, 35);
        QCOMPARE(s->totalLocal, 35);
        QCOMPARE(s->collections, 4);
        QCOMPARE(localIds(), remoteIds());

        const CollectionRepository collections(*m_storage);
        const auto g1 = collections.findByRemoteId(m_account, u"G1"_s).value();
        QVERIFY(g1);
        QCOMPARE(g1->parentRemoteId, u"C1"_s);
        QCOMPARE(collections.memberCount(g1->id).value(), 17);
        const auto g2 = collections.findByRemoteId(m_account, u"G2"_s).value();
        QCOMPARE(collections.memberCount(g2->id).value(), 18);
        QCOMPARE(collections.children(m_account).value().size(), 1); // the organization

        const DamSyncCheckpoint c = checkpoint();
        QVERIFY(!c.inPass);
        QCOMPARE(c.since, at(34));
        QVERIFY(!c.sweepDue);
    }

    void initialSyncIsABulkLoad()
    {
        const Result<DamSyncSummary> s = runSync(false, 10, 30);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toLogString()));
        QVERIFY(s->full);
        QCOMPARE(s->assetsStored, 35);
        QCOMPARE(localIds(), remoteIds());
        verifyIndexed(remoteIds());
        if (QTest::currentTestFailed())
            return;
        // The next full pass finds a library too big for a bulk load: pages are indexed as they go.
        m_source.assets.insert(u"B001"_s, remoteAsset(u"B001"_s, 99));
        const Result<DamSyncSummary> next = runSync(true, 10, 30);
        QVERIFY(next);
        QCOMPARE(next->assetsStored, 1);
        verifyIndexed(remoteIds());
    }

    void failedBulkLoadStillBuildsTheIndexes()
    {
        m_source.failAtFetch = 2;
        const Result<DamSyncSummary> failed = runSync(false, 10, 30);
        QVERIFY(!failed);
        QCOMPARE(localIds().size(), 20);
        verifyIndexed(localIds());
        if (QTest::currentTestFailed())
            return;
        m_source.failAtFetch = -1;
        m_source.fetchCalls = 0;
        const Result<DamSyncSummary> resumed = runSync(false, 10, 30);
        QVERIFY(resumed);
        QVERIFY(resumed->resumed);
        QCOMPARE(localIds(), remoteIds());
        verifyIndexed(remoteIds());
    }

    void incrementalPicksUpChangesAdditionsAndDeletions()
    {
        QVERIFY(runSync());
        m_source.assets[u"A003"_s].title = u"Changed title"_s;
        m_source.assets[u"A003"_s].modifiedAt = at(100);
        m_source.assets.insert(u"B001"_s, remoteAsset(u"B001"_s, 101));
        m_source.assets.remove(u"A010"_s);
        m_source.deletedAt.insert(u"A010"_s, at(102));
        // A gallery went away too.
        m_source.collections.removeLast();
        m_source.fetchCalls = 0;

        const Result<DamSyncSummary> s = runSync();
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toLogString()));
        QVERIFY(!s->full);
        QCOMPARE(s->pages, 1);
        QCOMPARE(s->assetsSeen, 3);   // the bound is inclusive: A034 again, left alone by its digest
        QCOMPARE(s->assetsStored, 2);
        QCOMPARE(s->assetsRemoved, 1);
        QCOMPARE(s->collectionsRemoved, 1);
        QCOMPARE(localIds(), remoteIds());
        QCOMPARE(AssetRepository(*m_storage).findByRemoteId(m_account, u"A003"_s).value()->title, u"Changed title"_s);
        QCOMPARE(checkpoint().since, at(101));
    }

    void fullPassSweepsOnlyConfirmedRemovals()
    {
        m_source.changedSince = false;
        QVERIFY(runSync());
        m_source.assets.remove(u"A005"_s);
        m_source.assets.remove(u"A020"_s);
        m_source.hiddenFromListing = {u"A030"_s}; // not listed, but it still exists
        const Result<DamSyncSummary> s = runSync();
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toLogString()));
        QVERIFY(s->full);
        QVERIFY(s->swept);
        QCOMPARE(s->assetsRemoved, 2);
        QCOMPARE(s->assetsStored, 0);
        QCOMPARE(m_source.byIdCalls, 1);
        QCOMPARE(localIds(), remoteIds());
        QVERIFY(localIds().contains(u"A030"_s));
    }

    void pageFailureKeepsCommittedPagesAndResumes()
    {
        m_source.failAtFetch = 2; // the third page
        const Result<DamSyncSummary> failed = runSync();
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind(), ErrorKind::RateLimited);
        QVERIFY2(failed.error().message().contains(u"page 3"_s), qPrintable(failed.error().message()));
        QVERIFY(failed.error().message().contains(u"next sync continues"_s));
        QCOMPARE(localIds().size(), 20);
        DamSyncCheckpoint c = checkpoint();
        QVERIFY(c.inPass);
        QCOMPARE(c.pagesDone, 2);
        QCOMPARE(c.cursor, u"20"_s);

        m_source.failAtFetch = -1;
        m_source.fetchCalls = 0;
        const Result<DamSyncSummary> resumed = runSync();
        QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().toLogString()));
        QVERIFY(resumed->resumed);
        QCOMPARE(resumed->pages, 2);     // pages 3 and 4 only
        QCOMPARE(resumed->assetsSeen, 15);
        QVERIFY(!resumed->swept);        // it did not see pages 1 and 2
        QCOMPARE(localIds(), remoteIds());
        QVERIFY(checkpoint().sweepDue);

        // The next run is a full pass again, and sweeps.
        m_source.assets.remove(u"A001"_s);
        const Result<DamSyncSummary> next = runSync();
        QVERIFY(next);
        QVERIFY(next->full);
        QVERIFY(next->swept);
        QCOMPARE(next->assetsRemoved, 1);
        QCOMPARE(localIds(), remoteIds());
        QVERIFY(!checkpoint().sweepDue);
    }

    void badItemsAreReportedAndTheRestOfThePageKept()
    {
        m_source.badItems = {u"A002"_s, u"A017"_s};
        const Result<DamSyncSummary> s = runSync();
        QVERIFY(s);
        QCOMPARE(s->skipped, 2);
        QCOMPARE(s->problems.size(), 2);
        QCOMPARE(s->problems.first().remoteId, u"A002"_s);
        QCOMPARE(s->assetsSeen, 33);
        QCOMPARE(localIds().size(), 33);
    }

    void unreadableCheckpointStartsOver()
    {
        QVERIFY(m_storage->writeAndWait([this](WriteContext& ctx) {
            return SyncStateRepository::save(ctx, m_account, DamSyncCheckpoint::kResource, u"garbage"_s);
        }));
        const Result<DamSyncSummary> s = runSync();
        QVERIFY(s);
        QVERIFY(s->full);
        QCOMPARE(localIds(), remoteIds());
    }

    void checkpointRoundTrips()
    {
        DamSyncCheckpoint c;
        c.inPass = true;
        c.mode = DamSyncCheckpoint::Mode::ChangedSince;
        c.cursor = u"{\"p\":3}"_s;
        c.passSince = at(1);
        c.passStartedAt = at(2);
        c.pagesDone = 3;
        c.assetsDone = 1500;
        c.passHighWater = at(3);
        c.since = at(1);
        c.sweepDue = true;
        const DamSyncCheckpoint back = DamSyncCheckpoint::decode(c.encode()).value();
        QCOMPARE(back.encode(), c.encode());
        QCOMPARE(back.cursor, c.cursor);
        QCOMPARE(back.passHighWater, at(3));
        QVERIFY(!DamSyncCheckpoint::decode(u"{\"v\":9}"_s));
    }

    void galleryWatcherStoresNewUploadsQuickly()
    {
        QVERIFY(runSync());
        DamGalleryWatcher watcher(*m_storage, m_source, m_account, u"G1"_s);
        watcher.setPageSize(5);
        QSignalSpy arrived(&watcher, &DamGalleryWatcher::assetsArrived);
        watcher.start(std::chrono::milliseconds(100));
        QTest::qWait(300);
        QCOMPARE(arrived.count(), 0); // everything was known
        for (int i = 0; i < 7; ++i)
            m_source.assets.insert(u"N%1"_s.arg(i), remoteAsset(u"N%1"_s.arg(i), 200 + i, {u"G1"_s}));
        QVERIFY(QTest::qWaitFor([this] { return localIds().contains(u"N0"_s) && localIds().contains(u"N6"_s); }, 3000));
        // The rows can be read from the workspace before the watcher has reported them: under
        // load the last batch's report may still be on its way.
        const auto stored = [&arrived] {
            int count = 0;
            for (const QVariantList& args : std::as_const(arrived))
                count += args.first().value<QList<qint64>>().size();
            return count;
        };
        QTRY_COMPARE_WITH_TIMEOUT(stored(), 7, 3000);
        watcher.stop();
    }

    void thumbnailsAreFetchedScaledAndRecorded()
    {
        QVERIFY(runSync());
        QImage image(400, 300, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "JPEG"));
        for (const Asset& a : std::as_const(m_source.assets))
            m_source.renditionBytes.insert(a.renditions.first().remoteUrl.toString(), jpeg);
        m_source.renditionBytes.remove(u"https://dam.test/t/A004"_s); // one fails

        ThumbnailCache cache(m_dir.filePath(u"thumbs"_s));
        DamThumbnailFetcher fetcher(*m_storage, cache, m_source);
        fetcher.setConcurrency(3);
        fetcher.setBox(QSize(128, 128));
        QSignalSpy idle(&fetcher, &DamThumbnailFetcher::idle);
        QList<qint64> ids;
        for (const QString& id : localIds())
            ids << AssetRepository(*m_storage).findByRemoteId(m_account, id).value()->id;
        fetcher.enqueue(ids);
        QVERIFY(QTest::qWaitFor([&fetcher] { return fetcher.isIdle(); }, 10000));
        QCOMPARE(fetcher.stored(), 34);
        QCOMPARE(fetcher.failed(), 1);
        const Asset a = *AssetRepository(*m_storage).findByRemoteId(m_account, u"A001"_s).value();
        const QString path = a.renditions.first().localPath;
        QVERIFY(path.startsWith(cache.root()));
        QImage thumb(path);
        QVERIFY(thumb.width() <= 128 && thumb.height() <= 128);
        // A second sync keeps the cached path; asking again fetches nothing.
        QVERIFY(runSync(true));
        QCOMPARE(AssetRepository(*m_storage).findByRemoteId(m_account, u"A001"_s).value()->renditions.first().localPath, path);
        fetcher.enqueue(ids);
        QVERIFY(QTest::qWaitFor([&fetcher] { return fetcher.isIdle(); }, 10000));
        QCOMPARE(fetcher.stored(), 34);
    }
};

QTEST_GUILESS_MAIN(TestDamSyncEngine)
#include "tst_damsyncengine.moc"
