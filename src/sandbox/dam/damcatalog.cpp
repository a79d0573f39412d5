#include "sandbox/dam/damcatalog.h"

#include "sandbox/dam/damfixtures.h"
#include "sandbox/dam/damsequence.h"
#include "sandbox/dam/damvocabulary.h"
#include "sandbox/splitmix64.h"

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

constexpr int kBlockCacheEntries = 64;

} // namespace

DamCatalog::DamCatalog(const Config& config)
    : m_config(config)
    , m_key(SplitMix64::derive(config.seed, QStringLiteral("dam/") + config.stream))
    , m_layout(m_key, config.size, config.organizationNames)
    , m_generator(m_key, config.size, config.anchorDay, config.organizationNames)
{
    m_config.size = m_layout.size();
    m_fixtures = DamFixtures::table(m_generator);
    for (const auto& [fixture, index] : std::as_const(m_fixtures))
        m_fixtureByIndex.insert(index, fixture);
}

DamCatalog::~DamCatalog() = default;

DamFixture DamCatalog::fixtureAt(qint64 index) const
{
    return m_badInput ? m_fixtureByIndex.value(index, DamFixture::None) : DamFixture::None;
}

void DamCatalog::setBadInput(bool enabled)
{
    m_badInput = enabled;
    m_blockCache.clear();
}

DamAsset DamCatalog::base(qint64 index) const
{
    const int g = m_layout.galleryOf(index);
    const DamGallery& gallery = m_layout.galleries().at(g);
    DamAsset asset = m_generator.materialize(index, g, gallery.organization, gallery.campaign);
    if (const DamFixture fixture = fixtureAt(index); fixture != DamFixture::None) {
        if (fixture == DamFixture::HugeCaption && m_hugeCaption.isEmpty())
            m_hugeCaption = DamFixtures::hugeCaption(asset.caption);
        DamFixtures::apply(asset, fixture, m_hugeCaption);
    }
    return asset;
}

std::optional<DamAsset> DamCatalog::find(qint64 index) const
{
    if (const DamAsset* changed = m_overlay.find(index))
        return *changed;
    if (index < 0 || index >= m_config.size)
        return std::nullopt;
    return base(index);
}

std::optional<DamAsset> DamCatalog::findActive(qint64 index) const
{
    auto asset = find(index);
    if (asset && asset->deleted)
        return std::nullopt;
    return asset;
}

void DamCatalog::store(const DamAsset& asset, DamChange::Kind kind)
{
    m_overlay.put(asset, m_config.size);
    // The cached block counts stay valid unless a generated asset was touched for the first
    // time (cachedBlocks checks): uploads, as in a live event, do not cost a rescan.
    ++m_changeCounter;
    if (m_listener)
        m_listener(DamChange{kind, asset.index});
}

qint64 DamCatalog::add(int gallery, qint64 nowMs, const std::function<void(DamAsset&)>& edit)
{
    const qint64 index = indexEnd();
    DamAsset asset;
    asset.index = index;
    asset.added = true;
    asset.gallery = gallery;
    if (gallery >= 0 && gallery < m_layout.galleries().size()) {
        const DamGallery& g = m_layout.galleries().at(gallery);
        asset.organization = g.organization;
        asset.campaign = g.campaign;
        asset.campaignName = g.campaign >= 0 ? DamVocabulary::campaigns().value(g.campaign) : QString();
    }
    const qint64 ms = m_overlay.nextChangeMs(nowMs);
    asset.createdAt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    asset.modifiedAt = asset.createdAt;
    // Uploads draw from the same generator as the base, by their own index.
    DamGenerator::Attributes attributes = m_generator.attributes(index);
    attributes.versions = 1;
    // A new upload has not been reviewed yet, most of the time.
    if (attributes.approval == DamApproval::Approved && (attributes.draw & 3) != 0)
        attributes.approval = DamApproval::Requested;
    m_generator.fill(asset, attributes, m_generator.text(index));
    if (edit)
        edit(asset);
    store(asset, DamChange::Kind::Created);
    return index;
}

bool DamCatalog::modify(qint64 index, qint64 nowMs, const std::function<void(DamAsset&)>& edit)
{
    auto asset = findActive(index);
    if (!asset)
        return false;
    edit(*asset);
    ++asset->revision;
    asset->modifiedAt = QDateTime::fromMSecsSinceEpoch(m_overlay.nextChangeMs(nowMs), Qt::UTC);
    store(*asset, DamChange::Kind::Updated);
    return true;
}

