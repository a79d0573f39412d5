#include "ingestfloor.h"

#include "storage/sqlitestatement.h"

#include <QString>
#include <QStringList>

namespace AssetDesk::IngestFloor {

namespace {

// The asset numbers [?1, ?2) and the two words the bench derives from each (bench_ingest's
// kWords, eight characters apart).
const char* const kNumbers =
    "WITH RECURSIVE n(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?2), "
    "w(i, w1, w2) AS (SELECT i, rtrim(substr('amber   bridge  canyon  delta   ember   fjord   glacier harbour island  jungle  kelp    lagoon  meadow  nebula  orchard prairie ', (i % 16) * 8 + 1, 8)), "
    "rtrim(substr('amber   bridge  canyon  delta   ember   fjord   glacier harbour island  jungle  kelp    lagoon  meadow  nebula  orchard prairie ', ((i / 16) % 16) * 8 + 1, 8)) FROM n) ";

const char* const kAssetColumns =
    "account_id, service, remote_id, version, title, caption, keywords, campaign, file_name, mime_type, media_type, "
    "width, height, file_size, approval, license_expires_at, usage_restrictions, credit, copyright, lifecycle, "
    "created_at, modified_at, raw_json, sync_hash";

// The column values benchAsset gives, per asset number (times in ms since the epoch, as stored).
const char* const kAssetSource =
    "SELECT i AS n, ?3 AS account_id, 'photoshelter' AS service, "
    "printf('I%010x', i) AS remote_id, '1' AS version, printf('%s over the %s #%d', w1, w2, i) AS title, "
    "printf('Photographed at the %s %s festival for the regional team, frame %d.', w2, w1, i) AS caption, "
    "printf('%s' || char(10) || '%s' || char(10) || 'event' || char(10) || 'k%d', w1, w2, i % 50) AS keywords, "
    "CASE WHEN i % 3 = 0 THEN 'Spring Launch' ELSE '' END AS campaign, printf('IMG_%07d.jpg', i) AS file_name, "
    "'image/jpeg' AS mime_type, 'image' AS media_type, 6000 AS width, "
    "CASE WHEN i % 2 THEN 4000 ELSE 6000 END AS height, 4000000 + i AS file_size, "
    "CASE WHEN i % 4 THEN 'approved' ELSE 'requested' END AS approval, "
    "1798761600000 + (i % 900) * 86400000 AS license_expires_at, '' AS usage_restrictions, "
    "printf('Photographer %d', i % 40) AS credit, '© Acme Media' AS copyright, 'approved' AS lifecycle, "
    "1767225600000 + i * 30000 AS created_at, 1767225600000 + i * 30000 AS modified_at, "
    "printf('{\"id\":\"I%010x\",\"type\":\"media\",\"attributes\":{\"file_name\":\"IMG_%07d.jpg\",\"caption\":"
    "\"Photographed at the %s %s festival for the regional team, frame %d.\",\"width\":6000,\"height\":%d,"
    "\"keywords\":[\"%s\",\"%s\"]}}', i, i, w2, w1, i, CASE WHEN i % 2 THEN 4000 ELSE 6000 END, w1, w2) AS raw_json, "
    "'00000000000000000000000000000000000' AS sync_hash FROM w";
const char* const kRenditionSource =
    "CREATE TEMP TABLE floor_renditions AS SELECT a.n, r.position, r.name, r.w AS width, r.w * a.height / a.width "
    "AS height, a.mime_type, r.w * 700 AS bytes, printf('https://cdn.example/%s/%s.jpg', a.remote_id, r.name) "
    "AS remote_url, '' AS local_path FROM floor_assets a, (SELECT 0 AS position, 'thumbnail' AS name, 300 AS w "
    "UNION ALL SELECT 1, 'preview', 1200 UNION ALL SELECT 2, 'original', 6000) r";
const char* const kMemberSource =
    "CREATE TEMP TABLE floor_members AS SELECT n, printf('G%d', n % 200) AS collection_remote_id, 0 AS position "
    "FROM floor_assets UNION ALL SELECT n, printf('C%d', n % 17), 1 FROM floor_assets";

Status run(sqlite3* db, const QString& sql, const QList<qint64>& values = {})
{
    Result<SqliteStatement> statement = SqliteStatement::prepare(db, sql);
    if (!statement)
        return statement.error();
    for (int i = 0; i < values.size(); ++i)
        statement.value().bind(i + 1, values.at(i));
    return statement.value().run();
}

Result<qint64> lastAssetId(sqlite3* db)
{
    Result<SqliteStatement> maxId = SqliteStatement::prepare(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM assets"));
    if (!maxId)
        return maxId.error();
    const Result<bool> row = maxId.value().next();
    if (!row)
        return row.error();
    return *row ? maxId.value().int64(0) : 0;
}

} // namespace

Status prepare(sqlite3* db, qint64 accountId, int count)
{
    if (Status s = run(db,
                       QStringLiteral("CREATE TEMP TABLE floor_assets AS ") + QString::fromUtf8(kNumbers)
                           + QString::fromUtf8(kAssetSource),
                       {0, count, accountId}); !s)
        return s;
    for (const char* sql : {kRenditionSource, kMemberSource,
                            "CREATE INDEX temp.floor_assets_n ON floor_assets (n)",
                            "CREATE INDEX temp.floor_renditions_n ON floor_renditions (n, position)",
                            "CREATE INDEX temp.floor_members_n ON floor_members (n, position)"}) {
        if (Status s = run(db, QString::fromUtf8(sql)); !s)
            return s;
    }
    return {};
}

Status insertRange(sqlite3* db, int from, int to)
{
    const Result<qint64> last = lastAssetId(db);
    if (!last)
        return last.error();
    const qint64 before = *last;
    // The range's assets get the ids before + 1 ... in asset-number order (AUTOINCREMENT), which
    // is how their renditions, memberships and versions name them.
    const QString columns = QString::fromUtf8(kAssetColumns);
    const QList<qint64> range{from, to, before};
    if (Status s = run(db, QStringLiteral("INSERT INTO assets (%1) SELECT %1 FROM floor_assets WHERE n >= ?1 AND n < ?2 "
                                          "ORDER BY n").arg(columns), {from, to});
        !s)
        return s;
    if (Status s = run(db, QStringLiteral("INSERT INTO asset_renditions (asset_id, position, name, width, height, "
                                          "mime_type, bytes, remote_url, local_path) SELECT ?3 + n - ?1 + 1, position, "
                                          "name, width, height, mime_type, bytes, remote_url, local_path FROM "
                                          "floor_renditions WHERE n >= ?1 AND n < ?2 ORDER BY n, position"),
                       range);
        !s)
        return s;
    if (Status s = run(db, QStringLiteral("INSERT INTO collection_members (asset_id, collection_remote_id, position) "
                                          "SELECT ?3 + n - ?1 + 1, collection_remote_id, position FROM floor_members "
                                          "WHERE n >= ?1 AND n < ?2 ORDER BY n, position"),
                       range);
        !s)
        return s;
    return run(db, QStringLiteral("INSERT INTO asset_versions (asset_id, version, modified_at, first_seen_at) "
                                  "SELECT id, version, modified_at, 1767225600000 FROM assets WHERE id > ?1"),
               {before});
}

Status makeLean(sqlite3* db)
{
    for (const char* sql : {
             "ALTER TABLE assets ADD COLUMN renditions TEXT NOT NULL DEFAULT ''",
             "DROP INDEX assets_service",
             "DROP INDEX assets_approval",
             "DROP TABLE collection_members",
             "CREATE TABLE collection_members (asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE, "
             "collection_remote_id TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (asset_id, "
             "collection_remote_id)) WITHOUT ROWID",
             "CREATE INDEX collection_members_collection ON collection_members (collection_remote_id)",
         }) {
        if (Status s = run(db, QString::fromUtf8(sql)); !s)
            return s;
    }
    return {};
}

Status prepareLean(sqlite3* db, qint64 accountId, int count)
{
    if (Status s = prepare(db, accountId, count); !s)
        return s;
    // Each rendition a line of tab-separated fields, in position order.
    if (Status s = run(db, QStringLiteral("ALTER TABLE floor_assets ADD COLUMN renditions TEXT")); !s)
        return s;
    return run(db, QStringLiteral(
                       "UPDATE floor_assets SET renditions = "
                       "(SELECT group_concat(name || char(9) || width || char(9) || height || char(9) || mime_type || "
                       "char(9) || bytes || char(9) || remote_url || char(9) || local_path, char(10)) FROM (SELECT * "
                       "FROM floor_renditions r WHERE r.n = floor_assets.n ORDER BY position))"));
}

Status insertRangeLean(sqlite3* db, int from, int to)
{
    const Result<qint64> last = lastAssetId(db);
    if (!last)
        return last.error();
    const QString columns = QString::fromUtf8(kAssetColumns) + QStringLiteral(", renditions");
    if (Status s = run(db, QStringLiteral("INSERT INTO assets (%1) SELECT %1 FROM floor_assets WHERE n >= ?1 AND n < ?2 "
                                          "ORDER BY n").arg(columns), {from, to});
        !s)
        return s;
    return run(db, QStringLiteral("INSERT INTO collection_members (asset_id, collection_remote_id, position) "
                                  "SELECT ?3 + n - ?1 + 1, collection_remote_id, position FROM floor_members "
                                  "WHERE n >= ?1 AND n < ?2 ORDER BY n, position"),
               {from, to, *last});
}

Status makeSplit(sqlite3* db)
{
    if (Status s = makeLean(db); !s)
        return s;
    for (const char* sql : {"DROP TRIGGER assets_fts_after_insert", "DROP TRIGGER assets_fts_after_update",
                            "DROP TRIGGER assets_fts_after_delete", "DROP TABLE assets_fts"}) {
        if (Status s = run(db, QString::fromUtf8(sql)); !s)
            return s;
    }
    return {};
}

Status finishSplit(sqlite3* db)
{
    Result<SqliteStatement> setAside =
        SqliteStatement::prepare(db, QStringLiteral("SELECT sql FROM assets_bulk_load ORDER BY name"));
    if (!setAside)
        return setAside.error();
    QStringList statements;
    for (;;) {
        const Result<bool> row = setAside.value().next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        statements << setAside.value().text(0);
    }
    statements << QStringLiteral("DELETE FROM assets_fts_deferred")
               << QStringLiteral("DROP TABLE assets_bulk_load")
               << QStringLiteral("DROP TABLE IF EXISTS assets_bulk_load_holders");
    for (const QString& sql : std::as_const(statements)) {
        if (Status s = run(db, sql); !s)
            return s;
    }
    return {};
}

Status prepareSearch(sqlite3* db, int count)
{
    // The library's own full-text definition (migration 0002), contentless: the text stays in
    // the library file.
    if (Status s =
            run(db, QStringLiteral("CREATE VIRTUAL TABLE floor_fts USING fts5(title, keywords, caption, "
                                   "credit, campaign, file_name, content = '', tokenize = 'unicode61 "
                                   "remove_diacritics 2')"));
        !s)
        return s;
    if (Status s = run(db,
                       QStringLiteral("CREATE TEMP TABLE floor_assets AS ") + QString::fromUtf8(kNumbers) +
                           QString::fromUtf8(kAssetSource),
                       {0, count, 0});
        !s)
        return s;
    return run(db, QStringLiteral("CREATE INDEX temp.floor_assets_n ON floor_assets (n)"));
}

Status insertSearchRange(sqlite3* db, int from, int to)
{
    // Asset number n has the library id n + 1 (a fresh workspace, AUTOINCREMENT, in order).
    return run(
        db,
        QStringLiteral("INSERT INTO floor_fts (rowid, title, keywords, caption, credit, campaign, "
                       "file_name) SELECT n + 1, title, keywords, caption, credit, campaign, file_name "
                       "FROM floor_assets WHERE n >= ?1 AND n < ?2 ORDER BY n"),
        {from, to});
}

} // namespace AssetDesk::IngestFloor
