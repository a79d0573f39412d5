#include "testdatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace AssetDesk::Test {

namespace {
const char kPgUrlVariable[] = "ASSETDESK_TEST_PG_URL";
} // namespace

void TestDatabase::addBackendColumn()
{
    QTest::addColumn<QString>("backend");
}

void TestDatabase::addBackendRows(const QString& prefix)
{
    const QString p = prefix.isEmpty() ? QString() : prefix + QLatin1Char(' ');
    QTest::newRow(qPrintable(p + QStringLiteral("sqlite"))) << QStringLiteral("sqlite");
    QTest::newRow(qPrintable(p + QStringLiteral("postgresql"))) << QStringLiteral("postgresql");
}

TestDatabase::TestDatabase(const QString& backend)
    : m_backend(backend)
{
    if (backend == u"sqlite") {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid()) {
            m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir->errorString();
            return;
        }
        m_config = StorageConfig::sqlite(m_dir->filePath(QStringLiteral("workspace.sqlite3")));
        m_ready = true;
        return;
    }
    if (backend == u"postgresql") {
        m_ready = setUpPostgres();
        return;
    }
    m_error = QStringLiteral("unknown test backend ") + backend;
}

bool TestDatabase::setUpPostgres()
{
    const QString url = qEnvironmentVariable(kPgUrlVariable);
    if (url.isEmpty()) {
        m_error = QStringLiteral("%1 is not set: the PostgreSQL rows need a throwaway cluster, e.g. "
                                 "ASSETDESK_TEST_PG_URL=postgresql://postgres@127.0.0.1:55433/postgres "
                                 "(scripts/run-tests.sh starts one)")
                      .arg(QLatin1String(kPgUrlVariable));
        return false;
    }
    m_schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(24);
    QUrl withSchema(url, QUrl::StrictMode);
    QUrlQuery query(withSchema);
    query.removeAllQueryItems(QStringLiteral("schema"));
    query.addQueryItem(QStringLiteral("schema"), m_schema);
    withSchema.setQuery(query);
    Result<StorageConfig> config = StorageConfig::fromString(withSchema.toString());
    if (!config) {
        m_error = QStringLiteral("%1 is not a usable PostgreSQL URL: %2")
                      .arg(QLatin1String(kPgUrlVariable), config.error().message());
        return false;
    }
    m_config = config.value();

    m_adminConnection = QStringLiteral("test-admin-") + m_schema;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_adminConnection);
    if (!m_config.host().isEmpty())
        db.setHostName(m_config.host());
    db.setPort(m_config.port());
    db.setDatabaseName(m_config.databaseName());
    db.setUserName(m_config.userName());
    db.setPassword(m_config.password());
    db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    if (!db.open()) {
        m_error = QStringLiteral("cannot reach the PostgreSQL test cluster at %1: %2")
                      .arg(m_config.displayString(), db.lastError().text());
        return false;
    }
    return adminExec(QStringLiteral("SET client_min_messages TO warning")) &&
           adminExec(QStringLiteral("SET lock_timeout TO 10000")) &&
           adminExec(QStringLiteral("CREATE SCHEMA \"%1\"").arg(m_schema));
}

bool TestDatabase::adminExec(const QString& sql)
{
    QSqlQuery q(QSqlDatabase::database(m_adminConnection, false));
    if (!q.exec(sql)) {
        m_error = QStringLiteral("%1 failed: %2").arg(sql, q.lastError().text());
        return false;
    }
    return true;
}

TestDatabase::~TestDatabase()
{
    if (m_adminConnection.isEmpty())
        return;
    if (!m_schema.isEmpty() && QSqlDatabase::database(m_adminConnection, false).isOpen()) {
        if (!adminExec(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(m_schema)))
            qWarning("TestDatabase: %s", qPrintable(m_error));
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_adminConnection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_adminConnection);
}

} // namespace AssetDesk::Test
