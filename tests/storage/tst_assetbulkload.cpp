// AssetBulkLoad: an initial sync's load with the secondary and full-text indexes built at the end.
// What a library looks like after a load (finished normally, or left in progress by a killed
// process and finished by the next open) must be exactly what row-by-row upserts leave.
#include "testdatabase.h"
#include "testsamples.h"

#include "storage/assetbulkload.h"
#include "storage/assetrepository.h"
#include "storage/storagecheckreport.h"
#include "storage/sqlstatement.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

// The assets of page `page` (10 each): distinct words per asset for the full-text search.
QList<Asset> page(qint64 accountId, int page)
{
    QList<Asset> assets;
    for (int i = 0; i < 10; ++i) {
        const int n = page * 10 + i;
        Asset a = sampleAsset(accountId, u"R%1"_s.arg(n));
        a.title = u"Bulkword%1 title"_s.arg(n);
        a.caption = u"Caption of asset %1"_s.arg(n);
        a.campaign = n % 2 ? u"Odd Campaign"_s : u"Even Campaign"_s;
        a.modifiedAt = utc(2025, 1, 1).addSecs(n);
        assets << a;
    }
    return assets;
}

// name -> CREATE statement of every index with one on the asset tables, and of the triggers on assets.
Result<QMap<QString, QString>> indexes(Storage& storage)
{
    return storage.writeAndWait([](WriteContext& ctx) -> Result<QMap<QString, QString>> {
        SqlStatement q = ctx.statement(
            u"SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ((type = 'index' AND tbl_name IN "
            "('assets', 'asset_renditions', 'collection_members', 'asset_versions')) OR (type = 'trigger' AND "
            "tbl_name = 'assets'))"_s);
        if (Status s = q.exec(); !s)
            return s.error();
        QMap<QString, QString> result;
        while (q.next())
            result.insert(q.value(0).toString(), q.value(1).toString());
        return result;
    });
}

Result<qint64> scalar(Storage& storage, const QString& sql)
{
    return storage.writeAndWait([sql](WriteContext& ctx) -> Result<qint64> {
        SqlStatement q = ctx.statement(sql);
        if (Status s = q.exec(); !s)
            return s.error();
        return q.next() ? q.value(0).toLongLong() : -1;
    });
}

// The assets whose indexed text has the word `word` (SQLite's full-text index itself, not the
// search built on it), sorted.
QStringList foundRemoteIds(Storage& storage, const QString& word)
{
    const Result<QStringList> found = storage.writeAndWait([word](WriteContext& ctx) -> Result<QStringList> {
        SqlStatement q = ctx.statement(u"SELECT a.remote_id FROM assets_fts JOIN assets a ON a.id = assets_fts.rowid "
                                       "WHERE assets_fts MATCH :word ORDER BY a.remote_id"_s);
        q.bind(u"word"_s, u"\""_s + word + u"\""_s);
        if (Status s = q.exec(); !s)
            return s.error();
        QStringList ids;
        while (q.next())
            ids << q.value(0).toString();
        return ids;
    });
    if (!found) {
        qWarning() << found.error().toLogString();
        return {u"<error>"_s};
    }
    return *found;
}

Status upsert(Storage& storage, const QList<Asset>& assets)
{
    const Result<QList<qint64>> ids =
        storage.writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); });
    return ids ? Status() : Status(ids.error());
}

// The full-text index holds exactly the assets, and SQLite agrees that everything is intact.
void verifyConsistent(Storage& storage)
{
    const Result<StorageCheckReport> report = storage.check();
    ASSETDESK_VERIFY_OK(report);
    QVERIFY2(report->integrityProblems.isEmpty(), qPrintable(report->integrityProblems.join(u'\n')));
    QVERIFY(report->searchIndexConsistent);
    QCOMPARE(report->searchIndexRows, report->assetRows);
}


