#include "storage/sqliteassetupdate.h"

#include "storage/assetwritevalues.h"
#include "storage/sqliteassetinsert.h"
#include "storage/writecontext.h"

#include <QHash>
#include <QStringList>

#include <vector>

namespace AssetDesk {

namespace {

QString onConflictUpdate()
{
    QStringList updates;
    for (const QString& column : AssetWriteValues::columns()) {
        if (column != u"account_id" && column != u"remote_id")
            updates << QStringLiteral("%1 = excluded.%1").arg(column);
    }
    return QStringLiteral("ON CONFLICT (account_id, remote_id) DO UPDATE SET ") + updates.join(QStringLiteral(", "));
}

} // namespace

Result<SqliteAssetUpdate> SqliteAssetUpdate::prepare(sqlite3* db)
{
    std::vector<Result<SqliteStatement>> statements;
    statements.reserve(7);
    for (const char* sql :
         {"SELECT id, sync_hash FROM assets WHERE account_id = ?1 AND remote_id = ?2",
          "SELECT name, local_path FROM asset_renditions WHERE asset_id = ?1",
          "DELETE FROM asset_renditions WHERE asset_id = ?1",
          "INSERT INTO asset_renditions (asset_id, position, name, width, height, mime_type, bytes, remote_url, "
          "local_path) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
          "DELETE FROM collection_members WHERE asset_id = ?1",
          "INSERT INTO collection_members (asset_id, collection_remote_id, position) VALUES (?1, ?2, ?3)",
          "INSERT INTO asset_versions (asset_id, version, modified_at, first_seen_at) VALUES (?1, ?2, ?3, ?4) "
          "ON CONFLICT (asset_id, version) DO NOTHING"}) {
        statements.push_back(SqliteStatement::prepare(db, QString::fromLatin1(sql)));
        if (!statements.back())
            return statements.back().error();
    }
    return SqliteAssetUpdate(db, std::move(statements[0]).value(), std::move(statements[1]).value(),
                             std::move(statements[2]).value(), std::move(statements[3]).value(),
                             std::move(statements[4]).value(), std::move(statements[5]).value(),
                             std::move(statements[6]).value());
}

SqliteAssetUpdate::SqliteAssetUpdate(sqlite3* db, SqliteStatement existing, SqliteStatement cachedPaths,
                                     SqliteStatement clearRenditions, SqliteStatement addRendition,
                                     SqliteStatement clearMembers, SqliteStatement addMember,
                                     SqliteStatement addVersion)
    : m_row(db, QStringLiteral("assets"), AssetWriteValues::columns(), 1)
    , m_existing(std::move(existing))
    , m_cachedPaths(std::move(cachedPaths))
    , m_clearRenditions(std::move(clearRenditions))
    , m_addRendition(std::move(addRendition))
    , m_clearMembers(std::move(clearMembers))
    , m_addMember(std::move(addMember))
    , m_addVersion(std::move(addVersion))
{
    m_row.setOnConflict(onConflictUpdate());
    m_row.setReturning(QStringLiteral("id"));
}

Result<qint64> SqliteAssetUpdate::upsert(WriteContext& ctx, const Asset& a, const QString& digest)
{
    m_existing.bind(1, a.accountId).bind(2, a.remoteId);
    const Result<bool> found = m_existing.next();
    if (!found)
        return found.error();
    const bool existed = *found;
    const qint64 existingId = existed ? m_existing.int64(0) : 0;
    const bool unchanged = existed && m_existing.text(1) == digest;
    m_existing.reset();
    if (unchanged)
        return existingId;

    SqliteAssetInsert::addAssetRow(m_row, a, digest);
    QList<qint64> ids;
    if (Status s = m_row.flush(&ids); !s)
        return s.error();
    if (ids.size() != 1) {
        return Error(ErrorKind::Storage, QStringLiteral("Storing asset %1 returned no id.").arg(a.remoteId))
            .withOrigin(QStringLiteral("storage"));
    }
    const qint64 id = ids.first();
    if (Status s = replaceDetails(id, a, ctx.now().toMSecsSinceEpoch()); !s)
        return s.error();
    ctx.changes().add(EntityKind::Asset, existed ? ChangeSet::Op::Updated : ChangeSet::Op::Inserted, id);
    return id;
}

Status SqliteAssetUpdate::replaceDetails(qint64 id, const Asset& a, qint64 now)
{
    QHash<QString, QString> cached;
    m_cachedPaths.bind(1, id);
    for (;;) {
        const Result<bool> row = m_cachedPaths.next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        cached.insert(m_cachedPaths.text(0), m_cachedPaths.text(1));
    }
    m_cachedPaths.reset();

    m_clearRenditions.bind(1, id);
    if (Status s = m_clearRenditions.run(); !s)
        return s;
    int position = 0;
    for (const Rendition* r : AssetWriteValues::distinctRenditions(a)) {
        m_addRendition.bind(1, id)
            .bind(2, position++)
            .bind(3, r->name)
            .bind(4, r->width)
            .bind(5, r->height)
            .bind(6, r->mimeType)
            .bind(7, r->bytes)
            .bindUtf8(8, r->remoteUrl.toEncoded())
            .bind(9, r->localPath.isEmpty() ? cached.value(r->name) : r->localPath);
        if (Status s = m_addRendition.run(); !s)
            return s;
    }

    m_clearMembers.bind(1, id);
    if (Status s = m_clearMembers.run(); !s)
        return s;
    position = 0;
    for (const QString& collection : AssetWriteValues::distinctCollections(a)) {
        m_addMember.bind(1, id).bind(2, collection).bind(3, position++);
        if (Status s = m_addMember.run(); !s)
            return s;
    }

    if (!a.version.isEmpty()) {
        m_addVersion.bind(1, id).bind(2, a.version).bind(3, a.modifiedAt).bind(4, now);
        if (Status s = m_addVersion.run(); !s)
            return s;
    }
    return {};
}

} // namespace AssetDesk