bool DamCatalog::remove(qint64 index, qint64 nowMs)
{
    auto asset = findActive(index);
    if (!asset)
        return false;
    asset->deleted = true;
    asset->deletedAt = QDateTime::fromMSecsSinceEpoch(m_overlay.nextChangeMs(nowMs), Qt::UTC);
    // Deleting is a change too: an incremental sync by modification time sees it.
    asset->modifiedAt = asset->deletedAt;
    store(*asset, DamChange::Kind::Deleted);
    return true;
}

qint64 DamCatalog::pickAlive(quint64 draw) const
{
    const qint64 end = indexEnd();
    if (end <= 0)
        return -1;
    SplitMix64 random(draw);
    for (int attempt = 0; attempt < 64; ++attempt) {
        const qint64 index = qint64(random.nextBelow(quint64(end)));
        const DamAsset* changed = m_overlay.find(index);
        if (!changed || !changed->deleted)
            return index;
    }
    return -1;
}

DamCatalog::Mutation DamCatalog::mutate(int modifyCount, int removeCount, int addCount, int gallery, qint64 nowMs)
{
    Mutation result;
    const quint64 stream = SplitMix64::derive(m_key, u"mutations");
    auto drawFor = [&](quint64 salt) {
        SplitMix64 random(stream ^ (m_changeCounter * 0x9e3779b97f4a7c15ULL) ^ salt);
        return random.next();
    };
    for (int i = 0; i < modifyCount; ++i) {
        const quint64 draw = drawFor(1);
        const qint64 index = pickAlive(draw);
        if (index < 0)
            break;
        modify(index, nowMs, [&](DamAsset& a) {
            const DamGenerator::Text text = DamGenerator::textFrom(draw);
            a.title = DamGenerator::title(text);
            a.keywords = DamGenerator::keywords(text);
            SplitMix64 random(draw ^ 0x5bd1e995);
            const int approval = int(random.nextBelow(10));
            if (approval < 3)
                a.approval = DamApproval::Approved;
            else if (approval < 4)
                a.approval = DamApproval::NotApproved;
            if (random.nextBelow(10) < 3)
                ++a.versionCount;
        });
        result.modified << index;
    }
    for (int i = 0; i < removeCount; ++i) {
        const qint64 index = pickAlive(drawFor(2));
        if (index < 0 || !remove(index, nowMs))
            break;
        result.deleted << index;
    }
    for (int i = 0; i < addCount; ++i) {
        int target = gallery;
        if (target < 0 && m_layout.regularGalleryCount() > 0) {
            SplitMix64 random(drawFor(3));
            target = int(random.nextBelow(quint64(m_layout.regularGalleryCount())));
        }
        result.added << add(target, nowMs);
    }
    return result;
}

qint64 DamCatalog::sortKeyMs(const DamQuery& query, const DamAsset& asset) const
{
    return query.order == DamQuery::Order::Created ? asset.createdAt.toMSecsSinceEpoch()
                                                   : asset.modifiedAt.toMSecsSinceEpoch();
}

qint64 DamCatalog::count(const DamQuery& query) const
{
    return DamSequence(*this, query).size();
}

QList<qint64> DamCatalog::page(const DamQuery& query, qint64 offset, int limit) const
{
    return DamSequence(*this, query).slice(offset, limit);
}

QList<qint64> DamCatalog::after(const DamQuery& query, qint64 keyMs, qint64 index, int limit) const
{
    return DamSequence(*this, query).after(keyMs, index, limit);
}

std::shared_ptr<const std::vector<qint64>> DamCatalog::cachedBlocks(const QString& key) const
{
    // Block counts cover generated positions minus the touched ones (DamSequence's exclusions):
    // they depend on which generated assets were ever touched, and on nothing else that changes.
    const quint64 touched = quint64(m_overlay.touchedBase().size());
    if (m_blockCacheGeneration != touched) {
        m_blockCache.clear();
        m_blockCacheGeneration = touched;
    }
    return m_blockCache.value(key);
}

void DamCatalog::storeBlocks(const QString& key, std::shared_ptr<const std::vector<qint64>> blocks) const
{
    if (m_blockCache.size() >= kBlockCacheEntries)
        m_blockCache.clear();
    m_blockCacheGeneration = quint64(m_overlay.touchedBase().size());
    m_blockCache.insert(key, std::move(blocks));
}

} // namespace AssetDesk::Sandbox
