#include "sandbox/iconik/iconiklibrary.h"

#include "sandbox/splitmix64.h"

namespace AssetDesk::Sandbox {

namespace {

// Collection numbers: DamCollection c -> c, gallery g -> kGalleryBase + g, root o -> kRootBase + o.
constexpr quint64 kGalleryBase = quint64(1) << 32;
constexpr quint64 kRootBase = quint64(1) << 40;

DamCatalog::Config configFor(quint64 seed, qint64 size, QDate anchorDay)
{
    DamCatalog::Config c;
    c.seed = seed;
    c.stream = QStringLiteral("iconik");
    c.size = size;
    c.organizationNames = {QStringLiteral("Brand Studio"), QStringLiteral("Newsroom"), QStringLiteral("Agency Partners")};
    c.anchorDay = anchorDay;
    return c;
}

} // namespace

IconikLibrary::IconikLibrary(quint64 seed, qint64 size, QDate anchorDay)
    : m_catalog(configFor(seed, size, anchorDay))
    , m_ids(SplitMix64::derive(seed, u"iconik/ids"))
    , m_secret(SplitMix64::derive(seed, u"iconik/storage-signature"))
{}

std::optional<qint64> IconikLibrary::assetIndex(const QString& id) const
{
    const auto decoded = m_ids.parseUuid(id);
    if (!decoded || decoded->kind != DamIdKind::Asset || qint64(decoded->number) >= m_catalog.indexEnd())
        return std::nullopt;
    return qint64(decoded->number);
}

QString IconikLibrary::subId(DamIdKind kind, qint64 index, int slot) const
{
    return m_ids.uuid(kind, quint64(index) * 8 + quint64(slot));
}

std::optional<std::pair<qint64, int>> IconikLibrary::subIndex(DamIdKind kind, const QString& id) const
{
    const auto decoded = m_ids.parseUuid(id);
    if (!decoded || decoded->kind != kind)
        return std::nullopt;
    return std::pair<qint64, int>{qint64(decoded->number / 8), int(decoded->number % 8)};
}

QString IconikLibrary::collectionId(IconikCollectionRef ref) const
{
    quint64 number = quint64(ref.index);
    if (ref.kind == IconikCollectionRef::Kind::Gallery)
        number += kGalleryBase;
    else if (ref.kind == IconikCollectionRef::Kind::Root)
        number += kRootBase;
    return m_ids.uuid(DamIdKind::Collection, number);
}

std::optional<IconikCollectionRef> IconikLibrary::collectionRef(const QString& id) const
{
    const auto decoded = m_ids.parseUuid(id);
    if (!decoded || decoded->kind != DamIdKind::Collection)
        return std::nullopt;
    const quint64 n = decoded->number;
    IconikCollectionRef ref;
    if (n >= kRootBase) {
        ref = {IconikCollectionRef::Kind::Root, int(n - kRootBase)};
        if (ref.index >= layout().organizations().size())
            return std::nullopt;
    } else if (n >= kGalleryBase) {
        ref = {IconikCollectionRef::Kind::Gallery, int(n - kGalleryBase)};
        if (ref.index >= layout().galleries().size())
            return std::nullopt;
    } else {
        ref = {IconikCollectionRef::Kind::Collection, int(n)};
        if (ref.index >= layout().collections().size())
            return std::nullopt;
    }
    return ref;
}

std::optional<IconikCollectionRef> IconikLibrary::parentOf(IconikCollectionRef ref) const
{
    switch (ref.kind) {
    case IconikCollectionRef::Kind::Root:
        return std::nullopt;
    case IconikCollectionRef::Kind::Collection: {
        const DamCollection& c = layout().collections().at(ref.index);
        if (c.parent >= 0)
            return IconikCollectionRef{IconikCollectionRef::Kind::Collection, c.parent};
        return IconikCollectionRef{IconikCollectionRef::Kind::Root, c.organization};
    }
    case IconikCollectionRef::Kind::Gallery: {
        const DamGallery& g = layout().galleries().at(ref.index);
        if (g.topLevel)
            return std::nullopt;
        if (g.parent >= 0)
            return IconikCollectionRef{IconikCollectionRef::Kind::Collection, g.parent};
        return IconikCollectionRef{IconikCollectionRef::Kind::Root, g.organization};
    }
    }
    return std::nullopt;
}

QList<IconikCollectionRef> IconikLibrary::childrenOf(IconikCollectionRef ref) const
{
    QList<IconikCollectionRef> out;
    auto add = [&](const QList<int>& collections, const QList<int>& galleries) {
        for (int c : collections)
            out << IconikCollectionRef{IconikCollectionRef::Kind::Collection, c};
        for (int g : galleries)
            out << IconikCollectionRef{IconikCollectionRef::Kind::Gallery, g};
    };
    if (ref.kind == IconikCollectionRef::Kind::Root) {
        const DamOrganization& o = layout().organizations().at(ref.index);
        add(o.rootCollections, o.rootGalleries);
    } else if (ref.kind == IconikCollectionRef::Kind::Collection) {
        const DamCollection& c = layout().collections().at(ref.index);
        add(c.collections, c.galleries);
    }
    return out;
}

QList<IconikCollectionRef> IconikLibrary::allCollections() const
{
    QList<IconikCollectionRef> out;
    for (int o = 0; o < layout().organizations().size(); ++o)
        out << IconikCollectionRef{IconikCollectionRef::Kind::Root, o};
    for (int c = 0; c < layout().collections().size(); ++c)
        out << IconikCollectionRef{IconikCollectionRef::Kind::Collection, c};
    for (int g = 0; g < layout().galleries().size(); ++g)
        out << IconikCollectionRef{IconikCollectionRef::Kind::Gallery, g};
    return out;
}

QString IconikLibrary::collectionTitle(IconikCollectionRef ref) const
{
    switch (ref.kind) {
    case IconikCollectionRef::Kind::Root:
        return layout().organizations().at(ref.index).name;
    case IconikCollectionRef::Kind::Collection:
        return layout().collections().at(ref.index).name;
    case IconikCollectionRef::Kind::Gallery:
        return layout().galleries().at(ref.index).name;
    }
    return {};
}

qint64 IconikLibrary::collectionCreatedMs(IconikCollectionRef ref) const
{
    switch (ref.kind) {
    case IconikCollectionRef::Kind::Root: {
        const DamOrganization& o = layout().organizations().at(ref.index);
        return o.firstGallery < layout().galleries().size() ? layout().galleries().at(o.firstGallery).createdMs
                                                            : m_catalog.generator().createdMs(0);
    }
    case IconikCollectionRef::Kind::Collection:
        return layout().collections().at(ref.index).createdMs;
    case IconikCollectionRef::Kind::Gallery:
        return layout().galleries().at(ref.index).createdMs;
    }
    return 0;
}

QList<IconikCollectionRef> IconikLibrary::collectionsOf(const DamAsset& asset) const
{
    QList<IconikCollectionRef> out;
    if (asset.gallery >= 0)
        out << IconikCollectionRef{IconikCollectionRef::Kind::Gallery, asset.gallery};
    if (!asset.added) {
        const int selects = layout().selectsGalleryOf(asset.index);
        if (selects >= 0)
            out << IconikCollectionRef{IconikCollectionRef::Kind::Gallery, selects};
    }
    return out;
}

QString IconikLibrary::signature(const QString& assetId, const QString& name, int edge) const
{
    return QString::number(SplitMix64::derive(m_secret, QStringLiteral("%1/%2/%3").arg(assetId, name).arg(edge)), 16);
}

QString IconikLibrary::openScroll(const IconikScroll& scroll)
{
    if (m_scrolls.size() >= kMaxScrolls) {
        // Drop the one closest to expiry: scrolls are short-lived and clients resume by search_after.
        auto oldest = m_scrolls.begin();
        for (auto it = m_scrolls.begin(); it != m_scrolls.end(); ++it) {
            if (it->expiresAt < oldest->expiresAt)
                oldest = it;
        }
        m_scrolls.erase(oldest);
    }
    ++m_scrollCounter;
    const QString id = QString::number(SplitMix64::derive(m_secret ^ m_scrollCounter, u"scroll"), 36) +
                       QString::number(m_scrollCounter, 36);
    m_scrolls.insert(id, scroll);
    return id;
}

IconikScroll* IconikLibrary::scroll(const QString& id, const QDateTime& now)
{
    auto it = m_scrolls.find(id);
    if (it == m_scrolls.end())
        return nullptr;
    if (it->expiresAt < now) {
        m_scrolls.erase(it);
        return nullptr;
    }
    return &*it;
}

} // namespace AssetDesk::Sandbox
