#pragma once

#include "core/auditentry.h"
#include "core/result.h"
#include "storage/connectionsource.h"

#include <QList>

namespace AssetDesk {

class Storage;
class WriteContext;

// The append-only record of every outbound action. There is deliberately no update or delete here,
// and the database refuses UPDATE, DELETE (and on PostgreSQL TRUNCATE) of audit_log with triggers,
// so not even raw SQL can rewrite history. Append it in the same write as the action's own rows.
// Style as in AccountRepository: const reads on the calling thread, static writes in a WriteContext.
class AuditLog
{
public:
    explicit AuditLog(const Storage& storage)
        : m_source(storage)
    {}
    explicit AuditLog(const WriteContext& context)
        : m_source(context)
    {}

    // The newest `count` entries, newest first.
    Result<QList<AuditEntry>> recent(int count) const;

    // Returns the entry's id; `at` defaults to the transaction time. action is required.
    static Result<qint64> append(WriteContext& ctx, const AuditEntry& entry);

private:
    ConnectionSource m_source;
};

} // namespace AssetDesk
