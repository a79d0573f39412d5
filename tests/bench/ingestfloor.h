#pragma once

#include "core/result.h"

struct sqlite3;

namespace AssetDesk::IngestFloor {

// The SQLite engine's own cost of storing bench_ingest's assets (benchAsset's rows) in this
// schema, without anything of ours per row: prepare() builds every row of `count` assets for
// account `accountId` inside SQLite beforehand (temporary tables, not timed), and insertRange()
// then stores assets [from, to) with one INSERT ... SELECT per table: nothing bound, looked up,
// compared or digested, no C++ per row. No ingest written on top of SQLite can store these rows
// for less.
Status prepare(sqlite3* db, qint64 accountId, int count);
Status insertRange(sqlite3* db, int from, int to);

// The same for the leanest data model that still holds what the library shows, to find out whether
// any schema could reach a target this one cannot. makeLean() reshapes a fresh workspace before
// the load (not timed):
//   - an asset's renditions packed into one text column of its row, not three rows of their own;
//   - no version row for an asset's first version (its row already says which version it is);
//   - collection_members WITHOUT ROWID (the primary key is the table);
//   - no index on assets.service or assets.approval (a handful of values each: filters on them
//     scan as fast).
// Everything else stays: the unique remote-id key, the sort indexes, the full-text index.
// prepareLean() and insertRangeLean() then do what prepare() and insertRange() do, for that shape.
Status makeLean(sqlite3* db);
Status prepareLean(sqlite3* db, qint64 accountId, int count);
Status insertRangeLean(sqlite3* db, int from, int to);

// The lean floor split across two files, each with its own writer, so the load can use both cores:
// the library file without its full-text index, and the full-text index (contentless, keyed by
// asset id) in a file of its own. Whether the two-writer redesign could reach a target the lean
// floor on one writer cannot.
//   makeSplit()           makeLean(), then drops the library file's full-text index and triggers
//                         (not timed);
//   finishSplit()         AssetBulkLoad::finish() without the full-text rebuild: the set-aside
//                         indexes built, the load ended;
//   prepareSearch()       on the search file's handle: its index and the rows to index, made
//                         beforehand like prepare() (not timed);
//   insertSearchRange()   indexes assets [from, to) with one INSERT ... SELECT.
Status makeSplit(sqlite3* db);
Status finishSplit(sqlite3* db);
Status prepareSearch(sqlite3* db, int count);
Status insertSearchRange(sqlite3* db, int from, int to);

} // namespace AssetDesk::IngestFloor
