#pragma once

#include "sandbox/dam/damcatalog.h"
#include "sandbox/dam/damids.h"
#include "sandbox/dam/damimagerenderer.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace AssetDesk::Sandbox {

// What an iconik collection id names: the sandbox maps DamLayout's organizations, collections
// and galleries onto one collection tree (organizations are the root collections, galleries the
// leaves that hold assets).
struct IconikCollectionRef
{
    enum class Kind
    {
        Root,       // a DamOrganization
        Collection, // a DamCollection
        Gallery,    // a DamGallery (regular or selects)
    };
    Kind kind = Kind::Collection;
    int index = -1;

    bool operator==(const IconikCollectionRef&) const = default;
};

// A scroll of a listing or search (iconik.md §3, §8): the query and where the last page ended.
struct IconikScroll
{
    DamQuery query;
    qint64 lastKeyMs = 0;
    qint64 lastIndex = -1;
    int perPage = 10;
    QDateTime expiresAt;
};

// The iconik library: its own DamCatalog ("iconik" stream), UUIDs for everything in it (asset,
// version, format, file set, file, proxy, keyframe, collection), signed storage URLs for the bytes
// and the open scrolls. Server thread only.
class IconikLibrary
{
public:
    static constexpr int kMaxScrolls = 256;

    IconikLibrary(quint64 seed, qint64 size, QDate anchorDay);

    DamCatalog& catalog() { return m_catalog; }
    const DamCatalog& catalog() const { return m_catalog; }
    DamImageRenderer& renderer() { return m_renderer; }
    const DamLayout& layout() const { return m_catalog.layout(); }
    const DamIdCodec& ids() const { return m_ids; }

    QString assetId(qint64 index) const { return m_ids.uuid(DamIdKind::Asset, quint64(index)); }
    std::optional<qint64> assetIndex(const QString& id) const;
    // Sub-resources of an asset: number = index * 8 + slot.
    QString subId(DamIdKind kind, qint64 index, int slot = 0) const;
    // The asset index and slot of a sub-resource id of `kind`.
    std::optional<std::pair<qint64, int>> subIndex(DamIdKind kind, const QString& id) const;

    QString collectionId(IconikCollectionRef ref) const;
    std::optional<IconikCollectionRef> collectionRef(const QString& id) const;
    // Parent of a collection (nullopt for roots) and its children, in tree order.
    std::optional<IconikCollectionRef> parentOf(IconikCollectionRef ref) const;
    QList<IconikCollectionRef> childrenOf(IconikCollectionRef ref) const;
    QList<IconikCollectionRef> allCollections() const;
    QString collectionTitle(IconikCollectionRef ref) const;
    qint64 collectionCreatedMs(IconikCollectionRef ref) const;
    // The leaf collections an asset is in.
    QList<IconikCollectionRef> collectionsOf(const DamAsset& asset) const;

    QString storageId() const { return m_ids.uuid(DamIdKind::Storage, 1); }
    QString viewId(int view) const { return m_ids.uuid(DamIdKind::MetadataView, quint64(view)); }

    // Storage URLs: /storage/<asset id>/<name>?edge=<px>&sig=<signature>.
    QString signature(const QString& assetId, const QString& name, int edge) const;

    QString openScroll(const IconikScroll& scroll);
    IconikScroll* scroll(const QString& id, const QDateTime& now);

private:
    DamCatalog m_catalog;
    DamIdCodec m_ids;
    DamImageRenderer m_renderer;
    quint64 m_secret;
    quint64 m_scrollCounter = 0;
    QHash<QString, IconikScroll> m_scrolls;
};

} // namespace AssetDesk::Sandbox
