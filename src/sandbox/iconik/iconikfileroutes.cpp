#include "sandbox/iconik/iconikfileroutes.h"

#include "sandbox/dam/damimagerenderer.h"
#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/iconik/iconiklists.h"
#include "sandbox/iconik/iconikmodule.h"
#include "sandbox/iconik/iconikresources.h"
#include "sandbox/iconik/iconikuploads.h"
#include "sandbox/router.h"

#include <QJsonArray>
#include <QUrl>

namespace AssetDesk::Sandbox {

namespace {

const QString kFiles = QStringLiteral("/API/files/v1/assets/:asset_id");

HttpResponse notFound(const QString& what)
{
    return IconikLists::errors(404, QStringLiteral("%1 not found").arg(what));
}

} // namespace

IconikFileRoutes::IconikFileRoutes(IconikModule& module, IconikLibrary& library, IconikResources& resources)
    : m_module(module)
    , m_library(library)
    , m_resources(resources)
{}

void IconikFileRoutes::registerRoutes(Router& router)
{
    auto add = [this, &router](const QString& path, HttpResponse (IconikFileRoutes::*handler)(const SandboxRequest&)) {
        router.add("GET", kFiles + path, Access::User, [this, handler](const SandboxRequest& r) { return (this->*handler)(r); });
    };
    add(QStringLiteral("/formats/"), &IconikFileRoutes::formats);
    add(QStringLiteral("/formats/:format_id/"), &IconikFileRoutes::format);
    add(QStringLiteral("/file_sets/"), &IconikFileRoutes::fileSets);
    add(QStringLiteral("/file_sets/:file_set_id/"), &IconikFileRoutes::fileSet);
    add(QStringLiteral("/file_sets/:file_set_id/files/"), &IconikFileRoutes::files);
    add(QStringLiteral("/files/"), &IconikFileRoutes::files);
    add(QStringLiteral("/files/:file_id/"), &IconikFileRoutes::file);
    add(QStringLiteral("/files/:file_id/download_url/"), &IconikFileRoutes::fileDownloadUrl);
    add(QStringLiteral("/proxies/"), &IconikFileRoutes::proxies);
    add(QStringLiteral("/proxies/:proxy_id/"), &IconikFileRoutes::proxy);
    add(QStringLiteral("/proxies/:proxy_id/download_url/"), &IconikFileRoutes::proxyDownloadUrl);
    add(QStringLiteral("/keyframes/"), &IconikFileRoutes::keyframes);
    add(QStringLiteral("/keyframes/:keyframe_id/"), &IconikFileRoutes::keyframe);
    router.addAsync("GET", QStringLiteral("/storage/:asset_id/:name"), Access::Public,
                    [this](const SandboxRequest& r, Responder responder) { storage(r, std::move(responder)); });
}

std::optional<DamAsset> IconikFileRoutes::assetOf(const SandboxRequest& request) const
{
    const auto index = m_library.assetIndex(request.param(QStringLiteral("asset_id")));
    if (!index)
        return std::nullopt;
    return m_library.catalog().findActive(*index);
}

HttpResponse IconikFileRoutes::list(const SandboxRequest& request, const QJsonArray& objects) const
{
    return HttpResponse::json(200, IconikLists::envelope(request, m_module.baseUrl(), objects, 1,
                                                         int(std::max<qsizetype>(10, objects.size())), objects.size()));
}

HttpResponse IconikFileRoutes::formats(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (a && m_module.uploads().hasUploads(m_library.assetId(a->index)))
        return list(request, m_module.uploads().formatsJson(m_library.assetId(a->index)));
    return a ? list(request, QJsonArray{m_resources.format(*a)}) : notFound(QStringLiteral("Asset"));
}

HttpResponse IconikFileRoutes::format(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (!a)
        return notFound(QStringLiteral("Asset"));
    const QString id = request.param(QStringLiteral("format_id"));
    if (id != QLatin1String("ORIGINAL") && id != m_library.subId(DamIdKind::Format, a->index))
        return notFound(QStringLiteral("Format"));
    return HttpResponse::json(200, m_resources.format(*a));
}

HttpResponse IconikFileRoutes::fileSets(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (a && m_module.uploads().hasUploads(m_library.assetId(a->index)))
        return list(request, m_module.uploads().fileSetsJson(m_library.assetId(a->index)));
    return a ? list(request, QJsonArray{m_resources.fileSet(*a)}) : notFound(QStringLiteral("Asset"));
}

HttpResponse IconikFileRoutes::fileSet(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (!a)
        return notFound(QStringLiteral("Asset"));
    if (request.param(QStringLiteral("file_set_id")) != m_library.subId(DamIdKind::FileSet, a->index))
        return notFound(QStringLiteral("File set"));
    return HttpResponse::json(200, m_resources.fileSet(*a));
}

HttpResponse IconikFileRoutes::files(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (!a)
        return notFound(QStringLiteral("Asset"));
    const QString set = request.param(QStringLiteral("file_set_id"));
    // An asset created through the API has the files uploaded into it, not generated ones.
    if (m_module.uploads().hasUploads(m_library.assetId(a->index)))
        return list(request, m_module.uploads().filesJson(m_library.assetId(a->index), set));
    if (!set.isEmpty() && set != m_library.subId(DamIdKind::FileSet, a->index))
        return notFound(QStringLiteral("File set"));
    return list(request, QJsonArray{m_resources.file(*a)});
}

HttpResponse IconikFileRoutes::file(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (!a)
        return notFound(QStringLiteral("Asset"));
    if (request.param(QStringLiteral("file_id")) != m_library.subId(DamIdKind::File, a->index))
        return notFound(QStringLiteral("File"));
    return HttpResponse::json(200, m_resources.file(*a));
}

HttpResponse IconikFileRoutes::fileDownloadUrl(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (!a)
        return notFound(QStringLiteral("Asset"));
    if (request.param(QStringLiteral("file_id")) != m_library.subId(DamIdKind::File, a->index))
        return notFound(QStringLiteral("File"));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("url"), m_resources.storageUrl(*a, QStringLiteral("original"), 0)}});
}

