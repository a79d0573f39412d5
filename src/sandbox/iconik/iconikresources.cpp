#include "sandbox/iconik/iconikresources.h"

#include "sandbox/dam/damimagerenderer.h"
#include "sandbox/iconik/iconikaccount.h"
#include "sandbox/iconik/iconiklibrary.h"

#include <QFileInfo>

namespace AssetDesk::Sandbox {

namespace {

QJsonArray values(const QStringList& list)
{
    QJsonArray out;
    for (const QString& s : list)
        out.append(QJsonObject{{QStringLiteral("value"), s}});
    return out;
}

QJsonArray value(const QString& s)
{
    return s.isEmpty() ? QJsonArray() : values({s});
}

} // namespace

IconikResources::IconikResources(const IconikLibrary& library, const IconikAccount& account)
    : m_library(library)
    , m_account(account)
{}

QString IconikResources::time(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString IconikResources::time(qint64 ms)
{
    return time(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

int IconikResources::keyframeEdge(int slot)
{
    return slot == 0 ? DamImageRenderer::kThumbnailEdge : DamImageRenderer::kPreviewEdge;
}

QString IconikResources::userId() const
{
    return m_account.users().first().id;
}

QString IconikResources::storageUrl(const DamAsset& asset, const QString& name, int edge) const
{
    // Built as text (a search page carries three per asset; QUrl parsing dominated). Ids, names
    // and signatures need no escaping.
    const QString id = m_library.assetId(asset.index);
    return m_baseText + QStringLiteral("/storage/%1/%2?edge=%3&v=%4&sig=%5")
                            .arg(id, name)
                            .arg(edge)
                            .arg(asset.versionCount)
                            .arg(m_library.signature(id, name, edge));
}

QJsonObject IconikResources::version(const DamAsset& asset, int number) const
{
    return QJsonObject{
        {QStringLiteral("id"), m_library.subId(DamIdKind::Version, asset.index, number)},
        {QStringLiteral("version_number"), number},
        {QStringLiteral("status"), QStringLiteral("ACTIVE")},
        {QStringLiteral("analyze_status"), QStringLiteral("N/A")},
        {QStringLiteral("archive_status"), QStringLiteral("NOT_ARCHIVED")},
        {QStringLiteral("is_online"), true},
        {QStringLiteral("date_created"), time(number == asset.versionCount ? asset.modifiedAt : asset.createdAt)},
        {QStringLiteral("created_by_user"), userId()},
    };
}

QJsonObject IconikResources::asset(const DamAsset& a, bool withRenditions) const
{
    QJsonArray collections;
    QJsonArray ancestors;
    for (const IconikCollectionRef& ref : m_library.collectionsOf(a)) {
        collections.append(m_library.collectionId(ref));
        for (auto p = m_library.parentOf(ref); p; p = m_library.parentOf(*p)) {
            const QString id = m_library.collectionId(*p);
            if (!ancestors.contains(id))
                ancestors.append(id);
        }
    }
    QJsonArray versions;
    for (int v = 1; v <= a.versionCount; ++v)
        versions.append(version(a, v));
    QJsonObject o{
        {QStringLiteral("id"), m_library.assetId(a.index)},
        {QStringLiteral("title"), a.title},
        {QStringLiteral("type"), QStringLiteral("ASSET")},
        {QStringLiteral("object_type"), QStringLiteral("assets")},
        {QStringLiteral("media_type"), a.mediaType == DamMediaType::Video ? QStringLiteral("video") : QStringLiteral("image")},
        {QStringLiteral("status"), a.deleted ? QStringLiteral("DELETED") : QStringLiteral("ACTIVE")},
        {QStringLiteral("archive_status"), QStringLiteral("NOT_ARCHIVED")},
        {QStringLiteral("analyze_status"), QStringLiteral("N/A")},
        {QStringLiteral("face_recognition_status"), QStringLiteral("N/A")},
        {QStringLiteral("is_online"), true},
        {QStringLiteral("is_blocked"), false},
        {QStringLiteral("favoured"), false},
        {QStringLiteral("has_unconfirmed_persons"), false},
        {QStringLiteral("person_ids"), QJsonArray()},
        {QStringLiteral("category"), QJsonValue()},
        {QStringLiteral("external_id"), QJsonValue()},
        {QStringLiteral("custom_keyframe"), QJsonValue()},
        {QStringLiteral("custom_poster"), QJsonValue()},
        {QStringLiteral("warning"), QJsonValue()},
        {QStringLiteral("created_by_user"), userId()},
        {QStringLiteral("updated_by_user"), userId()},
        {QStringLiteral("date_created"), time(a.createdAt)},
        {QStringLiteral("date_imported"), time(a.createdAt)},
        {QStringLiteral("date_modified"), time(a.modifiedAt)},
        {QStringLiteral("in_collections"), collections},
        {QStringLiteral("ancestor_collections"), ancestors},
        {QStringLiteral("versions"), versions},
        {QStringLiteral("versions_number"), a.versionCount},
        {QStringLiteral("metadata"), metadataValues(a, 0)},
    };
    if (a.mediaType == DamMediaType::Video)
        o.insert(QStringLiteral("duration_milliseconds"), a.durationMs);
    if (a.deleted) {
        o.insert(QStringLiteral("date_deleted"), time(a.deletedAt));
        o.insert(QStringLiteral("deleted_by_user"), userId());
    }
    if (withRenditions) {
        o.insert(QStringLiteral("keyframes"), keyframes(a));
        o.insert(QStringLiteral("proxies"), QJsonArray{proxy(a)});
    }
    switch (a.fixture) {
    case DamFixture::NumericTitle:
        o.insert(QStringLiteral("title"), 1234567.5);
        break;
    case DamFixture::UnparsableDates:
        o.insert(QStringLiteral("date_created"), QStringLiteral("not a date"));
        o.insert(QStringLiteral("date_modified"), QStringLiteral("2024-13-45T99:99:99Z"));
        break;
    case DamFixture::MissingFields:
        for (const char* key : {"title", "date_created", "versions", "metadata"})
            o.remove(QLatin1String(key));
        break;
    case DamFixture::WrongTypes:
        o.insert(QStringLiteral("in_collections"), collections.isEmpty() ? QString() : collections.first().toString());
        o.insert(QStringLiteral("versions"), QStringLiteral("1"));
        o.insert(QStringLiteral("metadata"), QStringLiteral("oops"));
        break;
    default:
        break;
    }
    return o;
}

QJsonObject IconikResources::collection(const IconikCollectionRef& ref) const
{
    QJsonArray parents;
    for (auto p = m_library.parentOf(ref); p; p = m_library.parentOf(*p))
        parents.prepend(m_library.collectionId(*p));
    const auto parent = m_library.parentOf(ref);
    const QString created = time(m_library.collectionCreatedMs(ref));
    QJsonObject o{
        {QStringLiteral("id"), m_library.collectionId(ref)},
        {QStringLiteral("title"), m_library.collectionTitle(ref)},
        {QStringLiteral("object_type"), QStringLiteral("collections")},
        {QStringLiteral("status"), QStringLiteral("ACTIVE")},
        {QStringLiteral("is_root"), ref.kind == IconikCollectionRef::Kind::Root},
        {QStringLiteral("parents"), parents},
        {QStringLiteral("in_collections"), parent ? QJsonArray{m_library.collectionId(*parent)} : QJsonArray()},
        {QStringLiteral("category"), QJsonValue()},
        {QStringLiteral("external_id"), QJsonValue()},
        {QStringLiteral("custom_keyframe"), QJsonValue()},
        {QStringLiteral("custom_poster"), QJsonValue()},
        {QStringLiteral("keyframe_asset_ids"), QJsonArray()},
        {QStringLiteral("keyframes"), QJsonArray()},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("created_by_user"), userId()},
        {QStringLiteral("date_created"), created},
        {QStringLiteral("date_modified"), created},
        {QStringLiteral("favoured"), false},
    };
    if (parent)
        o.insert(QStringLiteral("parent_id"), m_library.collectionId(*parent));
    return o;
}

QJsonObject IconikResources::format(const DamAsset& a) const
{
    const QString id = m_library.subId(DamIdKind::Format, a.index);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), QStringLiteral("ORIGINAL")},
        {QStringLiteral("asset_id"), m_library.assetId(a.index)},
        {QStringLiteral("version_id"), m_library.subId(DamIdKind::Version, a.index, a.versionCount)},
        {QStringLiteral("status"), QStringLiteral("ACTIVE")},
        {QStringLiteral("archive_status"), QStringLiteral("NOT_ARCHIVED")},
        {QStringLiteral("is_online"), true},
        {QStringLiteral("user_id"), userId()},
        {QStringLiteral("storage_methods"), QJsonArray{QStringLiteral("FILE")}},
        {QStringLiteral("components"), QJsonArray{QJsonObject{{QStringLiteral("id"), m_library.subId(DamIdKind::Format, a.index, 1)},
                                                             {QStringLiteral("name"), QStringLiteral("ORIGINAL")},
                                                             {QStringLiteral("type"), a.mediaType == DamMediaType::Video
                                                                                          ? QStringLiteral("VIDEO")
                                                                                          : QStringLiteral("IMAGE")}}}},
        // FormatSchema: metadata entries map names to strings.
        {QStringLiteral("metadata"), QJsonArray{QJsonObject{{QStringLiteral("width"), QString::number(a.width)},
                                                            {QStringLiteral("height"), QString::number(a.height)},
                                                            {QStringLiteral("mime_type"), a.mimeType()}}}},
        {QStringLiteral("warnings"), QJsonArray()},
        {QStringLiteral("date_created"), time(a.createdAt)},
        {QStringLiteral("date_modified"), time(a.modifiedAt)},
    };
}

