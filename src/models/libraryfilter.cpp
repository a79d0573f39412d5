#include "models/libraryfilter.h"

#include "core/enumnames.h"

namespace AssetDesk {

namespace {
constexpr EnumName<Orientation> kOrientations[] = {
    {Orientation::Landscape, "landscape"}, {Orientation::Portrait, "portrait"}, {Orientation::Square, "square"}};
} // namespace

QString orientationId(Orientation orientation)
{
    return enumToId(kOrientations, orientation);
}

std::optional<Orientation> orientationFromId(const QString& id)
{
    return enumFromId(kOrientations, id);
}

int LibraryFilter::facetCount() const
{
    return int(approval.has_value()) + int(rights.has_value()) + int(!campaign.isEmpty())
        + int(mediaType.has_value()) + int(orientation.has_value())
        + int(modifiedFrom.isValid() || modifiedTo.isValid()) + int(usage.has_value());
}

LibraryFilter LibraryFilter::withoutFacets() const
{
    LibraryFilter plain;
    plain.text = text;
    plain.service = service;
    plain.accountId = accountId;
    plain.collectionRemoteIds = collectionRemoteIds;
    plain.soonDays = soonDays;
    plain.overuseThreshold = overuseThreshold;
    return plain;
}

} // namespace AssetDesk
