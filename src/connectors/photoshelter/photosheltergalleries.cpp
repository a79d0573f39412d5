#include "connectors/photoshelter/photosheltergalleries.h"

#include "connectors/apiurl.h"
#include "connectors/damitemreader.h"
#include "connectors/damtext.h"
#include "connectors/photoshelter/photosheltermapper.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

namespace AssetDesk {

namespace {
const QString kService = QStringLiteral("PhotoShelter");

QString segment(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

Error missing(const QString& what)
{
    return Error(ErrorKind::Parse,
                 QCoreApplication::translate("AssetDesk::PhotoShelterGalleries", "PhotoShelter answered without %1.").arg(what))
        .withOrigin(kService);
}

PhotoShelterGalleryPermission permissionFrom(const QJsonObject& o)
{
    DamItemReader r(o);
    PhotoShelterGalleryPermission p;
    p.contactId = r.text({u"attributes.contact_id", u"contact_id"}, 256);
    p.downloadFileType = r.text({u"attributes.download_image_filetype", u"download_image_filetype"}, 64);
    p.passwordProtected = !r.text({u"attributes.password", u"password"}, 1024).isEmpty()
        || r.boolean({u"attributes.has_password", u"has_password"});
    return p;
}
} // namespace

PhotoShelterGalleries::PhotoShelterGalleries(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{
}

QUrl PhotoShelterGalleries::url(const QString& path, const QList<std::pair<QString, QString>>& query) const
{
    return apiUrl(m_root, QStringLiteral("/psapi/v4.0") + path, query, QUrl::TolerantMode);
}

QByteArray PhotoShelterGalleries::multipart(const QList<std::pair<QString, QString>>& fields, const QString& fileField,
                                            const QString& fileName, const QByteArray& bytes, const QString& mimeType,
                                            QByteArray* contentType)
{
    const QByteArray boundary = "assetdesk-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    QByteArray body;
    for (const auto& [name, value] : fields) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name.toUtf8() + "\"\r\n\r\n"
            + value.toUtf8() + "\r\n";
    }
    // The name goes into a header: no quotes, no line breaks, no path.
    const QByteArray safeName = DamText::safeFileName(fileName, QStringLiteral("upload")).toUtf8();
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField.toUtf8() + "\"; filename=\""
        + safeName + "\"\r\nContent-Type: "
        + (mimeType.isEmpty() ? QByteArray("application/octet-stream") : mimeType.toUtf8()) + "\r\n\r\n";
    body += bytes;
    body += "\r\n--" + boundary + "--\r\n";
    if (contentType)
        *contentType = "multipart/form-data; boundary=" + boundary;
    return body;
}

void PhotoShelterGalleries::upload(const QString& galleryId, const QString& fileName, const QByteArray& bytes,
                                   const QString& mimeType, QObject* context, std::function<void(Result<QString>)> done)
{
    upload(galleryId, {}, fileName, bytes, mimeType, context, std::move(done));
}

void PhotoShelterGalleries::upload(const QString& galleryId, const QList<std::pair<QString, QString>>& fields,
                                   const QString& fileName, const QByteArray& bytes, const QString& mimeType,
                                   QObject* context, std::function<void(Result<QString>)> done)
{
    QList<std::pair<QString, QString>> form{{QStringLiteral("gallery_id"), galleryId}};
    for (const auto& field : fields) {
        if (!field.second.isEmpty())
            form << field;
    }
    QByteArray type;
    const QByteArray body = multipart(form, QStringLiteral("file"), fileName, bytes, mimeType, &type);
    HttpRequest request = HttpRequest::post(url(QStringLiteral("/media/upload")), body, type);
    request.logTag = QStringLiteral("upload to gallery");
    request.timeout = std::chrono::seconds(120);
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        const DamItemReader r(*json);
        // v4 resource, or the v3 shapes (photoshelter.md §9: "image data incl. the new image_id").
        for (QStringView path : {u"data.id", u"data.attributes.media_id", u"data.Image.image_id", u"data.image_id",
                                 u"data.media_id"}) {
            const QJsonValue v = r.at(path);
            if (v.isString() && !v.toString().isEmpty())
                return done(v.toString());
        }
        done(missing(QStringLiteral("the id of the uploaded file")));
    });
}

