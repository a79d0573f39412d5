#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct Account;

// Who may see or download from a gallery (photoshelter.md §7: permissions items).
struct PhotoShelterGalleryPermission
{
    QString contactId;
    QString downloadFileType; // "original", "jpeg", empty = no download
    bool passwordProtected = false;
};

// A gallery's visibility and permissions, as support needs them (scenario ZP3).
struct PhotoShelterGalleryAccess
{
    QString galleryId;
    QString name;
    QString visibility; // everyone / public / private / permission
    QList<PhotoShelterGalleryPermission> permissions;
    QByteArray rawJson;
};

// A link that shares a gallery until it expires.
struct PhotoShelterShareLink
{
    QString id;
    QUrl url;
    QDateTime expiresAt; // invalid = never
    QByteArray rawJson;
};

// Gallery operations of one PhotoShelter account: upload into a gallery, read its access, share
// it with an expiring link, list its newest media. Lives on the connector's thread; callbacks on `context`'s thread.
//   upload       POST /psapi/v4.0/media/upload, multipart `file` + `gallery_id` (photoshelter.md §9:
//                the v4 path is provisional; v3 documents the same fields)
//   access       GET /psapi/v4.0/galleries/{id}?include=permissions,access (§7)
//   share link   POST /psapi/v4.0/galleries/{id}/links {"expires_at"} (not documented at all, §7:
//                "share links with expiration — not found"; the emulator's shape)
class PhotoShelterGalleries : public QObject
{
    Q_OBJECT
public:
    PhotoShelterGalleries(const Account& account, HttpClient* http, QObject* parent = nullptr);

    // Returns the new media id. Never sent twice (a POST): after an ambiguous failure the caller
    // must look before it uploads again.
    void upload(const QString& galleryId, const QString& fileName, const QByteArray& bytes, const QString& mimeType,
                QObject* context, std::function<void(Result<QString>)> done);
    // The same with descriptive form fields next to gallery_id (headline, caption, campaign,
    // audience_segment, publish_date: the archive of a published post, PX3/PX7). v3 documents
    // only gallery_id and file; the other names are the emulator's (photoshelter.md §9).
    void upload(const QString& galleryId, const QList<std::pair<QString, QString>>& fields, const QString& fileName,
                const QByteArray& bytes, const QString& mimeType, QObject* context,
                std::function<void(Result<QString>)> done);
    // The gallery's newest media (up to `count`, at most 100), newest first, as id -> file name:
    // the library search narrowed to the gallery (GET /psapi/v4.0/search?gallery_id=...&sort_by=
    // creation_time&sort_direction=descending, photoshelter.md §8). How an uploader finds what an
    // earlier, unanswered upload left there - by a file name it chose itself.
    void newestMedia(const QString& galleryId, int count, QObject* context,
                     std::function<void(Result<QList<std::pair<QString, QString>>>)> done);
    void access(const QString& galleryId, QObject* context, std::function<void(Result<PhotoShelterGalleryAccess>)> done);
    void createShareLink(const QString& galleryId, const QDateTime& expiresAt, QObject* context,
                         std::function<void(Result<PhotoShelterShareLink>)> done);

    // multipart/form-data with the given text fields and one file part; returns the body and sets
    // `contentType` (with its boundary).
    static QByteArray multipart(const QList<std::pair<QString, QString>>& fields, const QString& fileField,
                                const QString& fileName, const QByteArray& bytes, const QString& mimeType,
                                QByteArray* contentType);

private:
    QUrl url(const QString& path, const QList<std::pair<QString, QString>>& query = {}) const;

    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
