#include "sandbox/dam/damlayout.h"

#include "sandbox/dam/damvocabulary.h"
#include "sandbox/splitmix64.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace AssetDesk::Sandbox {

namespace {

QString capitalized(QString word)
{
    if (!word.isEmpty())
        word[0] = word.at(0).toUpper();
    return word;
}

DamGallery::Visibility visibilityFor(quint64 draw)
{
    const int v = int(draw % 10);
    if (v < 5)
        return DamGallery::Visibility::Everyone;
    if (v < 7)
        return DamGallery::Visibility::Public;
    if (v < 9)
        return DamGallery::Visibility::Permission;
    return DamGallery::Visibility::Private;
}

} // namespace

DamLayout::DamLayout(quint64 key, qint64 size, const QStringList& organizationNames)
    : m_size(std::max<qint64>(0, size))
{
    SplitMix64 random(SplitMix64::derive(key, u"layout"));
    const QStringList& words = DamVocabulary::words();

    // Galleries of sqrt(size) assets on average (4..1000), each between half and one and a half
    // times that.
    const qint64 average = std::clamp<qint64>(qint64(std::llround(std::sqrt(double(m_size)))), 4, 1000);
    const qint64 t0 = QDateTime(QDate(2019, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 span = QDateTime(QDate(2024, 12, 31), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() - t0;
    qint64 next = 0;
    while (next < m_size) {
        const qint64 count = std::min(m_size - next, average / 2 + qint64(random.nextBelow(quint64(average) + 1)));
        DamGallery g;
        g.index = int(m_galleries.size());
        g.first = next;
        g.end = next + std::max<qint64>(1, count);
        g.name = capitalized(words.at(int(random.nextBelow(quint64(words.size()))))) + QLatin1Char(' ') +
                 words.at(int(random.nextBelow(quint64(words.size())))) + QLatin1Char(' ') +
                 QString::number(g.index + 1);
        g.description = QStringLiteral("Shoot %1: %2 assets").arg(g.index + 1).arg(g.end - g.first);
        g.createdMs = t0 + qint64(double(span) * double(g.first) / double(std::max<qint64>(1, m_size)));
        g.visibility = visibilityFor(random.next());
        m_starts.push_back(g.first);
        m_galleries.append(g);
        next = g.end;
    }
    m_starts.push_back(m_size);
    m_regularGalleries = int(m_galleries.size());

    const int orgCount = std::max<int>(1, int(organizationNames.size()));
    int topCounter = 0;
    for (int o = 0; o < orgCount; ++o) {
        DamOrganization org;
        org.index = o;
        org.name = organizationNames.value(o, QStringLiteral("Organization %1").arg(o + 1));
        org.firstGallery = int(qint64(m_regularGalleries) * o / orgCount);
        org.endGallery = int(qint64(m_regularGalleries) * (o + 1) / orgCount);
        org.first = org.firstGallery < m_regularGalleries ? m_galleries.at(org.firstGallery).first : m_size;
        org.end = org.endGallery > 0 && org.endGallery > org.firstGallery ? m_galleries.at(org.endGallery - 1).end
                                                                          : org.first;
        addOrganizationContent(key, org, topCounter);
        m_organizations.append(org);
    }
}

void DamLayout::addOrganizationContent(quint64 key, DamOrganization& org, int& topCounter)
{
    SplitMix64 random(SplitMix64::derive(key ^ quint64(org.index + 1), u"layout/organization"));
    for (int g = org.firstGallery; g < org.endGallery; ++g)
        m_galleries[g].organization = org.index;
    int firstInCollections = org.firstGallery;
    const int count = org.endGallery - org.firstGallery;
    // The first gallery of a larger organization sits at its root, outside any collection.
    if (count >= 3) {
        org.rootGalleries.append(org.firstGallery);
        firstInCollections = org.firstGallery + 1;
    }
    const int remaining = org.endGallery - firstInCollections;
    const int tops = remaining <= 0 ? 0 : std::clamp((remaining + 11) / 12, 1, 6);
    for (int t = 0; t < tops; ++t) {
        const int gFirst = firstInCollections + remaining * t / tops;
        const int gEnd = firstInCollections + remaining * (t + 1) / tops;
        DamCollection top;
        top.index = int(m_collections.size());
        top.organization = org.index;
        top.firstGallery = gFirst;
        top.endGallery = gEnd;
        top.campaign = topCounter % int(DamVocabulary::campaigns().size());
        top.name = DamVocabulary::campaigns().at(top.campaign);
        if (topCounter >= DamVocabulary::campaigns().size())
            top.name += QStringLiteral(" (%1)").arg(topCounter / DamVocabulary::campaigns().size() + 1);
        ++topCounter;
        top.createdMs = gFirst < gEnd ? m_galleries.at(gFirst).createdMs : 0;
        org.rootCollections.append(top.index);
        m_collections.append(top);
        const int topIndex = top.index;
        if (gEnd - gFirst >= 4) {
            const int mid = gFirst + (gEnd - gFirst) / 2;
            for (int part = 0; part < 2; ++part) {
                DamCollection sub;
                sub.index = int(m_collections.size());
                sub.organization = org.index;
                sub.parent = topIndex;
                sub.firstGallery = part == 0 ? gFirst : mid;
                sub.endGallery = part == 0 ? mid : gEnd;
                sub.campaign = m_collections.at(topIndex).campaign;
                sub.name = QStringLiteral("Day %1").arg(part + 1);
                sub.createdMs = m_galleries.at(sub.firstGallery).createdMs;
                for (int g = sub.firstGallery; g < sub.endGallery; ++g) {
                    m_galleries[g].parent = sub.index;
                    m_galleries[g].campaign = sub.campaign;
                    sub.galleries.append(g);
                }
                m_collections[topIndex].collections.append(sub.index);
                m_collections.append(sub);
            }
        } else {
            for (int g = gFirst; g < gEnd; ++g) {
                m_galleries[g].parent = topIndex;
                m_galleries[g].campaign = m_collections.at(topIndex).campaign;
                m_collections[topIndex].galleries.append(g);
            }
        }
    }
    if (org.end > org.first) {
        DamGallery selects;
        selects.index = int(m_galleries.size());
        selects.organization = org.index;
        selects.selects = true;
        selects.strideStep = kSelectsStride;
        selects.first = org.first;
        selects.end = org.end;
        selects.name = QStringLiteral("%1 Selects").arg(org.name);
        selects.description = QStringLiteral("Every %1th asset of %2").arg(kSelectsStride).arg(org.name);
        selects.createdMs = m_galleries.at(org.firstGallery).createdMs;
        selects.visibility = random.nextBelow(2) == 0 ? DamGallery::Visibility::Public
                                                      : DamGallery::Visibility::Permission;
        org.selectsGallery = selects.index;
        org.rootGalleries.append(selects.index);
        m_galleries.append(selects);
    }
}

int DamLayout::galleryOf(qint64 index) const
{
    if (index < 0 || index >= m_size)
        return -1;
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end() - 1, index);
    return int(it - m_starts.begin()) - 1;
}

int DamLayout::selectsGalleryOf(qint64 index) const
{
    const int g = galleryOf(index);
    if (g < 0)
        return -1;
    const DamOrganization& org = m_organizations.at(m_galleries.at(g).organization);
    if (org.selectsGallery < 0 || (index - org.first) % kSelectsStride != 0)
        return -1;
    return org.selectsGallery;
}

bool DamLayout::inSelects(qint64 index) const
{
    return selectsGalleryOf(index) >= 0;
}

qint64 DamLayout::collectionFirst(int collection) const
{
    const DamCollection& c = m_collections.at(collection);
    return c.firstGallery < c.endGallery ? m_galleries.at(c.firstGallery).first : 0;
}

qint64 DamLayout::collectionEnd(int collection) const
{
    const DamCollection& c = m_collections.at(collection);
    return c.firstGallery < c.endGallery ? m_galleries.at(c.endGallery - 1).end : 0;
}

int DamLayout::appendGallery(DamGallery gallery)
{
    gallery.index = int(m_galleries.size());
    gallery.selects = false;
    gallery.strideStep = 1;
    gallery.first = gallery.end = 0;
    if (gallery.topLevel) {
        gallery.parent = -1;
        if (gallery.organization < 0 || gallery.organization >= m_organizations.size())
            gallery.organization = 0;
    } else if (gallery.parent >= 0 && gallery.parent < m_collections.size()) {
        gallery.organization = m_collections.at(gallery.parent).organization;
        m_collections[gallery.parent].galleries.append(gallery.index);
    } else if (!m_organizations.isEmpty()) {
        if (gallery.organization < 0 || gallery.organization >= m_organizations.size())
            gallery.organization = 0;
        gallery.parent = -1;
        m_organizations[gallery.organization].rootGalleries.append(gallery.index);
    }
    m_galleries.append(gallery);
    return gallery.index;
}

QList<int> DamLayout::collectionPath(int collection) const
{
    QList<int> path;
    for (int c = collection; c >= 0; c = m_collections.at(c).parent)
        path.prepend(c);
    return path;
}

} // namespace AssetDesk::Sandbox
