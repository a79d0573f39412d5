#include "models/assetdetailsloader.h"

#include "core/collection.h"
#include "models/assetusereader.h"
#include "models/recordloaderread.h"
#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/collectionrepository.h"
#include "storage/engagementrepository.h"
#include "storage/lineagerepository.h"
#include "storage/storage.h"

#include <optional>

namespace AssetDesk {

namespace {
Result<std::optional<AssetDetails>> readDetails(const Storage& storage, qint64 id)
{
    const AssetRepository assets(storage);
    Result<std::optional<Asset>> asset = assets.get(id);
    if (!asset)
        return asset.error();
    if (!asset->has_value())
        return std::optional<AssetDetails>{};
    AssetDetails details;
    details.asset = std::move(**asset);
    const Result<std::optional<Account>> account = AccountRepository(storage).get(details.asset.accountId);
    if (account && account->has_value())
        details.accountLabel = (*account)->label;
    const Result<QList<AssetVersion>> versions = assets.versions(id);
    if (!versions)
        return versions.error();
    for (const AssetVersion& v : *versions)
        details.versions.append({v.version, v.modifiedAt, v.firstSeenAt});
    const CollectionRepository collections(storage);
    for (const QString& remoteId : std::as_const(details.asset.collectionRemoteIds)) {
        const Result<std::optional<Collection>> c = collections.findByRemoteId(details.asset.accountId, remoteId);
        if (c && c->has_value())
            details.collections << ((*c)->name.isEmpty() ? remoteId : (*c)->name);
        else
            details.collections << remoteId;
    }
    const Result<QList<LineageNode>> nodes = LineageRepository(storage).usesOfAsset(id);
    if (!nodes)
        return nodes.error();
    Result<QList<AssetDetails::Use>> uses = AssetUseReader(storage).read(*nodes);
    if (!uses)
        return uses.error();
    details.uses = std::move(uses).value();
    const EngagementRepository engagement(storage);
    Result<AssetEngagement> posts = engagement.assetEngagement(id);
    if (!posts)
        return posts.error();
    details.engagement = std::move(posts).value();
    QList<QList<EngagementSample>> series;
    for (const PostEngagement& p : std::as_const(details.engagement.posts)) {
        Result<QList<EngagementSample>> samples = engagement.series(p.postId);
        if (!samples)
            return samples.error();
        series << samples.value();
    }
    details.engagementSeries = EngagementSeries::summed(series);
    return std::optional<AssetDetails>(std::move(details));
}
} // namespace

AssetDetailsLoader::AssetDetailsLoader(Storage& storage, QObject* parent)
    : RecordLoader(storage, parent)
{}

void AssetDetailsLoader::read(qint64 assetId)
{
    startRead<AssetDetails>(assetId, &readDetails, [this](const AssetDetails& details) {
        m_postsOf = details.asset.id;
        m_postIds.clear();
        for (const PostEngagement& p : std::as_const(details.engagement.posts))
            m_postIds.insert(p.postId);
        m_useRows.clear();
        for (const AssetDetails::Use& use : std::as_const(details.uses)) {
            if (const std::optional<EntityKind> kind = AssetUseReader::changeKindOf(use))
                m_useRows[*kind].insert(use.id);
        }
        emit loaded(details);
    });
}

bool AssetDetailsLoader::touchesShownPosts(const ChangeSet& changes, qint64 assetId) const
{
    if (m_postsOf != assetId || !changes.touches(EntityKind::Engagement))
        return false;
    for (qint64 post : changes.ids(EntityKind::Engagement, ChangeSet::Op::Inserted)) {
        if (m_postIds.contains(post))
            return true;
    }
    return false;
}

bool AssetDetailsLoader::touchesShownUses(const ChangeSet& changes, qint64 assetId) const
{
    if (m_postsOf != assetId)
        return false;
    for (auto it = m_useRows.cbegin(); it != m_useRows.cend(); ++it) {
        if (!changes.touches(it.key()))
            continue;
        for (const ChangeSet::Op op : {ChangeSet::Op::Updated, ChangeSet::Op::Removed}) {
            for (qint64 id : changes.ids(it.key(), op)) {
                if (it.value().contains(id))
                    return true;
            }
        }
    }
    return false;
}

bool AssetDetailsLoader::touches(const ChangeSet& changes, qint64 assetId) const
{
    return (changes.touches(EntityKind::Asset) &&
            (changes.ids(EntityKind::Asset, ChangeSet::Op::Updated).contains(assetId) ||
             changes.ids(EntityKind::Asset, ChangeSet::Op::Removed).contains(assetId))) ||
           changes.touches(EntityKind::Lineage) || touchesShownPosts(changes, assetId) ||
           touchesShownUses(changes, assetId);
}

} // namespace AssetDesk
