#include "storage/storage.h"

#include "storage/assetbulkload.h"
#include "storage/migrationcatalog.h"
#include "storage/migrator.h"
#include "storage/readconnectionpool.h"
#include "storage/sqlstatement.h"
#include "storage/storagechecker.h"
#include "storage/storagelog.h"
#include "storage/storagewriter.h"

#include <QMetaObject>
#include <QThread>

namespace AssetDesk {

Storage::Storage(StorageConfig config, QList<Migration> migrations)
    : m_config(std::move(config))
    , m_migrations(std::move(migrations))
    , m_thread(std::make_unique<QThread>())
    , m_readers(std::make_unique<ReadConnectionPool>(m_config))
{
    qRegisterMetaType<AssetDesk::ChangeSet>("AssetDesk::ChangeSet");
    m_thread->setObjectName(QStringLiteral("assetdesk-storage-writer"));
    m_writer = new StorageWriter(m_config, m_migrations);
    m_writer->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_writer, &QObject::deleteLater);
    // Signal to signal, direct: changed() is emitted on the writer thread right after COMMIT.
    connect(m_writer, &StorageWriter::committed, this, &Storage::changed, Qt::DirectConnection);
    m_thread->start();
}

Storage::~Storage()
{
    // Queued behind every write already posted, so those still run and their futures finish.
    QMetaObject::invokeMethod(
        m_writer,
        [writer = m_writer] {
            writer->closeConnection();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    m_readers.reset();
}

Result<std::unique_ptr<Storage>> Storage::open(const StorageConfig& config, OpenMode mode)
{
    return open(config, mode, MigrationCatalog::builtIn(config.backend()));
}

Result<std::unique_ptr<Storage>> Storage::open(const StorageConfig& config, OpenMode mode,
                                               QList<Migration> migrations)
{
    std::unique_ptr<Storage> storage(new Storage(config, std::move(migrations)));
    Status status;
    int applied = 0;
    StorageWriter* writer = storage->m_writer;
    storage->runOnWriter([&] {
        status = writer->openConnection(mode == OpenMode::MigrateToLatest ? SqlConnection::Create::IfMissing
                                                                          : SqlConnection::Create::MustExist);
        if (!status)
            return;
        Migrator migrator = writer->migrator();
        if (status = migrator.checkCompatible(); !status)
            return;
        // A bulk load that a stopped process left in progress gets its indexes back first, before
        // any migration (which expects them) or any reader relies on them.
        if (Result<bool> finished = AssetBulkLoad::finishPending(writer->connection()); !finished) {
            status = finished.error();
            return;
        }
        if (mode == OpenMode::MigrateToLatest) {
            Result<int> result = migrator.migrate();
            if (!result)
                status = result.error();
            else
                applied = result.value();
        }
    });
    if (!status) {
        qCWarning(lcStorage).noquote()
            << "cannot open" << config.displayString() << "-" << status.error().toLogString();
        return status.error();
    }
    qCInfo(lcStorage).noquote() << "opened workspace" << config.displayString() << "- applied" << applied
                                << "migration(s)";
    return storage;
}

Result<int> Storage::schemaVersion() const
{
    Result<SqlConnection> connection = readConnection();
    if (!connection)
        return connection.error();
    return Migrator(connection.value(), m_migrations).currentVersion();
}

Result<QString> Storage::workspaceId() const
{
    QMutexLocker lock(&m_workspaceIdMutex);
    if (!m_workspaceId.isEmpty())
        return m_workspaceId;
    Result<SqlConnection> connection = readConnection();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(), QStringLiteral("SELECT id FROM workspace"));
    if (Status s = q.exec(); !s)
        return s.error();
    if (!q.next() || q.value(0).toString().isEmpty())
        return Error(ErrorKind::Storage, tr("This workspace has no identity yet; open it once to upgrade it."))
            .withOrigin(QStringLiteral("storage"));
    m_workspaceId = q.value(0).toString();
    return m_workspaceId;
}

int Storage::latestKnownVersion() const
{
    return Migrator(SqlConnection(), m_migrations).latestKnownVersion();
}

Result<QList<Migration>> Storage::pendingMigrations() const
{
    Result<SqlConnection> connection = readConnection();
    if (!connection)
        return connection.error();
    return Migrator(connection.value(), m_migrations).pending();
}

Result<int> Storage::migrate()
{
    std::optional<Result<int>> result;
    StorageWriter* writer = m_writer;
    runOnWriter([&] { result.emplace(writer->migrator().migrate()); });
    return *result;
}

Result<StorageCheckReport> Storage::check()
{
    std::optional<Result<StorageCheckReport>> result;
    StorageWriter* writer = m_writer;
    const StorageConfig config = m_config;
    runOnWriter(
        [&] { result.emplace(StorageChecker::run(writer->connection(), writer->migrator(), config)); });
    return *result;
}

Result<SqlConnection> Storage::readConnection() const
{
    return m_readers->connection();
}

void Storage::setIdleMemoryRelease(std::chrono::milliseconds after)
{
    runOnWriter([writer = m_writer, after] { writer->setIdleRelease(after); });
}

bool Storage::isWriterThread() const
{
    return QThread::currentThread() == m_thread.get();
}

void Storage::enqueueWrite(std::function<Status(WriteContext&)> body, std::function<void(const Status&)> done)
{
    QMetaObject::invokeMethod(
        m_writer,
        [writer = m_writer, body = std::move(body), done = std::move(done)] {
            writer->runTransaction(body, done);
        },
        Qt::QueuedConnection);
}

void Storage::runOnWriter(const std::function<void()>& task) const
{
    if (isWriterThread())
        task();
    else
        QMetaObject::invokeMethod(m_writer, task, Qt::BlockingQueuedConnection);
}

} // namespace AssetDesk
