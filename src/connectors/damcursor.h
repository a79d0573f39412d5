#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace AssetDesk {

// The opaque cursors DAM connectors hand to the sync engines: a small JSON object of whatever
// the service needs to continue (a page number, iconik's search_after values, the scan's fixed
// parameters), base64url-encoded. The engines store it as it is and give it back; only the
// connector that made it reads it.
class DamCursor
{
public:
    static QString encode(const QJsonObject& state);
    // A cursor that is not one of ours (a stored cursor from an older build, a corrupted row) is
    // a Validation error: the engine then starts that pass again from the beginning.
    static Result<QJsonObject> decode(const QString& cursor, const QString& serviceName);
    // Where a listing continues: the decoded `cursor`, or `first()` when there is none yet (the
    // first page of a pass, whose parameters the cursor then carries to the end of it).
    static Result<QJsonObject> resume(const QString& cursor, const QString& serviceName,
                                      const std::function<QJsonObject()>& first);
};

} // namespace AssetDesk
