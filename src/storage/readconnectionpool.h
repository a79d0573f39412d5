#pragma once

#include "core/result.h"
#include "storage/sqlconnection.h"
#include "storage/storageconfig.h"

#include <memory>

namespace AssetDesk {

// Read connections, one per (thread, Storage), opened lazily on first use in that thread.
//
// QSqlDatabase connections must be used only on the thread that opened them, so each thread keeps
// its own connections in a QThreadStorage slot; the RAII holder there closes and removes them
// (QSqlDatabase::removeDatabase) on that same thread when the thread ends - QThreadPool threads
// included. Destroying the pool closes the calling thread's connection at once; another thread's
// connection to a destroyed pool is closed the next time that thread asks for any read connection,
// or when it ends. The QThreadStorage slot is per thread, not a service locator: nothing outside
// this class can reach it.
class ReadConnectionPool
{
public:
    explicit ReadConnectionPool(StorageConfig config);
    ~ReadConnectionPool();
    ReadConnectionPool(const ReadConnectionPool&) = delete;
    ReadConnectionPool& operator=(const ReadConnectionPool&) = delete;

    // The calling thread's read connection, opened now if needed.
    Result<SqlConnection> connection() const;

    struct Identity;

private:
    std::shared_ptr<const Identity> m_identity;
};

} // namespace AssetDesk
