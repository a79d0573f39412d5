#pragma once

#include "core/asset.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace AssetDesk {

class WriteContext;

// The batch upsert behind AssetRepository::upsert(), on the writer thread inside the caller's
// transaction. It first reads the stored content digests of the whole batch (SQLite: one reused
// point query per asset through the C API; PostgreSQL: one query per 400 assets), then:
// - assets not stored yet (a sync's initial pages) go to AssetBulkInsert, which writes them with
//   their renditions, memberships and version by multi-row INSERTs;
// - assets whose digest is unchanged are skipped;
// - changed ones are upserted one by one: INSERT ... ON CONFLICT DO UPDATE the row, replace its
//   renditions (keeping cached file paths the new list does not give) and memberships, and record
//   the version. So is an asset that appears twice in one batch (the later one wins). On SQLite
//   their full-text entries are replaced for the batch at once (SqliteSearchIndex).
// During an AssetBulkLoad (SQLite) the full-text index is left alone: the load rebuilds it at its end.
class AssetUpsert
{
public:
    static Result<QList<qint64>> run(WriteContext& ctx, const QList<Asset>& assets);
    static QString contentDigest(const Asset& asset);
};

} // namespace AssetDesk
