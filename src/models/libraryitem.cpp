#include "models/libraryitem.h"

#include <QStringList>

namespace AssetDesk {

namespace {
// Preference for the grid: names the services use for small renditions come first.
int thumbnailRank(const Rendition& r)
{
    static const QStringList preferred{QStringLiteral("thumbnail"), QStringLiteral("thumb"),
                                       QStringLiteral("keyframe"),  QStringLiteral("poster"),
                                       QStringLiteral("preview"),   QStringLiteral("proxy")};
    const QString name = r.name.toLower();
    for (int i = 0; i < preferred.size(); ++i) {
        if (name.startsWith(preferred.at(i)))
            return i;
    }
    return name == QLatin1String("original") ? 1000 : int(preferred.size());
}

qint64 area(const Rendition& r)
{
    return r.width > 0 && r.height > 0 ? qint64(r.width) * r.height : r.bytes;
}
} // namespace

const Rendition* LibraryItem::thumbnailRendition(const Asset& asset)
{
    const Rendition* best = nullptr;
    for (const Rendition& r : asset.renditions) {
        if (r.localPath.isEmpty())
            continue;
        if (!best || thumbnailRank(r) < thumbnailRank(*best)
            || (thumbnailRank(r) == thumbnailRank(*best) && area(r) < area(*best)))
            best = &r;
    }
    return best;
}

const Rendition* LibraryItem::largestLocalRendition(const Asset& asset)
{
    const Rendition* best = nullptr;
    for (const Rendition& r : asset.renditions) {
        if (r.localPath.isEmpty())
            continue;
        const bool original = r.name.compare(QLatin1String("original"), Qt::CaseInsensitive) == 0;
        if (original)
            return &r;
        if (!best || area(r) > area(*best))
            best = &r;
    }
    return best;
}

LibraryItem LibraryItem::fromAsset(const Asset& asset)
{
    LibraryItem item;
    item.id = asset.id;
    item.accountId = asset.accountId;
    item.service = asset.service;
    item.title = asset.title.trimmed().isEmpty() ? asset.fileName : asset.title;
    item.fileName = asset.fileName;
    item.campaign = asset.campaign;
    item.credit = asset.rights.credit;
    item.mediaType = asset.mediaType;
    item.width = asset.width;
    item.height = asset.height;
    item.fileSize = asset.fileSize;
    item.approval = asset.rights.approval;
    item.licenseExpiresAt = asset.rights.licenseExpiresAt;
    item.lifecycle = asset.lifecycle;
    item.createdAt = asset.createdAt;
    item.modifiedAt = asset.modifiedAt;
    if (const Rendition* thumb = thumbnailRendition(asset))
        item.thumbnailPath = thumb->localPath;
    if (const Rendition* local = largestLocalRendition(asset))
        item.localFilePath = local->localPath;
    // A 10 MB "title" must not live in memory a thousand times over: the grid shows one line.
    constexpr qsizetype kMaxShown = 512;
    for (QString* text : {&item.title, &item.fileName, &item.campaign, &item.credit}) {
        if (text->size() > kMaxShown) {
            text->truncate(kMaxShown);
            text->squeeze();
        }
    }
    return item;
}

} // namespace AssetDesk
