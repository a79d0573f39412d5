// AssetFacetIndex answers exactly what AssetSearchSql answers (same ids, same order) for the
// searches it covers, and stays current through change sets and new rows.
#include "libraryfixture.h"

#include "models/assetfacetindex.h"
#include "models/assetidsearch.h"
#include "storage/assetquery.h"
#include "storage/assetsearchsql.h"
#include "storage/sqlstatement.h"

#include <QTest>

#include <functional>

using namespace AssetDesk;
using namespace AssetDesk::Test;

Q_DECLARE_METATYPE(std::function<void(AssetDesk::AssetQuery&)>)

namespace {
using Narrow = std::function<void(AssetQuery&)>;

#define FIXTURE(f)                                                                                           \
    LibraryFixture f;                                                                                        \
    QVERIFY2(f.isValid(), qPrintable(f.error()))

// The ids `built` lists on `connection` ({-1} when it fails).
QList<qint64> idsOf(const SqlConnection& connection, const AssetSearchSql::Statement& built)
{
    if (built.matchesNothing)
        return {};
    SqlStatement q(connection, built.sql);
    for (auto it = built.values.cbegin(); it != built.values.cend(); ++it)
        q.bind(it.key(), it.value());
    QList<qint64> ids;
    if (!q.exec())
        return {-1};
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

QList<qint64> sqlIds(Storage& storage, const AssetQuery& query)
{
    const Result<SqlConnection> connection = storage.readConnection();
    return idsOf(*connection, AssetSearchSql::select(query, connection->backend(), QStringLiteral("a.id"),
                                                     AssetSearchSql::Order::Newest));
}

// The ids SQL gives for `query` as the library asks (ranked when the text matches at most
// rankLimit assets, by assetdesk_rank).
QList<qint64> sqlRankedIds(Storage& storage, const AssetQuery& query, bool* ranked = nullptr)
{
    const Result<SqlConnection> connection = storage.readConnection();
    const Result<AssetSearchSql::Statement> built =
        AssetSearchSql::select(*connection, query, QStringLiteral("a.id"));
    if (!built)
        return {-1};
    if (ranked)
        *ranked = built->ranked;
    return idsOf(*connection, *built);
}

AssetQuery unranked(const QString& text)
{
    AssetQuery query;
    query.text = text;
    query.rankLimit = 0;
    query.limit = 0;
    return query;
}

// 300 PhotoShelter and 200 iconik samples; some share a modification time (the id breaks the
// tie), some have none (they come last).
bool seed(LibraryFixture& f, qint64& photoshelter, qint64& iconik)
{
    photoshelter = f.addAccount(Service::PhotoShelter, QStringLiteral("PS"));
    iconik = f.addAccount(Service::Iconik, QStringLiteral("Iconik"));
    QList<Asset> assets;
    for (int n = 0; n < 500; ++n) {
        Asset a = LibraryFixture::sampleAsset(n < 300 ? photoshelter : iconik, n);
        if (n >= 300)
            a.service = Service::Iconik;
        if (n % 11 == 0)
            a.modifiedAt = LibraryFixture::baseTime();
        if (n % 17 == 0)
            a.modifiedAt = QDateTime();
        if (n % 13 == 0)
            a.width = a.height = 0; // unknown size: no orientation
        assets.append(a);
    }
    return f.upsert(assets).size() == assets.size();
}
} // namespace

class TestAssetFacetIndex : public QObject
{
    Q_OBJECT
private slots:
    void answersAsSqlDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Narrow>("narrow");
        const QDateTime base = LibraryFixture::baseTime();
        QTest::newRow("word") << "sunset" << Narrow([](AssetQuery&) {});
        QTest::newRow("prefix, two words") << "harb riv" << Narrow([](AssetQuery&) {});
        QTest::newRow("common word") << "library" << Narrow([](AssetQuery&) {});
        QTest::newRow("service") << "library" << Narrow([](AssetQuery& q) { q.service = Service::Iconik; });
        QTest::newRow("approval + media")
            << "library" << Narrow([](AssetQuery& q) { q.approval = ApprovalState::Approved; q.mediaType = MediaType::Image; });
        QTest::newRow("approval nobody has")
            << "library" << Narrow([](AssetQuery& q) { q.approval = ApprovalState::Mixed; });
        QTest::newRow("campaign") << "library" << Narrow([](AssetQuery& q) { q.campaign = QStringLiteral("Summer Tour"); });
        QTest::newRow("unknown campaign") << "library" << Narrow([](AssetQuery& q) { q.campaign = QStringLiteral("Nope"); });
        QTest::newRow("lifecycle") << "library" << Narrow([](AssetQuery& q) { q.lifecycle = LifecycleState::Approved; });
        QTest::newRow("landscape") << "library" << Narrow([](AssetQuery& q) { q.orientation = Orientation::Landscape; });
        QTest::newRow("portrait") << "library" << Narrow([](AssetQuery& q) { q.orientation = Orientation::Portrait; });
        QTest::newRow("square") << "library" << Narrow([](AssetQuery& q) { q.orientation = Orientation::Square; });
        for (RightsStatus status : {RightsStatus::Valid, RightsStatus::ExpiringSoon, RightsStatus::Expired, RightsStatus::Unrestricted}) {
            QTest::addRow("rights %d", int(status)) << "library" << Narrow([status](AssetQuery& q) {
                q.rightsStatus = status;
                q.soonDays = 30;
            });
        }
        QTest::newRow("modified range") << "library" << Narrow([base](AssetQuery& q) {
            q.modifiedFrom = base.addSecs(60 * 100);
            q.modifiedTo = base.addSecs(60 * 250);
        });
        QTest::newRow("modified from (no time: out)")
            << "library" << Narrow([base](AssetQuery& q) { q.modifiedFrom = base; });
        QTest::newRow("no word matches") << "zzzz" << Narrow([](AssetQuery&) {});
        QTest::newRow("two words, approval")
            << "library sunset" << Narrow([](AssetQuery& q) { q.approval = ApprovalState::Approved; });
    }
    void answersAsSqlDoes()
    {
        QFETCH(QString, text);
        QFETCH(Narrow, narrow);
        FIXTURE(f);
        qint64 ps = 0;
        qint64 ik = 0;
        QVERIFY(seed(f, ps, ik));
        AssetFacetIndex index;
        QVERIFY(index.load(f.storage().readConnection().value()).ok());
        QCOMPARE(index.assetCount(), 500);
        AssetQuery query = unranked(text);
        narrow(query);
        const QList<qint64> expected = sqlIds(f.storage(), query);
        const auto answered = index.answer(f.storage().readConnection().value(), query);
        QVERIFY(answered.has_value());
        QVERIFY2(answered->ok(), qPrintable(answered->ok() ? QString() : answered->error().toLogString()));
        QVERIFY(!(*answered)->ranked);
        QCOMPARE((*answered)->ids, expected);
        // The account facet too, for each account.
        for (qint64 account : {ps, ik}) {
            AssetQuery byAccount = query;
            byAccount.accountId = account;
            const auto a = index.answer(f.storage().readConnection().value(), byAccount);
            QVERIFY(a && a->ok());
            QCOMPARE((*a)->ids, sqlIds(f.storage(), byAccount));
        }

        // Ranked (every text here matches at most 500 assets): relevance first, as SQL orders it.
        AssetQuery ranked = query;
        ranked.rankLimit = 5000;
        bool sqlRanked = false;
        const QList<qint64> expectedRanked = sqlRankedIds(f.storage(), ranked, &sqlRanked);
        const auto rankedAnswer = index.answer(f.storage().readConnection().value(), ranked);
        QVERIFY(rankedAnswer && rankedAnswer->ok());
        QCOMPARE((*rankedAnswer)->ranked, sqlRanked);
        QVERIFY(!(*rankedAnswer)->leftToSql);
        QCOMPARE((*rankedAnswer)->ids, expectedRanked);
    }

