#include "storage/migrationcatalog.h"
#include "storage/migrator.h"
#include "storage/sqlscript.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

class TestMigrationCatalog : public QObject
{
    Q_OBJECT
private slots:
    void bothDialectsHaveTheSameNumberedSteps()
    {
        const QList<Migration> sqlite = MigrationCatalog::builtIn(StorageBackend::SQLite);
        const QList<Migration> postgres = MigrationCatalog::builtIn(StorageBackend::PostgreSQL);
        QVERIFY2(sqlite.size() >= 2, "at least two real migrations, so that upgrading is real");
        QCOMPARE(sqlite.size(), postgres.size());
        for (qsizetype i = 0; i < sqlite.size(); ++i) {
            QCOMPARE(sqlite.at(i).version, int(i + 1));
            QCOMPARE(postgres.at(i).version, sqlite.at(i).version);
            QCOMPARE(postgres.at(i).name, sqlite.at(i).name);
            QVERIFY(sqlite.at(i).sql != postgres.at(i).sql); // dialects are explicit, not shared by accident
        }
        QCOMPARE(sqlite.first().label(), u"0001_initial_schema"_s);
    }

    void everyBuiltInMigrationIsTransactional_data()
    {
        QTest::addColumn<int>("backend");
        QTest::newRow("sqlite") << int(StorageBackend::SQLite);
        QTest::newRow("postgresql") << int(StorageBackend::PostgreSQL);
    }
    void everyBuiltInMigrationIsTransactional()
    {
        QFETCH(int, backend);
        const QList<Migration> migrations = MigrationCatalog::builtIn(StorageBackend(backend));
        const Migrator migrator(SqlConnection(), migrations);
        const Status valid = migrator.validate();
        QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().message()));
        for (const Migration& m : migrations) {
            const Result<QStringList> statements = SqlScript::split(m.sql);
            QVERIFY(statements.ok());
            QVERIFY2(statements.value().size() > 1, qPrintable(m.label()));
        }
    }

    void checksumIsSha256OfTheText()
    {
        Migration m{1, u"x"_s, u"CREATE TABLE a (x INTEGER)"_s};
        QCOMPARE(m.checksum().size(), 64);
        QVERIFY(QRegularExpression(u"^[0-9a-f]{64}$"_s).match(m.checksum()).hasMatch());
        Migration changed = m;
        changed.sql += u" "_s;
        QVERIFY(changed.checksum() != m.checksum());
    }

    void readsAFolderAndRefusesMisnamedFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto write = [&dir](const QString& name, const QByteArray& text) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write(u"0002_second.sql"_s, "CREATE TABLE b (x INTEGER);");
        write(u"0001_first.sql"_s, "CREATE TABLE a (x INTEGER);");
        Result<QList<Migration>> read = MigrationCatalog::fromDirectory(dir.path());
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 2);
        QCOMPARE(read->at(0).label(), u"0001_first"_s);
        QCOMPARE(read->at(1).sql, u"CREATE TABLE b (x INTEGER);"_s);

        write(u"3_bad-name.sql"_s, "SELECT 1;");
        read = MigrationCatalog::fromDirectory(dir.path());
        QVERIFY(!read.ok());
        QVERIFY(read.error().message().contains(u"3_bad-name.sql"_s));
    }
};

QTEST_GUILESS_MAIN(TestMigrationCatalog)
#include "tst_migrationcatalog.moc"
