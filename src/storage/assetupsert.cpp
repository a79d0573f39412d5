#include "storage/assetupsert.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QHash>
#include <QIODevice>
#include <QSet>

namespace AssetDesk {

namespace {

Error storageError(ErrorKind kind, const QString& message)
{
    return Error(kind, message).withOrigin(QStringLiteral("storage"));
}

const QString kUpsertSql = QStringLiteral(
    "INSERT INTO assets (account_id, service, remote_id, version, title, caption, keywords, campaign, "
    "file_name, "
    "mime_type, media_type, width, height, file_size, approval, license_expires_at, usage_restrictions, "
    "credit, "
    "copyright, lifecycle, created_at, modified_at, raw_json, sync_hash) "
    "VALUES (:account_id, :service, :remote_id, :version, :title, :caption, :keywords, :campaign, "
    ":file_name, "
    ":mime_type, :media_type, :width, :height, :file_size, :approval, :license_expires_at, "
    ":usage_restrictions, "
    ":credit, :copyright, :lifecycle, :created_at, :modified_at, :raw_json, :sync_hash) "
    "ON CONFLICT (account_id, remote_id) DO UPDATE SET service = excluded.service, version = "
    "excluded.version, "
    "title = excluded.title, caption = excluded.caption, keywords = excluded.keywords, "
    "campaign = excluded.campaign, file_name = excluded.file_name, mime_type = excluded.mime_type, "
    "media_type = excluded.media_type, width = excluded.width, height = excluded.height, "
    "file_size = excluded.file_size, approval = excluded.approval, "
    "license_expires_at = excluded.license_expires_at, usage_restrictions = excluded.usage_restrictions, "
    "credit = excluded.credit, copyright = excluded.copyright, lifecycle = excluded.lifecycle, "
    "created_at = excluded.created_at, modified_at = excluded.modified_at, raw_json = excluded.raw_json, "
    "sync_hash = excluded.sync_hash "
    "RETURNING id");

void bindAsset(SqlStatement& q, const Asset& a, const QString& digest)
{
    q.bind(QStringLiteral("account_id"), a.accountId)
        .bind(QStringLiteral("service"), serviceId(a.service))
        .bind(QStringLiteral("remote_id"), a.remoteId)
        .bind(QStringLiteral("version"), a.version)
        .bind(QStringLiteral("title"), a.title)
        .bind(QStringLiteral("caption"), a.caption)
        .bind(QStringLiteral("keywords"), SqlValues::joinLines(a.keywords))
        .bind(QStringLiteral("campaign"), a.campaign)
        .bind(QStringLiteral("file_name"), a.fileName)
        .bind(QStringLiteral("mime_type"), a.mimeType)
        .bind(QStringLiteral("media_type"), mediaTypeId(a.mediaType))
        .bind(QStringLiteral("width"), a.width)
        .bind(QStringLiteral("height"), a.height)
        .bind(QStringLiteral("file_size"), a.fileSize)
        .bind(QStringLiteral("approval"), approvalStateId(a.rights.approval))
        .bind(QStringLiteral("license_expires_at"), SqlValues::timestamp(a.rights.licenseExpiresAt))
        .bind(QStringLiteral("usage_restrictions"), a.rights.usageRestrictions)
        .bind(QStringLiteral("credit"), a.rights.credit)
        .bind(QStringLiteral("copyright"), a.rights.copyright)
        .bind(QStringLiteral("lifecycle"), lifecycleStateId(a.lifecycle))
        .bind(QStringLiteral("created_at"), SqlValues::timestamp(a.createdAt))
        .bind(QStringLiteral("modified_at"), SqlValues::timestamp(a.modifiedAt))
        .bind(QStringLiteral("raw_json"), QString::fromUtf8(a.rawJson))
        .bind(QStringLiteral("sync_hash"), digest);
}

// The prepared statements of one upsert() call, reused for every asset of the batch.
struct UpsertStatements
{
    explicit UpsertStatements(const WriteContext& ctx)
        : existing(ctx.statement(QStringLiteral(
              "SELECT id, sync_hash FROM assets WHERE account_id = :account_id AND remote_id = :remote_id")))
        , upsert(ctx.statement(kUpsertSql))
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

Result<QList<qint64>> AssetUpsert::run(WriteContext& ctx, const QList<Asset>& assets)
{
    UpsertStatements st(ctx);
    QList<qint64> ids;
    ids.reserve(assets.size());
    for (const Asset& a : assets) {
        if (a.accountId <= 0 || a.remoteId.isEmpty())
            return storageError(ErrorKind::Validation,
                                QStringLiteral("An asset needs an account and a remote id."));
        const QString digest = contentDigest(a);

        st.existing.bind(QStringLiteral("account_id"), a.accountId)
            .bind(QStringLiteral("remote_id"), a.remoteId);
        if (Status s = st.existing.exec(); !s)
            return s.error();
        const bool existed = st.existing.next();
        const qint64 existingId = existed ? st.existing.value(0).toLongLong() : 0;
        const bool unchanged = existed && st.existing.value(1).toString() == digest;
        st.existing.finish();
        if (unchanged) {
            ids << existingId;
            continue;
        }

        bindAsset(st.upsert, a, digest);
        if (Status s = st.upsert.exec(); !s)
            return s.error();
        if (!st.upsert.next())
            return storageError(ErrorKind::Storage,
                                QStringLiteral("Storing asset %1 returned no id.").arg(a.remoteId));
        const qint64 id = st.upsert.value(0).toLongLong();
        st.upsert.finish();
        if (Status s = replaceDetails(st, id, a, ctx.now()); !s)
            return s.error();
        ctx.changes().add(EntityKind::Asset, existed ? ChangeSet::Op::Updated : ChangeSet::Op::Inserted, id);
        ids << id;
    }
    return ids;
}

} // namespace AssetDesk
