#include "sandbox/iconik/iconikmetadataroutes.h"

#include "sandbox/dam/damvocabulary.h"
#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/iconik/iconiklists.h"
#include "sandbox/iconik/iconikmodule.h"
#include "sandbox/iconik/iconikresources.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

const QString kMetadata = QStringLiteral("/API/metadata/v1");

HttpResponse fieldError(const QString& field, const QString& message)
{
    return HttpResponse::json(400, QJsonObject{{QStringLiteral("errors"), QJsonObject{{field, message}}}});
}

} // namespace

IconikMetadataRoutes::IconikMetadataRoutes(IconikModule& module, IconikLibrary& library, IconikResources& resources)
    : m_module(module)
    , m_library(library)
    , m_resources(resources)
{}

void IconikMetadataRoutes::registerRoutes(Router& router)
{
    auto add = [this, &router](const char* method, const QString& path,
                               HttpResponse (IconikMetadataRoutes::*handler)(const SandboxRequest&)) {
        router.add(method, kMetadata + path, Access::User, [this, handler](const SandboxRequest& r) { return (this->*handler)(r); });
    };
    add("GET", QStringLiteral("/fields/"), &IconikMetadataRoutes::fields);
    add("GET", QStringLiteral("/fields/:field_name/"), &IconikMetadataRoutes::field);
    add("GET", QStringLiteral("/views/"), &IconikMetadataRoutes::views);
    add("GET", QStringLiteral("/views/:view_id/"), &IconikMetadataRoutes::view);
    add("GET", QStringLiteral("/:object_type/:object_id/views/:view_id/"), &IconikMetadataRoutes::values);
    add("PUT", QStringLiteral("/:object_type/:object_id/views/:view_id/"), &IconikMetadataRoutes::putValues);
    add("GET", QStringLiteral("/:object_type/:object_id/"), &IconikMetadataRoutes::allValues);
}

int IconikMetadataRoutes::viewOf(const QString& id) const
{
    for (int v : IconikResources::kViews) {
        if (m_library.viewId(v) == id)
            return v;
    }
    return 0;
}

std::optional<HttpResponse> IconikMetadataRoutes::target(const SandboxRequest& request, DamAsset& asset) const
{
    const QString type = request.param(QStringLiteral("object_type"));
    // Collections' values per view are IconikCollectionRoutes' (a more specific route); all
    // values of a collection without a view are not kept.
    if (type == QLatin1String("collections"))
        return IconikLists::errors(404, QStringLiteral("The object has no metadata values"));
    if (type != QLatin1String("assets"))
        return IconikLists::errors(400, QStringLiteral("Unknown object_type %1").arg(type));
    const auto index = m_library.assetIndex(request.param(QStringLiteral("object_id")));
    const auto found = index ? m_library.catalog().findActive(*index) : std::nullopt;
    if (!found)
        return IconikLists::errors(404, QStringLiteral("Asset not found"));
    asset = *found;
    return std::nullopt;
}

QJsonObject IconikMetadataRoutes::valuesBody(const DamAsset& asset, int view) const
{
    QJsonObject values;
    const QJsonObject raw = m_resources.metadataValues(asset, view);
    for (auto it = raw.begin(); it != raw.end(); ++it)
        values.insert(it.key(), QJsonObject{{QStringLiteral("field_values"), it.value()}});
    return QJsonObject{
        {QStringLiteral("object_id"), m_library.assetId(asset.index)},
        {QStringLiteral("object_type"), QStringLiteral("assets")},
        {QStringLiteral("version_id"), m_library.subId(DamIdKind::Version, asset.index, asset.versionCount)},
        {QStringLiteral("date_created"), IconikResources::time(asset.createdAt)},
        {QStringLiteral("date_modified"), IconikResources::time(asset.modifiedAt)},
        {QStringLiteral("metadata_values"), values},
    };
}

HttpResponse IconikMetadataRoutes::fields(const SandboxRequest& request)
{
    QJsonArray objects;
    QStringList seen;
    for (int v : IconikResources::kViews) {
        for (const QString& f : IconikResources::viewFields(v)) {
            if (seen.contains(f))
                continue; // a field shows in several views but exists once
            seen << f;
            objects.append(m_resources.metadataField(f));
        }
    }
    return HttpResponse::json(200, IconikLists::envelope(request, m_module.baseUrl(), objects, 1, int(objects.size()), objects.size()));
}

HttpResponse IconikMetadataRoutes::field(const SandboxRequest& request)
{
    const QString name = request.param(QStringLiteral("field_name"));
    bool known = false;
    for (int v : IconikResources::kViews)
        known = known || IconikResources::viewFields(v).contains(name);
    if (!known)
        return IconikLists::errors(404, QStringLiteral("Field not found"));
    return HttpResponse::json(200, m_resources.metadataField(name));
}

HttpResponse IconikMetadataRoutes::views(const SandboxRequest&)
{
    QJsonArray objects;
    for (int v : IconikResources::kViews)
        objects.append(m_resources.metadataView(v));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("objects"), objects}});
}

HttpResponse IconikMetadataRoutes::view(const SandboxRequest& request)
{
    const int v = viewOf(request.param(QStringLiteral("view_id")));
    if (v == 0)
        return IconikLists::errors(404, QStringLiteral("Metadata view not found"));
    return HttpResponse::json(200, m_resources.metadataView(v));
}

