#include "sandbox/photoshelter/photosheltermediaroutes.h"

#include "sandbox/dam/damimagerenderer.h"
#include "sandbox/multipartform.h"
#include "sandbox/photoshelter/photoshelterlibrary.h"
#include "sandbox/photoshelter/photoshelterlistings.h"
#include "sandbox/photoshelter/photosheltermodule.h"
#include "sandbox/photoshelter/photoshelterresources.h"
#include "sandbox/photoshelter/photoshelterv4.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace AssetDesk::Sandbox {

namespace {

const QString kV4 = QStringLiteral("/psapi/v4.0");
constexpr qint64 kMaxUploadBytes = 64LL * 1024 * 1024;

// Content-Disposition for any file name: an ASCII fallback plus the exact name percent-encoded
// (RFC 6266), so control characters or quotes in a hostile name cannot break the header.
QByteArray contentDisposition(const QString& fileName)
{
    QString ascii;
    for (const QChar c : fileName)
        ascii += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('.') || c == QLatin1Char('-') ? c : QLatin1Char('_');
    return "attachment; filename=\"" + ascii.toLatin1() + "\"; filename*=UTF-8''" +
           QUrl::toPercentEncoding(fileName);
}

} // namespace

PhotoShelterMediaRoutes::PhotoShelterMediaRoutes(PhotoShelterModule& module, PhotoShelterLibrary& library,
                                                 PhotoShelterResources& resources, PhotoShelterListings& listings)
    : m_module(module)
    , m_library(library)
    , m_resources(resources)
    , m_listings(listings)
{}

void PhotoShelterMediaRoutes::registerRoutes(Router& router)
{
    router.add("GET", kV4 + QStringLiteral("/search"), Access::User,
               [this](const SandboxRequest& r) { return m_listings.media(r, DamScope::all(), true); });
    router.add("GET", kV4 + QStringLiteral("/media"), Access::User,
               [this](const SandboxRequest& r) { return m_listings.media(r, DamScope::all(), true); });
    router.add("GET", kV4 + QStringLiteral("/library"), Access::User,
               [this](const SandboxRequest& r) { return library(r); });
    router.add("GET", kV4 + QStringLiteral("/media/:id"), Access::User,
               [this](const SandboxRequest& r) { return get(r); });
    // Public at the router: the handler accepts a link signature or checks credentials itself.
    router.addAsync("GET", kV4 + QStringLiteral("/media/:id/download"), Access::Public,
                    [this](const SandboxRequest& r, Responder responder) { download(r, std::move(responder)); });
    router.add("GET", kV4 + QStringLiteral("/media/:id/links"), Access::User,
               [this](const SandboxRequest& r) { return links(r); });
    router.add("GET", kV4 + QStringLiteral("/media/:id/metadata"), Access::User,
               [this](const SandboxRequest& r) { return metadata(r); });
    router.add("PATCH", kV4 + QStringLiteral("/media/:id/metadata"), Access::User,
               [this](const SandboxRequest& r) { return patchMetadata(r); });
    router.add("GET", kV4 + QStringLiteral("/media/:id/custom-metadata"), Access::User,
               [this](const SandboxRequest& r) { return customMetadata(r); });
    router.add("GET", kV4 + QStringLiteral("/media/:id/galleries"), Access::User,
               [this](const SandboxRequest& r) { return galleries(r); });
    router.add("POST", kV4 + QStringLiteral("/media/upload"), Access::User,
               [this](const SandboxRequest& r) { return upload(r, false); });
    router.add("POST", QStringLiteral("/psapi/v3/mem/image/upload"), Access::User,
               [this](const SandboxRequest& r) { return upload(r, true); });
}

std::optional<DamAsset> PhotoShelterMediaRoutes::assetOf(const SandboxRequest& request) const
{
    const auto index = m_library.mediaIndex(request.param(QStringLiteral("id")));
    if (!index)
        return std::nullopt;
    return m_library.catalog().findActive(*index);
}

