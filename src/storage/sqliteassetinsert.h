#pragma once

#include "core/asset.h"
#include "core/result.h"

#include <QList>
#include <QStringList>

struct sqlite3;

namespace AssetDesk {
class SqliteRowBatch;
}

namespace AssetDesk {

class WriteContext;

// AssetBulkInsert on SQLite: new assets through the C API on the writer's own handle, inside the
// caller's transaction.
// - Rows go in with multi-row INSERTs (SqliteRowBatch): 20 assets per statement, 50 detail rows
//   (renditions, memberships, versions) per statement; values bound by position, text as UTF-8.
// - Their full-text entries are written once for the page (schema 4): the assets_fts_deferred
//   mark keeps the per-row insert trigger idle, one INSERT INTO assets_fts ... SELECT indexes the
//   new rows exactly as the trigger would have, and the mark is removed again, also on failure.
//   With `indexSearch` false (during an AssetBulkLoad, whose committed mark keeps the trigger
//   idle) nothing is indexed: the load rebuilds the index at its end.
class SqliteAssetInsert
{
public:
    // Adds the AssetWriteValues::values() of `asset` to `rows` (an assets batch with
    // AssetWriteValues::columns()), as the C API binds them.
    static void addAssetRow(SqliteRowBatch& rows, const Asset& asset, const QString& digest);
    static Status run(WriteContext& ctx, sqlite3* db, const QList<Asset>& assets, const QList<int>& fresh,
                      const QStringList& digests, QList<qint64>& ids, bool indexSearch);
};

} // namespace AssetDesk
