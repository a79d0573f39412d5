#include "testdatabase.h"
#include "testsamples.h"

#include "storage/assetrepository.h"
#include "storage/engagementrepository.h"
#include "storage/lineagerepository.h"
#include "storage/postrepository.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

using K = LineageEdge::NodeKind;

const QDateTime kT0 = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);

EngagementSample sample(qint64 postId, int minutes, qint64 impressions, qint64 likes, qint64 reposts = 0,
                        qint64 replies = 0)
{
    EngagementSample s;
    s.postId = postId;
    s.sampledAt = kT0.addSecs(60 * minutes);
    s.impressions = impressions;
    s.likes = likes;
    s.reposts = reposts;
    s.replies = replies;
    s.quotes = 1;
    s.bookmarks = 2;
    s.linkClicks = 3;
    s.profileClicks = 4;
    return s;
}

LineageEdge edge(K fromKind, qint64 fromId, K toKind, qint64 toId, const QString& relation)
{
    LineageEdge e;
    e.fromKind = fromKind;
    e.fromId = fromId;
    e.toKind = toKind;
    e.toId = toId;
    e.relation = relation;
    return e;
}

} // namespace

// EngagementRepository on both backends: samples stored without flat repeats, the newest sample
// and a post's series, an asset's posts (directly and through a derivative) with the sum of
// their newest samples, the usage counts behind "used / unused / overused", and the posts the
// metrics poller reads.
class TestEngagementRepository : public QObject
{
    Q_OBJECT
private:
    struct World
    {
        qint64 account = 0;
        QList<qint64> assets; // a1 a2 a3
        QList<qint64> posts;  // p0..p3
    };

    // a1 -> p0 directly; a1 -> derivative 900 -> p1 and p0 again (counted once); a2 -> p2;
    // a3 unused. p3 is published but used by no asset (and older than the others).
    static World makeWorld(Storage& storage)
    {
        World w;
        w.account = addAccount(storage, sampleAccount(Service::X, u"@acme"_s));
        if (w.account <= 0)
            return w;
        const auto assets = storage.writeAndWait([&w](WriteContext& ctx) {
            return AssetRepository::upsert(ctx, {sampleAsset(w.account, u"a1"_s), sampleAsset(w.account, u"a2"_s),
                                                 sampleAsset(w.account, u"a3"_s)});
        });
        if (!assets)
            return w;
        w.assets = *assets;
        const auto posts = storage.writeAndWait([&w](WriteContext& ctx) -> Result<QList<qint64>> {
            QList<qint64> ids;
            for (int i = 0; i < 4; ++i) {
                Post p;
                p.accountId = w.account;
                p.remoteId = QString::number(1860000000000000000LL + i);
                p.text = u"Post number %1 with a longer text"_s.arg(i);
                p.clientUuid = QUuid::createUuid();
                p.publishedAt = i == 3 ? kT0.addDays(-40) : kT0.addSecs(3600 * i);
                Result<qint64> id = PostRepository::addPublished(ctx, p);
                if (!id)
                    return id.error();
                ids << *id;
            }
            const QList<LineageEdge> edges{
                edge(K::Asset, w.assets[0], K::Post, ids[0], u"published-as"_s),
                edge(K::Asset, w.assets[0], K::Derivative, 900, u"derived-from"_s),
                edge(K::Derivative, 900, K::Post, ids[1], u"published-as"_s),
                edge(K::Derivative, 900, K::Post, ids[0], u"published-as"_s),
                edge(K::Asset, w.assets[1], K::Post, ids[2], u"published-as"_s),
            };
            for (const LineageEdge& e : edges) {
                if (Result<qint64> id = LineageRepository::addEdge(ctx, e); !id)
                    return id.error();
            }
            return ids;
        });
        if (posts)
            w.posts = *posts;
        return w;
    }

    static Result<int> add(Storage& storage, const QList<EngagementSample>& samples)
    {
        return storage.writeAndWait([samples](WriteContext& ctx) { return EngagementRepository::addSamples(ctx, samples); });
    }

private slots:
    void storesSamplesWithoutFlatRepeats_data() { backendRows(); }
    void storesSamplesWithoutFlatRepeats()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const World w = makeWorld(*storage);
        QCOMPARE(w.posts.size(), 4);
        const qint64 p = w.posts[0];
        const EngagementRepository repo(*storage);
        QVERIFY(!repo.latest(p).value().has_value());

        // 0 -> 100 -> 100 (flat: dropped) -> 250 -> 250 (flat, dropped); a sample older than the
        // newest is dropped too, and a repeat of the same instant changes nothing.
        QCOMPARE(add(*storage, {sample(p, 0, 0, 0), sample(p, 10, 100, 3), sample(p, 20, 100, 3)}).value(), 2);
        QCOMPARE(add(*storage, {sample(p, 30, 250, 7, 1, 2), sample(p, 40, 250, 7, 1, 2)}).value(), 1);
        QCOMPARE(add(*storage, {sample(p, 5, 50, 1)}).value(), 0);
        QCOMPARE(add(*storage, {sample(p, 30, 999, 9)}).value(), 0);

        const QList<EngagementSample> series = repo.series(p).value();
        QCOMPARE(series.size(), 3);
        QCOMPARE(series.at(0), sample(p, 0, 0, 0));
        QCOMPARE(series.at(1), sample(p, 10, 100, 3));
        QCOMPARE(series.at(2), sample(p, 30, 250, 7, 1, 2));
        QCOMPARE(repo.series(p, kT0.addSecs(600)).value().size(), 2);
        QCOMPARE(repo.latest(p).value(), std::optional<EngagementSample>(sample(p, 30, 250, 7, 1, 2)));
        QVERIFY(repo.series(w.posts[1]).value().isEmpty());