    // A ranked text is ordered by relevance first (a word in the title before one in the caption),
    // then newest first, as SQL orders it, with the facets applied.
    void rankedTextsAreOrderedAsSqlDoes()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("PS"));
        QList<Asset> assets;
        for (int n = 0; n < 40; ++n) {
            Asset a = LibraryFixture::sampleAsset(account, n);
            a.modifiedAt = LibraryFixture::baseTime().addSecs(60 * (n % 7)); // ties, broken by id
            switch (n % 4) {
            case 0:
                a.title += QStringLiteral(" tide");
                break; // 10
            case 1:
                a.keywords << QStringLiteral("tide");
                break; // 5
            case 2:
                a.caption += QStringLiteral(" at low tide, tide pools");
                break; // 2 + 2
            case 3:
                a.rights.credit = QStringLiteral("Tide Studio");
                break; // 1
            }
            a.rights.approval = n % 3 ? ApprovalState::Approved : ApprovalState::Requested;
            assets << a;
        }
        const QList<qint64> stored = f.upsert(assets);
        QCOMPARE(stored.size(), assets.size());
        AssetFacetIndex index;
        const SqlConnection connection = f.storage().readConnection().value();
        QVERIFY(index.load(connection).ok());
        AssetQuery query = unranked(QStringLiteral("tide"));
        query.rankLimit = 5000;
        for (const bool approvedOnly : {false, true}) {
            if (approvedOnly)
                query.approval = ApprovalState::Approved;
            bool sqlRanked = false;
            const QList<qint64> expected = sqlRankedIds(f.storage(), query, &sqlRanked);
            QVERIFY(sqlRanked);
            const auto answered = index.answer(connection, query);
            QVERIFY(answered && answered->ok());
            QVERIFY((*answered)->ranked && !(*answered)->leftToSql);
            QCOMPARE((*answered)->ids, expected);
            QCOMPARE(expected.size(), approvedOnly ? 26 : 40);
        }
        // Relevance decided, not the time: title (10), keywords (5), caption twice (2 + 2), credit (1).
        const QList<qint64> ids = (*index.answer(connection, query))->ids;
        int previous = 0;
        for (const qint64 id : ids) {
            const int column = int(stored.indexOf(id)) % 4;
            QVERIFY2(column >= previous,
                     qPrintable(QStringLiteral("asset %1 after a lower-ranked one").arg(id)));
            previous = column;
        }
        QCOMPARE(previous, 3);
    }

    void uncoveredQueriesAreLeftToSql()
    {
        FIXTURE(f);
        qint64 ps = 0;
        qint64 ik = 0;
        QVERIFY(seed(f, ps, ik));
        AssetFacetIndex index;
        const SqlConnection connection = f.storage().readConnection().value();
        QVERIFY(!index.answer(connection, unranked(QStringLiteral("library"))).has_value()); // not loaded
        QVERIFY(index.load(connection).ok());

        AssetQuery few = unranked(QStringLiteral("sunset"));
        few.rankLimit = 5000;
        const auto ranked = index.answer(connection, few);
        QVERIFY(ranked && ranked->ok());
        QVERIFY((*ranked)->ranked);
        QVERIFY(!(*ranked)->leftToSql); // ranked here, as SQL would
        QCOMPARE((*ranked)->textMatches, sqlIds(f.storage(), unranked(QStringLiteral("sunset"))).size());
        QCOMPARE((*ranked)->ids, sqlRankedIds(f.storage(), few));
        // AssetIdSearch gives the same with the index as without.
        LibraryFilter filter;
        filter.text = QStringLiteral("sunset");
        QCOMPARE(AssetIdSearch::ids(f.storage(), filter, &index).value(), AssetIdSearch::ids(f.storage(), filter).value());

        AssetQuery many = unranked(QStringLiteral("library"));
        many.rankLimit = 10;
        const auto unrankedAnswer = index.answer(connection, many);
        QVERIFY(unrankedAnswer && unrankedAnswer->ok() && !(*unrankedAnswer)->ranked);
        QCOMPARE((*unrankedAnswer)->ids.size(), 500);

        QVERIFY(!index.answer(connection, unranked(QString())).has_value()); // no text
        AssetQuery paged = unranked(QStringLiteral("library"));
        paged.limit = 10;
        QVERIFY(!index.answer(connection, paged).has_value());
        AssetQuery collections = unranked(QStringLiteral("library"));
        collections.collectionRemoteIds = {QStringLiteral("G-1")};
        QVERIFY(!index.answer(connection, collections).has_value());
    }

    void followsChangeSetsAndNewRows()
    {
        FIXTURE(f);
        qint64 ps = 0;
        qint64 ik = 0;
        QVERIFY(seed(f, ps, ik));
        AssetFacetIndex index;
        QObject context;
        connect(&f.storage(), &Storage::changed, &context,
                [&index](const ChangeSet& changes) { index.markChanged(changes); }, Qt::DirectConnection);
        QVERIFY(index.load(f.storage().readConnection().value()).ok());
        AssetQuery approved = unranked(QStringLiteral("library"));
        approved.approval = ApprovalState::Approved;
        auto answer = [&](const AssetQuery& q) {
            const auto a = index.answer(f.storage().readConnection().value(), q);
            return a && a->ok() ? (*a)->ids : QList<qint64>{-1};
        };
        const QList<qint64> before = answer(approved);
        QCOMPARE(before, sqlIds(f.storage(), approved));

        // n = 1 is requested: approve it, and newer than everything.
        Asset changed = LibraryFixture::sampleAsset(ps, 1);
        changed.rights.approval = ApprovalState::Approved;
        changed.modifiedAt = LibraryFixture::baseTime().addYears(5);
        changed.version = QStringLiteral("v2");
        const QList<qint64> changedIds = f.upsert({changed});
        QCOMPARE(changedIds.size(), 1);
        QCOMPARE(answer(approved).first(), changedIds.first());
        QCOMPARE(answer(approved), sqlIds(f.storage(), approved));

        QVERIFY(f.remove(ps, {QStringLiteral("r0"), QStringLiteral("r1")}));
        QVERIFY(!answer(approved).contains(changedIds.first()));
        QCOMPARE(answer(approved), sqlIds(f.storage(), approved));
        QCOMPARE(index.assetCount(), 498);

        // A new asset the index was never told about: found as newer than the last it read.
        disconnect(&f.storage(), nullptr, &context, nullptr);
        QCOMPARE(f.upsert({LibraryFixture::sampleAsset(ik, 900)}).size(), 1);
        QCOMPARE(answer(approved), sqlIds(f.storage(), approved));
        QCOMPARE(index.assetCount(), 499);
    }

    void aCancelledLoadLeavesItUnloaded()
    {
        FIXTURE(f);
        qint64 ps = 0;
        qint64 ik = 0;
        QVERIFY(seed(f, ps, ik));
        AssetFacetIndex index;
        std::atomic_bool cancelled = true;
        const Status s = index.load(f.storage().readConnection().value(), &cancelled);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind(), ErrorKind::Cancelled);
        QVERIFY(!index.isLoaded());
    }
};

QTEST_GUILESS_MAIN(TestAssetFacetIndex)
#include "tst_assetfacetindex.moc"
