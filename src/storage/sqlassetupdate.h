#pragma once

#include "core/asset.h"
#include "core/result.h"

#include <memory>

namespace AssetDesk {

class WriteContext;
struct SqlAssetUpdateStatements;

// AssetUpsert's changed-asset step through QtSql (PostgreSQL; SQLite has SqliteAssetUpdate), one
// asset at a time: INSERT ... ON CONFLICT DO UPDATE the row, replace its renditions (keeping
// cached file paths the new list does not give) and memberships, record the version. Assets whose
// stored digest is the same are left alone. The statements are prepared once per batch.
class SqlAssetUpdate
{
public:
    explicit SqlAssetUpdate(const WriteContext& ctx);
    ~SqlAssetUpdate();

    // The asset's id.
    Result<qint64> upsert(WriteContext& ctx, const Asset& asset, const QString& digest);

private:
    std::unique_ptr<SqlAssetUpdateStatements> m_statements;
};

} // namespace AssetDesk
