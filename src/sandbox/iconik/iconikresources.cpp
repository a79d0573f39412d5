#include "sandbox/iconik/iconikresources.h"

#include "sandbox/dam/damimagerenderer.h"
#include "sandbox/iconik/iconikaccount.h"
#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/jsontext.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace AssetDesk::Sandbox {

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

QJsonObject IconikResources::asset(const DamAsset& a, bool withRenditions) const
{
    // One definition of an asset: the text writer's, parsed back for single objects.
    JsonText j;
    writeAsset(j, a, withRenditions);
    return QJsonDocument::fromJson(j.bytes()).object();
}

void IconikResources::writeAsset(JsonText& j, const DamAsset& a, bool withRenditions, const QString& sortKey,
                                  Document document) const
{
    QStringList collections;
    QStringList ancestors;
    for (const IconikCollectionRef& ref : m_library.collectionsOf(a)) {
        collections << m_library.collectionId(ref);
        for (auto p = m_library.parentOf(ref); p; p = m_library.parentOf(*p)) {
            const QString id = m_library.collectionId(*p);
            if (!ancestors.contains(id))
                ancestors << id;
        }
    }
    // Bad input (DamFixture) is written here too: what only shows in JSON.
    const DamFixture fixture = a.fixture;
    const bool missing = fixture == DamFixture::MissingFields;
    const bool wrong = fixture == DamFixture::WrongTypes;
    const bool badDates = fixture == DamFixture::UnparsableDates;
    const QString user = userId();
    auto strings = [&j](const QStringList& list) {
        j.beginArray();
        for (const QString& s : list)
            j.value(s);
        j.endArray();
    };

    j.beginObject();
    j.member("id", m_library.assetId(a.index));
    if (!missing) {
        if (fixture == DamFixture::NumericTitle)
            j.member("title", 1234567.5);
        else
            j.member("title", a.title);
    }
    j.member("type", QStringLiteral("ASSET")).member("object_type", QStringLiteral("assets"));
    j.member("media_type", a.mediaType == DamMediaType::Video ? QStringLiteral("video") : QStringLiteral("image"));
    j.member("status", a.deleted ? QStringLiteral("DELETED") : QStringLiteral("ACTIVE"));
    j.member("archive_status", QStringLiteral("NOT_ARCHIVED"))
        .member("analyze_status", QStringLiteral("N/A"))
        .member("face_recognition_status", QStringLiteral("N/A"));
    j.member("is_online", true).member("is_blocked", false).member("favoured", false).member("has_unconfirmed_persons", false);
    j.key("person_ids").beginArray().endArray();
    for (const char* nullable : {"category", "custom_keyframe", "custom_poster", "warning"})
        j.key(nullable).null();
    if (a.externalId.isEmpty())
        j.key("external_id").null();
    else
        j.member("external_id", a.externalId);
    if (!a.externalLink.isEmpty())
        j.member("external_link", a.externalLink);
    j.member("created_by_user", user).member("updated_by_user", user);
    if (!missing)
        j.member("date_created", badDates ? QStringLiteral("not a date") : time(a.createdAt));
    j.member("date_imported", time(a.createdAt));
    j.member("date_modified", badDates ? QStringLiteral("2024-13-45T99:99:99Z") : time(a.modifiedAt));
    j.key("in_collections");
    if (wrong)
        j.value(collections.value(0));
    else
        strings(collections);
    j.key("ancestor_collections");
    strings(ancestors);
    if (wrong) {
        j.member("versions", QStringLiteral("1"));
    } else if (!missing) {
        j.key("versions").beginArray();
        for (int v = 1; v <= a.versionCount; ++v) {
            j.beginObject()
                .member("id", m_library.subId(DamIdKind::Version, a.index, v))
                .member("version_number", v)
                .member("status", QStringLiteral("ACTIVE"))
                .member("analyze_status", QStringLiteral("N/A"))
                .member("archive_status", QStringLiteral("NOT_ARCHIVED"))
                .member("is_online", true)
                .member("date_created", time(v == a.versionCount ? a.modifiedAt : a.createdAt))
                .member("created_by_user", user)
                .endObject();
        }
        j.endArray();
    }
    j.member("versions_number", a.versionCount);
    if (wrong) {
        j.member("metadata", QStringLiteral("oops"));
    } else if (!missing) {
        j.key("metadata");
        writeMetadataValues(j, a, 0);
    }
    if (a.mediaType == DamMediaType::Video)
        j.member("duration_milliseconds", a.durationMs);
    if (a.deleted)
        j.member("date_deleted", time(a.deletedAt)).member("deleted_by_user", user);
    if (withRenditions) {
        j.key("keyframes").beginArray();
        writeKeyframe(j, a, 0);
        writeKeyframe(j, a, 1);
        j.endArray();
        j.key("proxies").beginArray();
        writeProxy(j, a);
        j.endArray();
    }
    if (document == Document::Search && !missing)
        j.key("files").beginArray().value(file(a)).endArray();
    if (!sortKey.isEmpty())
        j.key("_sort").beginArray().value(sortKey).value(m_library.assetId(a.index)).endArray();
    j.endObject();
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
        {QStringLiteral("is_root"), !parent},
        {QStringLiteral("parents"), parents},
        {QStringLiteral("in_collections"),
         parent ? QJsonArray{m_library.collectionId(*parent)} : QJsonArray()},
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
    JsonText j;
    writeProxy(j, a);
    return QJsonDocument::fromJson(j.bytes()).object();
}