QJsonObject IconikResources::fileSet(const DamAsset& a) const
{
    return QJsonObject{
        {QStringLiteral("id"), m_library.subId(DamIdKind::FileSet, a.index)},
        {QStringLiteral("name"), a.fileName},
        {QStringLiteral("asset_id"), m_library.assetId(a.index)},
        {QStringLiteral("format_id"), m_library.subId(DamIdKind::Format, a.index)},
        {QStringLiteral("storage_id"), m_library.storageId()},
        {QStringLiteral("base_dir"), QStringLiteral("assets/%1").arg(m_library.assetId(a.index))},
        {QStringLiteral("component_ids"), QJsonArray{m_library.subId(DamIdKind::Format, a.index, 1)}},
        {QStringLiteral("status"), QStringLiteral("ACTIVE")},
        {QStringLiteral("file_count"), 1},
        {QStringLiteral("is_archive"), false},
        {QStringLiteral("version_id"), m_library.subId(DamIdKind::Version, a.index, a.versionCount)},
        {QStringLiteral("date_created"), time(a.createdAt)},
        {QStringLiteral("date_modified"), time(a.modifiedAt)},
    };
}

QJsonObject IconikResources::file(const DamAsset& a) const
{
    return QJsonObject{
        {QStringLiteral("id"), m_library.subId(DamIdKind::File, a.index)},
        {QStringLiteral("original_name"), a.fileName},
        {QStringLiteral("name"), a.fileName},
        {QStringLiteral("directory_path"), QStringLiteral("assets/%1").arg(m_library.assetId(a.index))},
        {QStringLiteral("type"), QStringLiteral("FILE")},
        {QStringLiteral("size"), a.fileSize},
        {QStringLiteral("status"), QStringLiteral("CLOSED")},
        {QStringLiteral("asset_id"), m_library.assetId(a.index)},
        {QStringLiteral("file_set_id"), m_library.subId(DamIdKind::FileSet, a.index)},
        {QStringLiteral("format_id"), m_library.subId(DamIdKind::Format, a.index)},
        {QStringLiteral("storage_id"), m_library.storageId()},
        {QStringLiteral("version_id"), m_library.subId(DamIdKind::Version, a.index, a.versionCount)},
        {QStringLiteral("file_date_created"), time(a.createdAt)},
        {QStringLiteral("file_date_modified"), time(a.modifiedAt)},
        {QStringLiteral("date_created"), time(a.createdAt)},
        {QStringLiteral("date_modified"), time(a.modifiedAt)},
    };
}

