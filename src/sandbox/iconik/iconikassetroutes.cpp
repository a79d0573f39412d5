#include "sandbox/iconik/iconikassetroutes.h"

#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/iconik/iconiklists.h"
#include "sandbox/iconik/iconikmodule.h"
#include "sandbox/iconik/iconikresources.h"
#include "sandbox/jsontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

const QString kAssets = QStringLiteral("/API/assets/v1");

} // namespace

IconikAssetRoutes::IconikAssetRoutes(IconikModule& module, IconikLibrary& library, IconikResources& resources)
    : m_module(module)
    , m_library(library)
    , m_resources(resources)
{}

void IconikAssetRoutes::registerRoutes(Router& router)
{
    auto add = [this, &router](const char* method, const QString& path,
                               HttpResponse (IconikAssetRoutes::*handler)(const SandboxRequest&)) {
        router.add(method, kAssets + path, Access::User, [this, handler](const SandboxRequest& r) { return (this->*handler)(r); });
    };
    add("GET", QStringLiteral("/assets/"), &IconikAssetRoutes::listAssets);
    add("GET", QStringLiteral("/assets/:asset_id/"), &IconikAssetRoutes::getAsset);
    add("POST", QStringLiteral("/assets/"), &IconikAssetRoutes::createAsset);
    add("PATCH", QStringLiteral("/assets/:asset_id/"), &IconikAssetRoutes::patchAsset);
    add("PUT", QStringLiteral("/assets/:asset_id/"), &IconikAssetRoutes::patchAsset);
    add("DELETE", QStringLiteral("/assets/:asset_id/"), &IconikAssetRoutes::deleteAsset);
    add("GET", QStringLiteral("/collections/"), &IconikAssetRoutes::listCollections);
    add("GET", QStringLiteral("/collections/:collection_id/"), &IconikAssetRoutes::getCollection);
    add("GET", QStringLiteral("/collections/:collection_id/contents/"), &IconikAssetRoutes::contents);
    add("GET", QStringLiteral("/:object_type/:object_id/approvals/"), &IconikAssetRoutes::approvals);
    add("PUT", QStringLiteral("/:object_type/:object_id/approvals/"), &IconikAssetRoutes::vote);
    add("DELETE", QStringLiteral("/:object_type/:object_id/approvals/"), &IconikAssetRoutes::clearApprovals);
    add("GET", QStringLiteral("/:object_type/:object_id/approvals/request/"), &IconikAssetRoutes::approvalRequest);
    add("POST", QStringLiteral("/:object_type/:object_id/approvals/request/"), &IconikAssetRoutes::requestApproval);
}

std::optional<DamAsset> IconikAssetRoutes::assetOf(const QString& id, bool includeDeleted) const
{
    const auto index = m_library.assetIndex(id);
    if (!index)
        return std::nullopt;
    return includeDeleted ? m_library.catalog().find(*index) : m_library.catalog().findActive(*index);
}

HttpResponse IconikAssetRoutes::listAssets(const SandboxRequest& request)
{
    DamQuery query;
    const QStringList sort = request.queryValue(QStringLiteral("sort")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!sort.isEmpty()) {
        if (sort.first() == QLatin1String("date_modified"))
            query.order = DamQuery::Order::Modified;
        else if (sort.first() != QLatin1String("date_created"))
            return IconikLists::errors(400, QStringLiteral("sort supports date_created and date_modified"));
        query.descending = sort.value(1) == QLatin1String("desc");
    }
    return IconikLists::assetPage(m_library, m_module.clock(), request, m_module.baseUrl(), query,
                                  [this](JsonText& j, const DamAsset& a) { m_resources.writeAsset(j, a, false); });
}

HttpResponse IconikAssetRoutes::getAsset(const SandboxRequest& request)
{
    const auto asset = assetOf(request.param(QStringLiteral("asset_id")), true);
    if (!asset)
        return IconikLists::errors(404, QStringLiteral("Asset not found"));
    return HttpResponse::json(200, m_resources.asset(*asset, false));
}