// A finished load leaves the library as if it had never run: the indexes and triggers of
// `before`, no working tables, no deferral mark, a consistent search index, `assets` rows.
void verifyLoadEnded(Storage& storage, const QMap<QString, QString>& before, qint64 assets)
{
    const Result<QMap<QString, QString>> after = indexes(storage);
    ASSETDESK_VERIFY_OK(after);
    QCOMPARE(*after, before);
    QCOMPARE(scalar(storage, u"SELECT count(*) FROM sqlite_master WHERE name LIKE 'assets_bulk_load%'"_s).value(), 0);
    QCOMPARE(scalar(storage, u"SELECT count(*) FROM assets_fts_deferred"_s).value(), 0);
    verifyConsistent(storage);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(scalar(storage, u"SELECT count(*) FROM assets"_s).value(), assets);
}

} // namespace

class TestAssetBulkLoad : public QObject
{
    Q_OBJECT

private slots:
    // Pages written during a load, with an update, a repeat and a removal among them, leave the
    // same library a plain sync leaves: indexes identical, search finds every change.
    void loadThenFinish()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        QVERIFY(account > 0);
        ASSETDESK_VERIFY_OK(upsert(*storage, page(account, 0))); // indexed before the load
        const Result<QMap<QString, QString>> before = indexes(*storage);
        ASSETDESK_VERIFY_OK(before);
        QVERIFY(before->contains(u"assets_campaign"_s));
        QVERIFY(before->contains(u"assets_fts_after_insert"_s));

        const Result<bool> started =
            storage->writeAndWait([](WriteContext& ctx) { return AssetBulkLoad::begin(ctx); });
        ASSETDESK_VERIFY_OK(started);
        QVERIFY(*started);
        const Result<QMap<QString, QString>> during = indexes(*storage);
        ASSETDESK_VERIFY_OK(during);
        QVERIFY2(during->isEmpty(), qPrintable(during->keys().join(u", "_s)));
        // A second begin (a resumed sync) continues the same load.
        const Result<bool> again = storage->writeAndWait([](WriteContext& ctx) { return AssetBulkLoad::begin(ctx); });
        ASSETDESK_VERIFY_OK(again);
        QVERIFY(*again);

        ASSETDESK_VERIFY_OK(upsert(*storage, page(account, 1)));
        QList<Asset> second = page(account, 2);
        second << second.first(); // a repeat within the page
        second.last().title = u"Repeatedword"_s;
        ASSETDESK_VERIFY_OK(upsert(*storage, second));
        QList<Asset> edited = page(account, 0);
        edited[3].title = u"Editedword before the load"_s; // indexed before the load, changed during it
        QList<Asset> editedNew = page(account, 1);
        editedNew[4].title = u"Editedword during the load"_s; // inserted and changed during the load
        ASSETDESK_VERIFY_OK(upsert(*storage, edited));
        ASSETDESK_VERIFY_OK(upsert(*storage, editedNew));
        const Result<int> removed = storage->writeAndWait([account](WriteContext& ctx) {
            return AssetRepository::removeByRemoteIds(ctx, account, {u"R5"_s, u"R15"_s});
        });
        ASSETDESK_VERIFY_OK(removed);
        QCOMPARE(*removed, 2);
        // The load has not indexed its text yet.
        QCOMPARE(foundRemoteIds(*storage, u"bulkword12"_s), QStringList());

