#pragma once

#include "core/asset.h"

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// What the library grid and list need of one asset: a few hundred bytes instead of the whole
// Asset (its caption, raw JSON and rendition list stay in the database until the inspector asks),
// so tens of thousands of rows can stay loaded within the memory budget.
struct LibraryItem
{
    qint64 id = 0;
    qint64 accountId = 0;
    Service service = Service::PhotoShelter;
    QString title;    // the asset's title, else its file name
    QString fileName;
    QString campaign;
    QString credit;
    MediaType mediaType = MediaType::Image;
    int width = 0;
    int height = 0;
    qint64 fileSize = 0;
    ApprovalState approval = ApprovalState::Unknown;
    QDateTime licenseExpiresAt;
    LifecycleState lifecycle = LifecycleState::Draft;
    QDateTime createdAt;
    QDateTime modifiedAt;
    QString thumbnailPath; // local file of the rendition the grid shows; empty: none cached yet
    QString localFilePath; // local file of the largest cached rendition (drag and drop)

    // Where this item was last seen in the model (a hint: rows move; checked before use).
    mutable int rowHint = -1;

    static LibraryItem fromAsset(const Asset& asset);
    // The rendition whose cached file makes the best thumbnail: small renditions meant for
    // previews first, the original last. nullptr when none is cached locally.
    static const Rendition* thumbnailRendition(const Asset& asset);
    // The largest rendition with a cached file (the original if it was downloaded).
    static const Rendition* largestLocalRendition(const Asset& asset);
};

} // namespace AssetDesk