HttpResponse PhotoShelterMediaRoutes::notFound(const SandboxRequest& request) const
{
    return PhotoShelterV4::error(404, QStringLiteral("Media %1 not found").arg(request.param(QStringLiteral("id"))));
}

HttpResponse PhotoShelterMediaRoutes::get(const SandboxRequest& request)
{
    const auto asset = assetOf(request);
    if (!asset)
        return notFound(request);
    QJsonObject body{{QStringLiteral("data"), m_resources.media(*asset)}, {QStringLiteral("meta"), QJsonObject()}};
    const QSet<QString> wanted = PhotoShelterListings::includes(request);
    if (!wanted.isEmpty()) {
        QJsonArray included;
        if (wanted.contains(QStringLiteral("galleries")) || wanted.contains(QStringLiteral("gallery"))) {
            for (int g : m_library.galleriesOf(*asset))
                PhotoShelterResources::include(included, m_resources.gallery(g, {}, included));
        }
        if (wanted.contains(QStringLiteral("organization")))
            included.append(m_resources.organization(asset->organization));
        body.insert(QStringLiteral("included"), included);
    }
    return HttpResponse::json(200, body);
}

void PhotoShelterMediaRoutes::download(const SandboxRequest& request, Responder responder)
{
    const QString id = request.param(QStringLiteral("id"));
    const QString fileType = request.queryValue(QStringLiteral("download_filetype")).isEmpty()
                                 ? QStringLiteral("original")
                                 : request.queryValue(QStringLiteral("download_filetype"));
    const QString quality = request.queryValue(QStringLiteral("download_quality"));
    const QString sig = request.queryValue(QStringLiteral("sig"));
    if (sig.isEmpty() || sig != m_library.signature(id, quality.isEmpty() ? fileType : quality)) {
        const AuthOutcome outcome = m_module.authenticate(request, Access::User);
        if (const auto* refused = std::get_if<HttpResponse>(&outcome))
            return responder.send(*refused);
    }
    const auto asset = assetOf(request);
    if (!asset)
        return responder.send(notFound(request));
    int edge = 0;
    if (fileType == QLatin1String("jpeg")) {
        edge = PhotoShelterResources::qualityEdge(quality.isEmpty() ? QStringLiteral("preview") : quality);
        if (edge < 0)
            return responder.send(PhotoShelterV4::error(400, QStringLiteral("Unknown download_quality %1").arg(quality)));
        // "jpeg" at full size is still a JPEG, never the original file.
        if (edge == 0)
            edge = std::max(asset->width, asset->height);
    } else if (fileType != QLatin1String("original") && fileType != QLatin1String("mp4")) {
        return responder.send(
            PhotoShelterV4::error(400, QStringLiteral("download_filetype must be original, jpeg or mp4")));
    } else if (fileType == QLatin1String("mp4") && asset->mediaType != DamMediaType::Video) {
        return responder.send(PhotoShelterV4::error(400, QStringLiteral("Media %1 is not a video").arg(id)));
    }
    const QString fileName = asset->fileName;
    if (edge == 0) {
        if (const auto uploaded = m_library.upload(asset->index)) {
            HttpResponse r = HttpResponse::text(200, *uploaded, asset->mimeType().toLatin1());
            r.setHeader(QByteArrayLiteral("Content-Disposition"), contentDisposition(fileName));
            return responder.send(r);
        }
    }
    const quint64 key = m_library.catalog().key();
    m_library.renderer().renditionAsync(key, *asset, edge, &m_module, [responder, fileName, edge](DamRendition r) {
        HttpResponse response = HttpResponse::text(200, r.bytes, r.contentType);
        QString name = fileName;
        if (edge > 0)
            name = QFileInfo(fileName).completeBaseName() + QStringLiteral("-%1.jpg").arg(edge);
        response.setHeader(QByteArrayLiteral("Content-Disposition"), contentDisposition(name));
        response.setHeader(QByteArrayLiteral("X-Image-Size"),
                           QByteArray::number(r.size.width()) + 'x' + QByteArray::number(r.size.height()));
        responder.send(response);
    });
}

