#include "sync/damsyncwriter.h"

#include "storage/assetbulkload.h"
#include "storage/assetrepository.h"
#include "storage/collectionrepository.h"
#include "storage/storage.h"
#include "storage/syncstaterepository.h"

#include <QSet>

namespace AssetDesk {

namespace {

Result<DamSyncWriter::PageResult> storePage(WriteContext& ctx, qint64 accountId, DamAssetPage page)
{
    DamSyncWriter::PageResult result;
    if (!page.membershipUnknown.isEmpty()) {
        // The listing did not say where these are: keep what the last full answer said.
        const QSet<QString> unknown(page.membershipUnknown.cbegin(), page.membershipUnknown.cend());
        const AssetRepository repo(ctx);
        for (Asset& asset : page.assets) {
            if (!unknown.contains(asset.remoteId))
                continue;
            const Result<std::optional<Asset>> stored = repo.findByRemoteId(accountId, asset.remoteId);
            if (!stored)
                return stored.error();
            if (stored->has_value())
                asset.collectionRemoteIds = (*stored)->collectionRemoteIds;
        }
    }
    for (Asset& asset : page.assets)
        asset.accountId = accountId;
    const qsizetype before = ctx.changes().ids(EntityKind::Asset, ChangeSet::Op::Inserted).size()
                             + ctx.changes().ids(EntityKind::Asset, ChangeSet::Op::Updated).size();
    if (!page.assets.isEmpty()) {
        Result<QList<qint64>> ids = AssetRepository::upsert(ctx, page.assets);
        if (!ids)
            return ids.error();
        result.assetIds = *ids;
    }
    result.stored = ctx.changes().ids(EntityKind::Asset, ChangeSet::Op::Inserted).size()
                    + ctx.changes().ids(EntityKind::Asset, ChangeSet::Op::Updated).size() - before;
    if (!page.removedRemoteIds.isEmpty()) {
        const Result<int> removed = AssetRepository::removeByRemoteIds(ctx, accountId, page.removedRemoteIds);
        if (!removed)
            return removed.error();
        result.removed = *removed;
    }
    return result;
}

} // namespace

QFuture<Result<DamSyncWriter::PageResult>> DamSyncWriter::writePage(Storage& storage, qint64 accountId,
                                                                    const DamAssetPage& page,
                                                                    const DamSyncCheckpoint& checkpoint)
{
    const QString position = checkpoint.encode();
    return storage.write([accountId, page, position](WriteContext& ctx) -> Result<PageResult> {
        Result<PageResult> stored = storePage(ctx, accountId, page);
        if (!stored)
            return stored;
        if (Status s = SyncStateRepository::save(ctx, accountId, DamSyncCheckpoint::kResource, position); !s)
            return s.error();
        return stored;
    });
}

QFuture<Result<DamSyncWriter::PageResult>> DamSyncWriter::writeAssets(Storage& storage, qint64 accountId,
                                                                      const DamAssetPage& page)
{
    return storage.write([accountId, page](WriteContext& ctx) { return storePage(ctx, accountId, page); });
}

QFuture<Result<bool>> DamSyncWriter::beginBulkLoad(Storage& storage, qint64 accountId, qint64 expectedAssets,
                                                   qint64 minimumAssets)
{
    return storage.write([accountId, expectedAssets, minimumAssets](WriteContext& ctx) {
        return AssetBulkLoad::beginIfWorthIt(ctx, expectedAssets, minimumAssets, accountId);
    });
}

QFuture<Status> DamSyncWriter::finishBulkLoad(Storage& storage, qint64 accountId)
{
    return storage.write([accountId](WriteContext& ctx) { return AssetBulkLoad::finish(ctx, accountId); });
}

QFuture<Result<DamSyncWriter::PageResult>> DamSyncWriter::writeRemovals(Storage& storage, qint64 accountId,
                                                                        const DamAssetPage& confirmed,
                                                                        const DamSyncCheckpoint& checkpoint)
{
    return writePage(storage, accountId, confirmed, checkpoint);
}

QFuture<Status> DamSyncWriter::writeCheckpoint(Storage& storage, qint64 accountId, const DamSyncCheckpoint& checkpoint)
{
    const QString position = checkpoint.encode();
    return storage.write([accountId, position](WriteContext& ctx) -> Status {
        return SyncStateRepository::save(ctx, accountId, DamSyncCheckpoint::kResource, position);
    });
}

QFuture<Result<DamSyncWriter::CollectionsResult>> DamSyncWriter::writeCollections(Storage& storage, qint64 accountId,
                                                                                  const QList<Collection>& collections)
{
    return storage.write([accountId, collections](WriteContext& ctx) -> Result<CollectionsResult> {
        CollectionsResult result;
        QList<Collection> own = collections;
        QSet<QString> listed;
        for (Collection& c : own) {
            c.accountId = accountId;
            listed.insert(c.remoteId);
        }
        const qsizetype before = ctx.changes().ids(EntityKind::Collection, ChangeSet::Op::Inserted).size()
                                 + ctx.changes().ids(EntityKind::Collection, ChangeSet::Op::Updated).size();
        if (!own.isEmpty()) {
            if (Result<QList<qint64>> ids = CollectionRepository::upsert(ctx, own); !ids)
                return ids.error();
        }
        result.stored = ctx.changes().ids(EntityKind::Collection, ChangeSet::Op::Inserted).size()
                        + ctx.changes().ids(EntityKind::Collection, ChangeSet::Op::Updated).size() - before;
        // Everything stored for the account, walked from the roots; what is no longer listed goes.
        const CollectionRepository repo(ctx);
        QStringList gone;
        QStringList parents{QString()};
        QSet<QString> visited;
        while (!parents.isEmpty()) {
            const QString parent = parents.takeFirst();
            const Result<QList<Collection>> children = repo.children(accountId, parent);
            if (!children)
                return children.error();
            for (const Collection& c : *children) {
                if (visited.contains(c.remoteId))
                    continue;
                visited.insert(c.remoteId);
                if (!listed.contains(c.remoteId))
                    gone << c.remoteId;
                parents << c.remoteId;
            }
        }
        if (!gone.isEmpty()) {
            const Result<int> removed = CollectionRepository::removeByRemoteIds(ctx, accountId, gone);
            if (!removed)
                return removed.error();
            result.removed = *removed;
        }
        return result;
    });
}

} // namespace AssetDesk