void IconikResources::writeProxy(JsonText& j, const DamAsset& a) const
{
    const bool video = a.mediaType == DamMediaType::Video;
    const QSize size = video ? QSize(a.width, a.height)
                             : DamImageRenderer::fitted(QSize(std::max(1, a.width), std::max(1, a.height)), kProxyEdge);
    const QString name = video ? QStringLiteral("proxy.mp4") : QStringLiteral("proxy.jpg");
    const QString modified = time(a.modifiedAt);
    j.beginObject()
        .member("id", m_library.subId(DamIdKind::Proxy, a.index))
        .member("asset_id", m_library.assetId(a.index))
        .member("name", name)
        .member("filename", name)
        .member("format", video ? QStringLiteral("MP4") : QStringLiteral("JPEG"))
        .member("codec", video ? QStringLiteral("h264") : QStringLiteral("jpeg"));
    j.key("resolution").beginObject().member("width", size.width()).member("height", size.height()).endObject();
    j.member("rotation", 0)
        .member("status", QStringLiteral("CLOSED"))
        .member("storage_id", m_library.storageId())
        .member("url", storageUrl(a, name, video ? 0 : kProxyEdge))
        .member("is_public", false)
        .member("version_id", m_library.subId(DamIdKind::Version, a.index, a.versionCount))
        .member("date_created", modified)
        .member("date_modified", modified)
        .endObject();
}

QJsonObject IconikResources::keyframe(const DamAsset& a, int slot) const
{
    JsonText j;
    writeKeyframe(j, a, slot);
    return QJsonDocument::fromJson(j.bytes()).object();
}

void IconikResources::writeKeyframe(JsonText& j, const DamAsset& a, int slot) const
{
    const int edge = keyframeEdge(slot);
    const QSize size = DamImageRenderer::fitted(QSize(std::max(1, a.width), std::max(1, a.height)), edge);
    const QString name = slot == 0 ? QStringLiteral("keyframe.jpg") : QStringLiteral("poster.jpg");
    const QString modified = time(a.modifiedAt);
    j.beginObject()
        .member("id", m_library.subId(DamIdKind::Keyframe, a.index, slot))
        .member("asset_id", m_library.assetId(a.index))
        .member("type", slot == 0 ? QStringLiteral("KEYFRAME") : QStringLiteral("POSTER"))
        .member("name", name)
        .member("filename", name)
        .member("format", QStringLiteral("JPEG"));
    j.key("resolution").beginObject().member("width", size.width()).member("height", size.height()).endObject();
    j.member("rotation", 0)
        .member("status", QStringLiteral("CLOSED"))
        .member("storage_id", m_library.storageId())
        .member("url", storageUrl(a, name, edge))
        .member("is_public", false)
        .member("is_custom_keyframe", false)
        .member("version_id", m_library.subId(DamIdKind::Version, a.index, a.versionCount))
        .member("date_created", modified)
        .member("date_modified", modified)
        .endObject();
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
    if (view == PublishingView)
        return {QStringLiteral("lifecycle_status"), QStringLiteral("top_performer"), QStringLiteral("publish_date"),
                QStringLiteral("audience_segment"), QStringLiteral("campaign"), QStringLiteral("description")};
    if (view == CampaignView)
        return {QStringLiteral("campaign"), QStringLiteral("audience_segment"), QStringLiteral("launch_date"),
                QStringLiteral("campaign_owner")};
    return {QStringLiteral("description"), QStringLiteral("keywords"), QStringLiteral("orientation")};
}

