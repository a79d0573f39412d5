#include "connectors/photoshelter/photosheltergallerydirectory.h"

#include "connectors/apiurl.h"
#include "connectors/damitemreader.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>

namespace AssetDesk {

namespace {
const QString kService = QStringLiteral("PhotoShelter");

QString segment(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

Error missing(const QString& what)
{
    return Error(ErrorKind::Parse, QCoreApplication::translate("AssetDesk::PhotoShelterGalleryDirectory",
                                                               "PhotoShelter answered without %1.")
                                       .arg(what))
        .withOrigin(kService);
}

// `data` as an array of resources; a Parse error when the body has none.
Result<QJsonArray> dataArray(const Result<HttpResponse>& response)
{
    if (!response)
        return response.error();
    const Result<QJsonObject> json = jsonObject(*response);
    if (!json)
        return json.error();
    const QJsonValue data = json->value(QLatin1String("data"));
    if (!data.isArray())
        return missing(QStringLiteral("a list"));
    return data.toArray();
}
} // namespace

PhotoShelterGalleryDirectory::PhotoShelterGalleryDirectory(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{
}

QUrl PhotoShelterGalleryDirectory::url(const QString& path, const QList<std::pair<QString, QString>>& query) const
{
    return apiUrl(m_root, QStringLiteral("/psapi/v4.0") + path, query, QUrl::TolerantMode);
}

PhotoShelterGallerySummary PhotoShelterGalleryDirectory::summaryFrom(const QJsonObject& resource)
{
    DamItemReader r(resource);
    PhotoShelterGallerySummary s;
    s.id = r.text({u"id", u"attributes.gallery_id"}, 64);
    s.name = r.text({u"attributes.name", u"name"}, 512);
    s.description = r.text({u"attributes.description", u"description"}, 4096);
    s.organizationId = r.text({u"attributes.organization_id"}, 64);
    // The access record nested (include=access) or, in v3 terms, Visibility.mode.
    s.visibility = r.text({u"access.data.attributes.native", u"attributes.access", u"Visibility.mode"}, 32).toLower();
    s.createdAt = r.dateTime({u"attributes.created_at", u"attributes.modified_at"});
    return s;
}

void PhotoShelterGalleryDirectory::list(QObject* context,
                                        std::function<void(Result<QList<PhotoShelterGallerySummary>>)> done)
{
    listPage(1, {}, context, std::move(done));
}

void PhotoShelterGalleryDirectory::listPage(int page, QList<PhotoShelterGallerySummary> soFar, QObject* context,
                                            std::function<void(Result<QList<PhotoShelterGallerySummary>>)> done)
{
    HttpRequest request = HttpRequest::get(url(QStringLiteral("/galleries"),
                                               {{QStringLiteral("include"), QStringLiteral("access")},
                                                {QStringLiteral("sort_by"), QStringLiteral("name")},
                                                {QStringLiteral("page"), QString::number(page)},
                                                {QStringLiteral("per_page"), QString::number(kPerPage)}}));
    request.logTag = QStringLiteral("gallery list");
    QPointer<QObject> guard(context);
    m_http->send(request, context, [this, page, soFar, guard, done](Result<HttpResponse> response) mutable {
        const Result<QJsonArray> data = dataArray(response);
        if (!data)
            return done(data.error());
        for (const QJsonValue& v : *data) {
            const PhotoShelterGallerySummary s = summaryFrom(v.toObject());
            if (!s.id.isEmpty())
                soFar << s;
        }
        // A short page is the last (the total may be missing: photoshelter.md §4, "key names unconfirmed").
        if (data->size() < kPerPage || page >= kMaxPages || !guard)
            return done(soFar);
        listPage(page + 1, std::move(soFar), guard, std::move(done));
    });
}

void PhotoShelterGalleryDirectory::grants(const QString& galleryId, QObject* context,
                                          std::function<void(Result<QList<PhotoShelterGalleryGrant>>)> done)
{
    HttpRequest request = HttpRequest::get(url(QStringLiteral("/galleries/") + segment(galleryId) + QStringLiteral("/permissions")));
    request.logTag = QStringLiteral("gallery permissions");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        const Result<QJsonArray> data = dataArray(response);
        if (!data)
            return done(data.error());
        QList<PhotoShelterGalleryGrant> grants;
        for (const QJsonValue& v : *data) {
            DamItemReader r(v.toObject());
            PhotoShelterGalleryGrant g;
            g.id = r.text({u"id"}, 128);
            g.email = r.text({u"attributes.email"}, 320);
            g.contactId = r.text({u"attributes.contact_id"}, 128);
            g.downloadFileType = r.text({u"attributes.download_image_filetype"}, 32);
            g.passwordProtected = r.boolean({u"attributes.has_password"})
                || !r.text({u"attributes.password"}, 1024).isEmpty();
            g.createdAt = r.dateTime({u"attributes.created_at"});
            grants << g;
        }
        done(grants);
    });
}

void PhotoShelterGalleryDirectory::shareLinks(const QString& galleryId, QObject* context,
                                              std::function<void(Result<QList<PhotoShelterShareLink>>)> done)
{
    HttpRequest request = HttpRequest::get(url(QStringLiteral("/galleries/") + segment(galleryId) + QStringLiteral("/links")));
    request.logTag = QStringLiteral("gallery share links");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        const Result<QJsonArray> data = dataArray(response);
        if (!data)
            return done(data.error());
        QList<PhotoShelterShareLink> links;
        for (const QJsonValue& v : *data) {
            DamItemReader r(v.toObject());
            PhotoShelterShareLink link;
            link.id = r.text({u"id"}, 256);
            link.url = QUrl(r.text({u"attributes.url", u"attributes.link", u"attributes.share_url"}, 8192));
            link.expiresAt = r.dateTime({u"attributes.expires_at", u"attributes.expiration", u"attributes.expires"});
            link.rawJson = QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
            if (link.url.isValid() && !link.url.isEmpty())
                links << link;
        }
        done(links);
    });
}

void PhotoShelterGalleryDirectory::create(const NewGallery& gallery, QObject* context,
                                          std::function<void(Result<PhotoShelterGallerySummary>)> done)
{
    QJsonObject attributes{{QStringLiteral("name"), gallery.name}};
    if (!gallery.description.isEmpty())
        attributes.insert(QStringLiteral("description"), gallery.description);
    if (!gallery.keywords.isEmpty())
        attributes.insert(QStringLiteral("keywords"), QJsonArray::fromStringList(gallery.keywords));
    if (!gallery.parentCollectionId.isEmpty())
        attributes.insert(QStringLiteral("parent_id"), gallery.parentCollectionId);
    if (!gallery.visibility.isEmpty())
        attributes.insert(QStringLiteral("access"), gallery.visibility);
    const QJsonObject body{{QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), QStringLiteral("gallery")},
                                                                {QStringLiteral("attributes"), attributes}}}};
    HttpRequest request = HttpRequest::postJson(url(QStringLiteral("/galleries"), {{QStringLiteral("include"), QStringLiteral("access")}}),
                                                QJsonDocument(body));
    request.logTag = QStringLiteral("gallery create");
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        const PhotoShelterGallerySummary s = summaryFrom(json->value(QLatin1String("data")).toObject());
        if (s.id.isEmpty())
            return done(missing(QStringLiteral("the new gallery's id")));
        done(s);
    });
}

} // namespace AssetDesk