HttpResponse PhotoShelterMediaRoutes::links(const SandboxRequest& request)
{
    const auto asset = assetOf(request);
    if (!asset)
        return notFound(request);
    auto resource = [&](const QString& name, int edge) {
        QJsonObject attributes = m_resources.link(*asset, name, edge);
        return QJsonObject{{QStringLiteral("id"), m_library.mediaId(*asset) + QLatin1Char('-') + name},
                           {QStringLiteral("type"), QStringLiteral("link")},
                           {QStringLiteral("attributes"), attributes}};
    };
    QJsonArray data;
    const QString size = request.queryValue(QStringLiteral("image_size"));
    if (!size.isEmpty()) {
        // v3 style "WxH" or "xH": the long edge that fits.
        static const QRegularExpression re(QStringLiteral("^(\\d*)x(\\d+)$"));
        const auto m = re.match(size);
        if (!m.hasMatch())
            return PhotoShelterV4::error(400, QStringLiteral("image_size must look like 300x300"));
        const int edge = std::max(m.captured(1).toInt(), m.captured(2).toInt());
        if (edge < 16 || edge > 4096)
            return PhotoShelterV4::error(400, QStringLiteral("image_size must be between 16 and 4096 pixels"));
        data.append(resource(QString::number(edge), edge));
    } else {
        for (const QString& name : PhotoShelterResources::renditionNames())
            data.append(resource(name, PhotoShelterResources::qualityEdge(name)));
        data.append(resource(QStringLiteral("original"), 0));
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("meta"), QJsonObject()}});
}

HttpResponse PhotoShelterMediaRoutes::metadata(const SandboxRequest& request)
{
    const auto asset = assetOf(request);
    if (!asset)
        return notFound(request);
    const QJsonObject iptc{
        {QStringLiteral("headline"), asset->title},
        {QStringLiteral("caption"), asset->caption},
        {QStringLiteral("keyword"), asset->keywords.join(QStringLiteral(", "))},
        {QStringLiteral("credit"), asset->credit},
        {QStringLiteral("byline"), asset->credit},
        {QStringLiteral("copyright"), asset->copyright},
    };
    const QJsonObject exif{{QStringLiteral("width"), asset->width}, {QStringLiteral("height"), asset->height}};
    return PhotoShelterV4::data(QJsonObject{
        {QStringLiteral("id"), m_library.mediaId(*asset)},
        {QStringLiteral("type"), QStringLiteral("metadata")},
        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("iptc"), iptc}, {QStringLiteral("exif"), exif}}},
    });
}

HttpResponse PhotoShelterMediaRoutes::patchMetadata(const SandboxRequest& request)
{
    const auto asset = assetOf(request);
    if (!asset)
        return notFound(request);
    if (auto refused = m_module.requireWrite(request, asset->gallery))
        return *refused;
    const auto body = request.jsonBody();
    const QJsonObject iptc = body ? body->value(QStringLiteral("data")).toObject().value(QStringLiteral("attributes"))
                                        .toObject().value(QStringLiteral("iptc")).toObject()
                                  : QJsonObject();
    if (iptc.isEmpty())
        return PhotoShelterV4::error(400, QStringLiteral("data.attributes.iptc is required"));
    for (auto it = iptc.begin(); it != iptc.end(); ++it) {
        if (it.key() != QLatin1String("keyword") && it.key() != QLatin1String("caption") && it.key() != QLatin1String("headline"))
            return PhotoShelterV4::error(400, QStringLiteral("%1 is not writable").arg(it.key()));
        if (!it.value().isString())
            return PhotoShelterV4::error(400, QStringLiteral("%1 must be a string").arg(it.key()));
    }
    m_library.catalog().modify(asset->index, m_module.clock().now().toMSecsSinceEpoch(), [&iptc](DamAsset& a) {
        if (iptc.contains(QStringLiteral("keyword"))) {
            a.keywords.clear();
            for (const QString& k : iptc.value(QStringLiteral("keyword")).toString().split(QLatin1Char(',')))
                if (!k.trimmed().isEmpty())
                    a.keywords << k.trimmed();
        }
        if (iptc.contains(QStringLiteral("caption")))
            a.caption = iptc.value(QStringLiteral("caption")).toString();
        if (iptc.contains(QStringLiteral("headline")))
            a.title = iptc.value(QStringLiteral("headline")).toString();
    });
    return metadata(request);
}