QJsonObject IconikResources::proxy(const DamAsset& a) const
{
    const bool video = a.mediaType == DamMediaType::Video;
    const QSize size = video ? QSize(a.width, a.height)
                             : DamImageRenderer::fitted(QSize(std::max(1, a.width), std::max(1, a.height)), kProxyEdge);
    const QString name = video ? QStringLiteral("proxy.mp4") : QStringLiteral("proxy.jpg");
    return QJsonObject{
        {QStringLiteral("id"), m_library.subId(DamIdKind::Proxy, a.index)},
        {QStringLiteral("asset_id"), m_library.assetId(a.index)},
        {QStringLiteral("name"), name},
        {QStringLiteral("filename"), name},
        {QStringLiteral("format"), video ? QStringLiteral("MP4") : QStringLiteral("JPEG")},
        {QStringLiteral("codec"), video ? QStringLiteral("h264") : QStringLiteral("jpeg")},
        {QStringLiteral("resolution"), QJsonObject{{QStringLiteral("width"), size.width()}, {QStringLiteral("height"), size.height()}}},
        {QStringLiteral("rotation"), 0},
        {QStringLiteral("status"), QStringLiteral("CLOSED")},
        {QStringLiteral("storage_id"), m_library.storageId()},
        {QStringLiteral("url"), storageUrl(a, name, video ? 0 : kProxyEdge)},
        {QStringLiteral("is_public"), false},
        {QStringLiteral("version_id"), m_library.subId(DamIdKind::Version, a.index, a.versionCount)},
        {QStringLiteral("date_created"), time(a.modifiedAt)},
        {QStringLiteral("date_modified"), time(a.modifiedAt)},
    };
}

