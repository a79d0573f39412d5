#pragma once

#include "connectors/damsource.h"
#include "core/result.h"
#include "sync/damsynccheckpoint.h"

#include <QFuture>

namespace AssetDesk {

class Storage;

// The storage side of a DAM sync: each call is one write (one transaction), so a page and the
// checkpoint that follows it are committed together or not at all. Runs on the writer thread;
// callers get a future.
class DamSyncWriter
{
public:
    struct PageResult
    {
        qint64 stored = 0;  // inserted or changed assets
        qint64 removed = 0;
        QList<qint64> assetIds; // of the page's assets, in page order
    };
    struct CollectionsResult
    {
        qint64 stored = 0;
        qint64 removed = 0;
    };

    // Assets (memberships the listing did not know are kept as stored), removals, and the
    // checkpoint to continue from.
    static QFuture<Result<PageResult>> writePage(Storage& storage, qint64 accountId, const DamAssetPage& page,
                                                 const DamSyncCheckpoint& checkpoint);
    // Assets only, no checkpoint (the gallery watcher's newest uploads).
    static QFuture<Result<PageResult>> writeAssets(Storage& storage, qint64 accountId, const DamAssetPage& page);
    // The account's containers as the service lists them now; stored ones it no longer lists go.
    static QFuture<Result<CollectionsResult>> writeCollections(Storage& storage, qint64 accountId,
                                                               const QList<Collection>& collections);
    // Only the checkpoint (a pass started, a pass completed).
    static QFuture<Status> writeCheckpoint(Storage& storage, qint64 accountId, const DamSyncCheckpoint& checkpoint);
    // An initial sync's bulk load (AssetBulkLoad::beginIfWorthIt), held by the account: true when
    // one is in progress (started, or another account's joined).
    static QFuture<Result<bool>> beginBulkLoad(Storage& storage, qint64 accountId, qint64 expectedAssets,
                                               qint64 minimumAssets);
    // Lets go of the account's hold; the last holder builds the indexes and ends the load.
    static QFuture<Status> finishBulkLoad(Storage& storage, qint64 accountId);
    // Confirmed removals (the sweep) with the checkpoint that closes the pass.
    static QFuture<Result<PageResult>> writeRemovals(Storage& storage, qint64 accountId, const DamAssetPage& confirmed,
                                                     const DamSyncCheckpoint& checkpoint);
};

} // namespace AssetDesk
