#pragma once

#include "core/service.h"

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// A container in a DAM: PhotoShelter organization / collection / gallery, iconik collection.
struct Collection
{
    enum class Kind { Organization, Collection, Gallery };

    qint64 id = 0;
    qint64 accountId = 0;
    Service service = Service::PhotoShelter;
    Kind kind = Kind::Collection;
    QString remoteId;
    QString parentRemoteId;  // empty for a root
    QString name;
    QString visibility;      // PhotoShelter: everyone/public/private/permission
    QDateTime modifiedAt;

    bool operator==(const Collection&) const = default;
};

} // namespace AssetDesk
