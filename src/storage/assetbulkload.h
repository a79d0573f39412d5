#pragma once

#include "core/result.h"

struct sqlite3;

namespace AssetDesk {

class SqlConnection;
class WriteContext;

// A bulk load of assets into a SQLite library (an initial full sync): the secondary indexes of
// the asset tables and the full-text index are built once at the end, not row by row.
//
// A B-tree index written row by row pays a descent and often a page split per row; CREATE INDEX
// sorts the rows once. FTS5 fed a page at a time writes a segment per page and merges them
// again; 'rebuild' tokenizes every row once into large segments. On a 1M-asset load that is
// most of the cost of a row (figures in tests/bench/bench_ingest.cpp).
//
//   begin(ctx)   in one transaction: remembers the CREATE statements of the secondary indexes
//                of assets, asset_renditions, collection_members and asset_versions and of the
//                full-text triggers on assets in the working table assets_bulk_load (which exists
//                only during a load), drops them, and commits a row into assets_fts_deferred
//                (schema 4). Uniqueness constraints and primary keys stay: the upsert still looks
//                assets up and no duplicate can get in.
//   (pages)      AssetRepository::upsert as usual, one transaction per page; it sees the load
//                (isActive) and leaves the full-text index alone.
//   finish(ctx)  in one transaction: runs the remembered CREATE statements, rebuilds the
//                full-text index from the assets table, deletes the mark and the working table.
//
// Several syncs (one per DAM account, all into the one assets table) share a load: each begins
// and finishes it as a holder (its account id), recorded in assets_bulk_load_holders, and only
// the last holder's finish builds the indexes. Otherwise the first sync to end would build them
// under the others, whose remaining pages would then pay for every index row by row.
//
// Every step commits atomically, so a process killed at any point leaves either no load or a
// load in progress, never a half-built one. A load in progress is finished by the next
// Storage::open (finishPending, before any migration runs), so a library is never left
// without its indexes. While a load runs, full-text search sees only what was indexed before it
// and filters scan the table: an initial sync accepts that for a much faster load.
//
// Only worth it when the load is large against what is stored: 'rebuild' re-reads the whole
// library. PostgreSQL has no such mode (begin() reports false); its indexes are written per
// statement with the rows.
class AssetBulkLoad
{
public:
    // True when a load was started or one is already in progress (a resumed sync continues it);
    // false when the backend has no bulk mode. SQLite drops no index while another statement of
    // the connection is still running: call it before reading anything in the same write.
    // `holder` counts the caller in (see above); callers that never share a load leave it 0.
    static Result<bool> begin(WriteContext& ctx, qint64 holder = 0);
    // begin() when a load of about `expectedAssets` new assets is worth it: at least
    // `minimumAssets`, and at least four times what the library holds already (finish re-reads
    // the whole library). Otherwise nothing changes and the result is false, or whether a load is
    // in progress anyway.
    // A load in progress is joined (true) even when one's own would not be worth it.
    static Result<bool> beginIfWorthIt(WriteContext& ctx, qint64 expectedAssets, qint64 minimumAssets,
                                       qint64 holder = 0);
    // Counts `holder` out and, when no other holder is left, builds the indexes and ends the load;
    // nothing to do when none is in progress.
    static Status finish(WriteContext& ctx, qint64 holder = 0);
    // Whether a load is in progress on this SQLite handle (the writer's, inside its transaction).
    static Result<bool> isActive(sqlite3* db);
    // Finishes a load left in progress by a process that stopped during it (whatever holders it
    // recorded: none of them is running any more), in its own
    // transaction on the writer connection `connection` (Storage::open, before migrating).
    // Returns whether there was one.
    static Result<bool> finishPending(const SqlConnection& connection);
};

} // namespace AssetDesk
