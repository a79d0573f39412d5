#pragma once

#include "core/result.h"
#include "models/libraryfilter.h"
#include "models/librarysort.h"

#include <QList>

namespace AssetDesk {

class AssetFacetIndex;
class Storage;
struct AssetQuery;

// The ordered ids of the assets a LibraryFilter matches: the one query the library runs per
// search, returning 8 bytes per match instead of whole assets (a million matches are 8 MB).
//
// It projects AssetRepository's own search (AssetSearchSql, the same conditions and order) onto
// "a.id". With a loaded AssetFacetIndex, the searches it covers (a common word, unranked) are
// answered from it instead, with the same ids in the same order. Runs on the calling thread's read
// connection: call it on a pool thread.
class AssetIdSearch
{
public:
    static Result<QList<qint64>> ids(const Storage& storage, const LibraryFilter& filter,
                                     AssetFacetIndex* index = nullptr, LibrarySort sort = {});
    // The storage query a filter becomes (without limit).
    static AssetQuery toAssetQuery(const LibraryFilter& filter, LibrarySort sort = {});
};

} // namespace AssetDesk
