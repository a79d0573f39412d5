// AssetQuery's search on both backends: the order a text search promises (relevance only for a
// text matching at most AssetQuery::rankLimit assets, newest first otherwise), the orientation and
// collection facets, and a plan that stays on the full-text index whatever facet joins the text.
#include "testdatabase.h"
#include "testsamples.h"

#include "storage/assetrepository.h"
#include "storage/assetsearchsql.h"
#include "storage/sqlconnection.h"
#include "storage/sqlstatement.h"

#include <QRegularExpression>
#include <QTest>

#include <functional>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

// A facet as a pair: what it asks of a query and how an asset satisfies it.
struct Facet
{
    const char* name;
    std::function<void(AssetQuery&, qint64 accountId)> ask;
    std::function<void(Asset&)> satisfy;
};

// Rights are judged at 2030-01-01 with the default 30-day window.
const QDateTime kRightsAt = utc(2030, 1, 1);

QList<Facet> facets()
{
    auto none = [](Asset&) {};
    return {
        {"service", [](AssetQuery& q, qint64) { q.service = Service::PhotoShelter; }, none},
        {"account", [](AssetQuery& q, qint64 account) { q.accountId = account; }, none},
        {"approval", [](AssetQuery& q, qint64) { q.approval = ApprovalState::Approved; }, none},
        {"rights valid", [](AssetQuery& q, qint64) { q.rightsStatus = RightsStatus::Valid; q.rightsAt = kRightsAt; },
         [](Asset& a) { a.rights.licenseExpiresAt = utc(2031, 6, 1); }},
        {"rights expiring", [](AssetQuery& q, qint64) { q.rightsStatus = RightsStatus::ExpiringSoon; q.rightsAt = kRightsAt; },
         [](Asset& a) { a.rights.licenseExpiresAt = utc(2030, 1, 20); }},
        {"rights expired", [](AssetQuery& q, qint64) { q.rightsStatus = RightsStatus::Expired; q.rightsAt = kRightsAt; },
         [](Asset& a) { a.rights.licenseExpiresAt = utc(2029, 6, 1); }},
        {"rights unrestricted", [](AssetQuery& q, qint64) { q.rightsStatus = RightsStatus::Unrestricted; },
         [](Asset& a) { a.rights.licenseExpiresAt = {}; }},
        {"campaign", [](AssetQuery& q, qint64) { q.campaign = u"Spring Coast 2024"_s; }, none},
        {"media type", [](AssetQuery& q, qint64) { q.mediaType = MediaType::Video; },
         [](Asset& a) { a.mediaType = MediaType::Video; }},
        {"lifecycle", [](AssetQuery& q, qint64) { q.lifecycle = LifecycleState::Approved; }, none},
        {"date range", [](AssetQuery& q, qint64) { q.modifiedFrom = utc(2024, 1, 1); q.modifiedTo = utc(2025, 1, 1); }, none},
        {"landscape", [](AssetQuery& q, qint64) { q.orientation = Orientation::Landscape; }, none},
        {"portrait", [](AssetQuery& q, qint64) { q.orientation = Orientation::Portrait; },
         [](Asset& a) { a.width = 3000; a.height = 4500; }},
        {"square", [](AssetQuery& q, qint64) { q.orientation = Orientation::Square; },
         [](Asset& a) { a.width = 2000; a.height = 2000; }},
        {"collections", [](AssetQuery& q, qint64) { q.collectionRemoteIds = {u"G-1"_s, u"G-2"_s}; },
         [](Asset& a) { a.collectionRemoteIds = {u"G-2"_s}; }},
        // Usage (IX8): the posts are lineage edges added after the assets (see usageEdges).
        {"usage unused", [](AssetQuery& q, qint64) { q.usage = AssetUsage::Unused; }, none},
        {"usage used", [](AssetQuery& q, qint64) { q.usage = AssetUsage::Used; }, none},
        {"usage overused", [](AssetQuery& q, qint64) { q.usage = AssetUsage::Overused; }, none},
    };
}

