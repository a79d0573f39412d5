#pragma once

#include "core/changeset.h"
#include "storage/sqlconnection.h"
#include "storage/sqlstatement.h"

#include <QDateTime>

namespace AssetDesk {

// What a write function gets: the writer connection inside an open transaction, and the ChangeSet
// it fills in. Exists only on the writer thread for the duration of one Storage::write() call; do
// not keep it, or anything prepared on it, beyond that call.
//
// Repositories' write helpers take a WriteContext& so several of them can share one transaction;
// a repository constructed from a WriteContext reads through the same connection and therefore
// sees the transaction's own uncommitted rows.
class WriteContext
{
public:
    explicit WriteContext(SqlConnection connection);

    const SqlConnection& connection() const { return m_connection; }
    StorageBackend backend() const { return m_connection.backend(); }
    SqlStatement statement(const QString& sql) const { return SqlStatement(m_connection, sql); }

    // Record every row the function inserted, updated or removed; Storage::changed() carries it
    // to the models once the transaction has committed.
    ChangeSet& changes() { return m_changes; }
    const ChangeSet& changes() const { return m_changes; }

    // The transaction's timestamp (UTC, whole milliseconds): every row it stamps gets the same one.
    QDateTime now() const { return m_now; }

private:
    SqlConnection m_connection;
    ChangeSet m_changes;
    QDateTime m_now;
};

} // namespace AssetDesk
