#pragma once

#include "sandbox/dam/damquery.h"
#include "sandbox/httpresponse.h"

#include <QSet>
#include <QString>

#include <optional>

namespace AssetDesk::Sandbox {

class PhotoShelterLibrary;
class PhotoShelterModule;
class PhotoShelterResources;
struct SandboxRequest;

// Paged media listings in the v4 envelope, shared by search, media, gallery media and share
// links: `page` (1-based) and `per_page` (default 100, at most 1000; the real maximum is
// unconfirmed) and
//   {"data":[media...], "included":[...]?, "meta":{"total","page","per_page","total_pages"},
//    "links":{"self","first","last","prev"?,"next"?}}
// A page past the end is an empty `data` with the same meta. The search parameters (§8):
//   media_type=image,video,audio,doc   sort_by=creation_time|modification_time
//   sort_direction=ascending|descending   query= (or q=, or terms=["a","b"]) free text
//   created_after / created_before / updated_after / updated_before (ISO 8601; *_after is
//   strict) and created_since / updated_since (inclusive), approval_status=approved,...,
//   gallery_id=, collection_id=, org_id= (else the session's organization, else all).
// Deleted media never appear. Server thread only; a deep page costs about as much as the first
// (DamSequence).
class PhotoShelterListings
{
public:
    PhotoShelterListings(PhotoShelterModule& module, PhotoShelterLibrary& library, PhotoShelterResources& resources);

    // The listing for `request` inside `scope` (the route's own container; All when it has none).
    // Errors are v4 error responses.
    HttpResponse media(const SandboxRequest& request, const DamScope& scope, bool searchParameters);

    // page/per_page of any listing; an error response when they are not numbers in range.
    static std::optional<HttpResponse> paging(const SandboxRequest& request, int& page, int& perPage);
    static QSet<QString> includes(const SandboxRequest& request);
    // {"total","page","per_page","total_pages"} and the page links.
    static void addPaging(QJsonObject& body, const SandboxRequest& request, const QUrl& base, qint64 total,
                          int page, int perPage);

private:
    std::optional<HttpResponse> applySearch(const SandboxRequest& request, DamQuery& query) const;

    PhotoShelterModule& m_module;
    PhotoShelterLibrary& m_library;
    PhotoShelterResources& m_resources;
};

} // namespace AssetDesk::Sandbox
