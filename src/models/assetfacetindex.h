#pragma once

#include "core/changeset.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QStringList>

#include <atomic>
#include <limits>
#include <optional>
#include <vector>

struct sqlite3;

namespace AssetDesk {

class SqlConnection;
struct AssetQuery;

// The search facets of every asset in memory (32 bytes an asset: 32 MB at a million), so that a
// text search filters and orders its full-text matches without looking each one up in the assets
// table.
//
// Why: a word in 6% of a million assets has 60,000 matches. The FTS index lists their ids in
// 4 ms, but joining each to its assets row for two facets and the newest-first order is a B-tree
// search per match: 45 ms with every page cached, 110-150 ms with a reader's default cache (the
// rows are 270 bytes, so the matches touch every page of the table). Here the same filter is an
// array lookup per match and the order a sort of what passed.
//
// A ranked text (at most AssetQuery::rankLimit matches) is ordered the same way: the FTS index
// gives each match's relevance (AssetSearchSql::weightedHitsRank) and the facets and the order
// are applied here. SQL would walk the same matches again to join them to their rows (two common
// words with two facets: 30 ms at a million, a third of it the walk this saves).
//
// answer() gives exactly the ids and order AssetSearchSql gives for the same query (the same
// comparisons on the same stored values: text columns are compared as the stored strings,
// times as the stored milliseconds, relevance as the same function's result), for what it covers:
// a text query with no other condition than the facets it holds (anything else makes the query's
// SQL differ: see covers()), in the default order, without collections, limit or offset, on
// SQLite. Anything else is nullopt and the caller asks SQL.
//
// Staying current: markChanged() records the assets a committed write changed (connect it
// directly to Storage::changed); answer() re-reads them, and any asset newer than the last one
// read (ids only grow), in the same read transaction as the full-text query. A write committed
// before its change set is recorded can leave an answer one write behind; the change set then
// re-runs the library's search (LibraryModel patches on every asset change), which is current.
//
// Threads: every member may be called from any thread. load() takes long (about a second at a
// million assets) without blocking answer(), which says nullopt until the load is done.
class AssetFacetIndex
{
public:
    AssetFacetIndex();

    // Reads every asset. `cancelled` is polled between rows: a cancelled load leaves the index
    // unloaded.
    Status load(const SqlConnection& connection, const std::atomic_bool* cancelled = nullptr);
    bool isLoaded() const { return m_loaded.load(); }
    void markChanged(const ChangeSet& changes);

    // A ranked text is left to SQL only when the connection cannot rank (leftToSql: no
    // assetdesk_rank), with the number of matches, which AssetSearchSql::select need not ask again.
    struct Answer
    {
        QList<qint64> ids;   // in the query's order, unless leftToSql
        bool ranked = false; // by relevance first: the text matched at most rankLimit assets
        bool leftToSql = false;
        qsizetype textMatches = 0;
    };
    std::optional<Result<Answer>> answer(const SqlConnection& connection, const AssetQuery& query);

    qsizetype assetCount() const;
    qint64 memoryBytes() const;

private:
    struct Entry
    {
        static constexpr qint64 kNull = std::numeric_limits<qint64>::min();
        qint64 modified = kNull;   // ms since the epoch
        qint64 expires = kNull;    // licence expiry, ms since the epoch
        qint32 accountId = 0;      // account ids are small; a larger one makes the index unusable
        quint16 service = 0;       // codes of the stored strings (m_strings)
        quint16 approval = 0;
        quint16 mediaType = 0;
        quint16 lifecycle = 0;
        quint16 campaign = 0;
        quint8 orientation = 0;    // Orientation + 1 as the SQL decides it, 0: none
        bool present = false;
    };
    struct Snapshot
    {
        std::vector<Entry> entries; // by asset id
        QHash<QString, quint16> codes;
        QStringList strings;
        qint64 maxId = 0;
        qsizetype count = 0;
        bool overflow = false; // a value did not fit (codes, account id): SQL answers from then on
    };

    static Status readRows(sqlite3* db, const char* sql, const QList<qint64>& ids, qint64 after, Snapshot& into,
                           const std::atomic_bool* cancelled);
    static quint16 code(Snapshot& into, const QString& text);
    static Result<QList<qint64>> matches(sqlite3* db, const QString& match);
    // Each match's relevance (`rank`, an assets_fts rank term: lower is better), by id.
    static Result<QHash<qint64, double>> rankedMatches(sqlite3* db, const QString& rank,
                                                       const QString& match);
    static bool covers(const AssetQuery& query);
    Status refresh(sqlite3* db);

    mutable QMutex m_mutex;
    Snapshot m_data;
    QSet<qint64> m_dirty; // changed since read; guarded by m_dirtyMutex
    QMutex m_dirtyMutex;
    std::atomic_bool m_loaded = false;
    bool m_unusable = false; // a value did not fit an entry: SQL answers
};

} // namespace AssetDesk
