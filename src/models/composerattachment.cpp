#include "models/composerattachment.h"

#include "models/libraryitem.h"

namespace AssetDesk {

QString ComposerAttachment::title() const
{
    if (!asset.title.trimmed().isEmpty())
        return asset.title.trimmed();
    return asset.fileName.isEmpty() ? asset.remoteId : asset.fileName;
}

ComposerAttachment ComposerAttachment::fromAsset(const Asset& asset)
{
    ComposerAttachment attachment;
    attachment.asset = asset;
    attachment.asset.rawJson.clear(); // the service's JSON is for the inspector, not for posting
    if (const Rendition* local = LibraryItem::largestLocalRendition(asset))
        attachment.localFile = local->localPath;
    if (const Rendition* thumb = LibraryItem::thumbnailRendition(asset))
        attachment.thumbnailFile = thumb->localPath;
    attachment.kind = kindOf(asset, attachment.localFile);
    return attachment;
}

ComposerAttachment::Kind ComposerAttachment::kindOf(const Asset& asset, const QString& localFile)
{
    const bool gif =
        asset.mimeType.compare(QLatin1String("image/gif"), Qt::CaseInsensitive) == 0 ||
        localFile.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive) ||
        (localFile.isEmpty() && asset.fileName.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive));
    switch (asset.mediaType) {
    case MediaType::Image:
        return gif ? Kind::Gif : Kind::Image;
    case MediaType::Video:
        return Kind::Video;
    case MediaType::Audio:
    case MediaType::Document:
    case MediaType::Other:
        break;
    }
    return Kind::Unsupported;
}

} // namespace AssetDesk
