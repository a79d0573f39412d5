#include "storage/sqlconnection.h"

#include "storage/sqlerror.h"
#include "storage/sqlitememory.h"
#include "storage/storagelog.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace AssetDesk {

namespace {

constexpr int kBusyTimeoutMs = 5000;
// The writer's page cache (SQLite's default is 2 MB). A sync page touches the assets B-tree, its
// secondary indexes, the renditions / members / versions tables and the FTS segments, which on a
// large workspace outgrow 2 MB; 64 MB keeps their upper levels cached from one page to the next.
// Only the writer gets it: readers are many and read little each.
constexpr int kWriterCacheKiB = 65536;
// The page size a new workspace file gets (see configureSQLite).
constexpr int kNewDatabasePageSize = 16384;

QString redact(QString text, const StorageConfig& config)
{
    if (!config.password().isEmpty())
        text.replace(config.password(), QStringLiteral("****"));
    return text;
}

// Opens the driver connection and turns a failure into an Error that names the workspace but
// never the password (libpq does not echo it, but we do not rely on that).
Result<QSqlDatabase> openDriver(const StorageConfig& config, const QString& name, SqlConnection::Role role)
{
    QSqlDatabase db;
    if (config.backend() == StorageBackend::SQLite) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(config.sqlitePath());
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
        if (role == SqlConnection::Role::Reader)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        if (!config.host().isEmpty())
            db.setHostName(config.host());
        db.setPort(config.port());
        db.setDatabaseName(config.databaseName());
        db.setUserName(config.userName());
        db.setPassword(config.password());
        QStringList options = config.connectOptions().split(QLatin1Char(';'), Qt::SkipEmptyParts);
        auto hasOption = [&options](QLatin1String key) {
            for (const QString& o : options) {
                if (o.startsWith(key + QLatin1Char('=')))
                    return true;
            }
            return false;
        };
        if (!hasOption(QLatin1String("connect_timeout")))
            options << QStringLiteral("connect_timeout=10");
        if (!hasOption(QLatin1String("application_name")))
            options << QStringLiteral("application_name=AssetDesk");
        db.setConnectOptions(options.join(QLatin1Char(';')));
    }
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return Error(ErrorKind::Storage, SqlConnection::tr("The Qt SQL driver for %1 is not available.")
                                             .arg(storageBackendId(config.backend())))
            .withOrigin(QStringLiteral("storage"));
    }
    if (!db.open()) {
        const QString detail = redact(db.lastError().text(), config);
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return Error(ErrorKind::Storage,
                     SqlConnection::tr("Cannot open the workspace database %1.").arg(config.displayString()),
                     detail)
            .withOrigin(QStringLiteral("storage"));
    }
    return db;
}

QString quotedIdentifier(const QString& name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

Status configureSQLite(const SqlConnection& connection, SqlConnection::Role role)
{
    if (role == SqlConnection::Role::Writer) {
        QSqlQuery query(connection.database());
        // 16 KiB pages instead of 4 KiB: an asset row with its raw JSON fills a good part of a
        // small page, and bulk loads and index builds split and write fewer pages (a 100,000-asset
        // initial sync costs about 10 % less). SQLite takes the size only while the file is still
        // empty, before WAL, so an existing workspace keeps the size it was made with.
        if (!query.exec(QStringLiteral("PRAGMA page_size = %1").arg(kNewDatabasePageSize)))
            return sqlError(SqlConnection::tr("Cannot set the database page size."), query.lastError());
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
            return sqlError(SqlConnection::tr("Cannot switch the database to WAL mode."), query.lastError());
        const QString mode = query.value(0).toString().toLower();
        if (mode != u"wal") {
            return Error(ErrorKind::Storage,
                         SqlConnection::tr("The database refused WAL journaling (it reports \"%1\").")
                             .arg(mode))
                .withOrigin(QStringLiteral("storage"));
        }
    }
    QStringList pragmas{QStringLiteral("PRAGMA foreign_keys = ON"),
                        QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs),
                        QStringLiteral("PRAGMA synchronous = NORMAL")};
    // temp_store: the statement journal every bulk INSERT opens (the tables have foreign keys and
    // triggers) and the FTS INSERT ... SELECT's buffer stay in memory rather than in temp files.
    // Neither changes durability: that is WAL with synchronous = NORMAL, per committed write.
    if (role == SqlConnection::Role::Writer)
        pragmas << QStringLiteral("PRAGMA cache_size = -%1").arg(kWriterCacheKiB)
                << QStringLiteral("PRAGMA temp_store = MEMORY");
    for (const QString& pragma : pragmas) {
        if (Status s = connection.exec(pragma); !s)
            return s;
    }
    return {};
}

Status configurePostgres(const SqlConnection& connection, const StorageConfig& config,
                         SqlConnection::Role role, SqlConnection::Create create)
{
    QStringList statements{QStringLiteral("SET client_min_messages TO warning"),
                           QStringLiteral("SET standard_conforming_strings TO on"),
                           QStringLiteral("SET TIME ZONE 'UTC'")};
    if (!config.schema().isEmpty()) {
        if (role == SqlConnection::Role::Writer && create == SqlConnection::Create::IfMissing)
            statements
                << QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(quotedIdentifier(config.schema()));
        statements << QStringLiteral("SET search_path TO %1").arg(quotedIdentifier(config.schema()));
    }
    if (role == SqlConnection::Role::Reader)
        statements << QStringLiteral("SET default_transaction_read_only TO on");
    for (const QString& statement : statements) {
        if (Status s = connection.exec(statement); !s)
            return s;
    }
    return {};
}

} // namespace

SqlConnection::SqlConnection(QSqlDatabase database, StorageBackend backend)
    : m_database(std::move(database))
    , m_backend(backend)
{}

QString SqlConnection::uniqueName(const QString& prefix)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("assetdesk-%1-%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1) + 1);
}

Result<SqlConnection> SqlConnection::open(const StorageConfig& config, const QString& connectionName,
                                          Role role, Create create)
{
    if (config.backend() == StorageBackend::SQLite) {
        SqliteMemory::useGlibcMalloc(); // before the process's first SQLite connection
        const QFileInfo file(config.sqlitePath());
        if (create == Create::MustExist && !file.exists()) {
            return Error(ErrorKind::NotFound,
                         SqlConnection::tr("There is no AssetDesk database at %1.").arg(config.sqlitePath()))
                .withOrigin(QStringLiteral("storage"));
        }
        if (create == Create::IfMissing && !QDir().mkpath(file.absolutePath())) {
            return Error(ErrorKind::Io,
                         SqlConnection::tr("Cannot create the folder %1.").arg(file.absolutePath()))
                .withOrigin(QStringLiteral("storage"));
        }
    }
    Status configured;
    {
        Result<QSqlDatabase> db = openDriver(config, connectionName, role);
        if (!db)
            return db.error();
        SqlConnection connection(db.value(), config.backend());
        configured = connection.isSQLite() ? configureSQLite(connection, role)
                                           : configurePostgres(connection, config, role, create);
        if (configured) {
            qCDebug(lcStorage) << "opened" << (role == Role::Writer ? "writer" : "reader") << connectionName
                               << "on" << config.displayString();
            return connection;
        }
    }
    // Every handle is gone by now, so removing the connection does not warn about it being in use.
    close(connectionName);
    return configured.error();
}

void SqlConnection::close(const QString& connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

Status SqlConnection::exec(const QString& sql) const
{
    QSqlQuery query(m_database);
    if (!query.exec(sql))
        return sqlError(SqlConnection::tr("A database statement failed."), query.lastError(), sql);
    return {};
}

} // namespace AssetDesk
