#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace AssetDesk::Sandbox {

// PhotoShelter calls them galleries; in iconik they are the leaf collections holding assets.
struct DamGallery
{
    enum class Visibility
    {
        Everyone,
        Public,
        Private,
        Permission,
    };

    int index = 0;
    int organization = 0;
    int parent = -1; // collection index, -1 at the organization's root
    // iconik: a collection made without a parent sits at the top of the tree, in no organization's
    // root. `organization` still says whose uploads it holds (the account's first).
    bool topLevel = false;
    // Regular galleries hold the contiguous base-asset range [first, end). A selects gallery
    // holds every `strideStep`-th asset of its organization starting at `first`.
    qint64 first = 0;
    qint64 end = 0;
    bool selects = false;
    qint64 strideStep = 1;
    int campaign = -1;
    QString name;
    QString description;
    qint64 createdMs = 0;
    Visibility visibility = Visibility::Everyone;
};

struct DamCollection
{
    int index = 0;
    int organization = 0;
    int parent = -1; // -1 at the organization's root
    QList<int> collections; // child collections
    QList<int> galleries;   // galleries directly inside
    // Every regular gallery below it (directly or in a child) is in [firstGallery, endGallery).
    int firstGallery = 0;
    int endGallery = 0;
    int campaign = -1;
    QString name;
    qint64 createdMs = 0;
};

struct DamOrganization
{
    int index = 0;
    QString name;
    int firstGallery = 0; // regular galleries [firstGallery, endGallery)
    int endGallery = 0;
    qint64 first = 0; // base assets [first, end)
    qint64 end = 0;
    QList<int> rootCollections;
    QList<int> rootGalleries; // includes the selects gallery
    int selectsGallery = -1;
};

// How the base assets are organized: organizations > collections > (sub-collections) >
// galleries, each gallery a contiguous run of asset indexes, so "the assets of a gallery,
// collection or organization" is always an index range and never needs a scan. Regular galleries
// are numbered first (0..regularGalleryCount-1, in asset order), then one "selects" gallery per
// non-empty organization that shares every 37th of its assets. Deterministic from (key, size).
// Built once; read-only afterwards.
class DamLayout
{
public:
    static constexpr qint64 kSelectsStride = 37;

    DamLayout() = default;
    DamLayout(quint64 key, qint64 size, const QStringList& organizationNames);

    qint64 size() const { return m_size; }
    const QList<DamOrganization>& organizations() const { return m_organizations; }
    const QList<DamCollection>& collections() const { return m_collections; }
    const QList<DamGallery>& galleries() const { return m_galleries; }
    int regularGalleryCount() const { return m_regularGalleries; }

    // The regular gallery holding base asset `index` (binary search), -1 when out of range.
    int galleryOf(qint64 index) const;
    // Whether base asset `index` is also in its organization's selects gallery.
    bool inSelects(qint64 index) const;
    int selectsGalleryOf(qint64 index) const;
    // Asset range of a collection's regular galleries.
    qint64 collectionFirst(int collection) const;
    qint64 collectionEnd(int collection) const;
    // Collections from the root down to `collection`, inclusive.
    QList<int> collectionPath(int collection) const;

    // A gallery a client created while the sandbox runs: no generated assets (first == end), so
    // it holds only what is uploaded into it; at its organization's root (parent -1) or listed
    // among a collection's galleries (whose asset range it is not part of). Returns its index.
    int appendGallery(DamGallery gallery);

private:
    void addOrganizationContent(quint64 key, DamOrganization& org, int& topCounter);

    qint64 m_size = 0;
    QList<DamOrganization> m_organizations;
    QList<DamCollection> m_collections;
    QList<DamGallery> m_galleries;
    int m_regularGalleries = 0;
    std::vector<qint64> m_starts; // first index of each regular gallery, plus m_size
};

} // namespace AssetDesk::Sandbox
