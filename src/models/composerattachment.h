#pragma once

#include "core/asset.h"

#include <QString>

namespace AssetDesk {

// One medium of a post being composed: which library asset (and version) it came from, the local
// file that will be uploaded and its alt text. The whole Asset is kept for the rights gate.
struct ComposerAttachment
{
    enum class Kind
    {
        Image,
        Gif,
        Video,
        Unsupported
    };

    Asset asset;
    QString localFile;     // the asset's largest cached rendition (the original when downloaded)
    QString thumbnailFile; // a small cached rendition for the composer's thumbnail, may be empty
    QString altText;
    Kind kind = Kind::Image;
    qint64 derivativeId = 0; // the derivative localFile is, when one was made for this post (IX5)

    qint64 assetId() const { return asset.id; }
    QString version() const { return asset.version; }
    QString title() const;

    // From the asset's cached renditions (the same file the library's drag offers).
    static ComposerAttachment fromAsset(const Asset& asset);
    static Kind kindOf(const Asset& asset, const QString& localFile);

    bool operator==(const ComposerAttachment&) const = default;
};

} // namespace AssetDesk