HttpResponse IconikMetadataRoutes::values(const SandboxRequest& request)
{
    DamAsset asset;
    if (auto refused = target(request, asset))
        return *refused;
    const int v = viewOf(request.param(QStringLiteral("view_id")));
    if (v == 0)
        return IconikLists::errors(404, QStringLiteral("Metadata view not found"));
    return HttpResponse::json(200, valuesBody(asset, v));
}

HttpResponse IconikMetadataRoutes::allValues(const SandboxRequest& request)
{
    DamAsset asset;
    if (auto refused = target(request, asset))
        return *refused;
    return HttpResponse::json(200, valuesBody(asset, 0));
}

HttpResponse IconikMetadataRoutes::putValues(const SandboxRequest& request)
{
    DamAsset asset;
    if (auto refused = target(request, asset))
        return *refused;
    const int v = viewOf(request.param(QStringLiteral("view_id")));
    if (v == 0)
        return IconikLists::errors(404, QStringLiteral("Metadata view not found"));
    const auto body = request.jsonBody();
    if (!body || !body->value(QStringLiteral("metadata_values")).isObject())
        return fieldError(QStringLiteral("metadata_values"), QStringLiteral("Missing data for required field."));
    const QJsonObject changes = body->value(QStringLiteral("metadata_values")).toObject();
    const QStringList allowed = IconikResources::viewFields(v);
    DamAsset edited = asset;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString name = it.key();
        if (!allowed.contains(name))
            return fieldError(name, QStringLiteral("Not a field of this view."));
        const QJsonObject change = it.value().toObject();
        const QString mode = change.value(QStringLiteral("mode")).toString(QStringLiteral("overwrite"));
        if (mode != QLatin1String("overwrite") && mode != QLatin1String("append") && mode != QLatin1String("delete"))
            return fieldError(name, QStringLiteral("mode must be overwrite, append or delete."));
        QStringList given;
        for (const QJsonValue& fv : change.value(QStringLiteral("field_values")).toArray())
            given << fv.toObject().value(QStringLiteral("value")).toVariant().toString();
        const QString first = mode == QLatin1String("delete") ? QString() : given.value(0);
        if (name == QLatin1String("keywords")) {
            if (mode == QLatin1String("overwrite"))
                edited.keywords = given;
            else if (mode == QLatin1String("append"))
                edited.keywords += given;
            else
                edited.keywords.removeIf([&given](const QString& k) { return given.isEmpty() || given.contains(k); });
        } else if (name == QLatin1String("license_expiry")) {
            const QDate d = QDate::fromString(first, Qt::ISODate);
            if (!first.isEmpty() && !d.isValid())
                return fieldError(name, QStringLiteral("Not a valid date."));
            edited.licenceExpiry = d;
        } else if (name == QLatin1String("usage_restrictions")) {
            edited.usageRestrictions = first;
        } else if (name == QLatin1String("credit")) {
            edited.credit = first;
        } else if (name == QLatin1String("copyright")) {
            edited.copyright = first;
        } else if (name == QLatin1String("campaign")) {
            edited.campaignName = first;
            edited.campaign = int(DamVocabulary::campaigns().indexOf(first));
        } else if (name == QLatin1String("approval_status")) {
            bool known = first.isEmpty();
            for (DamApproval a : {DamApproval::None, DamApproval::Requested, DamApproval::Approved,
                                  DamApproval::NotApproved, DamApproval::Mixed}) {
                if (damApprovalId(a) == first) {
                    edited.approval = a;
                    known = true;
                }
            }
            if (first.isEmpty())
                edited.approval = DamApproval::None;
            if (!known)
                return fieldError(name, QStringLiteral("Not a valid choice."));
        } else if (name == QLatin1String("description")) {
            edited.caption = first;
        } else if (name == QLatin1String("lifecycle_status")) {
            static const QStringList states{QStringLiteral("draft"), QStringLiteral("approved"), QStringLiteral("scheduled"),
                                            QStringLiteral("published"), QStringLiteral("archived")};
            if (!first.isEmpty() && !states.contains(first))
                return fieldError(name, QStringLiteral("Not a valid choice."));
            edited.lifecycle = first;
        } else if (name == QLatin1String("top_performer")) {
            if (!first.isEmpty() && first != QLatin1String("true") && first != QLatin1String("false"))
                return fieldError(name, QStringLiteral("Not a valid boolean."));
            edited.topPerformer = first == QLatin1String("true");
        } else if (name == QLatin1String("publish_date")) {
            if (!first.isEmpty() && !QDateTime::fromString(first, Qt::ISODateWithMs).isValid())
                return fieldError(name, QStringLiteral("Not a valid datetime."));
            edited.publishDate = first;
        } else if (name == QLatin1String("audience_segment")) {
            edited.audienceSegment = first;
        } else {
            return fieldError(name, QStringLiteral("This field is read-only."));
        }
    }
    m_library.catalog().modify(asset.index, m_module.clock().now().toMSecsSinceEpoch(), [&edited](DamAsset& a) {
        a.keywords = edited.keywords;
        a.licenceExpiry = edited.licenceExpiry;
        a.usageRestrictions = edited.usageRestrictions;
        a.credit = edited.credit;
        a.copyright = edited.copyright;
        a.campaign = edited.campaign;
        a.campaignName = edited.campaignName;
        a.approval = edited.approval;
        a.caption = edited.caption;
        a.lifecycle = edited.lifecycle;
        a.topPerformer = edited.topPerformer;
        a.publishDate = edited.publishDate;
        a.audienceSegment = edited.audienceSegment;
    });
    return HttpResponse::json(200, valuesBody(*m_library.catalog().find(asset.index), v));
}

} // namespace AssetDesk::Sandbox
