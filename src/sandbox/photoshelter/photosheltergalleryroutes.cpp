#include "sandbox/photoshelter/photosheltergalleryroutes.h"

#include "sandbox/photoshelter/photoshelterlibrary.h"
#include "sandbox/photoshelter/photoshelterlistings.h"
#include "sandbox/photoshelter/photosheltermodule.h"
#include "sandbox/photoshelter/photoshelterresources.h"
#include "sandbox/photoshelter/photoshelterv4.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"

#include <QJsonDocument>

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

const QString kV4 = QStringLiteral("/psapi/v4.0");

// A JSON body's attribute, flat ({"native": ...}) or JSON:API ({"data":{"attributes":{...}}}).
QJsonValue bodyValue(const SandboxRequest& request, const QString& key)
{
    const auto body = request.jsonBody();
    if (!body)
        return request.bodyOrQueryValue(key).isEmpty() ? QJsonValue() : QJsonValue(request.bodyOrQueryValue(key));
    if (body->contains(key))
        return body->value(key);
    return body->value(QStringLiteral("data")).toObject().value(QStringLiteral("attributes")).toObject().value(key);
}

} // namespace

PhotoShelterGalleryRoutes::PhotoShelterGalleryRoutes(PhotoShelterModule& module, PhotoShelterLibrary& library,
                                                     PhotoShelterResources& resources, PhotoShelterListings& listings)
    : m_module(module)
    , m_library(library)
    , m_resources(resources)
    , m_listings(listings)
{}

void PhotoShelterGalleryRoutes::registerRoutes(Router& router)
{
    auto add = [this, &router](const char* method, const QString& path, Access access,
                               HttpResponse (PhotoShelterGalleryRoutes::*handler)(const SandboxRequest&)) {
        router.add(method, kV4 + path, access, [this, handler](const SandboxRequest& r) { return (this->*handler)(r); });
    };
    add("GET", QStringLiteral("/galleries"), Access::User, &PhotoShelterGalleryRoutes::listGalleries);
    add("POST", QStringLiteral("/galleries"), Access::User, &PhotoShelterGalleryRoutes::createGallery);
    add("GET", QStringLiteral("/galleries/:id"), Access::User, &PhotoShelterGalleryRoutes::getGallery);
    add("GET", QStringLiteral("/galleries/:id/media"), Access::User, &PhotoShelterGalleryRoutes::galleryMedia);
    add("GET", QStringLiteral("/galleries/:id/access"), Access::User, &PhotoShelterGalleryRoutes::getAccess);
    add("PUT", QStringLiteral("/galleries/:id/access"), Access::User, &PhotoShelterGalleryRoutes::putAccess);
    add("PATCH", QStringLiteral("/galleries/:id/access"), Access::User, &PhotoShelterGalleryRoutes::putAccess);
    add("GET", QStringLiteral("/galleries/:id/permissions"), Access::User, &PhotoShelterGalleryRoutes::listPermissions);
    add("POST", QStringLiteral("/galleries/:id/permissions"), Access::User, &PhotoShelterGalleryRoutes::addPermission);
    add("DELETE", QStringLiteral("/galleries/:id/permissions/:permission_id"), Access::User,
        &PhotoShelterGalleryRoutes::removePermission);
    add("GET", QStringLiteral("/galleries/:id/links"), Access::User, &PhotoShelterGalleryRoutes::listLinks);
    add("POST", QStringLiteral("/galleries/:id/links"), Access::User, &PhotoShelterGalleryRoutes::addLink);
    add("DELETE", QStringLiteral("/galleries/:id/links/:link_id"), Access::User, &PhotoShelterGalleryRoutes::removeLink);
    add("GET", QStringLiteral("/share/:token"), Access::Public, &PhotoShelterGalleryRoutes::share);
    add("GET", QStringLiteral("/collections"), Access::User, &PhotoShelterGalleryRoutes::listCollections);
    add("GET", QStringLiteral("/collections/:id"), Access::User, &PhotoShelterGalleryRoutes::getCollection);
    add("GET", QStringLiteral("/collections/:id/children"), Access::User, &PhotoShelterGalleryRoutes::children);
}

