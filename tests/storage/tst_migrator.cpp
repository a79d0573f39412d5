#include "testdatabase.h"

#include "storage/migrationcatalog.h"
#include "storage/migrator.h"
#include "storage/sqlstatement.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

// A writer connection for the duration of one test function.
class Connection
{
public:
    explicit Connection(const StorageConfig& config)
        : m_name(SqlConnection::uniqueName(u"test-migrator"_s))
    {
        Result<SqlConnection> opened = SqlConnection::open(config, m_name, SqlConnection::Role::Writer,
                                                           SqlConnection::Create::IfMissing);
        if (opened)
            m_connection = opened.value();
        else
            m_error = opened.error().toLogString();
    }
    ~Connection()
    {
        m_connection = SqlConnection();
        SqlConnection::close(m_name);
    }
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    const SqlConnection& get() const { return m_connection; }

private:
    QString m_name;
    SqlConnection m_connection;
    QString m_error;
};

bool tableExists(const SqlConnection& c, const QString& table)
{
    SqlStatement q(c, c.isSQLite()
                          ? u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :t"_s
                          : u"SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
                            u"AND tablename = :t"_s);
    q.bind(u"t"_s, table);
    return q.exec().ok() && q.next() && q.value(0).toInt() == 1;
}

Migration step(int version, const QString& name, const QString& sql)
{
    return Migration{version, name, sql};
}

const Migration kFirst = step(1, u"first"_s, u"CREATE TABLE first_table (x INTEGER NOT NULL);"_s);
const Migration kSecond = step(
    2, u"second"_s, u"CREATE TABLE second_table (y INTEGER);\nINSERT INTO second_table (y) VALUES (42);"_s);
const Migration kThird = step(3, u"third"_s, u"ALTER TABLE first_table ADD COLUMN z TEXT;"_s);

} // namespace

#define OPEN_CONNECTION(var, db)                                                                             \
    Connection var(db.config());                                                                             \
    QVERIFY2(var.ok(), qPrintable(var.error()))