HttpResponse IconikAssetRoutes::createAsset(const SandboxRequest& request)
{
    const auto body = request.jsonBody();
    if (!body)
        return IconikLists::errors(400, QStringLiteral("Expected a JSON object"));
    auto fieldError = [](const char* field, const QString& message) {
        return HttpResponse::json(400, QJsonObject{{QStringLiteral("errors"), QJsonObject{{QLatin1String(field), message}}}});
    };
    const QJsonValue title = body->value(QStringLiteral("title"));
    if (!title.isString() || title.toString().trimmed().isEmpty())
        return fieldError("title", QStringLiteral("Missing data for required field."));
    const QString collectionId = body->value(QStringLiteral("collection_id")).toString();
    const auto ref = m_library.collectionRef(collectionId);
    if (!ref)
        return collectionId.isEmpty() ? fieldError("collection_id", QStringLiteral("The sandbox creates assets in a collection."))
                                      : IconikLists::errors(404, QStringLiteral("Collection not found"));
    if (ref->kind != IconikCollectionRef::Kind::Gallery)
        return fieldError("collection_id", QStringLiteral("The sandbox creates assets only in a leaf collection."));
    const QString externalId = body->value(QStringLiteral("external_id")).toString();
    const QString externalLink = body->value(QStringLiteral("external_link")).toString();
    const qint64 index = m_library.catalog().add(ref->index, m_module.clock().now().toMSecsSinceEpoch(), [&](DamAsset& a) {
        a.title = title.toString();
        a.caption.clear();
        a.keywords.clear();
        a.externalId = externalId;
        a.externalLink = externalLink;
    });
    return HttpResponse::json(201, m_resources.asset(*m_library.catalog().find(index), false));
}

HttpResponse IconikAssetRoutes::patchAsset(const SandboxRequest& request)
{
    const auto asset = assetOf(request.param(QStringLiteral("asset_id")), false);
    if (!asset)
        return IconikLists::errors(404, QStringLiteral("Asset not found"));
    const auto body = request.jsonBody();
    if (!body)
        return IconikLists::errors(400, QStringLiteral("Expected a JSON object"));
    const QJsonValue title = body->value(QStringLiteral("title"));
    if (!title.isUndefined() && (!title.isString() || title.toString().trimmed().isEmpty()))
        return HttpResponse::json(400, QJsonObject{{QStringLiteral("errors"),
                                                    QJsonObject{{QStringLiteral("title"), QStringLiteral("Not a valid string.")}}}});
    m_library.catalog().modify(asset->index, m_module.clock().now().toMSecsSinceEpoch(), [&](DamAsset& a) {
        if (title.isString())
            a.title = title.toString();
    });
    return HttpResponse::json(200, m_resources.asset(*m_library.catalog().find(asset->index), false));
}

HttpResponse IconikAssetRoutes::deleteAsset(const SandboxRequest& request)
{
    const auto asset = assetOf(request.param(QStringLiteral("asset_id")), false);
    if (!asset)
        return IconikLists::errors(404, QStringLiteral("Asset not found"));
    m_library.catalog().remove(asset->index, m_module.clock().now().toMSecsSinceEpoch());
    return HttpResponse::empty(204);
}

HttpResponse IconikAssetRoutes::listCollections(const SandboxRequest& request)
{
    int page = 1;
    int perPage = 10;
    if (auto bad = IconikLists::paging(request, 10, page, perPage))
        return *bad;
    const QList<IconikCollectionRef> all = m_library.allCollections();
    const qint64 offset = qint64(page - 1) * perPage;
    if (offset >= all.size() && !all.isEmpty())
        return IconikLists::errors(404, QStringLiteral("Requested page does not exist"));
    QJsonArray objects;
    for (qint64 i = offset; i < std::min<qint64>(all.size(), offset + perPage); ++i)
        objects.append(m_resources.collection(all.at(i)));
    return HttpResponse::json(200, IconikLists::envelope(request, m_module.baseUrl(), objects, page, perPage, all.size()));
}

