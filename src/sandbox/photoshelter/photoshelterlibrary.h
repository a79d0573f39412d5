#pragma once

#include "sandbox/dam/damcatalog.h"
#include "sandbox/dam/damids.h"
#include "sandbox/dam/damimagerenderer.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace AssetDesk::Sandbox {

class PhotoShelterAccount;

// A gallery permission (photoshelter.md §7: permissions items carry download_image_filetype,
// contact_id and password).
struct PhotoShelterPermission
{
    QString id;
    QString contactId;
    QString email;
    QString downloadFileType; // "original", "jpeg", "none"
    QString password;
    QDateTime createdAt;
};

// A share link of a gallery. Share links are unconfirmed in the v4 docs (§7); the shape here is
// the sandbox's own: a public URL with an unguessable token and an optional expiry.
struct PhotoShelterShareLink
{
    QString id;
    QString token;
    int gallery = -1;
    QDateTime createdAt;
    QDateTime expiresAt; // null: never
};

// The PhotoShelter library: the DamCatalog ("photoshelter" stream, the account's organizations),
// PhotoShelter-looking ids for its assets and containers, and what clients changed about the
// galleries (visibility, permissions, share links) and uploaded (original bytes). Server thread
// only.
class PhotoShelterLibrary
{
public:
    PhotoShelterLibrary(quint64 seed, qint64 size, const PhotoShelterAccount& account, QDate anchorDay);

    DamCatalog& catalog() { return m_catalog; }
    const DamCatalog& catalog() const { return m_catalog; }
    DamImageRenderer& renderer() { return m_renderer; }
    const DamLayout& layout() const { return m_catalog.layout(); }

    // "I0000…" for images, "VD000…" for videos (photoshelter.md §1).
    QString mediaId(const DamAsset& asset) const;
    // The index of a media id whose prefix matches its media type; nullopt otherwise.
    std::optional<qint64> mediaIndex(const QString& id) const;
    QString galleryId(int gallery) const;
    std::optional<int> galleryIndex(const QString& id) const;
    QString collectionId(int collection) const;
    std::optional<int> collectionIndex(const QString& id) const;
    QString organizationId(int organization) const;
    int organizationIndex(const QString& id) const; // -1 when unknown
    QString organizationRole(int organization) const;

    // The galleries an asset is in: its own, and its organization's selects gallery if it is
    // one of every 37th.
    QList<int> galleriesOf(const DamAsset& asset) const;

    // "everyone", "public", "private", "permission" (v3 Visibility modes).
    QString visibility(int gallery) const;
    void setVisibility(int gallery, const QString& mode);
    static bool isVisibility(const QString& mode);

    // A gallery created by a client (POST galleries): added to the catalog's layout, with its
    // keywords kept here (generated galleries have none). Returns its index.
    int createGallery(const DamGallery& gallery, const QStringList& keywords);
    QStringList galleryKeywords(int gallery) const { return m_galleryKeywords.value(gallery); }

    QList<PhotoShelterPermission> permissions(int gallery) const;
    PhotoShelterPermission addPermission(int gallery, PhotoShelterPermission permission, const QDateTime& now);
    bool removePermission(int gallery, const QString& id);

    PhotoShelterShareLink addShareLink(int gallery, const QDateTime& now, const QDateTime& expiresAt);
    QList<PhotoShelterShareLink> shareLinks(int gallery) const;
    bool removeShareLink(int gallery, const QString& id);
    const PhotoShelterShareLink* shareLink(const QString& token) const;

    // Signature of a public rendition link, so thumbnails can be fetched without credentials
    // (like a CDN link) but not guessed.
    QString signature(const QString& mediaId, const QString& quality) const;

    // Bytes a client uploaded, served as the original. Bounded: the oldest are forgotten (their
    // original is then rendered like any other asset's).
    void storeUpload(qint64 index, const QByteArray& bytes);
    std::optional<QByteArray> upload(qint64 index) const;

private:
    QString nextId(const QString& prefix);

    const PhotoShelterAccount& m_account;
    DamCatalog m_catalog;
    DamIdCodec m_ids;
    DamImageRenderer m_renderer;
    quint64 m_secret;
    quint64 m_counter = 0;
    QHash<int, QString> m_visibility;
    QHash<int, QStringList> m_galleryKeywords;
    QHash<int, QList<PhotoShelterPermission>> m_permissions; // galleries changed by a client
    QList<PhotoShelterShareLink> m_shareLinks;
    QHash<qint64, QByteArray> m_uploads;
    QList<qint64> m_uploadOrder;
    qint64 m_uploadBytes = 0;
};

} // namespace AssetDesk::Sandbox
