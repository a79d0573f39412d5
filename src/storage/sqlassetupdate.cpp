#include "storage/sqlassetupdate.h"

#include "storage/assetwritevalues.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <QHash>
#include <QSet>

namespace AssetDesk {

namespace {

Error storageError(ErrorKind kind, const QString& message)
{
    return Error(kind, message).withOrigin(QStringLiteral("storage"));
}

QString upsertSql()
{
    QStringList markers, updates;
    for (const QString& column : AssetWriteValues::columns()) {
        markers << QLatin1Char(':') + column;
        if (column != u"account_id" && column != u"remote_id")
            updates << QStringLiteral("%1 = excluded.%1").arg(column);
    }
    return QStringLiteral("INSERT INTO assets (%1) VALUES (%2) ON CONFLICT (account_id, remote_id) DO UPDATE SET %3 "
                          "RETURNING id")
        .arg(AssetWriteValues::columns().join(QStringLiteral(", ")), markers.join(QStringLiteral(", ")),
             updates.join(QStringLiteral(", ")));
}

void bindAsset(SqlStatement& q, const Asset& a, const QString& digest)
{
    const QStringList& columns = AssetWriteValues::columns();
    const QVariantList values = AssetWriteValues::values(a, digest);
    for (qsizetype i = 0; i < columns.size(); ++i)
        q.bind(columns.at(i), values.at(i));
}

} // namespace

// The prepared statements, reused for every asset of the batch.
struct SqlAssetUpdateStatements
{
    explicit SqlAssetUpdateStatements(const WriteContext& ctx)
        : existing(ctx.statement(QStringLiteral(
              "SELECT id, sync_hash FROM assets WHERE account_id = :account_id AND remote_id = :remote_id")))
        , upsert(ctx.statement(upsertSql()))
        , cachedPaths(ctx.statement(
              QStringLiteral("SELECT name, local_path FROM asset_renditions WHERE asset_id = :id")))
        , clearRenditions(ctx.statement(QStringLiteral("DELETE FROM asset_renditions WHERE asset_id = :id")))
        , addRendition(
              ctx.statement(QStringLiteral("INSERT INTO asset_renditions (asset_id, position, name, width, "
                                           "height, mime_type, bytes, remote_url, "
                                           "local_path) VALUES (:id, :position, :name, :width, :height, "
                                           ":mime_type, :bytes, :remote_url, :local_path)")))
        , clearMembers(ctx.statement(QStringLiteral("DELETE FROM collection_members WHERE asset_id = :id")))
        , addMember(
              ctx.statement(QStringLiteral("INSERT INTO collection_members (asset_id, collection_remote_id, "
                                           "position) VALUES (:id, :collection, :position)")))
        , addVersion(ctx.statement(QStringLiteral(
              "INSERT INTO asset_versions (asset_id, version, modified_at, first_seen_at) "
              "VALUES (:id, :version, :modified_at, :now) ON CONFLICT (asset_id, version) DO NOTHING")))
    {}

    SqlStatement existing, upsert, cachedPaths, clearRenditions, addRendition, clearMembers, addMember,
        addVersion;
};

namespace {

Status replaceDetails(SqlAssetUpdateStatements& st, qint64 id, const Asset& a, const QDateTime& now)
{
    QHash<QString, QString> cached;
    st.cachedPaths.bind(QStringLiteral("id"), id);
    if (Status s = st.cachedPaths.exec(); !s)
        return s;
    while (st.cachedPaths.next())
        cached.insert(st.cachedPaths.value(0).toString(), st.cachedPaths.value(1).toString());
    st.cachedPaths.finish();

    st.clearRenditions.bind(QStringLiteral("id"), id);
    if (Status s = st.clearRenditions.exec(); !s)
        return s;
    QSet<QString> names;
    int position = 0;
    for (const Rendition& r : a.renditions) {
        if (names.contains(r.name))
            continue; // one row per name; the first wins
        names.insert(r.name);
        st.addRendition.bind(QStringLiteral("id"), id)
            .bind(QStringLiteral("position"), position++)
            .bind(QStringLiteral("name"), r.name)
            .bind(QStringLiteral("width"), r.width)
            .bind(QStringLiteral("height"), r.height)
            .bind(QStringLiteral("mime_type"), r.mimeType)
            .bind(QStringLiteral("bytes"), r.bytes)
            .bind(QStringLiteral("remote_url"), QString::fromUtf8(r.remoteUrl.toEncoded()))
            .bind(QStringLiteral("local_path"), r.localPath.isEmpty() ? cached.value(r.name) : r.localPath);
        if (Status s = st.addRendition.exec(); !s)
            return s;
    }

    st.clearMembers.bind(QStringLiteral("id"), id);
    if (Status s = st.clearMembers.exec(); !s)
        return s;
    QSet<QString> collections;
    position = 0;
    for (const QString& collection : a.collectionRemoteIds) {
        if (collection.isEmpty() || collections.contains(collection))
            continue;
        collections.insert(collection);
        st.addMember.bind(QStringLiteral("id"), id)
            .bind(QStringLiteral("collection"), collection)
            .bind(QStringLiteral("position"), position++);
        if (Status s = st.addMember.exec(); !s)
            return s;
    }

    if (!a.version.isEmpty()) {
        st.addVersion.bind(QStringLiteral("id"), id)
            .bind(QStringLiteral("version"), a.version)
            .bind(QStringLiteral("modified_at"), SqlValues::timestamp(a.modifiedAt))
            .bind(QStringLiteral("now"), SqlValues::timestamp(now));
        if (Status s = st.addVersion.exec(); !s)
            return s;
    }
    return {};
}

// An asset already stored whose content changed (or one that appears twice in a batch): upsert
// the row, replace its renditions (keeping cached files) and memberships, record the version.
Result<qint64> upsertOne(WriteContext& ctx, SqlAssetUpdateStatements& st, const Asset& a, const QString& digest)
{
    st.existing.bind(QStringLiteral("account_id"), a.accountId).bind(QStringLiteral("remote_id"), a.remoteId);
    if (Status s = st.existing.exec(); !s)
        return s.error();
    const bool existed = st.existing.next();
    const qint64 existingId = existed ? st.existing.value(0).toLongLong() : 0;
    const bool unchanged = existed && st.existing.value(1).toString() == digest;
    st.existing.finish();
    if (unchanged)
        return existingId;

    bindAsset(st.upsert, a, digest);
    if (Status s = st.upsert.exec(); !s)
        return s.error();
    if (!st.upsert.next())
        return storageError(ErrorKind::Storage, QStringLiteral("Storing asset %1 returned no id.").arg(a.remoteId));
    const qint64 id = st.upsert.value(0).toLongLong();
    st.upsert.finish();
    if (Status s = replaceDetails(st, id, a, ctx.now()); !s)
        return s.error();
    ctx.changes().add(EntityKind::Asset, existed ? ChangeSet::Op::Updated : ChangeSet::Op::Inserted, id);
    return id;
}

} // namespace

SqlAssetUpdate::SqlAssetUpdate(const WriteContext& ctx)
    : m_statements(std::make_unique<SqlAssetUpdateStatements>(ctx))
{}

SqlAssetUpdate::~SqlAssetUpdate() = default;

Result<qint64> SqlAssetUpdate::upsert(WriteContext& ctx, const Asset& asset, const QString& digest)
{
    return upsertOne(ctx, *m_statements, asset, digest);
}

} // namespace AssetDesk