HttpResponse PhotoShelterMediaRoutes::customMetadata(const SandboxRequest& request)
{
    const auto asset = assetOf(request);
    if (!asset)
        return notFound(request);
    const QJsonObject attributes = m_resources.media(*asset).toObject().value(QStringLiteral("attributes")).toObject();
    QJsonArray data;
    for (const char* field : {"approval_status", "campaign", "license_expires_at", "usage_restrictions"}) {
        const QString name = QLatin1String(field);
        data.append(QJsonObject{
            {QStringLiteral("id"), m_library.mediaId(*asset) + QLatin1Char('-') + name},
            {QStringLiteral("type"), QStringLiteral("custom_metadata")},
            {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("category"), QStringLiteral("metadata")},
                                                       {QStringLiteral("name"), name},
                                                       {QStringLiteral("value"), attributes.value(name)}}},
        });
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("meta"), QJsonObject()}});
}

HttpResponse PhotoShelterMediaRoutes::galleries(const SandboxRequest& request)
{
    const auto asset = assetOf(request);
    if (!asset)
        return notFound(request);
    const QSet<QString> wanted = PhotoShelterListings::includes(request);
    QJsonArray data;
    QJsonArray included;
    for (int g : m_library.galleriesOf(*asset)) {
        const QString galleryId = m_library.galleryId(g);
        data.append(QJsonObject{
            {QStringLiteral("id"), galleryId + QLatin1Char('-') + m_library.mediaId(*asset)},
            {QStringLiteral("type"), QStringLiteral("gallery_media")},
            {QStringLiteral("attributes"),
             QJsonObject{{QStringLiteral("gallery_id"), galleryId}, {QStringLiteral("media_id"), m_library.mediaId(*asset)}}},
            {QStringLiteral("relationships"),
             QJsonObject{{QStringLiteral("gallery"),
                          QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("id"), galleryId},
                                                                          {QStringLiteral("type"), QStringLiteral("gallery")}}}}}}},
        });
        if (wanted.contains(QStringLiteral("gallery")))
            PhotoShelterResources::include(included, m_resources.gallery(g, {}, included));
    }
    QJsonObject body{{QStringLiteral("data"), data}, {QStringLiteral("meta"), QJsonObject{{QStringLiteral("total"), data.size()}}}};
    if (!wanted.isEmpty())
        body.insert(QStringLiteral("included"), included);
    return HttpResponse::json(200, body);
}

HttpResponse PhotoShelterMediaRoutes::library(const SandboxRequest& request)
{
    int organization = -1;
    if (auto refused = m_module.organizationScope(request, organization))
        return *refused;
    QJsonArray data;
    QJsonArray included;
    const DamLayout& layout = m_library.layout();
    for (const DamOrganization& o : layout.organizations()) {
        if (organization >= 0 && o.index != organization)
            continue;
        for (int c : o.rootCollections)
            data.append(m_resources.collection(c, {}, included));
        for (int g : o.rootGalleries)
            data.append(m_resources.gallery(g, {QStringLiteral("access")}, included));
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("data"), data},
                                               {QStringLiteral("meta"), QJsonObject{{QStringLiteral("total"), data.size()}}}});
}

