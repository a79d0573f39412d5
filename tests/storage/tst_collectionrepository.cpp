#include "testdatabase.h"
#include "testsamples.h"

#include "storage/assetrepository.h"
#include "storage/collectionrepository.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

Collection collection(qint64 accountId, Collection::Kind kind, const QString& remoteId, const QString& parent,
                      const QString& name)
{
    Collection c;
    c.accountId = accountId;
    c.service = Service::PhotoShelter;
    c.kind = kind;
    c.remoteId = remoteId;
    c.parentRemoteId = parent;
    c.name = name;
    c.visibility = u"permission"_s;
    c.modifiedAt = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 10), Qt::UTC);
    return c;
}

QStringList names(const QList<Collection>& collections)
{
    QStringList result;
    for (const Collection& c : collections)
        result << c.name;
    return result;
}

} // namespace

class TestCollectionRepository : public QObject
{
    Q_OBJECT
private slots:
    void upsertsAndNavigatesTheTree_data() { backendRows(); }
    void upsertsAndNavigatesTheTree()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        const qint64 other = addAccount(*storage, sampleAccount(Service::Iconik, u"other"_s));
        using K = Collection::Kind;
        const QList<Collection> tree{
            collection(account, K::Organization, u"O0000acme"_s, QString(), u"Acme"_s),
            collection(account, K::Collection, u"C-coast"_s, u"O0000acme"_s, u"Coast"_s),
            collection(account, K::Collection, u"C-alps"_s, u"O0000acme"_s, u"Alps"_s),
            collection(account, K::Gallery, u"G-best"_s, u"C-coast"_s, u"Best of"_s),
            collection(other, K::Collection, u"C-coast"_s, QString(), u"Other account's coast"_s),
        };
        const auto upserted =
            storage->writeAndWait([tree](WriteContext& ctx) -> Result<std::pair<QList<qint64>, ChangeSet>> {
                auto ids = CollectionRepository::upsert(ctx, tree);
                if (!ids)
                    return ids.error();
                return std::pair{ids.value(), ctx.changes()};
            });
        ASSETDESK_VERIFY_OK(upserted);
        const QList<qint64> ids = upserted->first;
        QCOMPARE(ids.size(), 5);
        QCOMPARE(upserted->second.ids(EntityKind::Collection, ChangeSet::Op::Inserted), ids);

        CollectionRepository repo(*storage);
        Collection expected = tree.at(3);
        expected.id = ids.at(3);
        QVERIFY(*repo.get(ids.at(3)).value() == expected);
        QVERIFY(*repo.findByRemoteId(account, u"G-best"_s).value() == expected);
        QCOMPARE(repo.findByRemoteId(other, u"C-coast"_s).value()->name, u"Other account's coast"_s);

        QCOMPARE(names(repo.children(account).value()), QStringList{u"Acme"_s});
        QCOMPARE(names(repo.children(account, u"O0000acme"_s).value()), (QStringList{u"Alps"_s, u"Coast"_s}));
        QCOMPARE(names(repo.children(account, u"C-coast"_s).value()), QStringList{u"Best of"_s});
        QVERIFY(repo.children(account, u"G-best"_s).value().isEmpty());

        // Unchanged collections are not reported again; a renamed one is.
        QList<Collection> again = tree;
        again[2].name = u"Alps & Dolomites"_s;
        const auto second = storage->writeAndWait([again](WriteContext& ctx) -> Result<ChangeSet> {
            auto again_ids = CollectionRepository::upsert(ctx, again);
            if (!again_ids)
                return again_ids.error();
            return ctx.changes();
        });
        ASSETDESK_VERIFY_OK(second);
        QCOMPARE(second->size(), 1);
        QCOMPARE(second->ids(EntityKind::Collection, ChangeSet::Op::Updated), QList<qint64>{ids.at(2)});
    }

    void membersFollowTheAssets_data() { backendRows(); }
    void membersFollowTheAssets()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        const qint64 other = addAccount(*storage, sampleAccount(Service::Iconik, u"other"_s));
        Asset a = sampleAsset(account, u"a"_s);
        a.collectionRemoteIds = {u"G-best"_s};
        Asset b = sampleAsset(account, u"b"_s);
        b.collectionRemoteIds = {u"C-coast"_s, u"G-best"_s};
        Asset foreign = sampleAsset(other, u"f"_s);
        foreign.collectionRemoteIds = {u"G-best"_s}; // same remote id, other account: not a member
        const auto ids = storage->writeAndWait([=](WriteContext& ctx) -> Result<QList<qint64>> {
            auto collections = CollectionRepository::upsert(
                ctx, {collection(account, Collection::Kind::Gallery, u"G-best"_s, QString(), u"Best of"_s)});
            if (!collections)
                return collections.error();
            auto assets = AssetRepository::upsert(ctx, {b, a, foreign});
            if (!assets)
                return assets.error();
            // Inside the transaction a repository on the WriteContext sees the new rows.
            auto members = CollectionRepository(ctx).members(collections->first());
            if (!members || members->size() != 2)
                return Error(ErrorKind::Internal, u"members not visible inside the write"_s);
            return collections.value() + assets.value();
        });
        ASSETDESK_VERIFY_OK(ids);
        const qint64 gallery = ids->at(0);
        CollectionRepository repo(*storage);
        const QList<Asset> members = repo.members(gallery).value();
        QCOMPARE(members.size(), 2);
        QCOMPARE(members.at(0).remoteId, u"b"_s);
        QCOMPARE(members.at(1).remoteId, u"a"_s);
        QCOMPARE(members.at(0).renditions.size(), 2);
        QCOMPARE(repo.memberCount(gallery).value(), qint64(2));

        // An asset re-synced without the gallery leaves it.
        a.collectionRemoteIds.clear();
        const auto resynced =
            storage->writeAndWait([a](WriteContext& ctx) { return AssetRepository::upsert(ctx, {a}); });
        ASSETDESK_VERIFY_OK(resynced);
        QCOMPARE(repo.memberCount(gallery).value(), qint64(1));
    }

    void removesByRemoteIds_data() { backendRows(); }
    void removesByRemoteIds()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        const auto ids = storage->writeAndWait([account](WriteContext& ctx) {
            return CollectionRepository::upsert(
                ctx, {collection(account, Collection::Kind::Collection, u"C1"_s, QString(), u"One"_s),
                      collection(account, Collection::Kind::Collection, u"C2"_s, QString(), u"Two"_s)});
        });
        ASSETDESK_VERIFY_OK(ids);
        const auto removed =
            storage->writeAndWait([account](WriteContext& ctx) -> Result<std::pair<int, ChangeSet>> {
                auto n = CollectionRepository::removeByRemoteIds(ctx, account, {u"C2"_s, u"nope"_s});
                if (!n)
                    return n.error();
                return std::pair{n.value(), ctx.changes()};
            });
        ASSETDESK_VERIFY_OK(removed);
        QCOMPARE(removed->first, 1);
        QCOMPARE(removed->second.ids(EntityKind::Collection, ChangeSet::Op::Removed),
                 QList<qint64>{ids->at(1)});
        QCOMPARE(names(CollectionRepository(*storage).children(account).value()), QStringList{u"One"_s});
    }

    void refusesCollectionsWithoutIdentity()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const auto result = storage->writeAndWait([](WriteContext& ctx) {
            return CollectionRepository::upsert(
                ctx, {collection(0, Collection::Kind::Gallery, u"G"_s, {}, u"x"_s)});
        });
        QCOMPARE(result.error().kind(), ErrorKind::Validation);
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestCollectionRepository)
#include "tst_collectionrepository.moc"
