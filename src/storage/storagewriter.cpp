#include "storage/storagewriter.h"

#include "storage/sqlitememory.h"
#include "storage/sqlitestatement.h"
#include "storage/sqltransaction.h"
#include "storage/storagelog.h"
#include "storage/writecontext.h"

#include <QScopeGuard>
#include <QTimer>

#include <sqlite3.h>

namespace AssetDesk {

StorageWriter::StorageWriter(StorageConfig config, QList<Migration> migrations)
    : m_config(std::move(config))
    , m_migrations(std::move(migrations))
    , m_connectionName(SqlConnection::uniqueName(QStringLiteral("writer")))
    , m_idle(new QTimer(this))
{
    using namespace std::chrono_literals;
    m_idle->setSingleShot(true);
    m_idle->setInterval(3s);
    connect(m_idle, &QTimer::timeout, this, &StorageWriter::releaseIdleMemory);
}

StorageWriter::~StorageWriter()
{
    closeConnection();
}

Status StorageWriter::openConnection(SqlConnection::Create create)
{
    Result<SqlConnection> connection =
        SqlConnection::open(m_config, m_connectionName, SqlConnection::Role::Writer, create);
    if (!connection)
        return connection.error();
    m_connection = connection.value();
    m_open = true;
    return {};
}

void StorageWriter::closeConnection()
{
    if (!m_open)
        return;
    m_open = false;
    m_connection = SqlConnection();
    SqlConnection::close(m_connectionName);
}

void StorageWriter::runTransaction(const Body& body, const Done& done)
{
    // Idle means nothing changed: the outbox pollers run a claiming write every second that finds
    // nothing due, and that must not keep the cache alive. Counted from the end of the write, so
    // a write longer than the interval does not count as idle time.
    sqlite3* db = SqliteStatement::handle(m_connection);
    const qint64 changesBefore = db ? sqlite3_total_changes64(db) : 0;
    const auto restartIdle = qScopeGuard([this, db, changesBefore] {
        if (db && sqlite3_total_changes64(db) != changesBefore)
            m_idle->start();
    });
    if (!m_open) {
        done(Error(ErrorKind::Storage, StorageWriter::tr("The workspace database is closed."))
                 .withOrigin(QStringLiteral("storage")));
        return;
    }
    SqlTransaction tx(m_connection);
    if (Status s = tx.begin(); !s) {
        done(s);
        return;
    }
    WriteContext context(m_connection);
    if (Status s = body(context); !s) {
        tx.rollback();
        qCDebug(lcStorage).noquote() << "write rolled back:" << s.error().toLogString();
        done(s);
        return;
    }
    if (Status s = tx.commit(); !s) {
        done(s);
        return;
    }
    if (!context.changes().isEmpty())
        emit committed(context.changes());
    done({});
}

void StorageWriter::setIdleRelease(std::chrono::milliseconds after)
{
    m_idle->setInterval(after);
}

void StorageWriter::releaseIdleMemory()
{
    sqlite3* db = m_open ? SqliteStatement::handle(m_connection) : nullptr;
    if (!db)
        return;
    const qint64 released = SqliteMemory::releaseIdleMemory(db);
    qCDebug(lcStorage) << "writer idle: released" << released / 1024 << "KiB";
}

} // namespace AssetDesk