std::optional<int> PhotoShelterGalleryRoutes::galleryOf(const SandboxRequest& request) const
{
    return m_library.galleryIndex(request.param(QStringLiteral("id")));
}

HttpResponse PhotoShelterGalleryRoutes::galleryNotFound(const SandboxRequest& request) const
{
    return PhotoShelterV4::error(404, QStringLiteral("Gallery %1 not found").arg(request.param(QStringLiteral("id"))));
}

PhotoShelterGalleryRoutes::Entry PhotoShelterGalleryRoutes::galleryEntry(int gallery, const QSet<QString>& wanted) const
{
    const DamGallery& g = m_library.layout().galleries().at(gallery);
    return {g.name, g.createdMs, [this, gallery, wanted](QJsonArray& included) {
                return m_resources.gallery(gallery, wanted, included);
            }};
}

PhotoShelterGalleryRoutes::Entry PhotoShelterGalleryRoutes::collectionEntry(int collection,
                                                                            const QSet<QString>& wanted) const
{
    const DamCollection& c = m_library.layout().collections().at(collection);
    return {c.name, c.createdMs, [this, collection, wanted](QJsonArray& included) {
                return m_resources.collection(collection, wanted, included);
            }};
}

HttpResponse PhotoShelterGalleryRoutes::sortedPage(const SandboxRequest& request, QList<Entry> entries)
{
    int page = 1;
    int perPage = 100;
    if (auto bad = PhotoShelterListings::paging(request, page, perPage))
        return *bad;
    const QString sortBy = request.queryValue(QStringLiteral("sort_by"));
    const bool descending = request.queryValue(QStringLiteral("sort_direction")).startsWith(QLatin1String("desc"));
    const bool byTime = sortBy == QLatin1String("created_at") || sortBy == QLatin1String("creation_time");
    if (!byTime && !sortBy.isEmpty() && sortBy != QLatin1String("name"))
        return PhotoShelterV4::error(400, QStringLiteral("sort_by must be name or created_at"));
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        const int c = byTime ? (a.createdMs < b.createdMs ? -1 : a.createdMs > b.createdMs ? 1 : 0)
                             : a.name.compare(b.name, Qt::CaseInsensitive);
        return descending ? c > 0 : c < 0;
    });
    QJsonArray data;
    QJsonArray included;
    const qint64 offset = qint64(page - 1) * perPage;
    for (qint64 i = offset; i < std::min<qint64>(entries.size(), offset + perPage); ++i)
        data.append(entries.at(i).render(included));
    QJsonObject body{{QStringLiteral("data"), data}};
    if (!PhotoShelterListings::includes(request).isEmpty())
        body.insert(QStringLiteral("included"), included);
    PhotoShelterListings::addPaging(body, request, m_module.baseUrl(), entries.size(), page, perPage);
    return HttpResponse::json(200, body);
}

// Galleries and collections list alike: scoped to the organization, optionally to the children
// of one collection (`parent=<id>`) or to the top level (`parent=root`).
template <typename Node, typename MakeEntry>
HttpResponse PhotoShelterGalleryRoutes::listNodes(const SandboxRequest& request, const QList<Node>& nodes,
                                                  MakeEntry makeEntry)
{
    int organization = -1;
    if (auto refused = m_module.organizationScope(request, organization))
        return *refused;
    const QString parent = request.queryValue(QStringLiteral("parent"));
    std::optional<int> parentIndex;
    if (!parent.isEmpty() && parent != QLatin1String("root")) {
        parentIndex = m_library.collectionIndex(parent);
        if (!parentIndex)
            return PhotoShelterV4::error(404, QStringLiteral("Collection %1 not found").arg(parent));
    }
    const QSet<QString> wanted = PhotoShelterListings::includes(request);
    QList<Entry> entries;
    for (const Node& node : nodes) {
        if (organization >= 0 && node.organization != organization)
            continue;
        if (parent == QLatin1String("root") && node.parent >= 0)
            continue;
        if (parentIndex && node.parent != *parentIndex)
            continue;
        entries << makeEntry(node.index, wanted);
    }
    return sortedPage(request, entries);
}

