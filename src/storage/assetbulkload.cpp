#include "storage/assetbulkload.h"

#include "storage/sqlitestatement.h"
#include "storage/sqltransaction.h"
#include "storage/storagelog.h"
#include "storage/writecontext.h"

#include <QElapsedTimer>
#include <QList>
#include <QPair>

namespace AssetDesk {

namespace {

Status run(sqlite3* db, const QString& sql)
{
    Result<SqliteStatement> statement = SqliteStatement::prepare(db, sql);
    if (!statement)
        return statement.error();
    return statement.value().run();
}

// The first two columns of every row `sql` returns, as text.
Result<QList<QPair<QString, QString>>> rows(sqlite3* db, const QString& sql)
{
    Result<SqliteStatement> select = SqliteStatement::prepare(db, sql);
    if (!select)
        return select.error();
    QList<QPair<QString, QString>> result;
    for (;;) {
        const Result<bool> row = select.value().next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        result.append({select.value().text(0), select.value().text(1)});
    }
    return result;
}

QString quoted(const QString& name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// The first column of the first row `sql` returns (0 without a row). The statement is finished
// when this returns.
Result<qint64> count(sqlite3* db, const QString& sql)
{
    Result<SqliteStatement> select = SqliteStatement::prepare(db, sql);
    if (!select)
        return select.error();
    const Result<bool> row = select.value().next();
    if (!row)
        return row.error();
    return *row ? select.value().int64(0) : 0;
}

// Runs `sql` (with ?1 the holder) on the holders of the load in progress; several syncs can
// share a load, each with its own account. A load started before holders were recorded has no
// table yet: it gets one.
Status changeHolders(sqlite3* db, const QString& sql, qint64 holder)
{
    if (Status s = run(db, QStringLiteral("CREATE TABLE IF NOT EXISTS assets_bulk_load_holders (holder INTEGER "
                                          "PRIMARY KEY)"));
        !s)
        return s;
    Result<SqliteStatement> statement = SqliteStatement::prepare(db, sql);
    if (!statement)
        return statement.error();
    return statement.value().bind(1, holder).run();
}

// Counts `holder` in to the load in progress.
Status join(sqlite3* db, qint64 holder)
{
    return changeHolders(db, QStringLiteral("INSERT OR IGNORE INTO assets_bulk_load_holders (holder) VALUES (?1)"),
                         holder);
}

// Counts `holder` out; returns how many holders are left.
Result<qint64> leave(sqlite3* db, qint64 holder)
{
    if (Status s = changeHolders(db, QStringLiteral("DELETE FROM assets_bulk_load_holders WHERE holder = ?1"), holder);
        !s)
        return s.error();
    return count(db, QStringLiteral("SELECT count(*) FROM assets_bulk_load_holders"));
}

// Builds what the load set aside and ends it, whoever still holds it.
Status finishOn(sqlite3* db)
{
    Result<bool> active = AssetBulkLoad::isActive(db);
    if (!active)
        return active.error();
    if (!*active)
        return {};
    QElapsedTimer timer;
    timer.start();
    const Result<QList<QPair<QString, QString>>> objects =
        rows(db, QStringLiteral("SELECT name, sql FROM assets_bulk_load ORDER BY name"));
    if (!objects)
        return objects.error();
    for (const auto& [name, sql] : *objects) {
        if (Status s = run(db, sql); !s)
            return s;
    }
    const qint64 indexMs = timer.elapsed();
    // The whole index from the assets table: rows inserted, changed and deleted during the load
    // alike, whatever the idle triggers did not record.
    if (Status s = run(db, QStringLiteral("INSERT INTO assets_fts (assets_fts) VALUES ('rebuild')")); !s)
        return s;
    if (Status s = run(db, QStringLiteral("DELETE FROM assets_fts_deferred")); !s)
        return s;
    if (Status s = run(db, QStringLiteral("DROP TABLE assets_bulk_load")); !s)
        return s;
    if (Status s = run(db, QStringLiteral("DROP TABLE IF EXISTS assets_bulk_load_holders")); !s)
        return s;
    qCInfo(lcStorage).noquote() << "bulk load finished:" << objects->size() << "indexes and triggers in" << indexMs
                                << "ms, full-text index in" << timer.elapsed() - indexMs << "ms";
    return {};
}

} // namespace

Result<bool> AssetBulkLoad::isActive(sqlite3* db)
{
    Result<SqliteStatement> select = SqliteStatement::prepare(
        db, QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'assets_bulk_load'"));
    if (!select)
        return select.error();
    return select.value().next();
}

Result<bool> AssetBulkLoad::begin(WriteContext& ctx, qint64 holder)
{
    sqlite3* db = SqliteStatement::handle(ctx.connection());
    if (!db)
        return false;
    Result<bool> active = isActive(db);
    if (!active)
        return active.error();
    if (*active) {
        if (Status s = join(db, holder); !s)
            return s.error();
        return true;
    }
    // Indexes with a CREATE statement (sql NOT NULL): not those behind UNIQUE and PRIMARY KEY
    // constraints, which the upsert's lookups and the conflict checks need during the load. And
    // the full-text triggers: even idle, each runs a sub-program with its WHEN query per row,
    // and 'rebuild' at the end stands in for whatever they would have done.
    if (Status s = run(db, QStringLiteral("CREATE TABLE assets_bulk_load (name TEXT PRIMARY KEY, sql TEXT NOT NULL)"));
        !s)
        return s.error();
    const QString setAside = QStringLiteral(
        "FROM sqlite_master WHERE sql IS NOT NULL AND ((type = 'index' AND tbl_name IN ('assets', "
        "'asset_renditions', 'collection_members', 'asset_versions')) OR (type = 'trigger' AND tbl_name = "
        "'assets' AND name LIKE 'assets\\_fts\\_%' ESCAPE '\\'))");
    const Result<QList<QPair<QString, QString>>> objects = rows(db, QStringLiteral("SELECT name, type ") + setAside);
    if (!objects)
        return objects.error();
    if (Status s = run(db, QStringLiteral("INSERT INTO assets_bulk_load (name, sql) SELECT name, sql ") + setAside); !s)
        return s.error();
    for (const auto& [name, type] : *objects) {
        const QString drop = type == u"trigger" ? QStringLiteral("DROP TRIGGER ") : QStringLiteral("DROP INDEX ");
        if (Status s = run(db, drop + quoted(name)); !s)
            return s.error();
    }
    if (Status s = run(db, QStringLiteral("INSERT INTO assets_fts_deferred (one) VALUES (1)")); !s)
        return s.error();
    if (Status s = join(db, holder); !s)
        return s.error();
    qCInfo(lcStorage).noquote() << "bulk load started:" << objects->size() << "indexes and triggers set aside";
    return true;
}

Result<bool> AssetBulkLoad::beginIfWorthIt(WriteContext& ctx, qint64 expectedAssets, qint64 minimumAssets,
                                           qint64 holder)
{
    sqlite3* db = SqliteStatement::handle(ctx.connection());
    if (!db)
        return false;
    // Not worth one's own load: still a holder of one already in progress, which this sync's pages
    // go into and which must not be finished under them.
    auto joinRunning = [db, holder]() -> Result<bool> {
        const Result<bool> active = isActive(db);
        if (!active || !*active)
            return active;
        if (Status s = join(db, holder); !s)
            return s.error();
        return true;
    };
    if (expectedAssets < qMax<qint64>(1, minimumAssets))
        return joinRunning();
    // Finished before begin(): SQLite drops no index while a statement of the connection runs.
    const Result<qint64> stored = count(db, QStringLiteral("SELECT count(*) FROM assets"));
    if (!stored)
        return stored.error();
    if (*stored * 4 > expectedAssets)
        return joinRunning();
    return begin(ctx, holder);
}

Status AssetBulkLoad::finish(WriteContext& ctx, qint64 holder)
{
    sqlite3* db = SqliteStatement::handle(ctx.connection());
    if (!db)
        return {};
    const Result<bool> active = isActive(db);
    if (!active)
        return active.error();
    if (!*active)
        return {};
    const Result<qint64> others = leave(db, holder);
    if (!others)
        return others.error();
    if (*others > 0) {
        qCInfo(lcStorage).noquote() << "bulk load: holder" << holder << "done," << *others
                                    << "other load(s) still writing; the indexes are built after the last";
        return {};
    }
    return finishOn(db);
}

Result<bool> AssetBulkLoad::finishPending(const SqlConnection& connection)
{
    sqlite3* db = SqliteStatement::handle(connection);
    if (!db)
        return false;
    Result<bool> active = isActive(db);
    if (!active || !*active)
        return active;
    qCInfo(lcStorage).noquote() << "finishing a bulk load a previous run left in progress";
    SqlTransaction transaction(connection);
    if (Status s = transaction.begin(); !s)
        return s.error();
    if (Status s = finishOn(db); !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return true;
}

} // namespace AssetDesk
