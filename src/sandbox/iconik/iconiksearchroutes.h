#pragma once

#include "sandbox/dam/damquery.h"
#include "sandbox/httpresponse.h"

#include <QJsonObject>

#include <optional>

namespace AssetDesk::Sandbox {

class IconikLibrary;
class IconikModule;
class IconikResources;
class Router;
struct SandboxRequest;

// POST /API/search/v1/search/ (iconik.md §8) over the asset catalog:
//   body: doc_types (must include "assets"; ["collections"] alone searches collection titles),
//         query (free text over title, description, keywords, credit, campaign),
//         filter {"operator":"AND","terms":[...],"filters":[...]} with terms on
//           status (value / value_in: ACTIVE, DELETED), date_created / date_modified
//           (range {min, max}, inclusive), in_collections (value / value_in: any collection, its
//           sub-collections included), media_type (image, video), approval_status (N/A,
//           REQUESTED, APPROVED, NOT_APPROVED, MIXED), license_expiry (exists / missing);
//           other term names and operator OR are refused with 400 rather than ignored,
//         sort [{"name":"date_created"|"date_modified","order":"asc"|"desc"}, {"name":"id"}?],
//         search_after [time, id] from the last object's "_sort".
//   query: page, per_page, scroll=true / scroll_id, generate_signed_url (default true: keyframes
//          and proxies with signed URLs on each object).
// Each object is the asset plus "_sort": [ISO time, id]. Deleted assets match only when status
// asks for DELETED.
class IconikSearchRoutes
{
public:
    IconikSearchRoutes(IconikModule& module, IconikLibrary& library, IconikResources& resources);
    void registerRoutes(Router& router);

private:
    HttpResponse search(const SandboxRequest& request);
    HttpResponse searchCollections(const SandboxRequest& request, const QString& text);
    std::optional<HttpResponse> applyFilter(const QJsonObject& filter, DamQuery& query) const;
    std::optional<HttpResponse> applyTerm(const QJsonObject& term, DamQuery& query) const;

    IconikModule& m_module;
    IconikLibrary& m_library;
    IconikResources& m_resources;
};

} // namespace AssetDesk::Sandbox