HttpResponse PhotoShelterGalleryRoutes::listGalleries(const SandboxRequest& request)
{
    return listNodes(request, m_library.layout().galleries(),
                     [this](int gallery, const QSet<QString>& wanted) { return galleryEntry(gallery, wanted); });
}

HttpResponse PhotoShelterGalleryRoutes::createGallery(const SandboxRequest& request)
{
    int organization = -1;
    if (auto refused = m_module.organizationScope(request, organization))
        return *refused;
    DamGallery g;
    g.name = bodyValue(request, QStringLiteral("name")).toString().trimmed();
    g.description = bodyValue(request, QStringLiteral("description")).toString();
    if (g.name.isEmpty())
        return PhotoShelterV4::error(400, QStringLiteral("name is required"));
    if (g.name.size() > 255)
        return PhotoShelterV4::error(400, QStringLiteral("name must be at most 255 characters"));
    const QString parentId = bodyValue(request, QStringLiteral("parent_id")).toString();
    if (!parentId.isEmpty()) {
        const auto parent = m_library.collectionIndex(parentId);
        if (!parent)
            return PhotoShelterV4::error(404, QStringLiteral("Collection %1 not found").arg(parentId));
        g.parent = *parent;
        organization = m_library.layout().collections().at(*parent).organization;
    }
    if (organization < 0)
        organization = 0;
    if (m_library.organizationRole(organization) != QLatin1String("admin"))
        return PhotoShelterV4::error(403, QStringLiteral("Permission denied: you are not an administrator of %1")
                                              .arg(m_library.organizationId(organization)));
    const QString access = bodyValue(request, QStringLiteral("access")).toString();
    if (!access.isEmpty() && !PhotoShelterLibrary::isVisibility(access))
        return PhotoShelterV4::error(400, QStringLiteral("access must be everyone, public, private or permission"));
    QStringList keywords;
    const QJsonValue keywordValue = bodyValue(request, QStringLiteral("keywords"));
    const QStringList raw = keywordValue.isArray() ? keywordValue.toVariant().toStringList()
                                                   : keywordValue.toString().split(QLatin1Char(','));
    for (const QString& k : raw) {
        if (!k.trimmed().isEmpty())
            keywords << k.trimmed();
    }
    g.organization = organization;
    g.createdMs = m_module.clock().now().toMSecsSinceEpoch();
    g.visibility = DamGallery::Visibility::Private; // PhotoShelter's default for a new gallery
    const int index = m_library.createGallery(g, keywords);
    m_library.setVisibility(index, access.isEmpty() ? QStringLiteral("private") : access);
    QJsonArray included;
    const QSet<QString> wanted = PhotoShelterListings::includes(request);
    QJsonObject body{{QStringLiteral("data"), m_resources.gallery(index, wanted, included)}};
    if (!wanted.isEmpty())
        body.insert(QStringLiteral("included"), included);
    return HttpResponse::json(201, body);
}

HttpResponse PhotoShelterGalleryRoutes::getGallery(const SandboxRequest& request)
{
    const auto g = galleryOf(request);
    if (!g)
        return galleryNotFound(request);
    QJsonArray included;
    const QSet<QString> wanted = PhotoShelterListings::includes(request);
    QJsonObject body{{QStringLiteral("data"), m_resources.gallery(*g, wanted, included)},
                     {QStringLiteral("meta"), QJsonObject()}};
    if (!wanted.isEmpty())
        body.insert(QStringLiteral("included"), included);
    return HttpResponse::json(200, body);
}

HttpResponse PhotoShelterGalleryRoutes::galleryMedia(const SandboxRequest& request)
{
    const auto g = galleryOf(request);
    if (!g)
        return galleryNotFound(request);
    return m_listings.media(request, DamScope::gallery(*g), true);
}

