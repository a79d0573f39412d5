#include "connectors/photoshelter/photosheltermapper.h"

#include "connectors/apiurl.h"
#include "connectors/damitemreader.h"
#include "connectors/dammapping.h"
#include "connectors/damtext.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace AssetDesk {

namespace {
const QString kService = QStringLiteral("PhotoShelter");

QString idOf(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QLatin1String("data")))
            return idOf(o.value(QLatin1String("data")));
        return idOf(o.value(QLatin1String("id")));
    }
    return {};
}

const std::initializer_list<QStringView> kGalleryPaths{u"attributes.gallery_ids", u"attributes.galleries",
                                                       u"relationships.galleries.data", u"relationships.gallery.data",
                                                       u"galleries.data", u"attributes.gallery_id"};

// Gallery ids an item names in any of the shapes a JSON:API-like service may use.
QStringList galleryIds(const DamItemReader& r)
{
    QStringList ids;
    auto add = [&ids](const QJsonValue& v) {
        if (v.isArray()) {
            for (const QJsonValue& e : v.toArray()) {
                const QString id = idOf(e);
                if (!id.isEmpty() && !ids.contains(id))
                    ids << id;
            }
        } else {
            const QString id = idOf(v);
            if (!id.isEmpty() && !ids.contains(id))
                ids << id;
        }
    };
    for (QStringView path : kGalleryPaths) {
        const QJsonValue v = r.at(path);
        if (!v.isUndefined() && !v.isNull())
            add(v);
    }
    return ids;
}

Rendition renditionFrom(const QString& name, const QJsonValue& v)
{
    Rendition r;
    r.name = name;
    if (v.isString()) {
        r.remoteUrl = QUrl(v.toString());
        return r;
    }
    const QJsonObject o = v.toObject();
    DamItemReader reader(o);
    r.remoteUrl = QUrl(reader.text({u"url", u"link", u"href", u"auth_link"}, 8192));
    r.width = int(reader.integer({u"width"}, 0, DamText::kMaxDimension));
    r.height = int(reader.integer({u"height"}, 0, DamText::kMaxDimension));
    r.mimeType = reader.text({u"mime_type", u"content_type", u"format"}, 128);
    r.bytes = reader.integer({u"size", u"file_size", u"bytes"}, 0, std::numeric_limits<qint64>::max());
    return r;
}
} // namespace

PhotoShelterMapper::PhotoShelterMapper(qint64 accountId, QUrl apiRoot)
    : m_accountId(accountId)
    , m_apiRoot(std::move(apiRoot))
{
}

qint64 PhotoShelterMapper::total(const QJsonObject& page)
{
    DamItemReader meta(page);
    QJsonValue v = meta.first({u"meta.total", u"meta.total_count", u"meta.total_results", u"meta.count",
                               u"meta.pagination.total", u"meta.paging.total"});
    if (v.isString())
        v = v.toString().toDouble();
    return v.isDouble() ? qint64(v.toDouble()) : -1;
}

bool PhotoShelterMapper::namesGalleries(const QJsonObject& resource)
{
    const DamItemReader r(resource);
    return std::any_of(kGalleryPaths.begin(), kGalleryPaths.end(), [&r](QStringView path) { return r.has(path); });
}

QStringList PhotoShelterMapper::galleryIdsOfListing(const QJsonObject& page)
{
    QStringList ids;
    for (const QJsonValue& v : page.value(QLatin1String("data")).toArray()) {
        const DamItemReader r(v.toObject());
        QString id = idOf(r.first({u"attributes.gallery_id", u"relationships.gallery.data"}));
        if (id.isEmpty())
            id = idOf(r.at(u"id"));
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    }
    return ids;
}

MediaType PhotoShelterMapper::mediaTypeFromId(const QString& id)
{
    if (id.startsWith(QLatin1String("VD")))
        return MediaType::Video;
    if (id.startsWith(QLatin1String("AD")))
        return MediaType::Audio;
    if (id.startsWith(QLatin1String("DO")))
        return MediaType::Document;
    if (id.startsWith(QLatin1Char('I')))
        return MediaType::Image;
    return MediaType::Other;
}

