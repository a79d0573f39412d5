#pragma once

#include "sandbox/httpresponse.h"
#include "sandbox/responder.h"

#include <optional>

namespace AssetDesk::Sandbox {

class IconikLibrary;
class IconikModule;
class IconikResources;
class Router;
struct DamAsset;
struct SandboxRequest;

// iconik files service for one asset (iconik.md §10), under /API/files/v1/assets/:asset_id:
//   GET formats/, formats/:format_id/ (an id or the name ORIGINAL)
//   GET file_sets/, file_sets/:file_set_id/, file_sets/:file_set_id/files/
//   GET files/, files/:file_id/, files/:file_id/download_url/   -> {"url": signed storage URL}
//   GET proxies/, proxies/:proxy_id/, proxies/:proxy_id/download_url/
//   GET keyframes/, keyframes/:keyframe_id/        (KEYFRAME 256 px, POSTER 1600 px)
// and the storage the signed URLs point at (no credentials; the signature is the credential):
//   GET /storage/:asset_id/:name?edge=&v=&sig=     JPEG bytes (original: the asset's own file),
//                                                   rendered off the server thread
// Deleted assets: 404 everywhere.
class IconikFileRoutes
{
public:
    IconikFileRoutes(IconikModule& module, IconikLibrary& library, IconikResources& resources);
    void registerRoutes(Router& router);

private:
    std::optional<DamAsset> assetOf(const SandboxRequest& request) const;
    HttpResponse list(const SandboxRequest& request, const QJsonArray& objects) const;
    HttpResponse formats(const SandboxRequest& request);
    HttpResponse format(const SandboxRequest& request);
    HttpResponse fileSets(const SandboxRequest& request);
    HttpResponse fileSet(const SandboxRequest& request);
    HttpResponse files(const SandboxRequest& request);
    HttpResponse file(const SandboxRequest& request);
    HttpResponse fileDownloadUrl(const SandboxRequest& request);
    HttpResponse proxies(const SandboxRequest& request);
    HttpResponse proxy(const SandboxRequest& request);
    HttpResponse proxyDownloadUrl(const SandboxRequest& request);
    HttpResponse keyframes(const SandboxRequest& request);
    HttpResponse keyframe(const SandboxRequest& request);
    void storage(const SandboxRequest& request, Responder responder);

    IconikModule& m_module;
    IconikLibrary& m_library;
    IconikResources& m_resources;
};

} // namespace AssetDesk::Sandbox
