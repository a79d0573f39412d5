#include "storage/storageconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

class TestStorageConfig : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parsesSqlite_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("path");
        QTest::newRow("absolute path") << u"/var/lib/ad/ws.sqlite3"_s << u"/var/lib/ad/ws.sqlite3"_s;
        QTest::newRow("trimmed") << u"  /tmp/x.db  "_s << u"/tmp/x.db"_s;
        QTest::newRow("relative path")
            << u"data/ws.db"_s << QDir::current().absoluteFilePath(u"data/ws.db"_s);
        QTest::newRow("sqlite url") << u"sqlite:///srv/ad/ws.sqlite3"_s << u"/srv/ad/ws.sqlite3"_s;
        QTest::newRow("sqlite url upper-case scheme") << u"SQLITE:///srv/ws.db"_s << u"/srv/ws.db"_s;
        QTest::newRow("sqlite url, encoded space") << u"sqlite:///srv/my%20ws.db"_s << u"/srv/my ws.db"_s;
    }
    void parsesSqlite()
    {
        QFETCH(QString, input);
        QFETCH(QString, path);
        const Result<StorageConfig> config = StorageConfig::fromString(input);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message()));
        QCOMPARE(config->backend(), StorageBackend::SQLite);
        QCOMPARE(config->sqlitePath(), path);
        QCOMPARE(config->displayString(), path);
    }

    void emptyMeansDefaultFileAndCreatesItsFolder()
    {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(!dir.isEmpty());
        QDir(dir).removeRecursively();
        const Result<StorageConfig> config = StorageConfig::fromString(QString());
        QVERIFY(config.ok());
        QCOMPARE(config->backend(), StorageBackend::SQLite);
        QCOMPARE(config->sqlitePath(), dir + u"/assetdesk.sqlite3"_s);
        QCOMPARE(StorageConfig::defaultSqlitePath(), config->sqlitePath());
        QVERIFY(QFileInfo(dir).isDir());
        QDir(dir).removeRecursively();
    }

    void parsesPostgres_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("display");

        QTest::newRow("full") << u"postgresql://ad:s3cret@db.example.org:6543/assets?schema=team_a"_s
                              << u"db.example.org"_s << 6543 << u"ad"_s << u"s3cret"_s << u"assets"_s
                              << u"team_a"_s << QString()
                              << u"postgresql://ad:****@db.example.org:6543/assets?schema=team_a"_s;
        QTest::newRow("postgres scheme, default port, no password")
            << u"postgres://postgres@127.0.0.1/postgres"_s << u"127.0.0.1"_s << 5432 << u"postgres"_s
            << QString() << u"postgres"_s << QString() << QString()
            << u"postgresql://postgres@127.0.0.1/postgres"_s;
        QTest::newRow("percent-encoded password")
            << u"postgresql://me:p%40ss%3Aw%2Frd@h:1/d"_s << u"h"_s << 1 << u"me"_s << u"p@ss:w/rd"_s
            << u"d"_s << QString() << QString() << u"postgresql://me:****@h:1/d"_s;
        QTest::newRow("libpq options pass through")
            << u"postgresql://u@h/d?sslmode=require&connect_timeout=3"_s << u"h"_s << 5432 << u"u"_s
            << QString() << u"d"_s << QString() << u"sslmode=require;connect_timeout=3"_s
            << u"postgresql://u@h/d?sslmode=require&connect_timeout=3"_s;
        QTest::newRow("unix socket (no host)")
            << u"postgresql:///assets"_s << QString() << 5432 << QString() << QString() << u"assets"_s
            << QString() << QString() << u"postgresql:///assets"_s;
    }
    void parsesPostgres()
    {
        QFETCH(QString, input);
        const Result<StorageConfig> config = StorageConfig::fromString(input);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message()));
        QCOMPARE(config->backend(), StorageBackend::PostgreSQL);
        QTEST(config->host(), "host");
        QTEST(config->port(), "port");
        QTEST(config->userName(), "user");
        QTEST(config->password(), "password");
        QTEST(config->databaseName(), "database");
        QTEST(config->schema(), "schema");
        QTEST(config->connectOptions(), "options");
        QTEST(config->displayString(), "display");
        QFETCH(QString, password);
        if (!password.isEmpty())
            QVERIFY(!config->displayString().contains(password));
    }

    void refusesWithAClearMessage_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown scheme")
            << u"mysql://u@h/d"_s << u"Unsupported database URL scheme \"mysql\""_s;
        QTest::newRow("sqlite url with host") << u"sqlite://relative/file.db"_s << u"three slashes"_s;
        QTest::newRow("sqlite url without path") << u"sqlite:///"_s << u"absolute file path"_s;
        QTest::newRow("sqlite url with query") << u"sqlite:///x.db?mode=ro"_s << u"no query parameters"_s;
        QTest::newRow("pg without database") << u"postgresql://u@h:5432"_s << u"needs a database name"_s;
        QTest::newRow("pg with database path") << u"postgresql://u@h/a/b"_s << u"must not contain '/'"_s;
        QTest::newRow("pg bad port") << u"postgresql://u@h:0/d"_s << u"port"_s;
        QTest::newRow("pg unknown parameter")
            << u"postgresql://u@h/d?sslmod=require"_s << u"Unknown PostgreSQL URL parameter \"sslmod\""_s;
        QTest::newRow("pg schema not an identifier")
            << u"postgresql://u@h/d?schema=a;drop"_s << u"not a plain identifier"_s;
        QTest::newRow("pg option value with quote")
            << u"postgresql://u@h/d?application_name=a'b"_s << u"application_name"_s;
        QTest::newRow("pg malformed") << u"postgresql://u:pw@[::1/d"_s << u"not valid"_s;
    }
    void refusesWithAClearMessage()
    {
        QFETCH(QString, input);
        QFETCH(QString, messagePart);
        const Result<StorageConfig> config = StorageConfig::fromString(input);
        QVERIFY(!config.ok());
        QCOMPARE(config.error().kind(), ErrorKind::Validation);
        QVERIFY2(config.error().message().contains(messagePart), qPrintable(config.error().message()));
    }

    void parseErrorsNeverShowThePassword()
    {
        const QString password = u"Hunter2-secret"_s;
        const QStringList inputs{u"postgresql://u:Hunter2-secret@h:99999/d"_s,
                                 u"postgresql://u:Hunter2-secret@h/d?bogus=1"_s,
                                 u"postgresql://u:Hunter2-secret@[::1/d"_s};
        for (const QString& input : inputs) {
            const Result<StorageConfig> config = StorageConfig::fromString(input);
            QVERIFY2(!config.ok(), qPrintable(input));
            QVERIFY(!config.error().message().contains(password));
            QVERIFY(!config.error().detail().contains(password));
            QVERIFY(!config.error().toLogString().contains(password));
        }
    }
};

QTEST_GUILESS_MAIN(TestStorageConfig)
#include "tst_storageconfig.moc"
