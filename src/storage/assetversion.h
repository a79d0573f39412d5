#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// One version id an asset has been seen with (table asset_versions).
struct AssetVersion
{
    QString version;
    QDateTime modifiedAt;  // the asset's remote modification time when this version was first seen
    QDateTime firstSeenAt; // local time of the upsert that first stored it

    bool operator==(const AssetVersion&) const = default;
};

} // namespace AssetDesk