// Lineage that gives every asset but the decoy the posts its usage facet asks for: one post
// through a derivative (used), or kDefaultOveruseThreshold posts directly (overused); for
// "unused" only the decoy gets a post.
QString usageEdges(const AssetQuery& q)
{
    if (q.usage == AssetUsage::Unused) {
        return u"INSERT INTO lineage_edges (from_kind, from_id, to_kind, to_id, relation, created_at) "
               u"SELECT 'asset', a.id, 'post', a.id, 'published-as', 0 FROM assets a WHERE a.remote_id = 'decoy'"_s;
    }
    if (q.usage == AssetUsage::Used) {
        return u"INSERT INTO lineage_edges (from_kind, from_id, to_kind, to_id, relation, created_at) "
               u"SELECT k.from_kind, a.id, k.to_kind, a.id, k.relation, 0 FROM assets a CROSS JOIN "
               u"(SELECT 'asset' AS from_kind, 'derivative' AS to_kind, 'derived-from' AS relation UNION ALL "
               u"SELECT 'derivative', 'post', 'published-as') AS k WHERE a.remote_id <> 'decoy'"_s;
    }
    if (q.usage == AssetUsage::Overused) {
        return u"WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %1) "
               u"INSERT INTO lineage_edges (from_kind, from_id, to_kind, to_id, relation, created_at) "
               u"SELECT 'asset', a.id, 'post', a.id * 10 + k.i, 'published-as', 0 FROM assets a CROSS JOIN k "
               u"WHERE a.remote_id <> 'decoy'"_s.arg(kDefaultOveruseThreshold);
    }
    return {};
}

bool drivenByTheFtsIndex(const QString& plan)
{
    static const QRegularExpression scansAssets(u"^SCAN a(\\s|$)"_s, QRegularExpression::MultilineOption);
    return plan.startsWith(u"SCAN assets_fts VIRTUAL TABLE INDEX"_s)
           && plan.contains(u"SEARCH a USING INTEGER PRIMARY KEY (rowid=?)"_s) && !scansAssets.match(plan).hasMatch();
}

} // namespace