HttpResponse PhotoShelterGalleryRoutes::getAccess(const SandboxRequest& request)
{
    const auto g = galleryOf(request);
    if (!g)
        return galleryNotFound(request);
    return PhotoShelterV4::data(m_resources.access(*g));
}

HttpResponse PhotoShelterGalleryRoutes::putAccess(const SandboxRequest& request)
{
    const auto g = galleryOf(request);
    if (!g)
        return galleryNotFound(request);
    if (auto refused = m_module.requireAdmin(request, *g))
        return *refused;
    const QString mode = bodyValue(request, QStringLiteral("native")).toString();
    if (!PhotoShelterLibrary::isVisibility(mode))
        return PhotoShelterV4::error(400, QStringLiteral("native must be everyone, public, private or permission"));
    m_library.setVisibility(*g, mode);
    return PhotoShelterV4::data(m_resources.access(*g));
}

HttpResponse PhotoShelterGalleryRoutes::listPermissions(const SandboxRequest& request)
{
    const auto g = galleryOf(request);
    if (!g)
        return galleryNotFound(request);
    QJsonArray data;
    for (const PhotoShelterPermission& p : m_library.permissions(*g))
        data.append(m_resources.permission(*g, p));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("data"), data},
                                               {QStringLiteral("meta"), QJsonObject{{QStringLiteral("total"), data.size()}}}});
}

HttpResponse PhotoShelterGalleryRoutes::addPermission(const SandboxRequest& request)
{
    const auto g = galleryOf(request);
    if (!g)
        return galleryNotFound(request);
    if (auto refused = m_module.requireAdmin(request, *g))
        return *refused;
    PhotoShelterPermission p;
    p.email = bodyValue(request, QStringLiteral("email")).toString();
    p.contactId = bodyValue(request, QStringLiteral("contact_id")).toString();
    p.password = bodyValue(request, QStringLiteral("password")).toString();
    p.downloadFileType = bodyValue(request, QStringLiteral("download_image_filetype")).toString();
    if (p.downloadFileType.isEmpty())
        p.downloadFileType = QStringLiteral("none");
    if (p.email.isEmpty() && p.contactId.isEmpty())
        return PhotoShelterV4::error(400, QStringLiteral("email or contact_id is required"));
    if (!QStringList{QStringLiteral("original"), QStringLiteral("jpeg"), QStringLiteral("none")}.contains(p.downloadFileType))
        return PhotoShelterV4::error(400, QStringLiteral("download_image_filetype must be original, jpeg or none"));
    const PhotoShelterPermission added = m_library.addPermission(*g, p, m_module.clock().now());
    return PhotoShelterV4::data(m_resources.permission(*g, added), {}, 201);
}

HttpResponse PhotoShelterGalleryRoutes::removePermission(const SandboxRequest& request)
{
    const auto g = galleryOf(request);
    if (!g)
        return galleryNotFound(request);
    if (auto refused = m_module.requireAdmin(request, *g))
        return *refused;
    if (!m_library.removePermission(*g, request.param(QStringLiteral("permission_id"))))
        return PhotoShelterV4::error(404, QStringLiteral("Permission not found"));
    return HttpResponse::empty(204);
}

HttpResponse PhotoShelterGalleryRoutes::listLinks(const SandboxRequest& request)
{
    const auto g = galleryOf(request);
    if (!g)
        return galleryNotFound(request);
    QJsonArray data;
    for (const PhotoShelterShareLink& l : m_library.shareLinks(*g))
        data.append(m_resources.shareLink(l));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("data"), data},
                                               {QStringLiteral("meta"), QJsonObject{{QStringLiteral("total"), data.size()}}}});
}

