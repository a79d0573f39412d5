#pragma once

#include "core/asset.h"
#include "core/result.h"

#include <QList>
#include <QStringList>

namespace AssetDesk {

class WriteContext;

// Stores assets seen for the first time (a sync's initial pages) with everything that hangs off
// them: the row, its renditions, collection memberships and version. Nothing to compare, replace
// or keep, so this is the bulk path of AssetUpsert and the one a 1M-asset first sync runs.
// - SQLite: SqliteAssetInsert, the C API on the writer's own handle with multi-row INSERTs and
//   the page's full-text entries written in one statement.
// - PostgreSQL: multi-row INSERTs through QtSql (MultiRowInsert), a few statements (round trips)
//   per page; the search vector is a generated column.
class AssetBulkInsert
{
public:
    // `fresh` holds the batch positions to insert, each (account, remote id) at most once and none
    // stored yet; `digests` the sync_hash of every batch position. Fills ids[position].
    // `indexSearch` false (SQLite, during an AssetBulkLoad) leaves the full-text index alone.
    static Status run(WriteContext& ctx, const QList<Asset>& assets, const QList<int>& fresh,
                      const QStringList& digests, QList<qint64>& ids, bool indexSearch = true);
};

} // namespace AssetDesk
