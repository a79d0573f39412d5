#include "sandbox/photoshelter/photoshelterresources.h"

#include "sandbox/dam/damimagerenderer.h"
#include "sandbox/jsontext.h"
#include "sandbox/photoshelter/photoshelterlibrary.h"

#include <QJsonDocument>

namespace AssetDesk::Sandbox {

namespace {

QString approvalName(DamApproval approval)
{
    switch (approval) {
    case DamApproval::None:
        return QStringLiteral("none");
    case DamApproval::Requested:
        return QStringLiteral("requested");
    case DamApproval::Approved:
        return QStringLiteral("approved");
    case DamApproval::NotApproved:
        return QStringLiteral("not_approved");
    case DamApproval::Mixed:
        return QStringLiteral("mixed");
    }
    return QStringLiteral("none");
}

QString orientationName(DamOrientation o)
{
    switch (o) {
    case DamOrientation::Landscape:
        return QStringLiteral("landscape");
    case DamOrientation::Portrait:
        return QStringLiteral("portrait");
    case DamOrientation::Square:
        return QStringLiteral("square");
    }
    return QStringLiteral("landscape");
}

} // namespace

int PhotoShelterResources::qualityEdge(const QString& quality)
{
    if (quality.isEmpty() || quality == QLatin1String("original") || quality == QLatin1String("full"))
        return 0;
    if (quality == QLatin1String("thumbnail") || quality == QLatin1String("thumb"))
        return DamImageRenderer::kThumbnailEdge;
    if (quality == QLatin1String("small"))
        return 600;
    if (quality == QLatin1String("preview") || quality == QLatin1String("medium") || quality == QLatin1String("screen"))
        return DamImageRenderer::kPreviewEdge;
    if (quality == QLatin1String("large") || quality == QLatin1String("high"))
        return 2400;
    bool ok = false;
    const int edge = quality.toInt(&ok);
    return ok && edge >= 16 && edge <= 4096 ? edge : -1;
}

const QStringList& PhotoShelterResources::renditionNames()
{
    static const QStringList names{QStringLiteral("thumbnail"), QStringLiteral("small"), QStringLiteral("preview"),
                                   QStringLiteral("large")};
    return names;
}

PhotoShelterResources::PhotoShelterResources(const PhotoShelterLibrary& library)
    : m_library(library)
{}

QString PhotoShelterResources::time(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString PhotoShelterResources::time(qint64 ms)
{
    return time(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

QUrl PhotoShelterResources::downloadUrl(const QString& mediaId, const QString& fileType, const QString& quality,
                                        bool sign) const
{
    return QUrl(downloadLink(mediaId, fileType, quality, sign));
}

QString PhotoShelterResources::downloadLink(const QString& mediaId, const QString& fileType, const QString& quality,
                                            bool sign) const
{
    // Built as text: a listing of 1000 media carries 5000 of these, and QUrl parsing dominated.
    // Ids, file types, qualities and signatures are [A-Za-z0-9_] only, so nothing needs escaping.
    QString link = m_baseText + QStringLiteral("/psapi/v4.0/media/") + mediaId +
                   QStringLiteral("/download?download_filetype=") + fileType;
    if (!quality.isEmpty())
        link += QStringLiteral("&download_quality=") + quality;
    if (sign)
        link += QStringLiteral("&sig=") + m_library.signature(mediaId, quality.isEmpty() ? fileType : quality);
    return link;
}

QUrl PhotoShelterResources::shareUrl(const QString& token) const
{
    QUrl url = m_base;
    url.setPath(QStringLiteral("/psapi/v4.0/share/%1").arg(token));
    return url;
}

QJsonObject PhotoShelterResources::link(const DamAsset& asset, const QString& name, int edge) const
{
    JsonText j;
    writeLink(j, asset, name, edge);
    return QJsonDocument::fromJson(j.bytes()).object();
}

QJsonValue PhotoShelterResources::media(const DamAsset& asset) const
{
    // One definition of a media resource: the text writer's, parsed back for single resources.
    JsonText j;
    writeMedia(j, asset);
    return QJsonDocument::fromJson(j.bytes()).object();
}

void PhotoShelterResources::writeLink(JsonText& j, const DamAsset& asset, const QString& name, int edge) const
{
    const QString id = m_library.mediaId(asset);
    const QSize size = DamImageRenderer::fitted(QSize(std::max(1, asset.width), std::max(1, asset.height)), edge);
    const bool original = edge == 0;
    const QString fileType = original ? (asset.mediaType == DamMediaType::Video ? QStringLiteral("mp4")
                                                                                : QStringLiteral("original"))
                                      : QStringLiteral("jpeg");
    j.beginObject()
        .member("name", name)
        .member("url", downloadLink(id, fileType, original ? QString() : name, true))
        .member("width", size.width())
        .member("height", size.height())
        .member("mime_type", original ? asset.mimeType() : QStringLiteral("image/jpeg"))
        .endObject();
}

void PhotoShelterResources::writeMedia(JsonText& j, const DamAsset& asset) const
{
    // Bad input (DamFixture) is written here too: what only shows in JSON.
    const DamFixture fixture = asset.fixture;
    const bool missing = fixture == DamFixture::MissingFields;
    const bool wrong = fixture == DamFixture::WrongTypes;
    const bool badDates = fixture == DamFixture::UnparsableDates;
    j.beginObject();
    if (!missing)
        j.member("id", m_library.mediaId(asset));
    j.member("type", QStringLiteral("media"));
    j.key("attributes").beginObject();
    if (!missing) {
        j.member("file_name", asset.fileName);
        j.member("file_size", wrong ? qint64(-5) : asset.fileSize);
    }
    j.member("mime_type", asset.mimeType());
    j.member("media_type", asset.mediaType == DamMediaType::Video ? QStringLiteral("video") : QStringLiteral("image"));
    if (!missing) {
        if (wrong) {
            j.member("width", QString::number(asset.width));
            j.key("height").beginObject().member("px", asset.height).endObject();
        } else {
            j.member("width", asset.width).member("height", asset.height);
        }
    }
    j.member("orientation", orientationName(asset.orientation));
    if (!missing) {
        if (fixture == DamFixture::NumericTitle)
            j.member("headline", 1234567.5);
        else
            j.member("headline", asset.title);
    }
    j.member("caption", asset.caption);
    if (wrong) {
        j.member("keywords", asset.keywords.join(QStringLiteral(", ")));
    } else {
        j.key("keywords").beginArray();
        for (const QString& k : asset.keywords)
            j.value(k);
        j.endArray();
    }
    j.member("credit", asset.credit).member("copyright", asset.copyright);
    j.key("campaign");
    asset.campaignName.isEmpty() ? j.null() : j.value(asset.campaignName);
    j.member("usage_restrictions", asset.usageRestrictions);
    j.key("license_expires_at");
    asset.licenceExpiry.isValid() ? j.value(asset.licenceExpiry.toString(Qt::ISODate)) : j.null();
    j.member("approval_status", approvalName(asset.approval));
    j.member("version", asset.versionCount);
    if (!missing)
        j.member("uploaded_at", badDates ? QStringLiteral("not a date") : time(asset.createdAt));
    j.member("updated_at", badDates ? QStringLiteral("2024-13-45T99:99:99Z") : time(asset.modifiedAt));
    j.member("is_listed", true);
    if (asset.mediaType == DamMediaType::Video)
        j.member("duration_ms", asset.durationMs);
    if (wrong) {
        j.member("links", QStringLiteral("none"));
    } else {
        j.key("links").beginObject();
        for (const QString& name : renditionNames()) {
            j.key(qPrintable(name));
            writeLink(j, asset, name, qualityEdge(name));
        }
        j.key("original");
        writeLink(j, asset, QStringLiteral("original"), 0);
        j.endObject();
    }
    j.endObject(); // attributes

    j.key("relationships").beginObject();
    j.key("galleries").beginObject().key("data").beginArray();
    for (int g : m_library.galleriesOf(asset))
        j.beginObject().member("id", m_library.galleryId(g)).member("type", QStringLiteral("gallery")).endObject();
    j.endArray().endObject();
    j.key("organization").beginObject().key("data").beginObject();
    j.member("id", m_library.organizationId(asset.organization)).member("type", QStringLiteral("organization"));
    j.endObject().endObject();
    j.endObject(); // relationships
    j.endObject();
}

QJsonObject PhotoShelterResources::galleryRef(int gallery) const
{
    return QJsonObject{{QStringLiteral("id"), m_library.galleryId(gallery)}, {QStringLiteral("type"), QStringLiteral("gallery")}};
}

QJsonObject PhotoShelterResources::collectionRef(int collection) const
{
    return QJsonObject{{QStringLiteral("id"), m_library.collectionId(collection)},
                       {QStringLiteral("type"), QStringLiteral("collection")}};
}

QJsonArray PhotoShelterResources::galleryPath(int gallery) const
{
    QJsonArray path;
    const DamGallery& g = m_library.layout().galleries().at(gallery);
    if (g.parent >= 0) {
        for (int c : m_library.layout().collectionPath(g.parent))
            path.append(QJsonObject{{QStringLiteral("id"), m_library.collectionId(c)},
                                    {QStringLiteral("type"), QStringLiteral("collection")},
                                    {QStringLiteral("name"), m_library.layout().collections().at(c).name}});
    }
    return path;
}

QJsonObject PhotoShelterResources::access(int gallery) const
{
    return QJsonObject{
        {QStringLiteral("id"), m_library.galleryId(gallery) + QStringLiteral("-access")},
        {QStringLiteral("type"), QStringLiteral("access")},
        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("native"), m_library.visibility(gallery)}}},
    };
}

QJsonObject PhotoShelterResources::permission(int gallery, const PhotoShelterPermission& p) const
{
    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("type"), QStringLiteral("permission")},
        {QStringLiteral("attributes"),
         QJsonObject{
             {QStringLiteral("gallery_id"), m_library.galleryId(gallery)},
             {QStringLiteral("contact_id"), p.contactId},
             {QStringLiteral("email"), p.email},
             {QStringLiteral("download_image_filetype"), p.downloadFileType},
             // The password itself is never echoed; whether one is set is.
             {QStringLiteral("has_password"), !p.password.isEmpty()},
             {QStringLiteral("created_at"), time(p.createdAt)},
         }},
    };
}

