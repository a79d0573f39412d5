#pragma once

#include "core/result.h"
#include "storage/storagebackend.h"
#include "storage/storageconfig.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace AssetDesk {

// One configured database connection and the dialect it speaks. A QSqlDatabase belongs to the
// thread that opened it: the writer thread owns the one writer connection, and each reading
// thread owns its own reader connection (see ReadConnectionPool). A SqlConnection is a cheap
// handle; copy it only within its thread.
class SqlConnection
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::SqlConnection)

public:
    enum class Role
    {
        Writer, // SQLite: WAL, synchronous=NORMAL, foreign_keys=ON, busy_timeout
        Reader, // read-only (SQLite: opened read-only; PostgreSQL: read-only transactions)
    };
    enum class Create
    {
        IfMissing, // SQLite: create the file and its folder; PostgreSQL: create the schema
        MustExist, // SQLite: a missing file is an Error of kind NotFound
    };

    SqlConnection() = default;
    SqlConnection(QSqlDatabase database, StorageBackend backend);

    // Opens and configures a new connection named `connectionName` on the calling thread.
    // Errors never contain the PostgreSQL password.
    static Result<SqlConnection> open(const StorageConfig& config, const QString& connectionName, Role role,
                                      Create create);
    // Closes and unregisters a connection opened by open(); call it on the thread that opened it,
    // after every handle to it is gone.
    static void close(const QString& connectionName);
    // A process-unique connection name: "<prefix>-<n>".
    static QString uniqueName(const QString& prefix);

    QSqlDatabase database() const { return m_database; }
    StorageBackend backend() const { return m_backend; }
    bool isSQLite() const { return m_backend == StorageBackend::SQLite; }

    // Runs one statement without parameters (DDL, PRAGMA, SET). Errors are ErrorKind::Storage.
    Status exec(const QString& sql) const;

private:
    QSqlDatabase m_database;
    StorageBackend m_backend = StorageBackend::SQLite;
};

} // namespace AssetDesk
