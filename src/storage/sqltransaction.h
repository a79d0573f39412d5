#pragma once

#include "core/result.h"
#include "storage/sqlconnection.h"

#include <QCoreApplication>

namespace AssetDesk {

// One explicit transaction on a connection, used by the writer and the migrator.
// SQLite starts with BEGIN IMMEDIATE: the write lock is taken up front (waiting busy_timeout for
// another process's writer) instead of failing half-way when a read lock cannot be upgraded.
// A failed COMMIT is followed by ROLLBACK on SQLite, which keeps the transaction open after, e.g.,
// a deferred foreign key failure or SQLITE_BUSY; PostgreSQL has already rolled back by then.
// Either way nothing stays half-applied.
// The destructor rolls back a transaction that was neither committed nor rolled back.
class SqlTransaction
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::SqlTransaction)

public:
    explicit SqlTransaction(SqlConnection connection);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;

    Status begin();
    Status commit();
    void rollback();
    bool isActive() const { return m_active; }

private:
    SqlConnection m_connection;
    bool m_active = false;
};

} // namespace AssetDesk
