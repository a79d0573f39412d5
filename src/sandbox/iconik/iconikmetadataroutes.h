#pragma once

#include "sandbox/httpresponse.h"

#include <QJsonObject>

#include <optional>

namespace AssetDesk::Sandbox {

class IconikLibrary;
class IconikModule;
class IconikResources;
class Router;
struct DamAsset;
struct SandboxRequest;

// iconik metadata service (iconik.md §9), under /API/metadata/v1:
//   GET fields/, fields/:field_name/          the rights and descriptive fields
//   GET views/, views/:view_id/               "Rights" (license_expiry, usage_restrictions, credit,
//                                             copyright, campaign, approval_status) and
//                                             "Descriptive" (description, keywords, orientation) and
//                                             "Publishing" (lifecycle_status, top_performer, publish_date,
//                                             audience_segment, campaign, description: what a
//                                             publishing client writes back, IX4 / IX2 / PX7) and
//                                             "Campaign" (campaign, audience_segment, launch_date,
//                                             campaign_owner: what a CRM campaign's collection carries, DP3)
//   GET :object_type/:object_id/views/:view_id/   MetadataValuesSchema of the asset in that view
//   PUT :object_type/:object_id/views/:view_id/   {"metadata_values":{field:{"field_values":[{"value"}],
//                                                 "mode":"overwrite"|"append"|"delete"}}} -> the values
//   GET :object_type/:object_id/                  all values, no view
// object_type "assets" here; a collection's values in one view are IconikCollectionRoutes'.
class IconikMetadataRoutes
{
public:
    IconikMetadataRoutes(IconikModule& module, IconikLibrary& library, IconikResources& resources);
    void registerRoutes(Router& router);

private:
    int viewOf(const QString& id) const; // 0 when unknown
    std::optional<HttpResponse> target(const SandboxRequest& request, DamAsset& asset) const;
    QJsonObject valuesBody(const DamAsset& asset, int view) const;
    HttpResponse fields(const SandboxRequest& request);
    HttpResponse field(const SandboxRequest& request);
    HttpResponse views(const SandboxRequest& request);
    HttpResponse view(const SandboxRequest& request);
    HttpResponse values(const SandboxRequest& request);
    HttpResponse putValues(const SandboxRequest& request);
    HttpResponse allValues(const SandboxRequest& request);

    IconikModule& m_module;
    IconikLibrary& m_library;
    IconikResources& m_resources;
};

} // namespace AssetDesk::Sandbox
