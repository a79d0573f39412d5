#pragma once

#include "core/result.h"

#include <QList>

struct sqlite3;

namespace AssetDesk {

class SqlConnection;

// Page-wise upkeep of the SQLite full-text index (assets_fts) by the writer's bulk paths.
//
// FTS5 writes the terms it has gathered to a new index segment at every statement savepoint, so
// the per-row triggers of schema 2 cost a sync page one segment (and later merges) per asset.
// Schema 4 makes the insert and update triggers stand aside while assets_fts_deferred holds a
// row. A bulk path then:
//   defer(); remove(ids about to change); write the rows; add(every id written); resume();
// all inside its transaction: the mark is never committed (resume() also runs after a failure),
// and the index ends up exactly as the triggers would have left it. Deletes always use the trigger.
class SqliteSearchIndex
{
public:
    static Status defer(const SqlConnection& connection);
    static Status resume(const SqlConnection& connection);
    // Indexes the stored text of the assets `ids`, in one statement.
    static Status add(sqlite3* db, const QList<qint64>& ids);
    // Takes the assets `ids` out of the index with their stored (still indexed) text; call it only
    // for rows that are indexed, before their text changes.
    static Status remove(sqlite3* db, const QList<qint64>& ids);
};

} // namespace AssetDesk
