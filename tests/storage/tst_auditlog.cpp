#include "testdatabase.h"
#include "testsamples.h"

#include "storage/auditlog.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

AuditEntry entry(const QString& action, const QString& target)
{
    AuditEntry e;
    e.at = QDateTime(QDate(2024, 7, 1), QTime(10, 0, 0, 5), Qt::UTC);
    e.actor = u"alice"_s;
    e.action = action;
    e.service = u"x"_s;
    e.accountId = 3;
    e.target = target;
    e.result = u"ok"_s;
    return e;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT
private slots:
    void appendsAndReadsNewestFirst_data() { backendRows(); }
    void appendsAndReadsNewestFirst()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i) {
            const AuditEntry e = entry(u"post.publish"_s, u"post/%1"_s.arg(i));
            const Result<qint64> id =
                storage->writeAndWait([e](WriteContext& ctx) { return AuditLog::append(ctx, e); });
            ASSETDESK_VERIFY_OK(id);
            ids << id.value();
        }
        const QList<AuditEntry> recent = AuditLog(*storage).recent(3).value();
        QCOMPARE(recent.size(), 3);
        AuditEntry expected = entry(u"post.publish"_s, u"post/4"_s);
        expected.id = ids.at(4);
        QVERIFY(recent.first() == expected);
        QCOMPARE(recent.at(1).target, u"post/3"_s);
        QCOMPARE(recent.at(2).target, u"post/2"_s);
        QCOMPARE(AuditLog(*storage).recent(100).value().size(), 5);

        AuditEntry local = entry(u"account.add"_s, u"account/1"_s);
        local.at = {};
        local.service.clear();
        local.accountId = 0;
        const auto appended = storage->writeAndWait([local](WriteContext& ctx) -> Result<ChangeSet> {
            auto id = AuditLog::append(ctx, local);
            if (!id)
                return id.error();
            return ctx.changes();
        });
        ASSETDESK_VERIFY_OK(appended);
        QCOMPARE(appended->ids(EntityKind::Audit, ChangeSet::Op::Inserted).size(), 1);
        const AuditEntry stored = AuditLog(*storage).recent(1).value().first();
        QVERIFY(stored.at.isValid());
        QCOMPARE(stored.accountId, 0);
        QCOMPARE(stored.service, QString());
    }

    // The database itself keeps the log append-only, whatever SQL reaches it.
    void databaseRefusesRewritingHistory_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("sql");
        const QStringList statements{u"UPDATE audit_log SET result = 'forged'"_s,
                                     u"UPDATE audit_log SET actor = 'mallory' WHERE id = 1"_s,
                                     u"DELETE FROM audit_log"_s, u"DELETE FROM audit_log WHERE id = 1"_s};
        for (const QString& backend : {u"sqlite"_s, u"postgresql"_s}) {
            for (const QString& sql : statements)
                QTest::newRow(qPrintable(backend + u": "_s + sql)) << backend << sql;
        }
        QTest::newRow("postgresql: TRUNCATE") << u"postgresql"_s << u"TRUNCATE audit_log"_s;
    }
    void databaseRefusesRewritingHistory()
    {
        QFETCH(QString, backend);
        QFETCH(QString, sql);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const AuditEntry e = entry(u"ticket.attach"_s, u"ticket/77"_s);
        ASSETDESK_VERIFY_OK(
            storage->writeAndWait([e](WriteContext& ctx) { return AuditLog::append(ctx, e); }));

        const Status tampered =
            storage->writeAndWait([sql](WriteContext& ctx) { return ctx.connection().exec(sql); });
        QVERIFY(!tampered.ok());
        QVERIFY2(tampered.error().detail().contains(u"append-only"_s), qPrintable(tampered.error().detail()));
        const QList<AuditEntry> after = AuditLog(*storage).recent(10).value();
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().result, u"ok"_s);
        QCOMPARE(after.first().actor, u"alice"_s);
    }

    void actionIsRequired()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const Result<qint64> id = storage->writeAndWait(
            [](WriteContext& ctx) { return AuditLog::append(ctx, entry(QString(), u"x"_s)); });
        QCOMPARE(id.error().kind(), ErrorKind::Validation);
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
