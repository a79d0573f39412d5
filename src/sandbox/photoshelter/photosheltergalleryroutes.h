#pragma once

#include "sandbox/httpresponse.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>

#include <functional>

#include <optional>

namespace AssetDesk::Sandbox {

class PhotoShelterLibrary;
class PhotoShelterListings;
class PhotoShelterModule;
class PhotoShelterResources;
class Router;
struct SandboxRequest;

// PSAPI v4 galleries and collections (photoshelter.md §7), under /psapi/v4.0:
//   GET    galleries                      ?parent=C…|root, include=permissions,access,path,parent,
//                                         sort_by=name|created_at, sort_direction, page, per_page, org_id
//   POST   galleries                      {"data":{"type":"gallery","attributes":{"name", "description"?,
//                                         "keywords"?: [..] | "a, b", "parent_id"?: C…, "access"?: mode}}}
//                                         (or the same flat) -> 201, the gallery; admins of the
//                                         organization (the session's, else the user's first) only.
//                                         Not documented by PhotoShelter (§7): the sandbox's shape.
//   GET    galleries/:id                  one gallery (same include=)
//   GET    galleries/:id/media            its media, paged like search (sort_by, sort_direction...)
//   GET    galleries/:id/access           {"data":{"type":"access","attributes":{"native":mode}}}
//   PUT    galleries/:id/access           {"native": "everyone|public|private|permission"} (also
//                                         {"data":{"attributes":{"native":...}}}); admins only
//   GET    galleries/:id/permissions      permission resources
//   POST   galleries/:id/permissions      {"email"|"contact_id", "download_image_filetype", "password"?} -> 201
//   DELETE galleries/:id/permissions/:permission_id     204
//   GET    galleries/:id/links            share links
//   POST   galleries/:id/links            {"expires_at": ISO}? -> 201 {"data":{"type":"share_link",
//                                         "attributes":{"url","expires_at",...}}}
//   DELETE galleries/:id/links/:link_id   204
//   GET    share/:token                   public (no credentials): the gallery and a page of its
//                                         media; 410 once expired, 404 when unknown or deleted,
//                                         403 when the gallery became private
//   GET    collections                    ?parent=, include=permissions,parent, sort_by=name...
//   GET    collections/:id                one collection
//   GET    collections/:id/children       its sub-collections and galleries (mixed types)
// Organizations: org_id= or the session's organization narrows the lists. Changing access,
// permissions and links needs the "admin" role in the gallery's organization (403 otherwise).
class PhotoShelterGalleryRoutes
{
public:
    PhotoShelterGalleryRoutes(PhotoShelterModule& module, PhotoShelterLibrary& library,
                              PhotoShelterResources& resources, PhotoShelterListings& listings);
    void registerRoutes(Router& router);

private:
    std::optional<int> galleryOf(const SandboxRequest& request) const;
    HttpResponse galleryNotFound(const SandboxRequest& request) const;
    HttpResponse listGalleries(const SandboxRequest& request);
    HttpResponse createGallery(const SandboxRequest& request);
    HttpResponse getGallery(const SandboxRequest& request);
    HttpResponse galleryMedia(const SandboxRequest& request);
    HttpResponse getAccess(const SandboxRequest& request);
    HttpResponse putAccess(const SandboxRequest& request);
    HttpResponse listPermissions(const SandboxRequest& request);
    HttpResponse addPermission(const SandboxRequest& request);
    HttpResponse removePermission(const SandboxRequest& request);
    HttpResponse listLinks(const SandboxRequest& request);
    HttpResponse addLink(const SandboxRequest& request);
    HttpResponse removeLink(const SandboxRequest& request);
    HttpResponse share(const SandboxRequest& request);
    HttpResponse listCollections(const SandboxRequest& request);
    HttpResponse getCollection(const SandboxRequest& request);
    HttpResponse children(const SandboxRequest& request);
    // A container listing: sorted by name or creation time, paged; only the page's resources are
    // rendered (and add to `included`).
    struct Entry
    {
        QString name;
        qint64 createdMs = 0;
        std::function<QJsonObject(QJsonArray& included)> render;
    };
    HttpResponse sortedPage(const SandboxRequest& request, QList<Entry> entries);
    template <typename Node, typename MakeEntry>
    HttpResponse listNodes(const SandboxRequest& request, const QList<Node>& nodes, MakeEntry makeEntry);
    Entry galleryEntry(int gallery, const QSet<QString>& wanted) const;
    Entry collectionEntry(int collection, const QSet<QString>& wanted) const;

    PhotoShelterModule& m_module;
    PhotoShelterLibrary& m_library;
    PhotoShelterResources& m_resources;
    PhotoShelterListings& m_listings;
};

} // namespace AssetDesk::Sandbox
