#pragma once

#include "connectors/damsource.h"
#include "core/asset.h"
#include "core/collection.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace AssetDesk {

class DamItemReader;

// Mapping steps the PhotoShelter and iconik mappers share: the services' words for approval and
// media type, a MIME type when the service does not say, and the last step of every item (raw
// JSON for the inspector, problems for what was adjusted).
class DamMapping
{
public:
    // "approved", "APPROVED", "Not approved", "NOT_APPROVED", "rejected", "pending", "N/A"...
    static ApprovalState approvalFromText(const QString& text);
    // "image", "video", "audio", "doc"/"document"/"pdf", MIME types ("image/jpeg") too.
    static std::optional<MediaType> mediaTypeFromText(const QString& text);
    // From the file name's extension; empty when unknown.
    static QString mimeTypeForFileName(const QString& fileName);

    // Sets asset.rawJson from `item` (long strings cut) and, when the reader noted anything or the
    // raw JSON was cut, appends one kept-item problem to `problems` that says what.
    static void finish(Asset& asset, const QJsonObject& item, const DamItemReader& reader, const QString& serviceName,
                       QList<DamItemProblem>& problems);
    // A problem for an item that could not be mapped at all (no id, not an object).
    static DamItemProblem skipped(const QString& remoteId, const QString& serviceName, const QString& why);

    // Parents before children, whatever order the service listed them in (DamSource's promise).
    // A collection whose parent is not listed counts as a top-level one; the members of a cycle
    // come last, parent links kept.
    static QList<Collection> parentsFirst(QList<Collection> all);
};

} // namespace AssetDesk
