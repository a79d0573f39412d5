#pragma once

#include "core/result.h"
#include "storage/connectionsource.h"
#include "storage/syncstate.h"

#include <QList>
#include <QString>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// Resumable sync positions, one per (account, resource). Save the cursor in the same write as the
// page it follows, so a crash never skips or repeats a committed page. Changes to sync state are
// bookkeeping and are not reported in the ChangeSet.
// Style as in AccountRepository: const reads on the calling thread, static writes in a WriteContext.
class SyncStateRepository
{
public:
    explicit SyncStateRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit SyncStateRepository(const WriteContext& context)
        : m_source(context)
    {}

    Result<std::optional<SyncState>> get(qint64 accountId, const QString& resource) const;
    Result<QList<SyncState>> list(qint64 accountId) const;

    // Inserts or replaces the cursor; updatedAt is the transaction time.
    static Status save(WriteContext& ctx, qint64 accountId, const QString& resource, const QString& cursor);
    // Forgets the position so the next sync starts from the beginning. A missing row is fine.
    static Status clear(WriteContext& ctx, qint64 accountId, const QString& resource);

private:
    Result<QList<SyncState>> query(const QString& where, const QVariantHash& values) const;

    ConnectionSource m_source;
};

} // namespace AssetDesk
