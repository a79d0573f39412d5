#pragma once

#include "sandbox/dam/damasset.h"
#include "sandbox/dam/damgenerator.h"
#include "sandbox/dam/damlayout.h"
#include "sandbox/dam/damoverlay.h"
#include "sandbox/dam/damquery.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace AssetDesk::Sandbox {

// A change the catalog announces (iconik turns them into webhook deliveries).
struct DamChange
{
    enum class Kind
    {
        Created,
        Updated,
        Deleted,
    };
    Kind kind = Kind::Updated;
    qint64 index = -1;
};

// One service's asset library: `size` generated assets (DamLayout + DamGenerator, computed on
// demand from the seed) plus a small overlay of what changed while the sandbox ran (DamOverlay).
// Listings and searches (DamQuery) are answered by DamSequence without materializing the set, so
// a page deep in a million assets costs about as much as the first one. Server thread only.
class DamCatalog
{
public:
    struct Config
    {
        quint64 seed = 1;
        QString stream;     // "photoshelter", "iconik": each service its own content
        qint64 size = 100;
        QStringList organizationNames;
        QDate anchorDay;    // "expiring soon" is counted from here (the sandbox clock's date)
    };
    struct Mutation
    {
        QList<qint64> modified;
        QList<qint64> deleted;
        QList<qint64> added;
    };
    using Listener = std::function<void(const DamChange&)>;

    explicit DamCatalog(const Config& config);
    ~DamCatalog();

    const Config& config() const { return m_config; }
    quint64 key() const { return m_key; }
    qint64 size() const { return m_config.size; }
    // One past the highest index in use (added assets continue after the base).
    qint64 indexEnd() const { return m_config.size + m_overlay.addedCount(); }
    const DamLayout& layout() const { return m_layout; }
    // A gallery (iconik: a leaf collection) created by a client; see DamLayout::appendGallery.
    int addGallery(const DamGallery& gallery) { return m_layout.appendGallery(gallery); }
    const DamGenerator& generator() const { return m_generator; }
    const DamOverlay& overlay() const { return m_overlay; }
    quint64 generation() const { return m_overlay.generation(); }

    // The record at `index` (deleted ones included, with deleted = true), or nullopt.
    std::optional<DamAsset> find(qint64 index) const;
    // Active (not deleted) record, or nullopt.
    std::optional<DamAsset> findActive(qint64 index) const;

    // Bad input (DamFixtures): off by default.
    void setBadInput(bool enabled);
    bool badInput() const { return m_badInput; }
    QList<QPair<DamFixture, qint64>> fixtures() const { return m_fixtures; }
    DamFixture fixtureAt(qint64 index) const;

    // Changes. `nowMs` is the sandbox clock; each change gets a strictly later modification time.
    // add(): a new asset in `gallery` (a DamLayout gallery index), its content drawn from the
    // catalog's change stream and then adjusted by `edit`. Returns its index.
    qint64 add(int gallery, qint64 nowMs, const std::function<void(DamAsset&)>& edit = {});
    bool modify(qint64 index, qint64 nowMs, const std::function<void(DamAsset&)>& edit);
    bool remove(qint64 index, qint64 nowMs);
    // `modify` random metadata edits (new title and keywords, approval and rights may change,
    // sometimes a new version), `remove` deletions and `add` uploads (to `gallery`, or to random
    // galleries when -1), chosen deterministically from the seed and the catalog's change count.
    Mutation mutate(int modify, int remove, int add, int gallery, qint64 nowMs);

    void setListener(Listener listener) { m_listener = std::move(listener); }

    // Queries (see DamSequence for the cost model).
    qint64 count(const DamQuery& query) const;
    QList<qint64> page(const DamQuery& query, qint64 offset, int limit) const;
    // The `limit` assets that follow (keyMs, index) in the query's order.
    QList<qint64> after(const DamQuery& query, qint64 keyMs, qint64 index, int limit) const;
    // The value `index` sorts by in `query`'s order.
    qint64 sortKeyMs(const DamQuery& query, const DamAsset& asset) const;

    // Matches of the query's predicate among base positions [0, blockEnd) of a scope, per block
    // of kBlock positions (cumulative). Built on first use by DamSequence, dropped when a generated
    // asset is touched for the first time (uploads keep them) or bad input is switched.
    static constexpr qint64 kBlock = 4096;
    std::shared_ptr<const std::vector<qint64>> cachedBlocks(const QString& key) const;
    void storeBlocks(const QString& key, std::shared_ptr<const std::vector<qint64>> blocks) const;

private:
    DamAsset base(qint64 index) const;
    void store(const DamAsset& asset, DamChange::Kind kind);
    qint64 pickAlive(quint64 draw) const;

    Config m_config;
    quint64 m_key;
    DamLayout m_layout;
    DamGenerator m_generator;
    DamOverlay m_overlay;
    QList<QPair<DamFixture, qint64>> m_fixtures;
    QHash<qint64, DamFixture> m_fixtureByIndex;
    bool m_badInput = false;
    mutable QString m_hugeCaption;
    quint64 m_changeCounter = 0;
    Listener m_listener;

    mutable QHash<QString, std::shared_ptr<const std::vector<qint64>>> m_blockCache;
    mutable quint64 m_blockCacheGeneration = 0; // touched generated assets when the cache was filled
};

} // namespace AssetDesk::Sandbox