QJsonObject IconikResources::keyframe(const DamAsset& a, int slot) const
{
    const int edge = keyframeEdge(slot);
    const QSize size = DamImageRenderer::fitted(QSize(std::max(1, a.width), std::max(1, a.height)), edge);
    const QString name = slot == 0 ? QStringLiteral("keyframe.jpg") : QStringLiteral("poster.jpg");
    return QJsonObject{
        {QStringLiteral("id"), m_library.subId(DamIdKind::Keyframe, a.index, slot)},
        {QStringLiteral("asset_id"), m_library.assetId(a.index)},
        {QStringLiteral("type"), slot == 0 ? QStringLiteral("KEYFRAME") : QStringLiteral("POSTER")},
        {QStringLiteral("name"), name},
        {QStringLiteral("filename"), name},
        {QStringLiteral("format"), QStringLiteral("JPEG")},
        {QStringLiteral("resolution"), QJsonObject{{QStringLiteral("width"), size.width()}, {QStringLiteral("height"), size.height()}}},
        {QStringLiteral("rotation"), 0},
        {QStringLiteral("status"), QStringLiteral("CLOSED")},
        {QStringLiteral("storage_id"), m_library.storageId()},
        {QStringLiteral("url"), storageUrl(a, name, edge)},
        {QStringLiteral("is_public"), false},
        {QStringLiteral("is_custom_keyframe"), false},
        {QStringLiteral("version_id"), m_library.subId(DamIdKind::Version, a.index, a.versionCount)},
        {QStringLiteral("date_created"), time(a.modifiedAt)},
        {QStringLiteral("date_modified"), time(a.modifiedAt)},
    };
}

QJsonArray IconikResources::keyframes(const DamAsset& a) const
{
    return QJsonArray{keyframe(a, 0), keyframe(a, 1)};
}