HttpResponse PhotoShelterMediaRoutes::upload(const SandboxRequest& request, bool v3)
{
    if (request.body.size() > kMaxUploadBytes)
        return PhotoShelterV4::error(413, QStringLiteral("The file is larger than %1 bytes").arg(kMaxUploadBytes));
    const auto form = MultipartForm::parse(request.header(QByteArrayLiteral("Content-Type")), request.body);
    if (!form)
        return PhotoShelterV4::error(400, QStringLiteral("Expected a multipart/form-data body"));
    const MultipartPart* file = form->part(QStringLiteral("file"));
    if (!file || file->fileName.isEmpty())
        return PhotoShelterV4::error(400, QStringLiteral("file is required"));
    const QString galleryId = form->field(QStringLiteral("gallery_id"));
    const auto gallery = m_library.galleryIndex(galleryId);
    if (!gallery)
        return PhotoShelterV4::error(galleryId.isEmpty() ? 400 : 404,
                                     galleryId.isEmpty() ? QStringLiteral("gallery_id is required")
                                                         : QStringLiteral("Gallery %1 not found").arg(galleryId));
    if (auto refused = m_module.requireWrite(request, *gallery))
        return *refused;

    QBuffer buffer;
    buffer.setData(file->data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size(); // header only: cheap even for big files
    const bool video = file->contentType.startsWith("video/") || file->fileName.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive);
    if (!video && !size.isValid())
        return PhotoShelterV4::error(415, QStringLiteral("%1 is not an image or video the library accepts").arg(file->fileName));
    const QString headline = form->field(QStringLiteral("headline")).isEmpty() ? form->field(QStringLiteral("title"))
                                                                                : form->field(QStringLiteral("headline"));
    const QString caption = form->field(QStringLiteral("caption"));
    const QString campaign = form->field(QStringLiteral("campaign"));
    const QString segment = form->field(QStringLiteral("audience_segment"));
    const QString publishDate = form->field(QStringLiteral("publish_date"));
    if (!publishDate.isEmpty() && !QDateTime::fromString(publishDate, Qt::ISODateWithMs).isValid())
        return PhotoShelterV4::error(400, QStringLiteral("publish_date must be an ISO 8601 date and time"));
    const qint64 nowMs = m_module.clock().now().toMSecsSinceEpoch();
    const qint64 index = m_library.catalog().add(*gallery, nowMs, [&](DamAsset& a) {
        a.fileName = file->fileName;
        a.fileSize = file->data.size();
        a.mediaType = video ? DamMediaType::Video : DamMediaType::Image;
        if (size.isValid()) {
            a.width = size.width();
            a.height = size.height();
            a.orientation = a.width > a.height ? DamOrientation::Landscape
                            : a.width < a.height ? DamOrientation::Portrait
                                                 : DamOrientation::Square;
        }
        if (!headline.isEmpty())
            a.title = headline;
        if (!caption.isEmpty())
            a.caption = caption;
        if (!campaign.isEmpty()) {
            a.campaignName = campaign;
            a.campaign = -1;
        }
        a.audienceSegment = segment;
        a.publishDate = publishDate;
    });
    m_library.storeUpload(index, file->data);
    const DamAsset asset = *m_library.catalog().find(index);
    if (v3) {
        return HttpResponse::json(201, QJsonObject{
                                           {QStringLiteral("status"), QStringLiteral("ok")},
                                           {QStringLiteral("data"),
                                            QJsonObject{{QStringLiteral("Image"),
                                                         QJsonObject{{QStringLiteral("image_id"), m_library.mediaId(asset)},
                                                                     {QStringLiteral("file_name"), asset.fileName},
                                                                     {QStringLiteral("file_size"), asset.fileSize},
                                                                     {QStringLiteral("gallery_id"), galleryId}}}}},
                                       });
    }
    return HttpResponse::json(201, QJsonObject{{QStringLiteral("data"), m_resources.media(asset)},
                                               {QStringLiteral("meta"), QJsonObject()}});
}

} // namespace AssetDesk::Sandbox
