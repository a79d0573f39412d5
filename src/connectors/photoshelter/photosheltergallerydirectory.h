#pragma once

#include "connectors/photoshelter/photosheltergalleries.h"
#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct Account;

// One gallery as a listing shows it (photoshelter.md §7: galleries with include=access).
struct PhotoShelterGallerySummary
{
    QString id;
    QString name;
    QString description;
    QString organizationId;
    QString visibility; // everyone / public / private / permission; empty when not sideloaded
    QDateTime createdAt;
};

// A person or contact allowed into a gallery (GET galleries/{id}/permissions).
struct PhotoShelterGalleryGrant
{
    QString id;
    QString email;
    QString contactId;
    QString downloadFileType; // original / jpeg / none
    bool passwordProtected = false;
    QDateTime createdAt;
};

// The gallery reads support needs beyond PhotoShelterGalleries (scenario ZP3) and the gallery a
// campaign gets (DP3). Lives on the connector's thread; callbacks on `context`'s thread.
//   list         GET  /psapi/v4.0/galleries?include=access&page&per_page (§7), every page up to a cap
//   grants       GET  /psapi/v4.0/galleries/{id}/permissions
//   shareLinks   GET  /psapi/v4.0/galleries/{id}/links (links are the emulator's shape, §7:
//                "share links with expiration - not found")
//   create       POST /psapi/v4.0/galleries {"name","description","keywords","parent_id","access"}
//                (no v4 create call is documented; v3 had none either - the emulator's shape,
//                JSON:API-like like every v4 resource)
class PhotoShelterGalleryDirectory : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPerPage = 100;
    static constexpr int kMaxPages = 50; // 5,000 galleries: more is not a support agent's list

    PhotoShelterGalleryDirectory(const Account& account, HttpClient* http, QObject* parent = nullptr);

    void list(QObject* context, std::function<void(Result<QList<PhotoShelterGallerySummary>>)> done);
    void grants(const QString& galleryId, QObject* context,
                std::function<void(Result<QList<PhotoShelterGalleryGrant>>)> done);
    void shareLinks(const QString& galleryId, QObject* context,
                    std::function<void(Result<QList<PhotoShelterShareLink>>)> done);

    struct NewGallery
    {
        QString name;
        QString description;
        QStringList keywords;
        QString parentCollectionId; // empty: the organization's root
        QString visibility;         // empty: the service's default
    };
    // A POST: never repeated blindly; after an ambiguous failure the caller lists first.
    void create(const NewGallery& gallery, QObject* context, std::function<void(Result<PhotoShelterGallerySummary>)> done);

    static PhotoShelterGallerySummary summaryFrom(const QJsonObject& resource);

private:
    void listPage(int page, QList<PhotoShelterGallerySummary> soFar, QObject* context,
                  std::function<void(Result<QList<PhotoShelterGallerySummary>>)> done);
    QUrl url(const QString& path, const QList<std::pair<QString, QString>>& query = {}) const;

    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