void PhotoShelterGalleries::newestMedia(const QString& galleryId, int count, QObject* context,
                                        std::function<void(Result<QList<std::pair<QString, QString>>>)> done)
{
    HttpRequest request = HttpRequest::get(url(QStringLiteral("/search"),
                                               {{QStringLiteral("media_type"), QStringLiteral("image,video,audio,doc")},
                                                {QStringLiteral("mode"), QStringLiteral("library")},
                                                {QStringLiteral("gallery_id"), galleryId},
                                                {QStringLiteral("sort_by"), QStringLiteral("creation_time")},
                                                {QStringLiteral("sort_direction"), QStringLiteral("descending")},
                                                {QStringLiteral("page"), QStringLiteral("1")},
                                                {QStringLiteral("per_page"), QString::number(std::clamp(count, 1, 100))}}));
    request.logTag = QStringLiteral("gallery newest media");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        const QJsonValue data = json->value(QLatin1String("data"));
        if (!data.isArray())
            return done(missing(QStringLiteral("the list of media")));
        QList<std::pair<QString, QString>> media;
        for (const QJsonValue& v : data.toArray()) {
            DamItemReader r(v.toObject());
            const QString id = r.text({u"id", u"attributes.media_id"}, 64);
            if (!id.isEmpty())
                media.append({id, r.text({u"attributes.file_name", u"file_name"}, 1024)});
        }
        done(media);
    });
}

void PhotoShelterGalleries::access(const QString& galleryId, QObject* context,
                                   std::function<void(Result<PhotoShelterGalleryAccess>)> done)
{
    HttpRequest request = HttpRequest::get(
        url(QStringLiteral("/galleries/") + segment(galleryId), {{QStringLiteral("include"), QStringLiteral("permissions,access")}}));
    request.logTag = QStringLiteral("gallery access");
    m_http->send(request, context, [done, galleryId](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        const QJsonObject data = json->value(QLatin1String("data")).toObject();
        if (data.isEmpty())
            return done(missing(QStringLiteral("the gallery")));
        const PhotoShelterMapper mapper(0, QUrl());
        // The access record may be nested in the gallery or sideloaded next to it.
        QJsonObject gallery = data;
        QList<PhotoShelterGalleryPermission> permissions;
        for (const QJsonValue& v : json->value(QLatin1String("included")).toArray()) {
            const QJsonObject o = v.toObject();
            const QString type = o.value(QLatin1String("type")).toString().toLower();
            if (type.contains(QLatin1String("permission")))
                permissions << permissionFrom(o);
            else if (type.contains(QLatin1String("access")) && !gallery.contains(QLatin1String("access")))
                gallery.insert(QStringLiteral("access"), QJsonObject{{QStringLiteral("data"), o}});
        }
        for (const QJsonValue& v : data.value(QLatin1String("permissions")).toObject().value(QLatin1String("data")).toArray())
            permissions << permissionFrom(v.toObject());
        const std::optional<Collection> c = mapper.mapContainer(gallery, Collection::Kind::Gallery);
        PhotoShelterGalleryAccess access;
        access.galleryId = c ? c->remoteId : galleryId;
        access.name = c ? c->name : QString();
        access.visibility = c ? c->visibility : QString();
        access.permissions = permissions;
        access.rawJson = response->body;
        done(access);
    });
}

void PhotoShelterGalleries::createShareLink(const QString& galleryId, const QDateTime& expiresAt, QObject* context,
                                            std::function<void(Result<PhotoShelterShareLink>)> done)
{
    QJsonObject body;
    if (expiresAt.isValid())
        body.insert(QStringLiteral("expires_at"), expiresAt.toUTC().toString(Qt::ISODate));
    HttpRequest request = HttpRequest::postJson(url(QStringLiteral("/galleries/") + segment(galleryId) + QStringLiteral("/links")),
                                                QJsonDocument(body));
    request.logTag = QStringLiteral("gallery share link");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        DamItemReader r(*json);
        PhotoShelterShareLink link;
        link.id = r.text({u"data.id"}, 256);
        link.url = QUrl(r.text({u"data.attributes.url", u"data.attributes.link", u"data.attributes.share_url"}, 8192));
        link.expiresAt = r.dateTime({u"data.attributes.expires_at", u"data.attributes.expiration", u"data.attributes.expires"});
        link.rawJson = response->body;
        if (!link.url.isValid() || link.url.isEmpty())
            return done(missing(QStringLiteral("the link's address")));
        done(link);
    });
}

} // namespace AssetDesk
