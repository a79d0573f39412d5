#pragma once

#include <QString>
#include <QUrl>

namespace AssetDesk {

// One concrete file of an asset: the original, a proxy, a thumbnail or keyframe.
struct Rendition
{
    QString name;       // "original", "thumbnail", "proxy", "keyframe", "jpeg-1200"...
    int width = 0;
    int height = 0;
    QString mimeType;
    qint64 bytes = 0;
    QUrl remoteUrl;     // where the service serves it (may be signed and short-lived)
    QString localPath;  // content-addressed cache file, empty until fetched

    bool operator==(const Rendition&) const = default;
};

} // namespace AssetDesk
