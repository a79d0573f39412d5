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

} // namespace AssetDesk::IngestFloor
