#pragma once

#include "core/changeset.h"
#include "core/result.h"
#include "storage/migration.h"
#include "storage/migrator.h"
#include "storage/sqlconnection.h"
#include "storage/storageconfig.h"

#include <QList>
#include <QObject>

#include <chrono>
#include <functional>

class QTimer;

namespace AssetDesk {

class WriteContext;

// The single writer. Lives on Storage's writer thread and owns the one writer connection; every
// method below runs on that thread (Storage posts to it with queued invocations). Tasks run one at
// a time in the order they were posted, so transactions never interleave.
class StorageWriter : public QObject
{
    Q_OBJECT
public:
    using Body = std::function<Status(WriteContext&)>;
    using Done = std::function<void(const Status&)>;

    StorageWriter(StorageConfig config, QList<Migration> migrations);
    ~StorageWriter() override;

    Status openConnection(SqlConnection::Create create);
    void closeConnection();
    bool isOpen() const { return m_open; }
    SqlConnection connection() const { return m_connection; }
    Migrator migrator() const { return Migrator(m_connection, m_migrations); }

    // BEGIN; body; COMMIT. Rolls back when the body fails or COMMIT fails. After a successful
    // commit with a non-empty ChangeSet emits committed(), then calls done (always called once).
    void runTransaction(const Body& body, const Done& done);

    // After this long without a write that changed something, the SQLite writer gives back the
    // memory it keeps for the next one (SqliteMemory::releaseIdleMemory): a sync leaves its 64 MB
    // page cache full, and nothing may change again for hours. A sync writes a page every few
    // hundred ms, so it keeps its cache. (PostgreSQL: nothing to give back; the server caches.)
    void setIdleRelease(std::chrono::milliseconds after);

signals:
    void committed(const AssetDesk::ChangeSet& changes);

private:
    void releaseIdleMemory();

    StorageConfig m_config;
    QList<Migration> m_migrations;
    QString m_connectionName;
    SqlConnection m_connection;
    bool m_open = false;
    QTimer* m_idle = nullptr; // a child: it moves to the writer thread with this object
};

} // namespace AssetDesk
