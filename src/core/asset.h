#pragma once

#include "core/rendition.h"
#include "core/rights.h"
#include "core/service.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace AssetDesk {

enum class MediaType { Image, Video, Audio, Document, Other };
QString mediaTypeId(MediaType type);
MediaType mediaTypeFromId(const QString& id);

enum class LifecycleState { Draft, Approved, Scheduled, Published, Archived };
QString lifecycleStateId(LifecycleState state);
LifecycleState lifecycleStateFromId(const QString& id);

// The shape of an asset's pixels (from width and height): a library search facet.
enum class Orientation { Landscape, Portrait, Square };

// An asset as the local cache knows it: one row per (account, remote id); `version` is the
// service's version id so lineage can say exactly which version was used.
struct Asset
{
    qint64 id = 0;
    qint64 accountId = 0;
    Service service = Service::PhotoShelter;
    QString remoteId;
    QString version;
    QString title;
    QString caption;
    QStringList keywords;
    QString campaign;
    QString fileName;
    QString mimeType;
    MediaType mediaType = MediaType::Image;
    int width = 0;
    int height = 0;
    qint64 fileSize = 0;
    Rights rights;
    LifecycleState lifecycle = LifecycleState::Draft;
    QDateTime createdAt;
    QDateTime modifiedAt;  // remote modification time (drives incremental sync)
    QList<Rendition> renditions;
    QList<QString> collectionRemoteIds;
    QByteArray rawJson;    // the service's own JSON for the inspector

    bool operator==(const Asset&) const = default;
};

} // namespace AssetDesk
