#include "storage/assetwritevalues.h"

#include "storage/sqlvalues.h"

#include <algorithm>

namespace AssetDesk::AssetWriteValues {

const QStringList& columns()
{
    static const QStringList kColumns = {
        QStringLiteral("account_id"), QStringLiteral("service"),    QStringLiteral("remote_id"),
        QStringLiteral("version"),    QStringLiteral("title"),      QStringLiteral("caption"),
        QStringLiteral("keywords"),   QStringLiteral("campaign"),   QStringLiteral("file_name"),
        QStringLiteral("mime_type"),  QStringLiteral("media_type"), QStringLiteral("width"),
        QStringLiteral("height"),     QStringLiteral("file_size"),  QStringLiteral("approval"),
        QStringLiteral("license_expires_at"), QStringLiteral("usage_restrictions"), QStringLiteral("credit"),
        QStringLiteral("copyright"),  QStringLiteral("lifecycle"),  QStringLiteral("created_at"),
        QStringLiteral("modified_at"), QStringLiteral("raw_json"),  QStringLiteral("sync_hash"),
    };
    return kColumns;
}

QVariantList values(const Asset& a, const QString& digest)
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

QList<const Rendition*> distinctRenditions(const Asset& a)
{
    // A handful per asset: a linear search beats building a hash set for every asset.
    QList<const Rendition*> kept;
    kept.reserve(a.renditions.size());
    for (const Rendition& r : a.renditions) {
        const bool seen = std::any_of(kept.cbegin(), kept.cend(), [&r](const Rendition* k) { return k->name == r.name; });
        if (!seen)
            kept << &r;
    }
    return kept;
}

QStringList distinctCollections(const Asset& a)
{
    QStringList kept;
    kept.reserve(a.collectionRemoteIds.size());
    for (const QString& collection : a.collectionRemoteIds) {
        if (!collection.isEmpty() && !kept.contains(collection))
            kept << collection;
    }
    return kept;
}

} // namespace AssetDesk::AssetWriteValues
