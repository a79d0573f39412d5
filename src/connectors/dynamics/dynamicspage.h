#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace AssetDesk {

// One page of a Dataverse collection or delta response (dynamics.md §5-§7):
//   {"@odata.context": ..., "value": [rows], "@odata.nextLink"?: url, "@odata.deltaLink"?: url}
// In a delta response, deleted rows are {"@odata.context": ".../$deletedEntity", "id", "reason"}
// and are returned as deletedIds instead of rows.
struct DynamicsPage
{
    QList<QJsonObject> rows;
    QStringList deletedIds;
    QUrl nextLink;  // empty on the last page
    QUrl deltaLink; // only on the last page of a change-tracked read

    // Parses a page fetched from `pageUrl`. The links must stay on its origin: a link elsewhere
    // would carry the bearer token to that host.
    static Result<DynamicsPage> parse(const QByteArray& body, const QUrl& pageUrl);
};

} // namespace AssetDesk
