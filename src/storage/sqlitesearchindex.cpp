#include "storage/sqlitesearchindex.h"

#include "storage/sqlconnection.h"
#include "storage/sqlitestatement.h"

#include <QByteArray>
#include <QString>

namespace AssetDesk {

namespace {

// The ids as a JSON array for json_each(): one statement for any set of ids, however scattered.
QByteArray jsonArray(const QList<qint64>& ids)
{
    QByteArray json;
    json.reserve(ids.size() * 8 + 2);
    json += '[';
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            json += ',';
        json += QByteArray::number(ids.at(i));
    }
    json += ']';
    return json;
}

Status runFor(sqlite3* db, const QString& sql, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return {};
    Result<SqliteStatement> statement = SqliteStatement::prepare(db, sql);
    if (!statement)
        return statement.error();
    statement.value().bindUtf8(1, jsonArray(ids));
    return statement.value().run();
}

} // namespace

Status SqliteSearchIndex::defer(const SqlConnection& connection)
{
    return connection.exec(QStringLiteral("INSERT INTO assets_fts_deferred (one) VALUES (1)"));
}

Status SqliteSearchIndex::resume(const SqlConnection& connection)
{
    return connection.exec(QStringLiteral("DELETE FROM assets_fts_deferred"));
}

Status SqliteSearchIndex::add(sqlite3* db, const QList<qint64>& ids)
{
    // The same values the insert trigger would index: the row's stored text.
    return runFor(db,
                  QStringLiteral("INSERT INTO assets_fts (rowid, title, keywords, caption, credit, campaign, file_name) "
                                 "SELECT id, title, keywords, caption, credit, campaign, file_name FROM assets "
                                 "WHERE id IN (SELECT value FROM json_each(?1))"),
                  ids);
}

Status SqliteSearchIndex::remove(sqlite3* db, const QList<qint64>& ids)
{
    // An external-content FTS5 table forgets a row given the exact text it indexed, which is the
    // row's text as long as it has not been updated yet.
    return runFor(db,
                  QStringLiteral("INSERT INTO assets_fts (assets_fts, rowid, title, keywords, caption, credit, "
                                 "campaign, file_name) "
                                 "SELECT 'delete', id, title, keywords, caption, credit, campaign, file_name "
                                 "FROM assets WHERE id IN (SELECT value FROM json_each(?1))"),
                  ids);
}

} // namespace AssetDesk