QJsonObject PhotoShelterResources::shareLink(const PhotoShelterShareLink& link) const
{
    return QJsonObject{
        {QStringLiteral("id"), link.id},
        {QStringLiteral("type"), QStringLiteral("share_link")},
        {QStringLiteral("attributes"),
         QJsonObject{
             {QStringLiteral("gallery_id"), m_library.galleryId(link.gallery)},
             {QStringLiteral("url"), shareUrl(link.token).toString()},
             {QStringLiteral("created_at"), time(link.createdAt)},
             {QStringLiteral("expires_at"), link.expiresAt.isValid() ? QJsonValue(time(link.expiresAt)) : QJsonValue()},
         }},
    };
}

QJsonObject PhotoShelterResources::gallery(int gallery, const QSet<QString>& wanted, QJsonArray& included) const
{
    const DamGallery& g = m_library.layout().galleries().at(gallery);
    const qint64 count = g.selects ? (g.end - g.first + g.strideStep - 1) / g.strideStep : g.end - g.first;
    QJsonObject resource{
        {QStringLiteral("id"), m_library.galleryId(gallery)},
        {QStringLiteral("type"), QStringLiteral("gallery")},
        {QStringLiteral("attributes"),
         QJsonObject{
             {QStringLiteral("name"), g.name},
             {QStringLiteral("description"), g.description},
             {QStringLiteral("created_at"), time(g.createdMs)},
             {QStringLiteral("modified_at"), time(g.createdMs)},
             {QStringLiteral("media_count"), count},
             {QStringLiteral("is_selects"), g.selects},
             {QStringLiteral("organization_id"), m_library.organizationId(g.organization)},
         }},
        {QStringLiteral("relationships"),
         QJsonObject{{QStringLiteral("parent"),
                      QJsonObject{{QStringLiteral("data"), g.parent >= 0 ? QJsonValue(collectionRef(g.parent)) : QJsonValue()}}}}},
    };
    if (wanted.contains(QStringLiteral("access")))
        resource.insert(QStringLiteral("access"), QJsonObject{{QStringLiteral("data"), access(gallery)}});
    if (wanted.contains(QStringLiteral("permissions"))) {
        QJsonArray refs;
        for (const PhotoShelterPermission& p : m_library.permissions(gallery)) {
            const QJsonObject full = permission(gallery, p);
            refs.append(QJsonObject{{QStringLiteral("id"), p.id}, {QStringLiteral("type"), QStringLiteral("permission")}});
            PhotoShelterResources::include(included, full);
        }
        QJsonObject rel = resource.value(QStringLiteral("relationships")).toObject();
        rel.insert(QStringLiteral("permissions"), QJsonObject{{QStringLiteral("data"), refs}});
        resource.insert(QStringLiteral("relationships"), rel);
    }
    if (const QStringList keywords = m_library.galleryKeywords(gallery); !keywords.isEmpty()) {
        QJsonObject attributes = resource.value(QStringLiteral("attributes")).toObject();
        attributes.insert(QStringLiteral("keywords"), QJsonArray::fromStringList(keywords));
        resource.insert(QStringLiteral("attributes"), attributes);
    }
    if (wanted.contains(QStringLiteral("path")))
        resource.insert(QStringLiteral("path"), QJsonObject{{QStringLiteral("data"), galleryPath(gallery)}});
    if (wanted.contains(QStringLiteral("parent")) && g.parent >= 0)
        PhotoShelterResources::include(included, collection(g.parent, {}, included));
    return resource;
}