QStringList IconikResources::viewFields(int view)
{
    if (view == RightsView)
        return {QStringLiteral("license_expiry"), QStringLiteral("usage_restrictions"), QStringLiteral("credit"),
                QStringLiteral("copyright"), QStringLiteral("campaign"), QStringLiteral("approval_status")};
    return {QStringLiteral("description"), QStringLiteral("keywords"), QStringLiteral("orientation")};
}

QJsonObject IconikResources::metadataValues(const DamAsset& a, int view) const
{
    QJsonObject all{
        {QStringLiteral("license_expiry"), value(a.licenceExpiry.isValid() ? a.licenceExpiry.toString(Qt::ISODate) : QString())},
        {QStringLiteral("usage_restrictions"), value(a.usageRestrictions)},
        {QStringLiteral("credit"), value(a.credit)},
        {QStringLiteral("copyright"), value(a.copyright)},
        {QStringLiteral("campaign"), value(a.campaignName)},
        {QStringLiteral("approval_status"), value(damApprovalId(a.approval))},
        {QStringLiteral("description"), value(a.caption)},
        {QStringLiteral("keywords"), values(a.keywords)},
        {QStringLiteral("orientation"),
         value(a.orientation == DamOrientation::Portrait ? QStringLiteral("portrait")
               : a.orientation == DamOrientation::Square ? QStringLiteral("square")
                                                         : QStringLiteral("landscape"))},
    };
    if (view == 0)
        return all;
    QJsonObject out;
    for (const QString& f : viewFields(view))
        out.insert(f, all.value(f));
    return out;
}

QJsonObject IconikResources::metadataField(const QString& name) const
{
    static const QHash<QString, QPair<QString, QString>> kinds{
        {QStringLiteral("license_expiry"), {QStringLiteral("Licence expiry"), QStringLiteral("date")}},
        {QStringLiteral("usage_restrictions"), {QStringLiteral("Usage restrictions"), QStringLiteral("text")}},
        {QStringLiteral("credit"), {QStringLiteral("Credit"), QStringLiteral("string")}},
        {QStringLiteral("copyright"), {QStringLiteral("Copyright"), QStringLiteral("string")}},
        {QStringLiteral("campaign"), {QStringLiteral("Campaign"), QStringLiteral("drop_down")}},
        {QStringLiteral("approval_status"), {QStringLiteral("Approval status"), QStringLiteral("drop_down")}},
        {QStringLiteral("description"), {QStringLiteral("Description"), QStringLiteral("text")}},
        {QStringLiteral("keywords"), {QStringLiteral("Keywords"), QStringLiteral("tag_cloud")}},
        {QStringLiteral("orientation"), {QStringLiteral("Orientation"), QStringLiteral("drop_down")}},
    };
    const auto kind = kinds.value(name);
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("label"), kind.first},
        {QStringLiteral("field_type"), kind.second},
        {QStringLiteral("multi"), name == QLatin1String("keywords")},
        {QStringLiteral("required"), false},
        {QStringLiteral("read_only"), false},
        {QStringLiteral("use_as_facet"), name == QLatin1String("campaign") || name == QLatin1String("approval_status")},
    };
}

QJsonObject IconikResources::metadataView(int view) const
{
    QJsonArray fields;
    for (const QString& f : viewFields(view))
        fields.append(metadataField(f));
    const QString created = time(m_library.catalog().generator().createdMs(0));
    return QJsonObject{
        {QStringLiteral("id"), m_library.viewId(view)},
        {QStringLiteral("name"), view == RightsView ? QStringLiteral("Rights") : QStringLiteral("Descriptive")},
        {QStringLiteral("description"), view == RightsView ? QStringLiteral("Licence, usage, credit and approval")
                                                           : QStringLiteral("Caption and keywords")},
        {QStringLiteral("view_fields"), fields},
        {QStringLiteral("date_created"), created},
        {QStringLiteral("date_modified"), created},
    };
}

} // namespace AssetDesk::Sandbox