HttpResponse IconikAssetRoutes::getCollection(const SandboxRequest& request)
{
    const auto ref = m_library.collectionRef(request.param(QStringLiteral("collection_id")));
    if (!ref)
        return IconikLists::errors(404, QStringLiteral("Collection not found"));
    return HttpResponse::json(200, m_resources.collection(*ref));
}

HttpResponse IconikAssetRoutes::contents(const SandboxRequest& request)
{
    const auto ref = m_library.collectionRef(request.param(QStringLiteral("collection_id")));
    if (!ref)
        return IconikLists::errors(404, QStringLiteral("Collection not found"));
    int page = 1;
    int perPage = 10;
    if (auto bad = IconikLists::paging(request, 10, page, perPage))
        return *bad;
    const QString externalId = request.queryValue(QStringLiteral("external_id"));
    if (!externalId.isEmpty()) {
        // Only assets created through the API carry an external id, and they all live in the
        // overlay: a scan of it, not of the generated base.
        QJsonArray found;
        for (const DamAsset& a : m_library.catalog().overlay().records()) {
            if (!a.deleted && a.externalId == externalId && ref->kind == IconikCollectionRef::Kind::Gallery &&
                a.gallery == ref->index)
                found.append(m_resources.asset(a, false));
        }
        return HttpResponse::json(200, IconikLists::envelope(request, m_module.baseUrl(), found, 1, perPage, found.size()));
    }
    const QStringList types = request.queryValue(QStringLiteral("object_types")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const bool wantCollections = types.isEmpty() || types.contains(QStringLiteral("collections"));
    const bool wantAssets = types.isEmpty() || types.contains(QStringLiteral("assets"));
    const QList<IconikCollectionRef> children = wantCollections ? m_library.childrenOf(*ref) : QList<IconikCollectionRef>();
    DamQuery query;
    const bool holdsAssets = wantAssets && ref->kind == IconikCollectionRef::Kind::Gallery;
    if (holdsAssets)
        query.scope = DamScope::gallery(ref->index);
    const qint64 assetCount = holdsAssets ? m_library.catalog().count(query) : 0;
    const qint64 total = children.size() + assetCount;
    const qint64 offset = qint64(page - 1) * perPage;
    if (offset >= total && total > 0)
        return IconikLists::errors(404, QStringLiteral("Requested page does not exist"));
    QJsonArray objects;
    qint64 position = offset;
    for (; position < std::min<qint64>(children.size(), offset + perPage); ++position)
        objects.append(m_resources.collection(children.at(position)));
    if (holdsAssets && objects.size() < perPage) {
        const qint64 assetOffset = position - children.size();
        for (qint64 index : m_library.catalog().page(query, assetOffset, int(perPage - objects.size()))) {
            if (const auto a = m_library.catalog().find(index))
                objects.append(m_resources.asset(*a, false));
        }
    }
    return HttpResponse::json(200, IconikLists::envelope(request, m_module.baseUrl(), objects, page, perPage, total));
}

std::optional<HttpResponse> IconikAssetRoutes::approvalTarget(const SandboxRequest& request, DamAsset& asset) const
{
    if (request.param(QStringLiteral("object_type")) != QLatin1String("assets"))
        return IconikLists::errors(400, QStringLiteral("Approvals are emulated for assets only"));
    const auto found = assetOf(request.param(QStringLiteral("object_id")), false);
    if (!found)
        return IconikLists::errors(404, QStringLiteral("Asset not found"));
    asset = *found;
    return std::nullopt;
}

QJsonObject IconikAssetRoutes::approvalObject(const DamAsset& asset) const
{
    QJsonArray by;
    const bool decided = asset.approval == DamApproval::Approved || asset.approval == DamApproval::NotApproved;
    if (decided)
        by.append(QJsonObject{{QStringLiteral("user"), m_resources.userId()},
                              {QStringLiteral("status"), damApprovalId(asset.approval)},
                              {QStringLiteral("change_date"), IconikResources::time(asset.modifiedAt)},
                              {QStringLiteral("object_id"), m_library.assetId(asset.index)},
                              {QStringLiteral("object_type"), QStringLiteral("assets")}});
    QJsonObject o{
        {QStringLiteral("status"), damApprovalId(asset.approval)},
        {QStringLiteral("object_id"), m_library.assetId(asset.index)},
        {QStringLiteral("object_type"), QStringLiteral("assets")},
        {QStringLiteral("min_number"), 1},
        {QStringLiteral("users"), QJsonArray{m_resources.userId()}},
        {QStringLiteral("groups"), QJsonArray()},
        {QStringLiteral("externals"), QJsonArray()},
        {QStringLiteral("approvals_by"), by},
        {QStringLiteral("version_id"), m_library.subId(DamIdKind::Version, asset.index, asset.versionCount)},
    };
    if (asset.approval != DamApproval::None) {
        o.insert(QStringLiteral("requested_by"), m_resources.userId());
        o.insert(QStringLiteral("request_date"), IconikResources::time(asset.createdAt));
        o.insert(QStringLiteral("change_date"), IconikResources::time(asset.modifiedAt));
    }
    return o;
}

HttpResponse IconikAssetRoutes::approvals(const SandboxRequest& request)
{
    DamAsset asset;
    if (auto refused = approvalTarget(request, asset))
        return *refused;
    const QJsonArray by = approvalObject(asset).value(QStringLiteral("approvals_by")).toArray();
    return HttpResponse::json(200, IconikLists::envelope(request, m_module.baseUrl(), by, 1, std::max<qsizetype>(1, by.size()), by.size()));
}

HttpResponse IconikAssetRoutes::vote(const SandboxRequest& request)
{
    DamAsset asset;
    if (auto refused = approvalTarget(request, asset))
        return *refused;
    const auto body = request.jsonBody();
    const QString status = body ? body->value(QStringLiteral("status")).toString() : QString();
    DamApproval approval;
    if (status == QLatin1String("APPROVED"))
        approval = DamApproval::Approved;
    else if (status == QLatin1String("NOT_APPROVED"))
        approval = DamApproval::NotApproved;
    else
        return HttpResponse::json(400, QJsonObject{{QStringLiteral("errors"),
                                                    QJsonObject{{QStringLiteral("status"), QStringLiteral("Must be APPROVED or NOT_APPROVED.")}}}});
    m_library.catalog().modify(asset.index, m_module.clock().now().toMSecsSinceEpoch(),
                               [approval](DamAsset& a) { a.approval = approval; });
    const DamAsset changed = *m_library.catalog().find(asset.index);
    return HttpResponse::json(200, approvalObject(changed).value(QStringLiteral("approvals_by")).toArray().first().toObject());
}

HttpResponse IconikAssetRoutes::approvalRequest(const SandboxRequest& request)
{
    DamAsset asset;
    if (auto refused = approvalTarget(request, asset))
        return *refused;
    if (asset.approval == DamApproval::None)
        return IconikLists::errors(404, QStringLiteral("No approval was requested for this object"));
    return HttpResponse::json(200, approvalObject(asset));
}

HttpResponse IconikAssetRoutes::requestApproval(const SandboxRequest& request)
{
    DamAsset asset;
    if (auto refused = approvalTarget(request, asset))
        return *refused;
    m_library.catalog().modify(asset.index, m_module.clock().now().toMSecsSinceEpoch(),
                               [](DamAsset& a) { a.approval = DamApproval::Requested; });
    return HttpResponse::json(201, approvalObject(*m_library.catalog().find(asset.index)));
}

HttpResponse IconikAssetRoutes::clearApprovals(const SandboxRequest& request)
{
    DamAsset asset;
    if (auto refused = approvalTarget(request, asset))
        return *refused;
    m_library.catalog().modify(asset.index, m_module.clock().now().toMSecsSinceEpoch(),
                               [](DamAsset& a) { a.approval = DamApproval::None; });
    return HttpResponse::empty(204);
}

} // namespace AssetDesk::Sandbox
