#include "storage/assetbulkinsert.h"

#include "storage/assetwritevalues.h"
#include "storage/multirowinsert.h"
#include "storage/sqliteassetinsert.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <QHash>
#include <QPair>

namespace AssetDesk {

namespace {

using AssetKey = QPair<qint64, QString>; // (account id, remote id)

Error storageError(const QString& message)
{
    return Error(ErrorKind::Storage, message).withOrigin(QStringLiteral("storage"));
}

// PostgreSQL (and any other QtSql driver): multi-row INSERTs through SqlStatement.
Status insertMultiRow(WriteContext& ctx, const QList<Asset>& assets, const QList<int>& fresh,
                      const QStringList& digests, QList<qint64>& ids)
{
    // Rows per statement: enough to amortize a statement's round trip, few enough that the text
    // stays a reasonable size.
    constexpr int kAssetRowsPerStatement = 20;
    constexpr int kDetailRowsPerStatement = 50;
    QList<QVariantList> rows;
    rows.reserve(fresh.size());
    for (int i : fresh)
        rows << AssetWriteValues::values(assets.at(i), digests.at(i));
    QHash<AssetKey, qint64> inserted;
    MultiRowInsert insertAssets(QStringLiteral("assets"), AssetWriteValues::columns(), kAssetRowsPerStatement);
    insertAssets.setReturning(QStringLiteral("id, account_id, remote_id"), [&inserted](const SqlStatement& row) {
        inserted.insert(AssetKey(row.value(1).toLongLong(), row.value(2).toString()), row.value(0).toLongLong());
    });
    if (Status s = insertAssets.run(ctx, rows); !s)
        return s;

    QList<QVariantList> renditions, members, versions;
    const QVariant now = SqlValues::timestamp(ctx.now());
    for (int i : fresh) {
        const Asset& a = assets.at(i);
        const qint64 id = inserted.value(AssetKey(a.accountId, a.remoteId));
        if (id <= 0)
            return storageError(QStringLiteral("Storing asset %1 returned no id.").arg(a.remoteId));
        ids[i] = id;
        ctx.changes().add(EntityKind::Asset, ChangeSet::Op::Inserted, id);
        int position = 0;
        for (const Rendition* r : AssetWriteValues::distinctRenditions(a)) {
            renditions << QVariantList{id,        position++,
                                       r->name,   r->width,
                                       r->height, r->mimeType,
                                       r->bytes,  QString::fromUtf8(r->remoteUrl.toEncoded()),
                                       r->localPath};
        }
        position = 0;
        for (const QString& collection : AssetWriteValues::distinctCollections(a))
            members << QVariantList{id, collection, position++};
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

} // namespace

Status AssetBulkInsert::run(WriteContext& ctx, const QList<Asset>& assets, const QList<int>& fresh,
                            const QStringList& digests, QList<qint64>& ids, bool indexSearch)
{
    if (fresh.isEmpty())
        return {};
    if (sqlite3* db = SqliteStatement::handle(ctx.connection()))
        return SqliteAssetInsert::run(ctx, db, assets, fresh, digests, ids, indexSearch);
    return insertMultiRow(ctx, assets, fresh, digests, ids);
}

} // namespace AssetDesk
