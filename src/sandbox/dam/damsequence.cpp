#include "sandbox/dam/damsequence.h"

#include "sandbox/dam/damcatalog.h"
#include "sandbox/dam/damvocabulary.h"

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

template<typename E>
bool inMask(quint32 mask, E value)
{
    return mask == 0 || (mask & (1u << quint32(value))) != 0;
}

// Base positions whose scan is cheaper than building (or reading) the block counts.
constexpr qint64 kDirectScanLimit = 65536;

} // namespace

DamSequence::DamSequence(const DamCatalog& catalog, const DamQuery& query)
    : m_catalog(catalog)
    , m_query(query)
{
    const DamLayout& layout = catalog.layout();
    switch (query.scope.kind) {
    case DamScope::Kind::All:
        m_count = catalog.size();
        break;
    case DamScope::Kind::Organization:
        if (query.scope.id >= 0 && query.scope.id < layout.organizations().size()) {
            const DamOrganization& o = layout.organizations().at(query.scope.id);
            m_start = o.first;
            m_count = o.end - o.first;
        }
        break;
    case DamScope::Kind::Collection:
        if (query.scope.id >= 0 && query.scope.id < layout.collections().size()) {
            m_start = layout.collectionFirst(query.scope.id);
            m_count = layout.collectionEnd(query.scope.id) - m_start;
        }
        break;
    case DamScope::Kind::Gallery:
        if (query.scope.id >= 0 && query.scope.id < layout.galleries().size()) {
            const DamGallery& g = layout.galleries().at(query.scope.id);
            m_start = g.first;
            m_step = g.strideStep;
            m_count = (g.end - g.first + g.strideStep - 1) / g.strideStep;
        }
        break;
    }
    m_count = std::max<qint64>(0, m_count);
    m_lo = 0;
    m_hi = m_count;

    // Time filters on A: both times increase with the position.
    const DamGenerator& gen = catalog.generator();
    auto firstWhere = [this](auto&& predicate) {
        qint64 lo = 0;
        qint64 hi = m_count;
        while (lo < hi) {
            const qint64 mid = lo + (hi - lo) / 2;
            if (predicate(indexAt(mid)))
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    };
    if (query.createdMin)
        m_lo = std::max(m_lo, firstWhere([&](qint64 i) { return gen.createdMs(i) >= *query.createdMin; }));
    if (query.modifiedMin)
        m_lo = std::max(m_lo, firstWhere([&](qint64 i) { return gen.modifiedMs(i) >= *query.modifiedMin; }));
    if (query.createdMax)
        m_hi = std::min(m_hi, firstWhere([&](qint64 i) { return gen.createdMs(i) > *query.createdMax; }));
    if (query.modifiedMax)
        m_hi = std::min(m_hi, firstWhere([&](qint64 i) { return gen.modifiedMs(i) > *query.modifiedMax; }));
    m_hi = std::max(m_lo, m_hi);

    m_predicate = query.hasPredicate();
    m_aEmpty = query.matchNothing || query.status == DamQuery::Status::Deleted || m_lo >= m_hi;
    m_needsAttributes = query.mediaMask || query.approvalMask || query.rightsMask || query.hasExpiry ||
                        query.hasUsageRestrictions || !query.photographers.isEmpty() || !query.text.isEmpty();
    m_needsText = !query.keywords.isEmpty() || !query.titles.isEmpty() || !query.text.isEmpty();
    m_needsCampaign = !query.campaigns.isEmpty() || query.hasCampaign || !query.text.isEmpty();
    compileText();

    for (const qint64 index : catalog.overlay().touchedBase()) {
        const qint64 offset = index - m_start;
        if (offset < 0 || offset % m_step != 0 || offset / m_step >= m_count)
            continue;
        m_excluded.push_back(offset / m_step);
    }

    if (m_aEmpty) {
        m_aCount = 0;
    } else if (!m_predicate) {
        const auto from = std::lower_bound(m_excluded.begin(), m_excluded.end(), m_lo);
        const auto to = std::lower_bound(m_excluded.begin(), m_excluded.end(), m_hi);
        m_aCount = (m_hi - m_lo) - qint64(to - from);
    } else {
        if (m_hi - m_lo > kDirectScanLimit)
            buildBlocks();
        m_aCount = rankA(m_hi);
    }

    for (const DamAsset& asset : catalog.overlay().records()) {
        if (!recordMatches(asset))
            continue;
        m_b.push_back({catalog.sortKeyMs(query, asset), asset.index});
    }
    std::sort(m_b.begin(), m_b.end());
}

DamSequence::~DamSequence() = default;

void DamSequence::compileText()
{
    for (const QString& raw : std::as_const(m_query.text)) {
        Token t;
        t.text = raw.toLower();
        t.word = DamVocabulary::wordIndex(t.text);
        const QStringList& people = DamVocabulary::photographers();
        for (int p = 0; p < people.size(); ++p) {
            if (DamVocabulary::tokens(people.at(p)).contains(t.text))
                t.photographers << p;
        }
        const QStringList& campaigns = DamVocabulary::campaigns();
        for (int c = 0; c < campaigns.size(); ++c) {
            if (DamVocabulary::tokens(campaigns.at(c)).contains(t.text))
                t.campaigns << c;
        }
        m_tokens << t;
    }
}

void DamSequence::buildBlocks()
{
    const QString key = m_query.predicateSignature();
    m_blocks = m_catalog.cachedBlocks(key);
    if (m_blocks)
        return;
    auto blocks = std::make_shared<std::vector<qint64>>();
    const qint64 count = (m_count + DamCatalog::kBlock - 1) / DamCatalog::kBlock;
    blocks->reserve(size_t(count + 1));
    blocks->push_back(0);
    for (qint64 b = 0; b < count; ++b) {
        const qint64 from = b * DamCatalog::kBlock;
        const qint64 to = std::min(m_count, from + DamCatalog::kBlock);
        blocks->push_back(blocks->back() + scanCount(from, to));
    }
    m_catalog.storeBlocks(key, blocks);
    m_blocks = std::move(blocks);
}

qint64 DamSequence::keyAt(qint64 position) const
{
    const qint64 index = indexAt(position);
    return m_query.order == DamQuery::Order::Created ? m_catalog.generator().createdMs(index)
                                                     : m_catalog.generator().modifiedMs(index);
}

bool DamSequence::excluded(qint64 position) const
{
    return std::binary_search(m_excluded.begin(), m_excluded.end(), position);
}

bool DamSequence::baseMatches(qint64 index) const
{
    const DamQuery& q = m_query;
    if (q.matchNothing)
        return false;
    DamGenerator::Attributes a;
    if (m_needsAttributes) {
        a = m_catalog.generator().attributes(index);
        if (!inMask(q.mediaMask, a.media) || !inMask(q.approvalMask, a.approval) ||
            !inMask(q.rightsMask, a.rights))
            return false;
        if (q.hasExpiry && a.expiry.isValid() != *q.hasExpiry)
            return false;
        if (q.hasUsageRestrictions && (a.usage != 0) != *q.hasUsageRestrictions)
            return false;
        if (!q.photographers.isEmpty() && !q.photographers.contains(a.photographer))
            return false;
    }
    int campaign = -1;
    if (m_needsCampaign) {
        const int gallery = m_catalog.layout().galleryOf(index);
        campaign = gallery < 0 ? -1 : m_catalog.layout().galleries().at(gallery).campaign;
        if (!q.campaigns.isEmpty() && !q.campaigns.contains(campaign))
            return false;
        if (q.hasCampaign && (campaign >= 0) != *q.hasCampaign)
            return false;
    }
    if (m_needsText) {
        const DamGenerator::Text t = m_catalog.generator().text(index);
        if (!q.keywords.isEmpty()) {
            bool any = false;
            for (int i = 0; i < t.keywordCount && !any; ++i)
                any = q.keywords.contains(int(t.keywords[i]));
            if (!any)
                return false;
        }
        if (!q.titles.isEmpty() && !q.titles.contains(DamGenerator::title(t)))
            return false;
        for (const Token& token : m_tokens) {
            const bool hit = (token.word >= 0 && t.contains(token.word)) ||
                             token.photographers.contains(a.photographer) ||
                             (campaign >= 0 && token.campaigns.contains(campaign));
            if (!hit)
                return false;
        }
    }
    return true;
}

bool DamSequence::inScope(const DamAsset& asset) const
{
    if (m_query.scope.kind == DamScope::Kind::All)
        return true;
    if (!asset.added) {
        const qint64 offset = asset.index - m_start;
        return offset >= 0 && offset % m_step == 0 && offset / m_step < m_count;
    }
    const DamLayout& layout = m_catalog.layout();
    if (asset.gallery < 0 || asset.gallery >= layout.galleries().size())
        return false;
    const DamGallery& g = layout.galleries().at(asset.gallery);
    switch (m_query.scope.kind) {
    case DamScope::Kind::All:
        return true;
    case DamScope::Kind::Organization:
        return g.organization == m_query.scope.id;
    case DamScope::Kind::Collection: {
        if (m_query.scope.id < 0 || m_query.scope.id >= layout.collections().size() || g.selects)
            return false;
        const DamCollection& c = layout.collections().at(m_query.scope.id);
        return g.index >= c.firstGallery && g.index < c.endGallery;
    }
    case DamScope::Kind::Gallery:
        return g.index == m_query.scope.id;
    }
    return false;
}

bool DamSequence::recordMatches(const DamAsset& asset) const
{
    const DamQuery& q = m_query;
    if (q.matchNothing || !inScope(asset))
        return false;
    if ((q.status == DamQuery::Status::Active && asset.deleted) ||
        (q.status == DamQuery::Status::Deleted && !asset.deleted))
        return false;
    const qint64 created = asset.createdAt.toMSecsSinceEpoch();
    const qint64 modified = asset.modifiedAt.toMSecsSinceEpoch();
    if ((q.createdMin && created < *q.createdMin) || (q.createdMax && created > *q.createdMax) ||
        (q.modifiedMin && modified < *q.modifiedMin) || (q.modifiedMax && modified > *q.modifiedMax))
        return false;
    if (!inMask(q.mediaMask, asset.mediaType) || !inMask(q.approvalMask, asset.approval) ||
        !inMask(q.rightsMask, asset.rightsCase))
        return false;
    if (q.hasExpiry && asset.licenceExpiry.isValid() != *q.hasExpiry)
        return false;
    if (q.hasUsageRestrictions && !asset.usageRestrictions.isEmpty() != *q.hasUsageRestrictions)
        return false;
    if (!q.campaigns.isEmpty() && !q.campaigns.contains(asset.campaign))
        return false;
    if (q.hasCampaign && (asset.campaign >= 0) != *q.hasCampaign)
        return false;
    if (!q.photographers.isEmpty()) {
        bool any = false;
        for (int p : q.photographers)
            any = any || DamVocabulary::photographers().value(p) == asset.credit;
        if (!any)
            return false;
    }
    if (!q.keywords.isEmpty()) {
        bool any = false;
        for (int w : q.keywords)
            any = any || asset.keywords.contains(DamVocabulary::words().value(w));
        if (!any)
            return false;
    }
    if (!q.titles.isEmpty() && !q.titles.contains(asset.title))
        return false;
    if (!m_tokens.isEmpty()) {
        // A 10 MiB caption is not tokenized for every search: its words are its seed's words.
        const QString caption = asset.caption.size() > 4096 ? asset.caption.left(4096) : asset.caption;
        const QStringList words = DamVocabulary::tokens(asset.title + QLatin1Char(' ') + caption +
                                                        QLatin1Char(' ') + asset.keywords.join(QLatin1Char(' ')) +
                                                        QLatin1Char(' ') + asset.credit + QLatin1Char(' ') +
                                                        asset.campaignName);
        for (const Token& token : m_tokens) {
            if (!words.contains(token.text))
                return false;
        }
    }
    return true;
}

bool DamSequence::isA(qint64 position) const
{
    return !excluded(position) && (!m_predicate || baseMatches(indexAt(position)));
}

qint64 DamSequence::nextA(qint64 position) const
{
    position = std::max(position, m_lo);
    if (m_aEmpty)
        return m_hi;
    while (position < m_hi && !isA(position))
        ++position;
    return position;
}

qint64 DamSequence::prevA(qint64 position) const
{
    position = std::min(position, m_hi - 1);
    if (m_aEmpty)
        return m_lo - 1;
    while (position >= m_lo && !isA(position))
        --position;
    return position;
}

qint64 DamSequence::scanCount(qint64 from, qint64 to) const
{
    qint64 count = 0;
    auto e = std::lower_bound(m_excluded.begin(), m_excluded.end(), from);
    for (qint64 p = from; p < to; ++p) {
        if (e != m_excluded.end() && *e == p) {
            ++e;
            continue;
        }
        if (!m_predicate || baseMatches(indexAt(p)))
            ++count;
    }
    return count;
}

qint64 DamSequence::prefix(qint64 position) const
{
    const qint64 block = position / DamCatalog::kBlock;
    return m_blocks->at(size_t(block)) + scanCount(block * DamCatalog::kBlock, position);
}

qint64 DamSequence::rankA(qint64 position) const
{
    if (m_aEmpty || position <= m_lo)
        return 0;
    position = std::min(position, m_hi);
    if (!m_predicate) {
        const auto from = std::lower_bound(m_excluded.begin(), m_excluded.end(), m_lo);
        const auto to = std::lower_bound(m_excluded.begin(), m_excluded.end(), position);
        return (position - m_lo) - qint64(to - from);
    }
    if (m_blocks && position - m_lo > DamCatalog::kBlock)
        return prefix(position) - prefix(m_lo);
    return scanCount(m_lo, position);
}

qint64 DamSequence::selectA(qint64 rank) const
{
    if (!m_predicate) {
        qint64 p = m_lo + rank;
        for (auto e = std::lower_bound(m_excluded.begin(), m_excluded.end(), m_lo);
             e != m_excluded.end() && *e <= p; ++e)
            ++p;
        return p;
    }
    qint64 from = m_lo;
    qint64 remaining = rank;
    if (m_blocks) {
        // Jump to the block holding the match, then walk.
        const qint64 target = prefix(m_lo) + rank;
        const auto it = std::upper_bound(m_blocks->begin(), m_blocks->end(), target);
        const qint64 block = qint64(it - m_blocks->begin()) - 1;
        const qint64 blockStart = std::max(m_lo, block * DamCatalog::kBlock);
        if (blockStart > m_lo) {
            from = blockStart;
            remaining = target - prefix(blockStart);
        }
    }
    for (qint64 p = nextA(from); p < m_hi; p = nextA(p + 1)) {
        if (remaining-- == 0)
            return p;
    }
    return m_hi;
}

qint64 DamSequence::firstPositionNotBefore(const Key& key, bool strictlyAfter) const
{
    qint64 lo = m_lo;
    qint64 hi = m_hi;
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        const Key k{keyAt(mid), indexAt(mid)};
        if (strictlyAfter ? k > key : k >= key)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

std::pair<qint64, qint64> DamSequence::split(qint64 count) const
{
    // B element m sits at merged rank (A elements before it) + m; find how many sit below `count`.
    auto mergedRank = [this](size_t m) {
        const qint64 p = firstPositionNotBefore(m_b[m], true);
        return (p >= m_hi ? m_aCount : rankA(p)) + qint64(m);
    };
    size_t lo = 0;
    size_t hi = m_b.size();
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (mergedRank(mid) >= count)
            hi = mid;
        else
            lo = mid + 1;
    }
    return {count - qint64(lo), qint64(lo)};
}

QList<qint64> DamSequence::slice(qint64 offset, int limit) const
{
    QList<qint64> out;
    const qint64 total = size();
    if (offset < 0 || offset >= total || limit <= 0)
        return out;
    const qint64 bCount = qint64(m_b.size());
    if (!m_query.descending) {
        const auto [aBefore, bBefore] = split(offset);
        qint64 p = aBefore < m_aCount ? selectA(aBefore) : m_hi;
        qint64 m = bBefore;
        while (out.size() < limit && (p < m_hi || m < bCount)) {
            const bool takeA = p < m_hi && (m >= bCount || Key{keyAt(p), indexAt(p)} < m_b[size_t(m)]);
            if (takeA) {
                out << indexAt(p);
                p = nextA(p + 1);
            } else {
                out << m_b[size_t(m)].second;
                ++m;
            }
        }
        return out;
    }
    const auto [aUpTo, bUpTo] = split(total - offset);
    qint64 p = aUpTo > 0 ? selectA(aUpTo - 1) : m_lo - 1;
    qint64 m = bUpTo - 1;
    while (out.size() < limit && (p >= m_lo || m >= 0)) {
        const bool takeA = p >= m_lo && (m < 0 || Key{keyAt(p), indexAt(p)} > m_b[size_t(m)]);
        if (takeA) {
            out << indexAt(p);
            p = prevA(p - 1);
        } else {
            out << m_b[size_t(m)].second;
            --m;
        }
    }
    return out;
}

QList<qint64> DamSequence::after(qint64 keyMs, qint64 index, int limit) const
{
    QList<qint64> out;
    const Key key{keyMs, index};
    const qint64 bCount = qint64(m_b.size());
    if (!m_query.descending) {
        qint64 p = m_aEmpty ? m_hi : nextA(firstPositionNotBefore(key, true));
        qint64 m = qint64(std::upper_bound(m_b.begin(), m_b.end(), key) - m_b.begin());
        while (out.size() < limit && (p < m_hi || m < bCount)) {
            const bool takeA = p < m_hi && (m >= bCount || Key{keyAt(p), indexAt(p)} < m_b[size_t(m)]);
            if (takeA) {
                out << indexAt(p);
                p = nextA(p + 1);
            } else {
                out << m_b[size_t(m)].second;
                ++m;
            }
        }
        return out;
    }
    qint64 p = m_aEmpty ? m_lo - 1 : prevA(firstPositionNotBefore(key, false) - 1);
    qint64 m = qint64(std::lower_bound(m_b.begin(), m_b.end(), key) - m_b.begin()) - 1;
    while (out.size() < limit && (p >= m_lo || m >= 0)) {
        const bool takeA = p >= m_lo && (m < 0 || Key{keyAt(p), indexAt(p)} > m_b[size_t(m)]);
        if (takeA) {
            out << indexAt(p);
            p = prevA(p - 1);
        } else {
            out << m_b[size_t(m)].second;
            --m;
        }
    }
    return out;
}

} // namespace AssetDesk::Sandbox
