#pragma once

namespace AssetDesk {

// The order of the library's rows, chosen with a list-mode column header. Default is the search's
// own order: relevance for a rare text, otherwise newest first (AssetQuery). Any other key sorts
// by that value alone, ties by id in the same direction; a missing date sorts first ascending.
struct LibrarySort
{
    enum class Key { Default, Title, Created, Modified, FileSize, Service, Approval, RightsExpiry, Campaign };
    Key key = Key::Default;
    bool descending = false;

    bool operator==(const LibrarySort&) const = default;
};

} // namespace AssetDesk