class TestMigrator : public QObject
{
    Q_OBJECT
private slots:
    void appliesInOrderAndRecordsEachStep_data() { backendRows(); }
    void appliesInOrderAndRecordsEachStep()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        OPEN_CONNECTION(c, db);
        Migrator migrator(c.get(), {kThird, kFirst, kSecond}); // given out of order on purpose
        QCOMPARE(migrator.latestKnownVersion(), 3);
        QCOMPARE(migrator.currentVersion().value(), 0);
        QCOMPARE(migrator.pending().value().size(), 3);

        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const Result<int> applied = migrator.migrate();
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toLogString()));
        QCOMPARE(applied.value(), 3);
        QCOMPARE(migrator.currentVersion().value(), 3);
        QVERIFY(migrator.pending().value().isEmpty());

        const QList<AppliedMigration> rows = migrator.applied().value();
        QCOMPARE(rows.size(), 3);
        const QList<Migration> expected{kFirst, kSecond, kThird};
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).version, expected.at(i).version);
            QCOMPARE(rows.at(i).name, expected.at(i).name);
            QCOMPARE(rows.at(i).checksum, expected.at(i).checksum());
            QVERIFY(rows.at(i).appliedAt.toMSecsSinceEpoch() >= before);
        }
        // Running again applies nothing.
        QCOMPARE(migrator.migrate().value(), 0);
    }

    // The heart of "each migration in a transaction": statement 1 succeeds, statement 2 fails,
    // and afterwards there is no trace of statement 1 and the recorded version has not moved.
    void failingStatementLeavesNoTrace_data() { backendRows(); }
    void failingStatementLeavesNoTrace()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        OPEN_CONNECTION(c, db);
        QCOMPARE(Migrator(c.get(), {kFirst}).migrate().value(), 1);

        const Migration broken = step(2, u"broken"_s,
                                      u"CREATE TABLE half_done (x INTEGER);\n"
                                      u"INSERT INTO first_table (x) VALUES (1);\n"
                                      u"INSERT INTO no_such_table (x) VALUES (1);"_s);
        Migrator migrator(c.get(), {kFirst, broken, kThird});
        const Result<int> result = migrator.migrate();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::Storage);
        QVERIFY2(result.error().message().contains(u"0002_broken"_s), qPrintable(result.error().message()));
        QVERIFY2(result.error().message().contains(u"statement 3 of 3"_s),
                 qPrintable(result.error().message()));

        QVERIFY(!tableExists(c.get(), u"half_done"_s));
        SqlStatement rows(c.get(), u"SELECT count(*) FROM first_table"_s);
        QVERIFY(rows.exec().ok() && rows.next());
        QCOMPARE(rows.value(0).toInt(), 0);
        rows.finish();
        QCOMPARE(migrator.currentVersion().value(), 1);
        QCOMPARE(migrator.applied().value().size(), 1);
        // The later migration did not run past the failure either.
        SqlStatement columns(c.get(), u"SELECT * FROM first_table"_s);
        QVERIFY(columns.exec().ok());
        QCOMPARE(columns.record().count(), 1);
        columns.finish();

        // The connection is usable and a fixed migration then applies.
        const Migration fixed = step(2, u"broken"_s, u"CREATE TABLE half_done (x INTEGER);"_s);
        QCOMPARE(Migrator(c.get(), {kFirst, fixed, kThird}).migrate().value(), 2);
        QVERIFY(tableExists(c.get(), u"half_done"_s));
    }

    // A migration that would commit, nest or escape its transaction is refused before anything runs.
    void refusesNonTransactionalMigrations_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("statement");
        const QStringList statements{u"COMMIT"_s,
                                     u"BEGIN"_s,
                                     u"END TRANSACTION"_s,
                                     u"ROLLBACK"_s,
                                     u"SAVEPOINT s1"_s,
                                     u"VACUUM"_s,
                                     u"PRAGMA foreign_keys = OFF"_s,
                                     u"CREATE INDEX CONCURRENTLY first_x ON first_table (x)"_s,
                                     u"CREATE UNIQUE INDEX CONCURRENTLY first_x ON first_table (x)"_s};
        for (const QString& backend : {u"sqlite"_s, u"postgresql"_s}) {
            for (const QString& statement : statements)
                QTest::newRow(qPrintable(backend + u": "_s + statement)) << backend << statement;
        }
    }
    void refusesNonTransactionalMigrations()
    {
        QFETCH(QString, backend);
        QFETCH(QString, statement);
        ASSETDESK_TEST_DATABASE(db, backend);
        OPEN_CONNECTION(c, db);
        const Migration sneaky = step(2, u"sneaky"_s,
                                      u"CREATE TABLE before_commit (x INTEGER);\n"_s + statement +
                                          u";\nCREATE TABLE after_commit (x INTEGER);"_s);
        Migrator migrator(c.get(), {kFirst, sneaky});
        QVERIFY(!migrator.validate().ok());
        const Result<int> result = migrator.migrate();
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message().contains(u"0002_sneaky is not transactional: statement 2"_s),
                 qPrintable(result.error().message()));
        // Nothing ran, not even the valid first migration.
        QCOMPARE(migrator.currentVersion().value(), 0);
        QVERIFY(!tableExists(c.get(), u"first_table"_s));
        QVERIFY(!tableExists(c.get(), u"before_commit"_s));
    }

    void refusesANewerSchema_data() { backendRows(); }
    void refusesANewerSchema()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        OPEN_CONNECTION(c, db);
        QCOMPARE(Migrator(c.get(), {kFirst, kSecond, kThird}).migrate().value(), 3);

        Migrator older(c.get(), {kFirst, kSecond});
        const Status compatible = older.checkCompatible();
        QVERIFY(!compatible.ok());
        QCOMPARE(compatible.error().kind(), ErrorKind::Storage);
        QCOMPARE(compatible.error().message(),
                 u"This workspace was created by a newer AssetDesk (schema 3; this build knows up to 2). "
                 u"Update AssetDesk to open it."_s);
        const Result<int> migrated = older.migrate();
        QVERIFY(!migrated.ok());
        QCOMPARE(migrated.error().message(), compatible.error().message());
        QCOMPARE(older.currentVersion().value(), 3);
    }

    void reportsModifiedMigrations_data() { backendRows(); }
    void reportsModifiedMigrations()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        OPEN_CONNECTION(c, db);
        QCOMPARE(Migrator(c.get(), {kFirst, kSecond}).migrate().value(), 2);
        Migration edited = kSecond;
        edited.sql += u"\n-- edited after release"_s;
        const QList<Migration> modified = Migrator(c.get(), {kFirst, edited}).modified().value();
        QCOMPARE(modified.size(), 1);
        QCOMPARE(modified.first().version, 2);
        QVERIFY(Migrator(c.get(), {kFirst, kSecond}).modified().value().isEmpty());
    }

    void builtInMigrationsApplyOneByOne_data() { backendRows(); }
    void builtInMigrationsApplyOneByOne()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        OPEN_CONNECTION(c, db);
        const QList<Migration> all = MigrationCatalog::builtIn(c.get().backend());
        QVERIFY(all.size() >= 2);
        for (qsizetype n = 1; n <= all.size(); ++n) {
            Migrator migrator(c.get(), all.mid(0, n));
            const Result<int> applied = migrator.migrate();
            QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toLogString()));
            QCOMPARE(applied.value(), 1);
            QCOMPARE(migrator.currentVersion().value(), all.at(n - 1).version);
        }
        QVERIFY(tableExists(c.get(), u"assets"_s));
        QVERIFY(tableExists(c.get(), u"audit_log"_s));
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
