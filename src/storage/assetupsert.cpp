#include "storage/assetupsert.h"

#include "storage/assetbulkinsert.h"
#include "storage/assetwritevalues.h"
#include "storage/sqliteassetupdate.h"
#include "storage/sqlitesearchindex.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QHash>
#include <QIODevice>
#include <QPair>
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

// The prepared statements of one upsert() call, reused for every asset of the batch.
struct UpsertStatements
{
    explicit UpsertStatements(const WriteContext& ctx)
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

Status replaceDetails(UpsertStatements& st, qint64 id, const Asset& a, const QDateTime& now)
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

} // namespace

QString AssetUpsert::contentDigest(const Asset& a)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    auto ms = [](const QDateTime& t) {
        return t.isValid() ? t.toMSecsSinceEpoch() : Q_INT64_C(-1);
    };
    out << quint8(1) << a.accountId << serviceId(a.service) << a.remoteId << a.version << a.title << a.caption
        << a.keywords << a.campaign << a.fileName << a.mimeType << mediaTypeId(a.mediaType) << a.width
        << a.height << a.fileSize << approvalStateId(a.rights.approval) << ms(a.rights.licenseExpiresAt)
        << a.rights.usageRestrictions << a.rights.credit << a.rights.copyright
        << lifecycleStateId(a.lifecycle) << ms(a.createdAt) << ms(a.modifiedAt) << a.rawJson
        << a.collectionRemoteIds;
    out << qint32(a.renditions.size());
    for (const Rendition& r : a.renditions)
        out << r.name << r.width << r.height << r.mimeType << r.bytes << r.remoteUrl.toEncoded()
            << r.localPath;
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