class TestAssetSearch : public QObject
{
    Q_OBJECT
private slots:
    // "lighthouse" is in the title of the oldest asset, a keyword of the middle one and the caption
    // of the newest: by relevance T, K, C; newest first C, K, T.
    void ranksOnlyTextsUnderTheLimit_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("rankLimit");
        QTest::addColumn<bool>("approvedOnly");
        QTest::addColumn<QStringList>("expected");
        const QList<std::tuple<const char*, int, bool, QStringList>> cases{
            {"default limit: ranked", AssetQuery::kDefaultRankLimit, false, {u"T"_s, u"K"_s, u"C"_s}},
            {"limit = matches: ranked", 3, false, {u"T"_s, u"K"_s, u"C"_s}},
            {"limit under matches: newest first", 2, false, {u"C"_s, u"K"_s, u"T"_s}},
            {"limit 0: never ranked", 0, false, {u"C"_s, u"K"_s, u"T"_s}},
            // A facet leaving 2 rows does not bring the text under a limit of 2: the order
            // depends on the text alone.
            {"facet does not change the order", 2, true, {u"C"_s, u"T"_s}},
            {"facet, ranked", 3, true, {u"T"_s, u"C"_s}},
        };
        for (const QString& backend : {u"sqlite"_s, u"postgresql"_s}) {
            for (const auto& [name, limit, approvedOnly, expected] : cases)
                QTest::newRow(qPrintable(backend + u": "_s + QLatin1String(name)))
                    << backend << limit << approvedOnly << expected;
        }
    }
    void ranksOnlyTextsUnderTheLimit()
    {
        QFETCH(QString, backend);
        QFETCH(int, rankLimit);
        QFETCH(bool, approvedOnly);
        QFETCH(QStringList, expected);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        QVERIFY(account > 0);
        auto make = [account](const QString& id, const QString& title, const QString& caption,
                              const QStringList& keywords, const QDateTime& modified) {
            Asset a = sampleAsset(account, id);
            a.title = title;
            a.caption = caption;
            a.keywords = keywords;
            a.rights.credit = u"Studio"_s;
            a.campaign.clear();
            a.fileName = id + u".jpg"_s;
            a.modifiedAt = modified;
            return a;
        };
        QList<Asset> assets{make(u"T"_s, u"Lighthouse"_s, u"Rocks"_s, {}, utc(2020, 1, 1)),
                            make(u"K"_s, u"Harbour"_s, u"Boats at the pier"_s, {u"lighthouse"_s}, utc(2023, 1, 1)),
                            make(u"C"_s, u"Evening"_s, u"A small lighthouse far away on the horizon behind the boats"_s,
                                 {}, utc(2025, 1, 1))};
        assets[1].rights.approval = ApprovalState::NotApproved;
        // Documents without the word, so that it is a rare word for bm25 (its IDF is positive).
        for (int i = 0; i < 6; ++i)
            assets << make(u"F%1"_s.arg(i), u"Field %1"_s.arg(i), u"Grass"_s, {}, utc(2021, 1, 1 + i));
        ASSETDESK_VERIFY_OK(storage->writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); }));

        AssetQuery q;
        q.text = u"lighthouse"_s;
        q.rankLimit = rankLimit;
        if (approvedOnly)
            q.approval = ApprovalState::Approved;
        const AssetRepository repo(*storage);
        const Result<QList<Asset>> found = repo.search(q);
        ASSETDESK_VERIFY_OK(found);
        QCOMPARE(orderedRemoteIds(*found), expected);
        QCOMPARE(repo.count(q).value(), qint64(expected.size()));

        // The ranking function: assetdesk_rank on SQLite (registered on the read connection),
        // ts_rank on PostgreSQL; none when over the limit.
        Result<SqlConnection> connection = storage->readConnection();
        ASSETDESK_VERIFY_OK(connection);
        const Result<AssetSearchSql::Statement> built = AssetSearchSql::select(*connection, q, u"a.id"_s);
        ASSETDESK_VERIFY_OK(built);
        const bool ranked = expected.first() == u"T";
        QCOMPARE(built->ranked, ranked);
        QCOMPARE(built->sql.contains(backend == u"sqlite" ? u"assetdesk_rank("_s : u"ts_rank("_s), ranked);
        QVERIFY(!built->sql.contains(u"bm25("_s));

        // Paging keeps the order; a page carries the total.
        q.limit = 1;
        q.offset = 1;
        QCOMPARE(orderedRemoteIds(repo.search(q).value()), QStringList{expected.at(1)});
        Result<AssetRepository::Page> page = repo.searchPage(q);
        ASSETDESK_VERIFY_OK(page);
        QCOMPARE(orderedRemoteIds(page->assets), QStringList{expected.at(1)});
        QCOMPARE(page->total, qint64(expected.size()));
        QCOMPARE(page->assets.first().renditions.size(), 2); // complete assets
        q.offset = 10; // past the end
        page = repo.searchPage(q);
        ASSETDESK_VERIFY_OK(page);
        QVERIFY(page->assets.isEmpty());
        QCOMPARE(page->total, qint64(expected.size()));
    }

    // The probe asks only when there is a text to rank, and counts the text alone.
    void rankProbeCountsTheTextAlone_data()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
    void rankProbeCountsTheTextAlone()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        QList<Asset> assets;
        for (int i = 0; i < 5; ++i) {
            Asset a = sampleAsset(account, u"H%1"_s.arg(i));
            a.rights.approval = i == 0 ? ApprovalState::Approved : ApprovalState::Requested;
            assets << a;
        }
        ASSETDESK_VERIFY_OK(storage->writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); }));
        const StorageBackend kind = backend == u"sqlite" ? StorageBackend::SQLite : StorageBackend::PostgreSQL;

        AssetQuery q;
        QVERIFY(AssetSearchSql::rankProbe(q, kind).matchesNothing); // no text
        q.text = u"harbour"_s;
        q.rankLimit = 0;
        QVERIFY(AssetSearchSql::rankProbe(q, kind).matchesNothing); // never ranked

        Result<SqlConnection> connection = storage->readConnection();
        ASSETDESK_VERIFY_OK(connection);
        auto probe = [&connection, kind](const AssetQuery& query) -> qint64 {
            const AssetSearchSql::Statement st = AssetSearchSql::rankProbe(query, kind);
            SqlStatement s(connection.value(), st.sql);
            for (auto it = st.values.cbegin(); it != st.values.cend(); ++it)
                s.bind(it.key(), it.value());
            return s.exec().ok() && s.next() ? s.value(0).toLongLong() : -1;
        };
        q.approval = ApprovalState::Approved; // 1 of the 5 matches: ignored by the probe
        q.rankLimit = 10;
        QCOMPARE(probe(q), qint64(5));
        q.rankLimit = 3;
        QCOMPARE(probe(q), qint64(4)); // stops one past the limit
        QCOMPARE(AssetRepository(*storage).count(q).value(), qint64(1));
    }

    void orientationAndCollections_data()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
    void orientationAndCollections()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        const QList<std::tuple<QString, int, int, QStringList>> shapes{{u"L"_s, 6000, 4000, {u"G-1"_s}},
                                                                        {u"P"_s, 3000, 4500, {u"G-1"_s, u"G-2"_s}},
                                                                        {u"S"_s, 2000, 2000, {}},
                                                                        {u"U"_s, 0, 0, {u"G-3"_s}}};
        QList<Asset> assets;
        int day = 1;
        for (const auto& [id, width, height, collections] : shapes) {
            Asset a = sampleAsset(account, id);
            a.width = width;
            a.height = height;
            a.collectionRemoteIds = collections;
            a.modifiedAt = utc(2024, 1, day++);
            assets << a;
        }
        ASSETDESK_VERIFY_OK(storage->writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); }));
        const AssetRepository repo(*storage);
        auto found = [&repo](const AssetQuery& q) { return orderedRemoteIds(repo.search(q).value()); };

        AssetQuery q;
        q.rankLimit = 0; // newest first: U, S, P, L
        q.orientation = Orientation::Landscape;
        QCOMPARE(found(q), QStringList{u"L"_s});
        q.orientation = Orientation::Portrait;
        QCOMPARE(found(q), QStringList{u"P"_s});
        q.orientation = Orientation::Square; // an unknown size (0 x 0) is not square
        QCOMPARE(found(q), QStringList{u"S"_s});
        q.orientation.reset();
        q.collectionRemoteIds = {u"G-1"_s};
        QCOMPARE(found(q), (QStringList{u"P"_s, u"L"_s}));
        q.collectionRemoteIds = {u"G-2"_s, u"G-3"_s};
        QCOMPARE(found(q), (QStringList{u"U"_s, u"P"_s}));
        q.text = u"harbour"_s;
        q.orientation = Orientation::Portrait;
        QCOMPARE(found(q), QStringList{u"P"_s});
        QCOMPARE(repo.count(q).value(), qint64(1));
    }

    // One text with each facet (and two and all of them at once): the plan drives from the
    // full-text index (SQLite: the FTS5 table first, assets only looked up by rowid; PostgreSQL:
    // the GIN index, no sequential scan of assets). 5,000 filler assets satisfy the facets but
    // not the text, so only the text is selective and the planner has a reason to use its index.
    void everyFacetKeepsTheFullTextIndex_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QList<int>>("facetIndexes");
        const QList<Facet> all = facets();
        QList<QPair<QString, QList<int>>> rows;
        QList<int> everyCompatible; // one of each kind
        for (int i = 0; i < all.size(); ++i) {
            rows.append({QString::fromLatin1(all.at(i).name), {i}});
            const QString name = QString::fromLatin1(all.at(i).name);
            if (!name.startsWith(u"rights "_s) && !name.startsWith(u"usage "_s) && name != u"portrait"
                && name != u"square")
                everyCompatible << i;
        }
        auto indexOf = [&all](const char* name) {
            for (int i = 0; i < all.size(); ++i) {
                if (qstrcmp(all.at(i).name, name) == 0)
                    return i;
            }
            return -1;
        };
        rows.append({u"approval + media type"_s, {indexOf("approval"), indexOf("media type")}});
        rows.append({u"rights expiring + collections"_s, {indexOf("rights expiring"), indexOf("collections")}});
        rows.append({u"usage overused + approval"_s, {indexOf("usage overused"), indexOf("approval")}});
        everyCompatible << indexOf("rights valid") << indexOf("usage unused");
        rows.append({u"every facet"_s, everyCompatible});
        for (const QString& backend : {u"sqlite"_s, u"postgresql"_s}) {
            for (const auto& [name, indexes] : rows)
                QTest::newRow(qPrintable(backend + u": "_s + name)) << backend << indexes;
        }
    }
    void everyFacetKeepsTheFullTextIndex()
    {
        QFETCH(QString, backend);
        QFETCH(QList<int>, facetIndexes);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        QVERIFY(account > 0);
        const QList<Facet> all = facets();
        Asset target = sampleAsset(account, u"target"_s);
        const qint64 otherAccount = addAccount(*storage, sampleAccount(Service::Iconik, u"app-id"_s));
        QVERIFY(otherAccount > 0);
        Asset decoy = sampleAsset(otherAccount, u"decoy"_s); // the text without the facets
        decoy.service = Service::Iconik;
        decoy.collectionRemoteIds = {u"G-9"_s};
        Asset filler = sampleAsset(account, u"template"_s); // the facets without the text
        filler.title = u"Template"_s;
        filler.caption = u"Nothing to see"_s;
        filler.keywords = {u"plain"_s};
        filler.rights.credit = u"Studio"_s;
        AssetQuery q;
        q.text = u"harbour boats"_s;
        for (int i : facetIndexes) {
            all.at(i).ask(q, account);
            all.at(i).satisfy(target);
            all.at(i).satisfy(filler);
        }
        decoy.mediaType = q.mediaType == MediaType::Video ? MediaType::Image : MediaType::Video;
        decoy.rights.approval = ApprovalState::NotApproved;
        decoy.width = 0; // no orientation
        decoy.height = 0;
        decoy.rights.licenseExpiresAt = kRightsAt.addDays(-1);
        if (q.rightsStatus == RightsStatus::Expired)
            decoy.rights.licenseExpiresAt = {};
        decoy.modifiedAt = utc(2019, 1, 1);
        decoy.lifecycle = LifecycleState::Archived;
        decoy.campaign = u"Other"_s;
        ASSETDESK_VERIFY_OK(storage->writeAndWait([target, decoy, filler](WriteContext& ctx) {
            return AssetRepository::upsert(ctx, {target, decoy, filler});
        }));
        ASSETDESK_VERIFY_OK(storage->writeAndWait([](WriteContext& ctx) -> Status {
            const QString copy = u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                                 u"INSERT INTO assets (account_id, service, remote_id, title, caption, keywords, campaign, "
                                 u"file_name, media_type, width, height, approval, license_expires_at, credit, lifecycle, "
                                 u"modified_at) "
                                 u"SELECT t.account_id, t.service, 'filler-' || n.i, 'Filler ' || n.i, t.caption, t.keywords, "
                                 u"t.campaign, 'filler.jpg', t.media_type, t.width, t.height, t.approval, t.license_expires_at, "
                                 u"t.credit, t.lifecycle, t.modified_at FROM assets t CROSS JOIN n WHERE t.remote_id = 'template'"_s;
            if (Status s = ctx.statement(copy).exec(); !s)
                return s;
            return ctx.statement(u"INSERT INTO collection_members (asset_id, collection_remote_id, position) "
                                 u"SELECT a.id, m.collection_remote_id, 0 FROM assets a CROSS JOIN collection_members m "
                                 u"JOIN assets t ON t.id = m.asset_id AND t.remote_id = 'template' "
                                 u"WHERE a.remote_id LIKE 'filler-%'"_s)
                .exec();
        }));
        if (const QString edges = usageEdges(q); !edges.isEmpty()) {
            ASSETDESK_VERIFY_OK(storage->writeAndWait([edges](WriteContext& ctx) { return ctx.statement(edges).exec(); }));
        }
        if (backend == u"postgresql") {
            // What autovacuum does in a live workspace: statistics, and the GIN pending list merged
            // into the index (VACUUM cannot run inside the writer's transactions).
            const QString name = SqlConnection::uniqueName(u"test-vacuum"_s);
            {
                Result<SqlConnection> maintenance =
                    SqlConnection::open(db.config(), name, SqlConnection::Role::Writer, SqlConnection::Create::MustExist);
                ASSETDESK_VERIFY_OK(maintenance);
                ASSETDESK_VERIFY_OK(maintenance->exec(u"VACUUM ANALYZE assets"_s));
                ASSETDESK_VERIFY_OK(maintenance->exec(u"ANALYZE collection_members"_s));
                ASSETDESK_VERIFY_OK(maintenance->exec(u"ANALYZE lineage_edges"_s));
            }
            SqlConnection::close(name);
        }

        const AssetRepository repo(*storage);
        const Result<QString> plan = repo.explainSearch(q);
        ASSETDESK_VERIFY_OK(plan);
        if (backend == u"sqlite") {
            QVERIFY2(drivenByTheFtsIndex(*plan), qPrintable(*plan));
        } else {
            QVERIFY2(plan->contains(u"Bitmap Index Scan on assets_search"_s), qPrintable(*plan));
            QVERIFY2(!plan->contains(u"Seq Scan on assets"_s), qPrintable(*plan));
        }
        // And it finds the one asset with both the text and the facets.
        const Result<QList<Asset>> found = repo.search(q);
        ASSETDESK_VERIFY_OK(found);
        QCOMPARE(orderedRemoteIds(*found), QStringList{u"target"_s});
        QCOMPARE(repo.count(q).value(), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestAssetSearch)
#include "tst_assetsearch.moc"