HttpResponse PhotoShelterGalleryRoutes::addLink(const SandboxRequest& request)
{
    const auto g = galleryOf(request);
    if (!g)
        return galleryNotFound(request);
    if (auto refused = m_module.requireAdmin(request, *g))
        return *refused;
    const QDateTime now = m_module.clock().now();
    QDateTime expires;
    const QJsonValue expiresValue = bodyValue(request, QStringLiteral("expires_at"));
    if (!expiresValue.isUndefined() && !expiresValue.isNull()) {
        expires = QDateTime::fromString(expiresValue.toString(), Qt::ISODateWithMs);
        if (!expires.isValid())
            return PhotoShelterV4::error(400, QStringLiteral("expires_at must be an ISO 8601 time"));
        if (expires <= now)
            return PhotoShelterV4::error(400, QStringLiteral("expires_at must be in the future"));
    }
    if (m_library.visibility(*g) == QLatin1String("private"))
        return PhotoShelterV4::error(403, QStringLiteral("A private gallery cannot be shared"));
    const PhotoShelterShareLink link = m_library.addShareLink(*g, now, expires);
    return PhotoShelterV4::data(m_resources.shareLink(link), {}, 201);
}

HttpResponse PhotoShelterGalleryRoutes::removeLink(const SandboxRequest& request)
{
    const auto g = galleryOf(request);
    if (!g)
        return galleryNotFound(request);
    if (auto refused = m_module.requireAdmin(request, *g))
        return *refused;
    if (!m_library.removeShareLink(*g, request.param(QStringLiteral("link_id"))))
        return PhotoShelterV4::error(404, QStringLiteral("Share link not found"));
    return HttpResponse::empty(204);
}

HttpResponse PhotoShelterGalleryRoutes::share(const SandboxRequest& request)
{
    const PhotoShelterShareLink* link = m_library.shareLink(request.param(QStringLiteral("token")));
    if (!link)
        return PhotoShelterV4::error(404, QStringLiteral("Share link not found"));
    if (link->expiresAt.isValid() && link->expiresAt <= m_module.clock().now())
        return PhotoShelterV4::error(410, QStringLiteral("This share link expired at %1")
                                              .arg(PhotoShelterResources::time(link->expiresAt)));
    if (m_library.visibility(link->gallery) == QLatin1String("private"))
        return PhotoShelterV4::error(403, QStringLiteral("This gallery is no longer shared"));
    HttpResponse page = m_listings.media(request, DamScope::gallery(link->gallery), false);
    if (page.status != 200)
        return page;
    QJsonObject body = QJsonDocument::fromJson(page.body).object();
    QJsonArray included = body.value(QStringLiteral("included")).toArray();
    included.append(m_resources.gallery(link->gallery, {}, included));
    body.insert(QStringLiteral("included"), included);
    return HttpResponse::json(200, body);
}

HttpResponse PhotoShelterGalleryRoutes::listCollections(const SandboxRequest& request)
{
    return listNodes(request, m_library.layout().collections(),
                     [this](int collection, const QSet<QString>& wanted) { return collectionEntry(collection, wanted); });
}

HttpResponse PhotoShelterGalleryRoutes::getCollection(const SandboxRequest& request)
{
    const auto c = m_library.collectionIndex(request.param(QStringLiteral("id")));
    if (!c)
        return PhotoShelterV4::error(404, QStringLiteral("Collection %1 not found").arg(request.param(QStringLiteral("id"))));
    QJsonArray included;
    const QSet<QString> wanted = PhotoShelterListings::includes(request);
    QJsonObject body{{QStringLiteral("data"), m_resources.collection(*c, wanted, included)},
                     {QStringLiteral("meta"), QJsonObject()}};
    if (!wanted.isEmpty())
        body.insert(QStringLiteral("included"), included);
    return HttpResponse::json(200, body);
}

HttpResponse PhotoShelterGalleryRoutes::children(const SandboxRequest& request)
{
    const auto c = m_library.collectionIndex(request.param(QStringLiteral("id")));
    if (!c)
        return PhotoShelterV4::error(404, QStringLiteral("Collection %1 not found").arg(request.param(QStringLiteral("id"))));
    const DamCollection& collection = m_library.layout().collections().at(*c);
    const QSet<QString> wanted = PhotoShelterListings::includes(request);
    QList<Entry> entries;
    for (int child : collection.collections)
        entries << collectionEntry(child, wanted);
    for (int g : collection.galleries)
        entries << galleryEntry(g, wanted);
    return sortedPage(request, entries);
}

} // namespace AssetDesk::Sandbox