QStringList IconikResources::metadataFieldValues(const DamAsset& a, const QString& field)
{
    auto one = [](const QString& text) { return text.isEmpty() ? QStringList() : QStringList{text}; };
    if (field == QLatin1String("license_expiry"))
        return one(a.licenceExpiry.isValid() ? a.licenceExpiry.toString(Qt::ISODate) : QString());
    if (field == QLatin1String("usage_restrictions"))
        return one(a.usageRestrictions);
    if (field == QLatin1String("credit"))
        return one(a.credit);
    if (field == QLatin1String("copyright"))
        return one(a.copyright);
    if (field == QLatin1String("campaign"))
        return one(a.campaignName);
    if (field == QLatin1String("approval_status"))
        return one(damApprovalId(a.approval));
    if (field == QLatin1String("description"))
        return one(a.caption);
    if (field == QLatin1String("keywords"))
        return a.keywords;
    if (field == QLatin1String("lifecycle_status"))
        return one(a.lifecycle);
    if (field == QLatin1String("top_performer"))
        return a.topPerformer ? QStringList{QStringLiteral("true")} : QStringList();
    if (field == QLatin1String("publish_date"))
        return one(a.publishDate);
    if (field == QLatin1String("audience_segment"))
        return one(a.audienceSegment);
    if (field == QLatin1String("orientation"))
        return one(a.orientation == DamOrientation::Portrait ? QStringLiteral("portrait")
                   : a.orientation == DamOrientation::Square ? QStringLiteral("square")
                                                             : QStringLiteral("landscape"));
    return {};
}

void IconikResources::writeMetadataValues(JsonText& j, const DamAsset& a, int view)
{
    QStringList fields = viewFields(view == 0 ? int(RightsView) : view);
    if (view == 0)
        fields += viewFields(DescriptiveView);
    j.beginObject();
    for (const QString& field : std::as_const(fields)) {
        j.key(qPrintable(field)).beginArray();
        for (const QString& v : metadataFieldValues(a, field))
            j.beginObject().member("value", v).endObject();
        j.endArray();
    }
    j.endObject();
}

QJsonObject IconikResources::metadataValues(const DamAsset& a, int view) const
{
    JsonText j;
    writeMetadataValues(j, a, view);
    return QJsonDocument::fromJson(j.bytes()).object();
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
        {QStringLiteral("lifecycle_status"), {QStringLiteral("Lifecycle status"), QStringLiteral("drop_down")}},
        {QStringLiteral("top_performer"), {QStringLiteral("Top performer"), QStringLiteral("boolean")}},
        {QStringLiteral("publish_date"), {QStringLiteral("Publish date"), QStringLiteral("datetime")}},
        {QStringLiteral("audience_segment"), {QStringLiteral("Audience segment"), QStringLiteral("string")}},
        {QStringLiteral("launch_date"), {QStringLiteral("Launch date"), QStringLiteral("date")}},
        {QStringLiteral("campaign_owner"), {QStringLiteral("Campaign owner"), QStringLiteral("string")}},
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
        {QStringLiteral("name"), view == RightsView        ? QStringLiteral("Rights")
                                 : view == PublishingView ? QStringLiteral("Publishing")
                                 : view == CampaignView   ? QStringLiteral("Campaign")
                                                          : QStringLiteral("Descriptive")},
        {QStringLiteral("description"), view == RightsView        ? QStringLiteral("Licence, usage, credit and approval")
                                        : view == PublishingView ? QStringLiteral("Lifecycle and archive of published posts")
                                        : view == CampaignView   ? QStringLiteral("The CRM campaign a collection was made for")
                                                                 : QStringLiteral("Caption and keywords")},
        {QStringLiteral("view_fields"), fields},
        {QStringLiteral("date_created"), created},
        {QStringLiteral("date_modified"), created},
    };
}

} // namespace AssetDesk::Sandbox
