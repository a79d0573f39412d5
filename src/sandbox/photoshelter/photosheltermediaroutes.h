#pragma once

#include "sandbox/httpresponse.h"
#include "sandbox/responder.h"

#include <optional>

namespace AssetDesk::Sandbox {

class PhotoShelterLibrary;
class PhotoShelterListings;
class PhotoShelterModule;
class PhotoShelterResources;
class Router;
struct DamAsset;
struct SandboxRequest;

// PSAPI v4 media routes (photoshelter.md §5, §6, §8, §9), all under /psapi/v4.0:
//   GET  search                        paged search (PhotoShelterListings)
//   GET  media                         the same listing (all media of the organization)
//   GET  library                       the organization's root galleries and collections
//   GET  media/:id                     one media resource; 404 when deleted or unknown
//   GET  media/:id/download            bytes: download_filetype=original|jpeg|mp4,
//                                      download_quality=thumbnail|small|preview|large|<edge px>;
//                                      credentials, or the `sig` of a link the API handed out
//   GET  media/:id/links               named renditions ({"data":[{"type":"link",...}]}),
//                                      image_size=WxH adds a custom one (v3 ImageLink analogue)
//   GET  media/:id/metadata            IPTC/EXIF-like attributes
//   GET  media/:id/custom-metadata     rights fields as custom metadata (category "metadata")
//   GET  media/:id/galleries           galleries holding it (?include=gallery)
//   PATCH media/:id/metadata           {"data":{"attributes":{"iptc":{"keyword":"a, b"}}}} -> the
//                                      metadata; only keyword, caption and headline are writable
//                                      (no v4 write path is documented: photoshelter.md §5)
//   POST media/upload                  multipart: file, gallery_id (+ headline, caption, campaign,
//                                      audience_segment, publish_date) -> 201
// and the v3 upload POST /psapi/v3/mem/image/upload (same form) -> {"status":"ok","data":{"Image":...}}.
class PhotoShelterMediaRoutes
{
public:
    PhotoShelterMediaRoutes(PhotoShelterModule& module, PhotoShelterLibrary& library,
                            PhotoShelterResources& resources, PhotoShelterListings& listings);
    void registerRoutes(Router& router);

private:
    std::optional<DamAsset> assetOf(const SandboxRequest& request) const;
    HttpResponse notFound(const SandboxRequest& request) const;
    HttpResponse get(const SandboxRequest& request);
    void download(const SandboxRequest& request, Responder responder);
    HttpResponse links(const SandboxRequest& request);
    HttpResponse metadata(const SandboxRequest& request);
    HttpResponse patchMetadata(const SandboxRequest& request);
    HttpResponse customMetadata(const SandboxRequest& request);
    HttpResponse galleries(const SandboxRequest& request);
    HttpResponse library(const SandboxRequest& request);
    HttpResponse upload(const SandboxRequest& request, bool v3);

    PhotoShelterModule& m_module;
    PhotoShelterLibrary& m_library;
    PhotoShelterResources& m_resources;
    PhotoShelterListings& m_listings;
};

} // namespace AssetDesk::Sandbox