namespace {

using AssetKey = QPair<qint64, QString>; // (account id, remote id)

struct StoredAsset
{
    qint64 id = 0;
    QString digest;
};

// SQLite: one reused point query per asset through the C API; an indexed lookup costs SQLite a
// microsecond or two, less than building and binding a 400-placeholder IN list through QtSql.
Result<QHash<AssetKey, StoredAsset>> lookUpSqlite(sqlite3* db, const QList<Asset>& assets)
{
    Result<SqliteStatement> select = SqliteStatement::prepare(
        db, QStringLiteral("SELECT id, sync_hash FROM assets WHERE account_id = ?1 AND remote_id = ?2"));
    if (!select)
        return select.error();
    SqliteStatement& st = select.value();
    QHash<AssetKey, StoredAsset> stored;
    stored.reserve(assets.size());
    for (const Asset& a : assets) {
        st.bind(1, a.accountId).bind(2, a.remoteId);
        const Result<bool> row = st.next();
        if (!row)
            return row.error();
        if (*row)
            stored.insert(AssetKey(a.accountId, a.remoteId), StoredAsset{st.int64(0), st.text(1)});
        st.reset();
    }
    return stored;
}

// The stored id and digest of every asset of the batch that is already in the database: one
// query per account and 400 remote ids, instead of one per asset.
Result<QHash<AssetKey, StoredAsset>> lookUp(const WriteContext& ctx, const QList<Asset>& assets)
{
    if (sqlite3* db = SqliteStatement::handle(ctx.connection()))
        return lookUpSqlite(db, assets);
    QHash<qint64, QStringList> byAccount;
    for (const Asset& a : assets)
        byAccount[a.accountId] << a.remoteId;
    constexpr qsizetype kChunk = 400;
    QHash<AssetKey, StoredAsset> stored;
    for (auto it = byAccount.cbegin(); it != byAccount.cend(); ++it) {
        const QStringList& remoteIds = it.value();
        for (qsizetype from = 0; from < remoteIds.size(); from += kChunk) {
            const qsizetype to = qMin(from + kChunk, remoteIds.size());
            QStringList markers;
            for (qsizetype i = from; i < to; ++i)
                markers << QStringLiteral(":r%1").arg(i - from);
            SqlStatement select = ctx.statement(
                QStringLiteral("SELECT id, remote_id, sync_hash FROM assets WHERE account_id = :account_id "
                               "AND remote_id IN (%1)")
                    .arg(markers.join(QLatin1Char(','))));
            select.bind(QStringLiteral("account_id"), it.key());
            for (qsizetype i = from; i < to; ++i)
                select.bind(QStringLiteral("r%1").arg(i - from), remoteIds.at(i));
            if (Status s = select.exec(); !s)
                return s.error();
            while (select.next()) {
                stored.insert(AssetKey(it.key(), select.value(1).toString()),
                              StoredAsset{select.value(0).toLongLong(), select.value(2).toString()});
            }
        }
    }
    return stored;
}

// An asset already stored whose content changed (or one that appears twice in a batch): upsert
// the row, replace its renditions (keeping cached files) and memberships, record the version.
Result<qint64> upsertOne(WriteContext& ctx, UpsertStatements& st, const Asset& a, const QString& digest)
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

// The changed assets (and repeats) one by one, in batch order. On SQLite their full-text entries
// are replaced for the whole batch at once (SqliteSearchIndex) rather than by the per-row update
// trigger: the ids they have now are taken out of the index first, and every id written is indexed
// again at the end. `ids` already holds the ids of this batch's new assets.
Status upsertChanged(WriteContext& ctx, const QList<Asset>& assets, const QList<int>& changed,
                     const QStringList& digests, const QHash<AssetKey, StoredAsset>& stored, QList<qint64>& ids)
{
    sqlite3* db = SqliteStatement::handle(ctx.connection());
    if (db) {
        QHash<AssetKey, qint64> indexed; // every changed asset that has a row (and so an entry) now
        for (auto it = stored.cbegin(); it != stored.cend(); ++it)
            indexed.insert(it.key(), it->id);
        for (int i = 0; i < assets.size(); ++i) {
            if (ids.at(i) > 0)
                indexed.insert(AssetKey(assets.at(i).accountId, assets.at(i).remoteId), ids.at(i));
        }
        QSet<qint64> before;
        for (int i : changed) {
            if (const qint64 id = indexed.value(AssetKey(assets.at(i).accountId, assets.at(i).remoteId)); id > 0)
                before.insert(id);
        }
        if (Status s = SqliteSearchIndex::defer(ctx.connection()); !s)
            return s;
        if (Status s = SqliteSearchIndex::remove(db, QList<qint64>(before.cbegin(), before.cend())); !s) {
            (void)SqliteSearchIndex::resume(ctx.connection());
            return s;
        }
    }
    if (!db) {
        UpsertStatements st(ctx);
        for (int i : changed) {
            Result<qint64> id = upsertOne(ctx, st, assets.at(i), digests.at(i));
            if (!id)
                return id.error();
            ids[i] = *id;
        }
        return {};
    }
    Status status;
    QSet<qint64> written;
    if (Result<SqliteAssetUpdate> update = SqliteAssetUpdate::prepare(db); update) {
        for (int i : changed) {
            Result<qint64> id = update.value().upsert(ctx, assets.at(i), digests.at(i));
            if (!id) {
                status = id.error();
                break;
            }
            ids[i] = *id;
            written.insert(*id);
        }
    } else {
        status = update.error();
    }
    if (status)
        status = SqliteSearchIndex::add(db, QList<qint64>(written.cbegin(), written.cend()));
    // Also after a failure: a caller that went on regardless must not commit the mark.
    const Status resumed = SqliteSearchIndex::resume(ctx.connection());
    return status ? resumed : status;
}

} // namespace

Result<QList<qint64>> AssetUpsert::run(WriteContext& ctx, const QList<Asset>& assets)
{
    QStringList digests;
    digests.reserve(assets.size());
    for (const Asset& a : assets) {
        if (a.accountId <= 0 || a.remoteId.isEmpty())
            return storageError(ErrorKind::Validation,
                                QStringLiteral("An asset needs an account and a remote id."));
        digests << contentDigest(a);
    }
    Result<QHash<AssetKey, StoredAsset>> stored = lookUp(ctx, assets);
    if (!stored)
        return stored.error();

    QList<qint64> ids(assets.size(), 0);
    QList<int> fresh;   // not stored yet: bulk insert
    QList<int> changed; // stored with another digest, or a repeat within the batch: one by one, in order
    QSet<AssetKey> seen;
    for (int i = 0; i < assets.size(); ++i) {
        const AssetKey key(assets.at(i).accountId, assets.at(i).remoteId);
        const bool repeat = seen.contains(key);
        seen.insert(key);
        const auto it = stored->constFind(key);
        if (repeat)
            changed << i;
        else if (it == stored->constEnd())
            fresh << i;
        else if (it->digest == digests.at(i))
            ids[i] = it->id;
        else
            changed << i;
    }
    if (Status s = AssetBulkInsert::run(ctx, assets, fresh, digests, ids); !s)
        return s.error();
    if (!changed.isEmpty()) {
        if (Status s = upsertChanged(ctx, assets, changed, digests, *stored, ids); !s)
            return s.error();
    }
    return ids;
}

} // namespace AssetDesk