        ASSETDESK_VERIFY_OK(storage->writeAndWait([](WriteContext& ctx) { return AssetBulkLoad::finish(ctx); }));
        verifyLoadEnded(*storage, *before, 28);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(foundRemoteIds(*storage, u"bulkword12"_s), QStringList{u"R12"_s});
        QCOMPARE(foundRemoteIds(*storage, u"repeatedword"_s), QStringList{u"R20"_s});
        QCOMPARE(foundRemoteIds(*storage, u"editedword"_s), (QStringList{u"R14"_s, u"R3"_s}));
        QCOMPARE(foundRemoteIds(*storage, u"bulkword3"_s), QStringList());
        QCOMPARE(foundRemoteIds(*storage, u"bulkword15"_s), QStringList());
        QCOMPARE(foundRemoteIds(*storage, u"bulkword5"_s), QStringList());
        // Back to per-page indexing: a new page is searchable at once.
        ASSETDESK_VERIFY_OK(upsert(*storage, page(account, 3)));
        QCOMPARE(foundRemoteIds(*storage, u"bulkword33"_s), QStringList{u"R33"_s});
        verifyConsistent(*storage);
        // Finishing again is harmless.
        ASSETDESK_VERIFY_OK(storage->writeAndWait([](WriteContext& ctx) { return AssetBulkLoad::finish(ctx); }));
    }

    // Two syncs (two DAM accounts) load at once: the first to end leaves the indexes to the
    // second, whose pages still go in unindexed; the last holder builds everything. A sync that
    // would not start a load of its own still joins the one in progress.
    void sharedLoadIsFinishedByItsLastHolder()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 first = addAccount(*storage, sampleAccount());
        const qint64 second = addAccount(*storage, sampleAccount(Service::Iconik));
        QVERIFY(first > 0 && second > 0 && first != second);
        const Result<QMap<QString, QString>> before = indexes(*storage);
        ASSETDESK_VERIFY_OK(before);
        auto begin = [&](qint64 holder, qint64 expected) {
            return storage->writeAndWait([holder, expected](WriteContext& ctx) {
                return AssetBulkLoad::beginIfWorthIt(ctx, expected, 10, holder);
            });
        };
        auto finish = [&](qint64 holder) {
            return storage->writeAndWait([holder](WriteContext& ctx) { return AssetBulkLoad::finish(ctx, holder); });
        };
        const Result<bool> started = begin(first, 1000);
        ASSETDESK_VERIFY_OK(started);
        QVERIFY(*started);
        ASSETDESK_VERIFY_OK(upsert(*storage, page(first, 0)));
        // Too small for a load of its own (below the minimum), but one is running: joined.
        const Result<bool> joined = begin(second, 5);
        ASSETDESK_VERIFY_OK(joined);
        QVERIFY(*joined);
        ASSETDESK_VERIFY_OK(upsert(*storage, page(second, 1)));

        ASSETDESK_VERIFY_OK(finish(first));
        QCOMPARE(scalar(*storage, u"SELECT count(*) FROM sqlite_master WHERE name = 'assets_bulk_load'"_s).value(), 1);
        QVERIFY(indexes(*storage).value() != *before);
        ASSETDESK_VERIFY_OK(upsert(*storage, page(second, 2)));
        QCOMPARE(foundRemoteIds(*storage, u"bulkword21"_s), QStringList()); // still loading: not indexed yet
        // Finishing twice does not count as the other holder.
        ASSETDESK_VERIFY_OK(finish(first));
        QCOMPARE(scalar(*storage, u"SELECT count(*) FROM sqlite_master WHERE name = 'assets_bulk_load'"_s).value(), 1);

        ASSETDESK_VERIFY_OK(finish(second));
        verifyLoadEnded(*storage, *before, 30);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(foundRemoteIds(*storage, u"bulkword3"_s), QStringList{u"R3"_s});
        QCOMPARE(foundRemoteIds(*storage, u"bulkword21"_s), QStringList{u"R21"_s});
    }

    // A process killed during a load leaves it in progress (every step commits on its own, so
    // what a kill leaves is what closing without finish leaves); the next open finishes it.
    void openFinishesALoadLeftInProgress()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        QMap<QString, QString> before;
        {
            ASSETDESK_OPEN_STORAGE(storage, db.config());
            const qint64 account = addAccount(*storage, sampleAccount());
            QVERIFY(account > 0);
            const Result<QMap<QString, QString>> indexed = indexes(*storage);
            ASSETDESK_VERIFY_OK(indexed);
            before = *indexed;
            const Result<bool> started =
                storage->writeAndWait([](WriteContext& ctx) { return AssetBulkLoad::begin(ctx); });
            ASSETDESK_VERIFY_OK(started);
            ASSETDESK_VERIFY_OK(upsert(*storage, page(account, 0)));
            ASSETDESK_VERIFY_OK(upsert(*storage, page(account, 1)));
            // A page that fails half-way rolls back and leaves the load as it was.
            QList<Asset> broken = page(account, 2);
            broken[5].accountId = 99999; // no such account: the foreign key fails mid-insert
            QVERIFY(!upsert(*storage, broken).ok());
        }
        ASSETDESK_OPEN_STORAGE(reopened, db.config());
        verifyLoadEnded(*reopened, before, 20);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(foundRemoteIds(*reopened, u"bulkword17"_s), QStringList{u"R17"_s});
        QCOMPARE(foundRemoteIds(*reopened, u"bulkword25"_s), QStringList());
    }

    // Bad input from a service: a 10 MB caption and 10 MB of raw JSON go through the bulk path
    // (and the per-page one) unchanged, are found by a word at their end once indexed, and an
    // unchanged repeat is recognised by its digest.
    void hugeCaptionRoundTrip_data()
    {
        QTest::addColumn<bool>("bulk");
        QTest::newRow("bulk load") << true;
        QTest::newRow("per page") << false;
    }

    void hugeCaptionRoundTrip()
    {
        QFETCH(bool, bulk);
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        QVERIFY(account > 0);
        if (bulk) {
            const Result<bool> started =
                storage->writeAndWait([](WriteContext& ctx) { return AssetBulkLoad::begin(ctx); });
            ASSETDESK_VERIFY_OK(started);
        }
        Asset huge = sampleAsset(account, u"HUGE"_s);
        huge.caption = u"Ålesund fjord "_s.repeated(10 * 1024 * 1024 / 14) + u" Lastword"_s;
        huge.rawJson = "{\"caption\":\"" + QByteArray("x").repeated(10 * 1024 * 1024) + "\",\"ok\":true}";
        ASSETDESK_VERIFY_OK(upsert(*storage, {huge}));
        if (bulk)
            ASSETDESK_VERIFY_OK(storage->writeAndWait([](WriteContext& ctx) { return AssetBulkLoad::finish(ctx); }));
        const Result<std::optional<Asset>> stored = AssetRepository(*storage).findByRemoteId(account, u"HUGE"_s);
        ASSETDESK_VERIFY_OK(stored);
        QVERIFY(stored->has_value());
        QCOMPARE((*stored)->caption.size(), huge.caption.size());
        QVERIFY((*stored)->caption == huge.caption);
        QVERIFY((*stored)->rawJson == huge.rawJson);
        QCOMPARE(foundRemoteIds(*storage, u"lastword"_s), QStringList{u"HUGE"_s});
        verifyConsistent(*storage);
        // The same content again: nothing to write.
        const Result<ChangeSet> changes = storage->writeAndWait([huge](WriteContext& ctx) -> Result<ChangeSet> {
            const Result<QList<qint64>> ids = AssetRepository::upsert(ctx, {huge});
            if (!ids)
                return ids.error();
            return ctx.changes();
        });
        ASSETDESK_VERIFY_OK(changes);
        QVERIFY(changes->ids(EntityKind::Asset, ChangeSet::Op::Updated).isEmpty());
        QVERIFY(changes->ids(EntityKind::Asset, ChangeSet::Op::Inserted).isEmpty());
    }

    // PostgreSQL has no bulk mode: begin says so and the upserts index as always.
    void postgresHasNoBulkMode()
    {
        ASSETDESK_TEST_DATABASE(db, u"postgresql"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        QVERIFY(account > 0);
        const Result<bool> started =
            storage->writeAndWait([](WriteContext& ctx) { return AssetBulkLoad::begin(ctx); });
        ASSETDESK_VERIFY_OK(started);
        QVERIFY(!*started);
        ASSETDESK_VERIFY_OK(upsert(*storage, page(account, 0)));
        const Result<StorageCheckReport> report = storage->check();
        ASSETDESK_VERIFY_OK(report);
        QVERIFY(report->searchIndexConsistent);
        QCOMPARE(report->assetRows, 10);
        ASSETDESK_VERIFY_OK(storage->writeAndWait([](WriteContext& ctx) { return AssetBulkLoad::finish(ctx); }));
    }
};

QTEST_GUILESS_MAIN(TestAssetBulkLoad)
#include "tst_assetbulkload.moc"
