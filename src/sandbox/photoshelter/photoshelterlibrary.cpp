#include "sandbox/photoshelter/photoshelterlibrary.h"

#include "sandbox/photoshelter/photoshelteraccount.h"
#include "sandbox/splitmix64.h"

namespace AssetDesk::Sandbox {

namespace {

constexpr qint64 kUploadBudgetBytes = 256LL * 1024 * 1024;

DamCatalog::Config configFor(quint64 seed, qint64 size, const PhotoShelterAccount& account, QDate anchorDay)
{
    DamCatalog::Config c;
    c.seed = seed;
    c.stream = QStringLiteral("photoshelter");
    c.size = size;
    for (const PhotoShelterOrganization& o : account.organizations())
        c.organizationNames << o.name;
    c.anchorDay = anchorDay;
    return c;
}

QString visibilityName(DamGallery::Visibility v)
{
    switch (v) {
    case DamGallery::Visibility::Everyone:
        return QStringLiteral("everyone");
    case DamGallery::Visibility::Public:
        return QStringLiteral("public");
    case DamGallery::Visibility::Private:
        return QStringLiteral("private");
    case DamGallery::Visibility::Permission:
        return QStringLiteral("permission");
    }
    return QStringLiteral("everyone");
}

} // namespace

PhotoShelterLibrary::PhotoShelterLibrary(quint64 seed, qint64 size, const PhotoShelterAccount& account,
                                         QDate anchorDay)
    : m_account(account)
    , m_catalog(configFor(seed, size, account, anchorDay))
    , m_ids(SplitMix64::derive(seed, u"photoshelter/ids"))
    , m_secret(SplitMix64::derive(seed, u"photoshelter/link-signature"))
{}

QString PhotoShelterLibrary::mediaId(const DamAsset& asset) const
{
    const QString prefix = asset.mediaType == DamMediaType::Video ? QStringLiteral("VD000") : QStringLiteral("I0000");
    return prefix + m_ids.code36(DamIdKind::Asset, quint64(asset.index));
}

std::optional<qint64> PhotoShelterLibrary::mediaIndex(const QString& id) const
{
    if (id.size() != 16)
        return std::nullopt;
    const auto decoded = m_ids.parseCode36(QStringView(id).mid(5));
    if (!decoded || decoded->kind != DamIdKind::Asset)
        return std::nullopt;
    const qint64 index = qint64(decoded->number);
    const auto asset = m_catalog.find(index);
    // An id with the wrong media prefix names nothing, as an unknown id would.
    if (!asset || mediaId(*asset) != id)
        return std::nullopt;
    return index;
}

QString PhotoShelterLibrary::galleryId(int gallery) const
{
    return QStringLiteral("G0000") + m_ids.code36(DamIdKind::Gallery, quint64(gallery));
}

std::optional<int> PhotoShelterLibrary::galleryIndex(const QString& id) const
{
    if (id.size() != 16 || !id.startsWith(QLatin1String("G0000")))
        return std::nullopt;
    const auto decoded = m_ids.parseCode36(QStringView(id).mid(5));
    if (!decoded || decoded->kind != DamIdKind::Gallery || decoded->number >= quint64(layout().galleries().size()))
        return std::nullopt;
    return int(decoded->number);
}

QString PhotoShelterLibrary::collectionId(int collection) const
{
    return QStringLiteral("C0000") + m_ids.code36(DamIdKind::Collection, quint64(collection));
}

std::optional<int> PhotoShelterLibrary::collectionIndex(const QString& id) const
{
    if (id.size() != 16 || !id.startsWith(QLatin1String("C0000")))
        return std::nullopt;
    const auto decoded = m_ids.parseCode36(QStringView(id).mid(5));
    if (!decoded || decoded->kind != DamIdKind::Collection ||
        decoded->number >= quint64(layout().collections().size()))
        return std::nullopt;
    return int(decoded->number);
}

QString PhotoShelterLibrary::organizationId(int organization) const
{
    return m_account.organizations().value(organization).id;
}

int PhotoShelterLibrary::organizationIndex(const QString& id) const
{
    const auto& orgs = m_account.organizations();
    for (int i = 0; i < orgs.size(); ++i) {
        if (orgs.at(i).id == id)
            return i;
    }
    return -1;
}

QString PhotoShelterLibrary::organizationRole(int organization) const
{
    return m_account.organizations().value(organization).role;
}

QList<int> PhotoShelterLibrary::galleriesOf(const DamAsset& asset) const
{
    QList<int> out;
    if (asset.gallery >= 0)
        out << asset.gallery;
    if (!asset.added) {
        const int selects = layout().selectsGalleryOf(asset.index);
        if (selects >= 0)
            out << selects;
    }
    return out;
}

QString PhotoShelterLibrary::visibility(int gallery) const
{
    if (const auto it = m_visibility.constFind(gallery); it != m_visibility.cend())
        return *it;
    return visibilityName(layout().galleries().at(gallery).visibility);
}

void PhotoShelterLibrary::setVisibility(int gallery, const QString& mode)
{
    m_visibility.insert(gallery, mode);
}

int PhotoShelterLibrary::createGallery(const DamGallery& gallery, const QStringList& keywords)
{
    const int index = m_catalog.addGallery(gallery);
    if (!keywords.isEmpty())
        m_galleryKeywords.insert(index, keywords);
    return index;
}

bool PhotoShelterLibrary::isVisibility(const QString& mode)
{
    return mode == QLatin1String("everyone") || mode == QLatin1String("public") || mode == QLatin1String("private") ||
           mode == QLatin1String("permission");
}

QList<PhotoShelterPermission> PhotoShelterLibrary::permissions(int gallery) const
{
    if (const auto it = m_permissions.constFind(gallery); it != m_permissions.cend())
        return *it;
    // Untouched galleries: "permission" galleries grant one or two contacts, derived from the
    // gallery index so they are stable without being stored.
    QList<PhotoShelterPermission> out;
    if (layout().galleries().at(gallery).visibility != DamGallery::Visibility::Permission)
        return out;
    SplitMix64 random(m_secret ^ (quint64(gallery) * 0x9e3779b97f4a7c15ULL));
    const int count = 1 + int(random.nextBelow(2));
    for (int k = 0; k < count; ++k) {
        PhotoShelterPermission p;
        p.id = QStringLiteral("P%1-%2").arg(gallery).arg(k);
        p.contactId = QStringLiteral("CT000") + m_ids.code36(DamIdKind::User, quint64(gallery) * 4 + quint64(k));
        p.email = QStringLiteral("client%1.%2@assetdesk-demo.example").arg(gallery).arg(k);
        p.downloadFileType = random.nextBelow(2) == 0 ? QStringLiteral("original") : QStringLiteral("jpeg");
        p.createdAt = QDateTime::fromMSecsSinceEpoch(layout().galleries().at(gallery).createdMs, Qt::UTC);
        out << p;
    }
    return out;
}

QString PhotoShelterLibrary::nextId(const QString& prefix)
{
    ++m_counter;
    return prefix + m_ids.code36(DamIdKind::ShareLink, m_counter);
}

PhotoShelterPermission PhotoShelterLibrary::addPermission(int gallery, PhotoShelterPermission permission,
                                                          const QDateTime& now)
{
    QList<PhotoShelterPermission> list = permissions(gallery);
    permission.id = nextId(QStringLiteral("PM000"));
    permission.createdAt = now;
    list << permission;
    m_permissions.insert(gallery, list);
    return permission;
}

bool PhotoShelterLibrary::removePermission(int gallery, const QString& id)
{
    QList<PhotoShelterPermission> list = permissions(gallery);
    const qsizetype removed = list.removeIf([&id](const PhotoShelterPermission& p) { return p.id == id; });
    if (removed == 0)
        return false;
    m_permissions.insert(gallery, list);
    return true;
}

PhotoShelterShareLink PhotoShelterLibrary::addShareLink(int gallery, const QDateTime& now, const QDateTime& expiresAt)
{
    PhotoShelterShareLink link;
    link.id = nextId(QStringLiteral("SL000"));
    link.gallery = gallery;
    link.createdAt = now;
    link.expiresAt = expiresAt;
    SplitMix64 random(m_secret ^ SplitMix64::derive(m_counter, u"share-token"));
    link.token = QString::number(random.next(), 36) + QString::number(random.next(), 36);
    m_shareLinks << link;
    return link;
}

QList<PhotoShelterShareLink> PhotoShelterLibrary::shareLinks(int gallery) const
{
    QList<PhotoShelterShareLink> out;
    for (const PhotoShelterShareLink& l : m_shareLinks) {
        if (l.gallery == gallery)
            out << l;
    }
    return out;
}

bool PhotoShelterLibrary::removeShareLink(int gallery, const QString& id)
{
    return m_shareLinks.removeIf([&](const PhotoShelterShareLink& l) { return l.gallery == gallery && l.id == id; }) > 0;
}

const PhotoShelterShareLink* PhotoShelterLibrary::shareLink(const QString& token) const
{
    for (const PhotoShelterShareLink& l : m_shareLinks) {
        if (l.token == token)
            return &l;
    }
    return nullptr;
}

QString PhotoShelterLibrary::signature(const QString& mediaId, const QString& quality) const
{
    return QString::number(SplitMix64::derive(m_secret, QString(mediaId + QLatin1Char('/') + quality)), 16);
}

void PhotoShelterLibrary::storeUpload(qint64 index, const QByteArray& bytes)
{
    m_uploads.insert(index, bytes);
    m_uploadOrder << index;
    m_uploadBytes += bytes.size();
    while (m_uploadBytes > kUploadBudgetBytes && !m_uploadOrder.isEmpty()) {
        const qint64 oldest = m_uploadOrder.takeFirst();
        m_uploadBytes -= m_uploads.take(oldest).size();
    }
}

std::optional<QByteArray> PhotoShelterLibrary::upload(qint64 index) const
{
    if (const auto it = m_uploads.constFind(index); it != m_uploads.cend())
        return *it;
    return std::nullopt;
}

} // namespace AssetDesk::Sandbox
