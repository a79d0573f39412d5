#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <QUrl>

namespace AssetDesk::Sandbox {

class JsonText;
class PhotoShelterLibrary;
struct DamAsset;
struct PhotoShelterPermission;
struct PhotoShelterShareLink;

// Resources as PSAPI v4 JSON:API-like objects (photoshelter.md §3): {"id","type","attributes",
// "relationships"}, and the `included` list built from the `include=` parameter.
// Media attributes use the v3 field names where v4's are unconfirmed (file_name, file_size,
// width, height, caption, keyword → "keywords" list, credit, copyright, uploaded_at, updated_at)
// plus the sandbox's rights fields (approval_status, license_expires_at, usage_restrictions,
// campaign) and `links`: named JPEG renditions with signed URLs that work without credentials.
// Bad-input fixtures (DamFixture) are rendered here as the wrong JSON they promise.
class PhotoShelterResources
{
public:
    // Rendition names and their long edge in pixels; 0 = the original.
    static int qualityEdge(const QString& quality); // -1: not a quality
    static const QStringList& renditionNames();      // "thumbnail", "small", "preview", "large"

    PhotoShelterResources(const PhotoShelterLibrary& library);
    void setBaseUrl(const QUrl& url)
    {
        m_base = url;
        m_baseText = url.toString(QUrl::StripTrailingSlash);
    }

    static QString time(const QDateTime& t);
    static QString time(qint64 ms);

    QJsonValue media(const DamAsset& asset) const;
    // The same resource written as text (listings: building QJsonObjects dominated).
    void writeMedia(JsonText& j, const DamAsset& asset) const;
    QJsonObject gallery(int gallery, const QSet<QString>& wanted, QJsonArray& included) const;
    QJsonObject collection(int collection, const QSet<QString>& wanted, QJsonArray& included) const;
    QJsonObject organization(int organization) const;
    QJsonObject permission(int gallery, const PhotoShelterPermission& p) const;
    QJsonObject access(int gallery) const;
    QJsonObject shareLink(const PhotoShelterShareLink& link) const;
    QJsonObject link(const DamAsset& asset, const QString& name, int edge) const;
    void writeLink(JsonText& j, const DamAsset& asset, const QString& name, int edge) const;
    // Adds a resource to `included` unless one with the same type and id is there already.
    static void include(QJsonArray& included, const QJsonObject& resource);

    QUrl downloadUrl(const QString& mediaId, const QString& fileType, const QString& quality, bool sign) const;
    QString downloadLink(const QString& mediaId, const QString& fileType, const QString& quality, bool sign) const;
    QUrl shareUrl(const QString& token) const;

private:
    QJsonObject galleryRef(int gallery) const;
    QJsonObject collectionRef(int collection) const;
    QJsonArray galleryPath(int gallery) const;

    const PhotoShelterLibrary& m_library;
    QUrl m_base;
    QString m_baseText;
};

} // namespace AssetDesk::Sandbox
