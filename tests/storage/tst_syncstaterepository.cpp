#include "testdatabase.h"
#include "testsamples.h"

#include "storage/accountrepository.h"
#include "storage/syncstaterepository.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

class TestSyncStateRepository : public QObject
{
    Q_OBJECT
private slots:
    void savesReplacesAndClears_data() { backendRows(); }
    void savesReplacesAndClears()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        const qint64 other = addAccount(*storage, sampleAccount(Service::Zendesk, u"z"_s));
        SyncStateRepository repo(*storage);
        QVERIFY(!repo.get(account, u"assets"_s).value().has_value());

        const QString cursor = u"eyJwYWdlIjoyLCJzb3J0IjoiY3JlYXRpb25fdGltZSJ9=="_s;
        const auto saved = storage->writeAndWait([=](WriteContext& ctx) -> Result<QDateTime> {
            if (Status s = SyncStateRepository::save(ctx, account, u"assets"_s, cursor); !s)
                return s.error();
            if (Status s = SyncStateRepository::save(ctx, account, u"collections"_s, u"page=7"_s); !s)
                return s.error();
            if (Status s = SyncStateRepository::save(ctx, other, u"tickets"_s, u"1700000000"_s); !s)
                return s.error();
            if (!ctx.changes().isEmpty())
                return Error(ErrorKind::Internal, u"sync bookkeeping must not be reported as a change"_s);
            return ctx.now();
        });
        ASSETDESK_VERIFY_OK(saved);
        const SyncState state = *repo.get(account, u"assets"_s).value();
        QVERIFY(state == (SyncState{account, u"assets"_s, cursor, saved.value()}));
        QCOMPARE(repo.list(account).value().size(), 2);

        const auto replaced = storage->writeAndWait([account](WriteContext& ctx) {
            return SyncStateRepository::save(ctx, account, u"assets"_s, u"next"_s);
        });
        ASSETDESK_VERIFY_OK(replaced);
        QCOMPARE(repo.get(account, u"assets"_s).value()->cursor, u"next"_s);
        QCOMPARE(repo.list(account).value().size(), 2);

        const auto cleared = storage->writeAndWait([account](WriteContext& ctx) -> Status {
            if (Status s = SyncStateRepository::clear(ctx, account, u"assets"_s); !s)
                return s;
            return SyncStateRepository::clear(ctx, account, u"never-synced"_s);
        });
        ASSETDESK_VERIFY_OK(cleared);
        QVERIFY(!repo.get(account, u"assets"_s).value().has_value());
        QCOMPARE(repo.list(account).value().size(), 1);

        // Positions go with their account.
        ASSETDESK_VERIFY_OK(storage->writeAndWait(
            [other](WriteContext& ctx) { return AccountRepository::remove(ctx, other); }));
        QVERIFY(repo.list(other).value().isEmpty());
    }

    void needsAnAccountAndAResource()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        const Status noResource = storage->writeAndWait([account](WriteContext& ctx) {
            return SyncStateRepository::save(ctx, account, QString(), u"c"_s);
        });
        QCOMPARE(noResource.error().kind(), ErrorKind::Validation);
        const Status noAccount = storage->writeAndWait(
            [](WriteContext& ctx) { return SyncStateRepository::save(ctx, 12345, u"assets"_s, u"c"_s); });
        QVERIFY(!noAccount.ok()); // foreign key: there is no account 12345
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestSyncStateRepository)
#include "tst_syncstaterepository.moc"
