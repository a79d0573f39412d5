#pragma once

#include "core/result.h"
#include "models/libraryfilter.h"

#include <QList>

namespace AssetDesk {

class Storage;
struct AssetQuery;

// The ordered ids of the assets a LibraryFilter matches: the one query the library runs per
// search, returning 8 bytes per match instead of whole assets (a million matches are 8 MB).
//
// It projects AssetRepository's own search (AssetSearchSql, the same conditions and order) onto
// "a.id". Runs on the calling thread's read connection: call it on a pool thread.
class AssetIdSearch
{
public:
    static Result<QList<qint64>> ids(const Storage& storage, const LibraryFilter& filter);
    // The storage query a filter becomes (without limit).
    static AssetQuery toAssetQuery(const LibraryFilter& filter);
};

} // namespace AssetDesk
