#pragma once

#include "core/service.h"

#include <QList>
#include <QString>

#include <optional>

class QMimeData;

namespace AssetDesk {

// The library's drag format, in one place: LibraryModel writes it, every drop target (X columns,
// the CRM and ticket panes) reads it. A JSON array of {"id", "accountId", "service"} objects
// under mimeType(), and text/uri-list with the local renditions for other applications.
//
// A select-all drag of a large library carries a million entries, so drop targets test for the
// format while the pointer moves (carriesAssets, no parsing) and read the ids once, on the drop.
namespace AssetDragData {

struct DraggedAsset
{
    qint64 id = 0;
    qint64 accountId = 0;    // 0: not loaded when the drag began; the drop target reads it
    std::optional<Service> service;
    QString localFile;       // empty: none on disk
};

QString mimeType();

// nullptr for no assets. Local files that do not exist are left out of the uri list.
QMimeData* create(const QList<DraggedAsset>& assets);

// Whether `mime` is a drag of library assets; does not parse it.
bool carriesAssets(const QMimeData* mime);

// The asset ids, positive and without duplicates, in drag order; empty for no drag of assets or
// a payload that is not the format (another program can put anything under a MIME type).
QList<qint64> assetIds(const QMimeData* mime);

} // namespace AssetDragData

} // namespace AssetDesk