HttpResponse IconikFileRoutes::proxies(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (!a)
        return notFound(QStringLiteral("Asset"));
    // Keyset paging (last_id): with one proxy per asset, a last_id means the list is done.
    const QJsonArray objects = request.hasQueryItem(QStringLiteral("last_id")) ? QJsonArray() : QJsonArray{m_resources.proxy(*a)};
    return list(request, objects);
}

HttpResponse IconikFileRoutes::proxy(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (!a)
        return notFound(QStringLiteral("Asset"));
    if (request.param(QStringLiteral("proxy_id")) != m_library.subId(DamIdKind::Proxy, a->index))
        return notFound(QStringLiteral("Proxy"));
    return HttpResponse::json(200, m_resources.proxy(*a));
}

HttpResponse IconikFileRoutes::proxyDownloadUrl(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (!a)
        return notFound(QStringLiteral("Asset"));
    if (request.param(QStringLiteral("proxy_id")) != m_library.subId(DamIdKind::Proxy, a->index))
        return notFound(QStringLiteral("Proxy"));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("url"), m_resources.proxy(*a).value(QStringLiteral("url"))}});
}

HttpResponse IconikFileRoutes::keyframes(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (!a)
        return notFound(QStringLiteral("Asset"));
    QJsonArray objects = m_resources.keyframes(*a);
    if (const QString last = request.queryValue(QStringLiteral("last_id")); !last.isEmpty()) {
        QJsonArray rest;
        bool seen = false;
        for (const QJsonValue& k : std::as_const(objects)) {
            if (seen)
                rest.append(k);
            seen |= k.toObject().value(QStringLiteral("id")).toString() == last;
        }
        objects = rest;
    }
    return list(request, objects);
}

HttpResponse IconikFileRoutes::keyframe(const SandboxRequest& request)
{
    const auto a = assetOf(request);
    if (!a)
        return notFound(QStringLiteral("Asset"));
    const auto sub = m_library.subIndex(DamIdKind::Keyframe, request.param(QStringLiteral("keyframe_id")));
    if (!sub || sub->first != a->index || sub->second > 1)
        return notFound(QStringLiteral("Keyframe"));
    return HttpResponse::json(200, m_resources.keyframe(*a, sub->second));
}

void IconikFileRoutes::storage(const SandboxRequest& request, Responder responder)
{
    const QString assetId = request.param(QStringLiteral("asset_id"));
    const QString name = request.param(QStringLiteral("name"));
    bool ok = false;
    const int edge = request.queryValue(QStringLiteral("edge")).toInt(&ok);
    if (!ok || request.queryValue(QStringLiteral("sig")) != m_library.signature(assetId, name, edge))
        return responder.send(HttpResponse::text(403, "Signature does not match\n"));
    const auto index = m_library.assetIndex(assetId);
    const auto asset = index ? m_library.catalog().findActive(*index) : std::nullopt;
    if (!asset)
        return responder.send(HttpResponse::text(404, "No such object\n"));
    m_library.renderer().renditionAsync(m_library.catalog().key(), *asset, edge, &m_module, [responder](DamRendition r) {
        HttpResponse response = HttpResponse::text(200, r.bytes, r.contentType);
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("private, max-age=3600"));
        responder.send(response);
    });
}

} // namespace AssetDesk::Sandbox