        // Growth after a flat stretch is stored again, and the change names the post.
        const auto changes = storage->writeAndWait([p](WriteContext& ctx) -> Result<QList<qint64>> {
            Result<int> n = EngagementRepository::addSamples(ctx, {sample(p, 50, 251, 7, 1, 2)});
            if (!n)
                return n.error();
            return ctx.changes().ids(EntityKind::Engagement, ChangeSet::Op::Inserted);
        });
        QCOMPARE(changes.value(), QList<qint64>{p});
        QCOMPARE(repo.series(p).value().size(), 4);

        QCOMPARE(add(*storage, {EngagementSample{}}).error().kind(), ErrorKind::Validation);
    }

    void sumsTheNewestSamplesOfAnAssetsPosts_data() { backendRows(); }
    void sumsTheNewestSamplesOfAnAssetsPosts()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const World w = makeWorld(*storage);
        QCOMPARE(w.posts.size(), 4);
        ASSETDESK_VERIFY_OK(add(*storage, {sample(w.posts[0], 0, 10, 1), sample(w.posts[0], 60, 500, 20, 4, 2),
                                           sample(w.posts[1], 30, 70, 5, 1, 1), sample(w.posts[2], 10, 9, 9)}));
        const EngagementRepository repo(*storage);

        const AssetEngagement a1 = repo.assetEngagement(w.assets[0]).value();
        QCOMPARE(a1.assetId, w.assets[0]);
        // p0 directly and through the derivative: once. Newest post first.
        QCOMPARE(a1.posts.size(), 2);
        QCOMPARE(a1.posts.at(0).postId, w.posts[1]);
        QCOMPARE(a1.posts.at(1).postId, w.posts[0]);
        QCOMPARE(a1.posts.at(1).accountId, w.account);
        QCOMPARE(a1.posts.at(1).accountLabel, sampleAccount(Service::X, u"@acme"_s).label);
        QCOMPARE(a1.posts.at(1).remoteId, u"1860000000000000000"_s);
        QCOMPARE(a1.posts.at(1).text, u"Post number 0 with a longer text"_s);
        QCOMPARE(a1.posts.at(1).publishedAt, kT0);
        QCOMPARE(a1.posts.at(1).latest, std::optional<EngagementSample>(sample(w.posts[0], 60, 500, 20, 4, 2)));
        QCOMPARE(a1.total.impressions, 570);
        QCOMPARE(a1.total.likes, 25);
        QCOMPARE(a1.total.reposts, 5);
        QCOMPARE(a1.total.replies, 3);
        QCOMPARE(a1.total.quotes, 2);
        QCOMPARE(a1.total.linkClicks, 6);
        QCOMPARE(a1.total.sampledAt, kT0.addSecs(3600));

        // A post without a sample yet is listed and adds nothing.
        ASSETDESK_VERIFY_OK(storage->writeAndWait([&w](WriteContext& ctx) {
            return LineageRepository::addEdge(ctx, edge(K::Asset, w.assets[1], K::Post, w.posts[3], u"published-as"_s));
        }));
        const AssetEngagement a2 = repo.assetEngagement(w.assets[1]).value();
        QCOMPARE(a2.posts.size(), 2);
        QVERIFY(!a2.posts.at(1).latest.has_value());
        QCOMPARE(a2.total.impressions, 9);

        const AssetEngagement a3 = repo.assetEngagement(w.assets[2]).value();
        QVERIFY(a3.posts.isEmpty());
        QCOMPARE(a3.total, EngagementSample{});
    }

    void countsPostsPerAsset_data() { backendRows(); }
    void countsPostsPerAsset()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const World w = makeWorld(*storage);
        QCOMPARE(w.posts.size(), 4);
        const EngagementRepository repo(*storage);
        QHash<qint64, int> expected{{w.assets[0], 2}, {w.assets[1], 1}};
        QCOMPARE(repo.usageCounts(w.assets).value(), expected);
        QCOMPARE(repo.usageCounts({w.assets[2]}).value(), (QHash<qint64, int>{}));
        QVERIFY(repo.usageCounts({}).value().isEmpty());

        // Many ids (more than one chunk), most of them unknown.
        QList<qint64> many;
        for (qint64 i = 1; i <= 1200; ++i)
            many << i + 100000;
        many << w.assets[1];
        QCOMPARE(repo.usageCounts(many).value(), (QHash<qint64, int>{{w.assets[1], 1}}));
    }

    void listsTheRecentlyPublishedPostsToPoll_data() { backendRows(); }
    void listsTheRecentlyPublishedPostsToPoll()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const World w = makeWorld(*storage);
        QCOMPARE(w.posts.size(), 4);
        const EngagementRepository repo(*storage);
        const QList<PolledPost> recent = repo.publishedSince(w.account, kT0.addDays(-30)).value();
        QCOMPARE(recent.size(), 3); // p3 is 40 days old
        QCOMPARE(recent.at(0), (PolledPost{w.posts[2], u"1860000000000000002"_s, kT0.addSecs(7200)}));
        QCOMPARE(recent.at(2).postId, w.posts[0]);
        QCOMPARE(repo.publishedSince(w.account, kT0.addDays(-60)).value().size(), 4);
        QVERIFY(repo.publishedSince(w.account + 1, kT0.addDays(-60)).value().isEmpty());
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestEngagementRepository)
#include "tst_engagementrepository.moc"
