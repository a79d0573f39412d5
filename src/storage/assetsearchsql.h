#pragma once

#include "storage/assetquery.h"
#include "storage/storagebackend.h"

#include <QString>
#include <QStringList>
#include <QVariantHash>

namespace AssetDesk {

// Builds the SQL of an AssetQuery, the one place where the two full-text dialects differ:
//   SQLite:      assets_fts MATCH '"sun"* "bay"*', driven from the FTS index (CROSS JOIN keeps the
//                planner from scanning assets first), ranked by weighted bm25();
//   PostgreSQL:  search_vector @@ to_tsquery('simple', 'sun:* & bay:*') on the GIN index, ranked
//                by ts_rank().
// Then by remote modification time, newest first.
class AssetSearchSql
{
public:
    struct Statement
    {
        QString sql;
        QVariantHash values;
        bool matchesNothing = false; // the text had no searchable word: skip the query
    };

    // `columns` is a select list over alias "a".
    static Statement select(const AssetQuery& query, StorageBackend backend, const QString& columns);
    static Statement count(const AssetQuery& query, StorageBackend backend);

    // Lower-cased words of a free-text query (letters and digits), at most 16.
    static QStringList terms(const QString& text);
    static QString ftsMatchExpression(const QStringList& terms);
    static QString tsQueryExpression(const QStringList& terms);

private:
    static Statement build(const AssetQuery& query, StorageBackend backend, const QString& columns,
                           bool counting);
};

} // namespace AssetDesk
