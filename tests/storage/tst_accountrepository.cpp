#include "testdatabase.h"
#include "testsamples.h"

#include "storage/accountrepository.h"
#include "storage/assetrepository.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

class TestAccountRepository : public QObject
{
    Q_OBJECT
private slots:
    void roundTripsEveryField_data() { backendRows(); }
    void roundTripsEveryField()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const Account account = sampleAccount(Service::Zendesk, u"agent@acme.example"_s);
        const qint64 id = addAccount(*storage, account);
        QVERIFY(id > 0);

        const Result<std::optional<Account>> stored = AccountRepository(*storage).get(id);
        ASSETDESK_VERIFY_OK(stored);
        QVERIFY(stored->has_value());
        Account expected = account;
        expected.id = id;
        QCOMPARE(stored.value()->label, expected.label);
        QCOMPARE(stored.value()->baseUrl, expected.baseUrl);
        QCOMPARE(stored.value()->createdAt, expected.createdAt);
        QCOMPARE(stored.value()->lastVerifiedAt, expected.lastVerifiedAt);
        QVERIFY(**stored == expected);
        QCOMPARE(stored.value()->secretKey(), u"account/%1"_s.arg(id));

        QVERIFY(!AccountRepository(*storage).get(id + 1000).value().has_value());
    }

    void createdAtDefaultsToTheTransactionTime_data() { backendRows(); }
    void createdAtDefaultsToTheTransactionTime()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        Account account = sampleAccount();
        account.createdAt = {};
        account.lastVerifiedAt = {};
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const qint64 id = addAccount(*storage, account);
        const Account stored = *AccountRepository(*storage).get(id).value();
        QVERIFY(stored.createdAt >= before && stored.createdAt <= QDateTime::currentDateTimeUtc());
        QVERIFY(!stored.lastVerifiedAt.isValid());
    }

    void listsAndFinds_data() { backendRows(); }
    void listsAndFinds()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        Account x = sampleAccount(Service::X, u"acme_de"_s);
        x.organization.clear();
        Account ps = sampleAccount(Service::PhotoShelter, u"ops@acme.example"_s);
        Account iconik = sampleAccount(Service::Iconik, u"app-id-1"_s);
        const qint64 xId = addAccount(*storage, x);
        const qint64 psId = addAccount(*storage, ps);
        const qint64 iconikId = addAccount(*storage, iconik);

        const QList<Account> all = AccountRepository(*storage).list().value();
        QCOMPARE(all.size(), 3);
        // Ordered by service id: iconik, photoshelter, x.
        QCOMPARE(all.at(0).id, iconikId);
        QCOMPARE(all.at(1).id, psId);
        QCOMPARE(all.at(2).id, xId);

        AccountRepository repo(*storage);
        QCOMPARE(repo.findBy(Service::X, u"acme_de"_s).value()->id, xId);
        QCOMPARE(repo.findBy(Service::PhotoShelter, u"ops@acme.example"_s, u"org-42"_s).value()->id, psId);
        QVERIFY(
            !repo.findBy(Service::PhotoShelter, u"ops@acme.example"_s, u"other-org"_s).value().has_value());
        QVERIFY(!repo.findBy(Service::Zendesk, u"acme_de"_s).value().has_value());
    }

    void duplicateIdentityIsAConflict_data() { backendRows(); }
    void duplicateIdentityIsAConflict()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        QVERIFY(addAccount(*storage, sampleAccount()) > 0);
        Account again = sampleAccount();
        again.label = u"Same account, other label"_s;
        const Result<qint64> second =
            storage->writeAndWait([again](WriteContext& ctx) { return AccountRepository::add(ctx, again); });
        QVERIFY(!second.ok());
        QCOMPARE(second.error().kind(), ErrorKind::Conflict);
        QVERIFY(second.error().message().contains(u"PhotoShelter"_s));
        QCOMPARE(AccountRepository(*storage).list().value().size(), 1);
    }

    void updatesAndRemoves_data() { backendRows(); }
    void updatesAndRemoves()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 id = addAccount(*storage, sampleAccount());
        Account changed = *AccountRepository(*storage).get(id).value();
        changed.label = u"Renamed"_s;
        changed.remoteUserName = u"New Name"_s;
        changed.sandbox = false;
        changed.lastVerifiedAt = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        const Status updated = storage->writeAndWait([changed](WriteContext& ctx) -> Status {
            if (Status s = AccountRepository::update(ctx, changed); !s)
                return s;
            if (ctx.changes().ids(EntityKind::Account, ChangeSet::Op::Updated) != QList<qint64>{changed.id})
                return Error(ErrorKind::Internal, u"update not recorded"_s);
            return {};
        });
        ASSETDESK_VERIFY_OK(updated);
        QVERIFY(*AccountRepository(*storage).get(id).value() == changed);

        Account missing = changed;
        missing.id = id + 99;
        const Status notFound = storage->writeAndWait(
            [missing](WriteContext& ctx) { return AccountRepository::update(ctx, missing); });
        QCOMPARE(notFound.error().kind(), ErrorKind::NotFound);

        const Status removed =
            storage->writeAndWait([id](WriteContext& ctx) { return AccountRepository::remove(ctx, id); });
        ASSETDESK_VERIFY_OK(removed);
        QVERIFY(AccountRepository(*storage).list().value().isEmpty());
        const Status again =
            storage->writeAndWait([id](WriteContext& ctx) { return AccountRepository::remove(ctx, id); });
        QCOMPARE(again.error().kind(), ErrorKind::NotFound);
    }

    // Removing an account removes what was synced through it, and says so in the ChangeSet.
    void removeReportsCascadedRows_data() { backendRows(); }
    void removeReportsCascadedRows()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 id = addAccount(*storage, sampleAccount());
        const qint64 other = addAccount(*storage, sampleAccount(Service::Iconik, u"other"_s));
        const auto assetIds = storage->writeAndWait([id, other](WriteContext& ctx) {
            return AssetRepository::upsert(
                ctx, {sampleAsset(id, u"r1"_s), sampleAsset(id, u"r2"_s), sampleAsset(other, u"keep"_s)});
        });
        ASSETDESK_VERIFY_OK(assetIds);
        const auto changes = storage->writeAndWait([id](WriteContext& ctx) -> Result<ChangeSet> {
            if (Status s = AccountRepository::remove(ctx, id); !s)
                return s.error();
            return ctx.changes();
        });
        ASSETDESK_VERIFY_OK(changes);
        QCOMPARE(changes->ids(EntityKind::Account, ChangeSet::Op::Removed), QList<qint64>{id});
        QCOMPARE(changes->ids(EntityKind::Asset, ChangeSet::Op::Removed), assetIds->mid(0, 2));
        QCOMPARE(AssetRepository(*storage).count().value(), qint64(1));
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestAccountRepository)
#include "tst_accountrepository.moc"
