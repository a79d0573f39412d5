#pragma once

#include "sandbox/httpresponse.h"

#include <optional>

namespace AssetDesk::Sandbox {

class IconikLibrary;
class IconikModule;
class IconikResources;
class Router;
struct DamAsset;
struct SandboxRequest;

// iconik assets service (iconik.md §5-§7), under /API/assets/v1:
//   GET    assets/                         page, per_page, sort=date_created|date_modified[,asc|desc],
//                                          scroll=true / scroll_id; deleted assets are not listed
//   GET    assets/:asset_id/               the asset; a deleted one (delete queue) answers with
//                                          status DELETED and date_deleted; unknown ids 404
//   POST   assets/                         AssetCreateSchema {"title", "collection_id", "external_id",
//                                          "external_link"} -> 201 the asset; the sandbox needs a
//                                          collection_id of a leaf collection (its assets live in one)
//   PATCH  assets/:asset_id/  (and PUT)    {"title"} -> the asset
//   DELETE assets/:asset_id/               204; the asset goes to the delete queue
//   GET    collections/                    all collections (organizations are the roots)
//   GET    collections/:collection_id/     one collection
//   GET    collections/:collection_id/contents/   sub-collections, then assets (object_types=)
//   GET    :object_type/:object_id/approvals/            ApprovalBy list of the asset
//   PUT    :object_type/:object_id/approvals/            vote {"status":"APPROVED"|"NOT_APPROVED"}
//   GET    :object_type/:object_id/approvals/request/    the approval request (ApprovalSchema)
//   POST   :object_type/:object_id/approvals/request/    request approval -> 201, status REQUESTED
//   DELETE :object_type/:object_id/approvals/            clear -> 204, status N/A
// object_type is "assets" (others: 400).
class IconikAssetRoutes
{
public:
    IconikAssetRoutes(IconikModule& module, IconikLibrary& library, IconikResources& resources);
    void registerRoutes(Router& router);

private:
    std::optional<DamAsset> assetOf(const QString& id, bool includeDeleted) const;
    HttpResponse listAssets(const SandboxRequest& request);
    HttpResponse getAsset(const SandboxRequest& request);
    HttpResponse createAsset(const SandboxRequest& request);
    HttpResponse patchAsset(const SandboxRequest& request);
    HttpResponse deleteAsset(const SandboxRequest& request);
    HttpResponse listCollections(const SandboxRequest& request);
    HttpResponse getCollection(const SandboxRequest& request);
    HttpResponse contents(const SandboxRequest& request);
    HttpResponse approvals(const SandboxRequest& request);
    HttpResponse vote(const SandboxRequest& request);
    HttpResponse approvalRequest(const SandboxRequest& request);
    HttpResponse requestApproval(const SandboxRequest& request);
    HttpResponse clearApprovals(const SandboxRequest& request);
    std::optional<HttpResponse> approvalTarget(const SandboxRequest& request, DamAsset& asset) const;
    QJsonObject approvalObject(const DamAsset& asset) const;

    IconikModule& m_module;
    IconikLibrary& m_library;
    IconikResources& m_resources;
};

} // namespace AssetDesk::Sandbox
