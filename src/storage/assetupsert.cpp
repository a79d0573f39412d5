#include "storage/assetupsert.h"

#include "storage/multirowinsert.h"
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

const QStringList kAssetColumns = {
    QStringLiteral("account_id"), QStringLiteral("service"),    QStringLiteral("remote_id"),
    QStringLiteral("version"),    QStringLiteral("title"),      QStringLiteral("caption"),
    QStringLiteral("keywords"),   QStringLiteral("campaign"),   QStringLiteral("file_name"),
    QStringLiteral("mime_type"),  QStringLiteral("media_type"), QStringLiteral("width"),
    QStringLiteral("height"),     QStringLiteral("file_size"),  QStringLiteral("approval"),
    QStringLiteral("license_expires_at"), QStringLiteral("usage_restrictions"), QStringLiteral("credit"),
    QStringLiteral("copyright"),  QStringLiteral("lifecycle"),  QStringLiteral("created_at"),
    QStringLiteral("modified_at"), QStringLiteral("raw_json"),  QStringLiteral("sync_hash"),
};

// In kAssetColumns order.
QVariantList assetValues(const Asset& a, const QString& digest)
{
    return {a.accountId,
            serviceId(a.service),
            a.remoteId,
            a.version,
            a.title,
            a.caption,
            SqlValues::joinLines(a.keywords),
            a.campaign,
            a.fileName,
            a.mimeType,
            mediaTypeId(a.mediaType),
            a.width,
            a.height,
            a.fileSize,
            approvalStateId(a.rights.approval),
            SqlValues::timestamp(a.rights.licenseExpiresAt),
            a.rights.usageRestrictions,
            a.rights.credit,
            a.rights.copyright,
            lifecycleStateId(a.lifecycle),
            SqlValues::timestamp(a.createdAt),
            SqlValues::timestamp(a.modifiedAt),
            QString::fromUtf8(a.rawJson),
            digest};
}

QString upsertSql()
{
    QStringList markers, updates;
    for (const QString& column : kAssetColumns) {
        markers << QLatin1Char(':') + column;
        if (column != u"account_id" && column != u"remote_id")
            updates << QStringLiteral("%1 = excluded.%1").arg(column);
    }
    return QStringLiteral("INSERT INTO assets (%1) VALUES (%2) ON CONFLICT (account_id, remote_id) DO UPDATE SET %3 "
                          "RETURNING id")
        .arg(kAssetColumns.join(QStringLiteral(", ")), markers.join(QStringLiteral(", ")),
             updates.join(QStringLiteral(", ")));
}

void bindAsset(SqlStatement& q, const Asset& a, const QString& digest)
{
    const QVariantList values = assetValues(a, digest);
    for (qsizetype i = 0; i < kAssetColumns.size(); ++i)
        q.bind(kAssetColumns.at(i), values.at(i));
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

// The stored id and digest of every asset of the batch that is already in the database: one
// query per account and 400 remote ids, instead of one per asset.
Result<QHash<AssetKey, StoredAsset>> lookUp(const WriteContext& ctx, const QList<Asset>& assets)
{
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

// Assets seen for the first time, with everything that hangs off them, by multi-row INSERTs:
// nothing to compare, replace or keep, so a sync's initial pages cost a few statements per page
// rather than several per asset. Fills `ids` (by batch position).
Status insertNew(WriteContext& ctx, const QList<Asset>& assets, const QList<int>& positions,
                 const QStringList& digests, QList<qint64>& ids)
{
    // Rows per statement: enough to amortize a statement's start and end (and, on SQLite, the
    // FTS trigger's per-statement work), few enough that parsing stays cheap (SQLite looks up
    // each placeholder in a list, so a statement's parse time grows with its placeholders squared).
    constexpr int kAssetRowsPerStatement = 20;
    constexpr int kDetailRowsPerStatement = 50;
    const QStringList& columns = kAssetColumns;
    QList<QVariantList> rows;
    rows.reserve(positions.size());
    for (int i : positions)
        rows << assetValues(assets.at(i), digests.at(i));
    QHash<AssetKey, qint64> inserted;
    MultiRowInsert insertAssets(QStringLiteral("assets"), columns, kAssetRowsPerStatement);
    insertAssets.setReturning(QStringLiteral("id, account_id, remote_id"), [&inserted](const SqlStatement& row) {
        inserted.insert(AssetKey(row.value(1).toLongLong(), row.value(2).toString()), row.value(0).toLongLong());
    });
    if (Status s = insertAssets.run(ctx, rows); !s)
        return s;

    QList<QVariantList> renditions, members, versions;
    const QVariant now = SqlValues::timestamp(ctx.now());
    for (int i : positions) {
        const Asset& a = assets.at(i);
        const qint64 id = inserted.value(AssetKey(a.accountId, a.remoteId));
        if (id <= 0) {
            return storageError(ErrorKind::Storage,
                                QStringLiteral("Storing asset %1 returned no id.").arg(a.remoteId));
        }
        ids[i] = id;
        ctx.changes().add(EntityKind::Asset, ChangeSet::Op::Inserted, id);
        QSet<QString> names;
        for (const Rendition& r : a.renditions) {
            if (names.contains(r.name))
                continue; // one row per name; the first wins
            names.insert(r.name);
            renditions << QVariantList{id,       int(names.size() - 1),
                                       r.name,   r.width,
                                       r.height, r.mimeType,
                                       r.bytes,  QString::fromUtf8(r.remoteUrl.toEncoded()),
                                       r.localPath};
        }
        QSet<QString> collections;
        for (const QString& collection : a.collectionRemoteIds) {
            if (collection.isEmpty() || collections.contains(collection))
                continue;
            collections.insert(collection);
            members << QVariantList{id, collection, int(collections.size() - 1)};
        }
        if (!a.version.isEmpty())
            versions << QVariantList{id, a.version, SqlValues::timestamp(a.modifiedAt), now};
    }
    const MultiRowInsert insertRenditions(
        QStringLiteral("asset_renditions"),
        {QStringLiteral("asset_id"), QStringLiteral("position"), QStringLiteral("name"), QStringLiteral("width"),
         QStringLiteral("height"), QStringLiteral("mime_type"), QStringLiteral("bytes"), QStringLiteral("remote_url"),
         QStringLiteral("local_path")},
        kDetailRowsPerStatement);
    const MultiRowInsert insertMembers(
        QStringLiteral("collection_members"),
        {QStringLiteral("asset_id"), QStringLiteral("collection_remote_id"), QStringLiteral("position")},
        kDetailRowsPerStatement);
    const MultiRowInsert insertVersions(
        QStringLiteral("asset_versions"),
        {QStringLiteral("asset_id"), QStringLiteral("version"), QStringLiteral("modified_at"),
         QStringLiteral("first_seen_at")},
        kDetailRowsPerStatement);
    if (Status s = insertRenditions.run(ctx, renditions); !s)
        return s;
    if (Status s = insertMembers.run(ctx, members); !s)
        return s;
    return insertVersions.run(ctx, versions);
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
    if (!fresh.isEmpty()) {
        if (Status s = insertNew(ctx, assets, fresh, digests, ids); !s)
            return s.error();
    }
    if (!changed.isEmpty()) {
        UpsertStatements st(ctx);
        for (int i : changed) {
            Result<qint64> id = upsertOne(ctx, st, assets.at(i), digests.at(i));
            if (!id)
                return id.error();
            ids[i] = *id;
        }
    }
    return ids;
}

} // namespace AssetDesk
