#include "models/assetdetailsloader.h"

#include "core/collection.h"
#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/collectionrepository.h"
#include "storage/engagementrepository.h"
#include "storage/lineagerepository.h"
#include "storage/storage.h"

#include <QMetaObject>

#include <optional>

namespace AssetDesk {

namespace {
Result<std::optional<AssetDetails>> read(const Storage& storage, qint64 id)
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
    const Result<QList<LineageNode>> uses = LineageRepository(storage).usesOfAsset(id);
    if (!uses)
        return uses.error();
    for (const LineageNode& n : *uses)
        details.uses.append({lineageNodeKindId(n.kind), n.id, n.depth, n.relation, n.assetVersion});
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
    : QObject(parent)
    , m_storage(storage)
{
    m_pool.setMaxThreadCount(1);
    connect(&storage, &Storage::changed, this, &AssetDetailsLoader::applyChanges);
}

AssetDetailsLoader::~AssetDetailsLoader()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void AssetDetailsLoader::clear()
{
    m_id = 0;
    m_postIds.clear();
    ++m_ticket;
}

bool AssetDetailsLoader::touchesShownPosts(const ChangeSet& changes) const
{
    if (!changes.touches(EntityKind::Engagement))
        return false;
    for (qint64 post : changes.ids(EntityKind::Engagement, ChangeSet::Op::Inserted)) {
        if (m_postIds.contains(post))
            return true;
    }
    return false;
}

void AssetDetailsLoader::load(qint64 assetId)
{
    if (assetId != m_id)
        m_postIds.clear();
    m_id = assetId;
    const quint64 ticket = ++m_ticket;
    m_pool.clear(); // a queued load for an earlier selection is not worth running
    Storage* storage = &m_storage;
    m_pool.start([this, storage, assetId, ticket] {
        Result<std::optional<AssetDetails>> details = read(*storage, assetId);
        QMetaObject::invokeMethod(
            this,
            [this, assetId, ticket, details = std::move(details)] {
                if (ticket != m_ticket)
                    return;
                if (!details)
                    emit failed(details.error());
                else if (!details->has_value())
                    emit notFound(assetId);
                else {
                    m_postIds.clear();
                    for (const PostEngagement& p : std::as_const((*details)->engagement.posts))
                        m_postIds.insert(p.postId);
                    emit loaded(**details);
                }
            },
            Qt::QueuedConnection);
    });
}

void AssetDetailsLoader::applyChanges(const ChangeSet& changes)
{
    if (m_id == 0)
        return;
    const bool touched = (changes.touches(EntityKind::Asset)
                          && (changes.ids(EntityKind::Asset, ChangeSet::Op::Updated).contains(m_id)
                              || changes.ids(EntityKind::Asset, ChangeSet::Op::Removed).contains(m_id)))
        || changes.touches(EntityKind::Lineage) || touchesShownPosts(changes);
    if (touched)
        load(m_id);
}

} // namespace AssetDesk
