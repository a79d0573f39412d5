#pragma once

#include "core/result.h"
#include "storage/assetquery.h"
#include "storage/storagebackend.h"

#include <QString>
#include <QStringList>
#include <QVariantHash>

#include <optional>

namespace AssetDesk {

class SqlConnection;

// Builds the SQL of an AssetQuery, the one place where the two full-text dialects differ:
//   SQLite:      assets_fts MATCH '"sun"* "bay"*', driven from the FTS index (CROSS JOIN keeps the
//                planner from scanning assets first), ranked by assetdesk_rank() (column weights
//                summed over the words' occurrences; weighted bm25() where it cannot be registered);
//   PostgreSQL:  search_vector @@ to_tsquery('simple', 'sun:* & bay:*') on the GIN index, ranked
//                by ts_rank().
// Then by remote modification time, newest first; or by AssetQuery::order's column (never ranked),
// spelled per backend so that both list the same order from an index. Whether a text is ranked at all depends on how
// many assets it matches (AssetQuery::rankLimit): rankProbe() asks, select(connection, …) asks and
// builds.
class AssetSearchSql
{
public:
    // Relevance: bm25() on SQLite, ts_rank() on PostgreSQL. WeightedHits (SQLite only): the same
    // column weights summed over the words' occurrences, without bm25's per-query walk of each
    // word's whole index (assetdesk_rank, registered on the connection by select(connection, …),
    // which prefers it; like ts_rank it has no document frequency or length normalisation).
    enum class Order { Relevance, WeightedHits, Newest };

    struct Statement
    {
        QString sql;
        QVariantHash values;
        bool matchesNothing = false; // the text had no searchable word: skip the query
        bool ranked = false;         // ordered by relevance first
    };

    // `columns` is a select list over alias "a". Order::Relevance ranks a text query (a query
    // without text is always newest first).
    static Statement select(const AssetQuery& query, StorageBackend backend, const QString& columns,
                            Order order);
    // Runs rankProbe() on `connection` and builds the select in the order AssetQuery promises.
    // `textMatches`: how many assets the text matches, when the caller knows already (no probe).
    static Result<Statement> select(const SqlConnection& connection, const AssetQuery& query,
                                    const QString& columns, std::optional<qint64> textMatches = std::nullopt);
    static Statement count(const AssetQuery& query, StorageBackend backend);
    // "SELECT count(*)" of the text's matches in the whole library, up to rankLimit + 1: the
    // query is ranked when the count is <= rankLimit. matchesNothing: no text (or rankLimit <= 0),
    // nothing to ask, newest first.
    static Statement rankProbe(const AssetQuery& query, StorageBackend backend);

    // The rights facet's bounds in ms since the epoch: now is `rightsAt` (invalid: the current
    // time), soon is `soonDays` later. Expired: expiry <= now; expiring soon: now < expiry <= soon;
    // valid: expiry > soon; unrestricted: no expiry.
    struct RightsWindow
    {
        qint64 now = 0;
        qint64 soon = 0;
    };
    static RightsWindow rightsWindow(const AssetQuery& query);

    // The SQLite term select() orders a ranked text by, ascending (Order::WeightedHits):
    // assetdesk_rank(assets_fts, …) with the column weights, registered on `connection` first.
    // Empty when it cannot be (not SQLite, no FTS5 API): select() then ranks with bm25().
    static QString weightedHitsRank(const SqlConnection& connection);

    // Lower-cased words of a free-text query (letters and digits), at most 16.
    static QStringList terms(const QString& text);
    static QString ftsMatchExpression(const QStringList& terms);
    static QString tsQueryExpression(const QStringList& terms);

private:
    static Statement build(const AssetQuery& query, StorageBackend backend, const QString& columns,
                           bool counting, Order ordering);
};

} // namespace AssetDesk