QUrl PhotoShelterMapper::downloadUrl(const QString& mediaId, const QString& fileType, const QString& quality) const
{
    QUrl url = apiUrl(m_apiRoot, QStringLiteral("/psapi/v4.0/media/") + mediaId + QStringLiteral("/download"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("download_filetype"), fileType);
    if (!quality.isEmpty())
        query.addQueryItem(QStringLiteral("download_quality"), quality);
    url.setQuery(query);
    return url;
}

QList<Rendition> PhotoShelterMapper::renditions(const QString& id, MediaType type, const QJsonObject& attributes,
                                                int width, int height, qint64 bytes, const QString& mime) const
{
    QList<Rendition> out;
    auto has = [&out](const QString& name) {
        return std::any_of(out.cbegin(), out.cend(), [&name](const Rendition& r) { return r.name == name; });
    };
    // Links the service spells out win over the ones built here.
    const QJsonValue listed = attributes.value(QLatin1String("renditions"));
    for (const QJsonValue& v : listed.toArray()) {
        const QString name = v.toObject().value(QLatin1String("name")).toString();
        const Rendition r = renditionFrom(name, v);
        if (!name.isEmpty() && r.remoteUrl.isValid() && !has(name))
            out << r;
    }
    for (const QString& key : {QStringLiteral("links"), QStringLiteral("image_links")}) {
        const QJsonObject links = attributes.value(key).toObject();
        for (auto it = links.begin(); it != links.end(); ++it) {
            const Rendition r = renditionFrom(it.key(), it.value());
            if (r.remoteUrl.isValid() && !r.remoteUrl.isEmpty() && !has(it.key()))
                out << r;
        }
    }
    for (const auto& [key, name] : {std::pair{QStringLiteral("thumbnail_url"), QStringLiteral("thumbnail")},
                                    std::pair{QStringLiteral("thumb_url"), QStringLiteral("thumbnail")},
                                    std::pair{QStringLiteral("preview_url"), QStringLiteral("preview")}}) {
        const QString url = attributes.value(key).toString();
        if (!url.isEmpty() && !has(name))
            out << renditionFrom(name, url);
    }
    // photoshelter.md §5/§6: media/{id}/download serves the original and JPEG renditions.
    if (!has(QStringLiteral("original"))) {
        Rendition original;
        original.name = QStringLiteral("original");
        original.width = width;
        original.height = height;
        original.bytes = bytes;
        original.mimeType = mime;
        original.remoteUrl = downloadUrl(id, QStringLiteral("original"));
        out << original;
    }
    if (type == MediaType::Image && !has(QStringLiteral("thumbnail"))) {
        Rendition thumb;
        thumb.name = QStringLiteral("thumbnail");
        thumb.mimeType = QStringLiteral("image/jpeg");
        thumb.remoteUrl = downloadUrl(id, QStringLiteral("jpeg"), QStringLiteral("thumbnail"));
        out << thumb;
    }
    return out;
}

std::optional<Asset> PhotoShelterMapper::mapMedia(const QJsonObject& resource, QList<DamItemProblem>& problems) const
{
    DamItemReader r(resource);
    const QJsonValue idValue = r.at(u"id");
    const QString id = idValue.isString() ? idValue.toString() : idValue.isDouble() ? QString::number(idValue.toInteger()) : QString();
    if (id.isEmpty() || id.size() > 256) {
        problems << DamMapping::skipped(DamText::capped(id, 64), kService, QStringLiteral("it has no usable id"));
        return std::nullopt;
    }
    if (!resource.value(QLatin1String("attributes")).isObject() && resource.contains(QLatin1String("attributes"))) {
        problems << DamMapping::skipped(id, kService, QStringLiteral("its attributes are not an object"));
        return std::nullopt;
    }
    const QJsonObject attributes = resource.value(QLatin1String("attributes")).toObject();

    Asset a;
    a.accountId = m_accountId;
    a.service = Service::PhotoShelter;
    a.remoteId = id;
    // The name as the service spells it is only shown (title fallback); the stored file name is
    // safe as a path component, so "../../x" or "/etc/passwd" never reaches a download folder.
    const QString remoteName =
        r.text({u"attributes.file_name", u"attributes.filename", u"attributes.name"}, DamText::kMaxFileName);
    a.fileName = remoteName.isEmpty() ? QString() : DamText::safeFileName(remoteName);
    a.title = DamText::displayText(r.text({u"attributes.title", u"attributes.headline", u"attributes.iptc.headline"},
                                          DamText::kMaxTitle));
    if (a.title.isEmpty())
        a.title = DamText::displayText(remoteName);
    a.caption = DamText::displayText(
        r.text({u"attributes.caption", u"attributes.description", u"attributes.iptc.caption"}, DamText::kMaxCaption),
        true);
    a.keywords = r.textList({u"attributes.keywords", u"attributes.keyword", u"attributes.iptc.keyword",
                             u"attributes.iptc.keywords", u"attributes.tags"},
                            DamText::kMaxKeywords, DamText::kMaxKeyword);
    for (QString& k : a.keywords)
        k = DamText::displayText(k);
    a.campaign = DamText::displayText(
        r.text({u"attributes.campaign", u"attributes.campaign_name", u"attributes.custom_metadata.campaign"},
               DamText::kMaxShortText));

    const std::optional<MediaType> declared = DamMapping::mediaTypeFromText(
        r.text({u"attributes.media_type", u"attributes.type", u"type"}, 64));
    a.mediaType = declared.value_or(mediaTypeFromId(id));
    a.mimeType = r.text({u"attributes.mime_type", u"attributes.content_type", u"attributes.mimetype"}, 128);
    if (a.mimeType.isEmpty())
        a.mimeType = DamMapping::mimeTypeForFileName(a.fileName);
    a.width = int(r.integer({u"attributes.width", u"attributes.original_width"}, 0, DamText::kMaxDimension));
    a.height = int(r.integer({u"attributes.height", u"attributes.original_height"}, 0, DamText::kMaxDimension));
    a.fileSize = r.integer({u"attributes.file_size", u"attributes.size", u"attributes.filesize"}, 0,
                           std::numeric_limits<qint64>::max());

    a.createdAt = r.dateTime({u"attributes.uploaded_at", u"attributes.created_at", u"attributes.creation_time",
                              u"attributes.date_created"});
    a.modifiedAt = r.dateTime({u"attributes.updated_at", u"attributes.modified_at", u"attributes.modification_time",
                               u"attributes.date_modified"});
    if (!a.modifiedAt.isValid())
        a.modifiedAt = a.createdAt;
    a.version = r.text({u"attributes.version", u"attributes.version_id", u"attributes.current_version",
                        u"attributes.active_version_id"},
                       256);
    if (a.version.isEmpty() && a.modifiedAt.isValid())
        a.version = a.modifiedAt.toString(Qt::ISODateWithMs); // each change is a version the lineage can name

    a.rights.approval = DamMapping::approvalFromText(r.text(
        {u"attributes.approval_status", u"attributes.approval_state", u"attributes.approval.status", u"attributes.approval"},
        64));
    a.rights.licenseExpiresAt = r.dateTime(
        {u"attributes.license_expires_at", u"attributes.license_expiration", u"attributes.license_expiration_date",
         u"attributes.license_expiry", u"attributes.licence_expiry", u"attributes.rights.license_expires_at",
         u"attributes.rights.expires_at", u"attributes.expiration_date", u"attributes.usage_expires_at"});
    a.rights.usageRestrictions = DamText::displayText(
        r.text({u"attributes.usage_restrictions", u"attributes.restrictions", u"attributes.rights.usage_restrictions",
                u"attributes.license_terms", u"attributes.usage_terms"},
               DamText::kMaxShortText),
        true);
    a.rights.credit = DamText::displayText(
        r.text({u"attributes.credit", u"attributes.iptc.credit", u"attributes.credit_line"}, DamText::kMaxShortText));
    a.rights.copyright = DamText::displayText(
        r.text({u"attributes.copyright", u"attributes.iptc.copyright", u"attributes.copyright_notice"},
               DamText::kMaxShortText));
    a.lifecycle = a.rights.approval == ApprovalState::Approved ? LifecycleState::Approved : LifecycleState::Draft;

    a.collectionRemoteIds = galleryIds(r);
    a.renditions = renditions(id, a.mediaType, attributes, a.width, a.height, a.fileSize, a.mimeType);
    DamMapping::finish(a, resource, r, kService, problems);
    return a;
}

DamAssetPage PhotoShelterMapper::mapMediaPage(const QJsonObject& page) const
{
    DamAssetPage out;
    out.totalHint = total(page);
    const QJsonValue data = page.value(QLatin1String("data"));
    const QJsonArray items = data.isArray() ? data.toArray() : QJsonArray{data};
    for (const QJsonValue& v : items) {
        if (!v.isObject()) {
            out.problems << DamMapping::skipped({}, kService, QStringLiteral("an entry of the list is not an object"));
            continue;
        }
        std::optional<Asset> asset = mapMedia(v.toObject(), out.problems);
        if (!asset)
            continue;
        if (!namesGalleries(v.toObject()))
            out.membershipUnknown << asset->remoteId;
        if (asset->modifiedAt.isValid() && (!out.newestModification.isValid() || asset->modifiedAt > out.newestModification))
            out.newestModification = asset->modifiedAt;
        out.assets << std::move(*asset);
    }
    return out;
}

std::optional<Collection> PhotoShelterMapper::mapContainer(const QJsonObject& resource, Collection::Kind kind) const
{
    DamItemReader r(resource);
    const QString id = idOf(r.at(u"id"));
    if (id.isEmpty())
        return std::nullopt;
    Collection c;
    c.accountId = m_accountId;
    c.service = Service::PhotoShelter;
    c.kind = kind;
    c.remoteId = id;
    c.name = DamText::displayText(r.text({u"attributes.name", u"attributes.title"}, DamText::kMaxTitle));
    if (c.name.isEmpty())
        c.name = id;
    c.parentRemoteId = idOf(r.first({u"relationships.parent.data", u"parent.data", u"attributes.parent_id",
                                     u"attributes.parent"}));
    // photoshelter.md §7: access.data.attributes.native (permission / everyone / public / private).
    c.visibility = r.text({u"access.data.attributes.native", u"relationships.access.data.attributes.native",
                           u"attributes.access.native", u"attributes.access", u"attributes.visibility",
                           u"attributes.Visibility.mode", u"attributes.mode"},
                          64);
    c.modifiedAt = r.dateTime({u"attributes.modified_at", u"attributes.updated_at", u"attributes.modification_time"});
    return c;
}

Collection PhotoShelterMapper::organization(const QString& orgId, const QString& name) const
{
    Collection c;
    c.accountId = m_accountId;
    c.service = Service::PhotoShelter;
    c.kind = Collection::Kind::Organization;
    c.remoteId = orgId;
    c.name = name.isEmpty() ? orgId : DamText::displayText(name);
    return c;
}

} // namespace AssetDesk
