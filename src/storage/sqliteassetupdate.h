#pragma once

#include "core/asset.h"
#include "core/result.h"
#include "storage/sqliterowbatch.h"
#include "storage/sqlitestatement.h"

#include <QDateTime>

struct sqlite3;

namespace AssetDesk {

class WriteContext;

// AssetUpsert's changed-asset step on SQLite, through the C API (SqliteStatement): the same
// statements and the same semantics as the QtSql one, one asset at a time -
// INSERT ... ON CONFLICT DO UPDATE the row, replace its renditions (keeping cached file paths the
// new list does not give) and memberships, record the version - at a fraction of QtSql's
// per-statement cost. The statements are prepared once per batch.
class SqliteAssetUpdate
{
public:
    static Result<SqliteAssetUpdate> prepare(sqlite3* db);

    // The asset's id; unchanged (same digest as stored) assets are left alone.
    Result<qint64> upsert(WriteContext& ctx, const Asset& asset, const QString& digest);

private:
    SqliteAssetUpdate(sqlite3* db, SqliteStatement existing, SqliteStatement cachedPaths,
                      SqliteStatement clearRenditions, SqliteStatement addRendition, SqliteStatement clearMembers,
                      SqliteStatement addMember, SqliteStatement addVersion);
    Status replaceDetails(qint64 id, const Asset& asset, qint64 now);

    SqliteRowBatch m_row; // one row per statement, ON CONFLICT DO UPDATE ... RETURNING id
    SqliteStatement m_existing, m_cachedPaths, m_clearRenditions, m_addRendition, m_clearMembers, m_addMember,
        m_addVersion;
};

} // namespace AssetDesk
