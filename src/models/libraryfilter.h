#pragma once

#include "core/asset.h"
#include "core/assetusage.h"
#include "core/rights.h"
#include "core/service.h"

#include <QDate>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace AssetDesk {

QString orientationId(Orientation orientation);
std::optional<Orientation> orientationFromId(const QString& id);

// What the library shows: the search text, the source chosen in the source tree, and the facets.
// A plain value the widgets edit and the LibraryModel turns into a storage query (the widgets
// never see storage types). Every set field narrows the result; the default shows everything.
struct LibraryFilter
{
    QString text; // full text over title, caption, keywords, credit, campaign, file name

    // Source tree: a service, one of its accounts, or collections of that account (a collection
    // together with the collections below it).
    std::optional<Service> service;
    std::optional<qint64> accountId;
    QStringList collectionRemoteIds;

    std::optional<ApprovalState> approval;
    std::optional<RightsStatus> rights; // Valid, ExpiringSoon (within soonDays), Expired, Unrestricted
    int soonDays = 30;
    QString campaign;
    std::optional<MediaType> mediaType;
    std::optional<Orientation> orientation;
    QDate modifiedFrom; // inclusive, local calendar day; invalid: open
    QDate modifiedTo;   // inclusive; invalid: open
    std::optional<AssetUsage> usage; // posted never / a few times / overuseThreshold times or more
    int overuseThreshold = kDefaultOveruseThreshold;

    // How many facets (not text, not source) narrow the result: the "Filters (3)" count.
    int facetCount() const;
    bool hasSource() const { return service || accountId || !collectionRemoteIds.isEmpty(); }
    bool isEmpty() const { return text.trimmed().isEmpty() && !hasSource() && facetCount() == 0; }
    // The same filter without facets (text and source kept).
    LibraryFilter withoutFacets() const;

    bool operator==(const LibraryFilter&) const = default;
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::LibraryFilter)