QJsonObject PhotoShelterResources::collection(int collection, const QSet<QString>& wanted, QJsonArray& included) const
{
    const DamCollection& c = m_library.layout().collections().at(collection);
    QJsonArray children;
    for (int child : c.collections)
        children.append(collectionRef(child));
    for (int g : c.galleries)
        children.append(galleryRef(g));
    QJsonObject resource{
        {QStringLiteral("id"), m_library.collectionId(collection)},
        {QStringLiteral("type"), QStringLiteral("collection")},
        {QStringLiteral("attributes"),
         QJsonObject{
             {QStringLiteral("name"), c.name},
             {QStringLiteral("created_at"), time(c.createdMs)},
             {QStringLiteral("modified_at"), time(c.createdMs)},
             {QStringLiteral("organization_id"), m_library.organizationId(c.organization)},
             {QStringLiteral("child_count"), children.size()},
         }},
        {QStringLiteral("relationships"),
         QJsonObject{
             {QStringLiteral("parent"),
              QJsonObject{{QStringLiteral("data"), c.parent >= 0 ? QJsonValue(collectionRef(c.parent)) : QJsonValue()}}},
             {QStringLiteral("children"), QJsonObject{{QStringLiteral("data"), children}}},
         }},
    };
    if (wanted.contains(QStringLiteral("permissions"))) {
        // Collections carry no permissions of their own in the sandbox: an empty list says so.
        QJsonObject rel = resource.value(QStringLiteral("relationships")).toObject();
        rel.insert(QStringLiteral("permissions"), QJsonObject{{QStringLiteral("data"), QJsonArray()}});
        resource.insert(QStringLiteral("relationships"), rel);
    }
    if (wanted.contains(QStringLiteral("parent")) && c.parent >= 0)
        PhotoShelterResources::include(included, this->collection(c.parent, {}, included));
    return resource;
}

QJsonObject PhotoShelterResources::organization(int organization) const
{
    const DamOrganization& o = m_library.layout().organizations().at(organization);
    return QJsonObject{
        {QStringLiteral("id"), m_library.organizationId(organization)},
        {QStringLiteral("type"), QStringLiteral("organization")},
        {QStringLiteral("attributes"),
         QJsonObject{{QStringLiteral("name"), o.name},
                     {QStringLiteral("role"), m_library.organizationRole(organization)},
                     {QStringLiteral("media_count"), o.end - o.first}}},
    };
}

void PhotoShelterResources::include(QJsonArray& included, const QJsonObject& resource)
{
    const QJsonValue id = resource.value(QStringLiteral("id"));
    const QJsonValue type = resource.value(QStringLiteral("type"));
    for (const QJsonValue& v : std::as_const(included)) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("id")) == id && o.value(QStringLiteral("type")) == type)
            return;
    }
    included.append(resource);
}

} // namespace AssetDesk::Sandbox
