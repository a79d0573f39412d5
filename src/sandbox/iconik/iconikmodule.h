#pragma once

#include "sandbox/demodata.h"
#include "sandbox/iconik/iconikaccount.h"
#include "sandbox/iconik/iconikauthroutes.h"
#include "sandbox/iconik/iconiktokens.h"
#include "sandbox/iconik/iconikuserroutes.h"
#include "sandbox/servicemodule.h"
#include "sandbox/windowratelimiter.h"

#include <memory>

namespace AssetDesk::Sandbox {

class IconikAssetRoutes;
class IconikCollectionRoutes;
class IconikFileRoutes;
class IconikLibrary;
class IconikMetadataRoutes;
class IconikResources;
class IconikSearchRoutes;
class IconikUploads;
class IconikWebhooks;

// iconik (iconik.md). This issue:
//  - App-ID and Auth-Token headers on every request except the password login; missing, unknown,
//    expired or belonging to another App-ID -> 401 {"errors":["Token is invalid"]}.
//  - POST /API/auth/v1/auth/simple/login/, GET and DELETE /API/auth/v1/auth/token/,
//    GET /API/users/v1/users/current/. Paths end with '/', and the sandbox is strict about it
//    (a path without it is a 404) so a client that drops the slash notices.
//  - Rate limit (iconik.md §12, unconfirmed numbers): 1000 requests per 20 s per App-ID, a
//    RateLimit-Remaining header on every response, 429 + Retry-After +
//    {"errors":["Rate limit exceeded"]} when exhausted.
//  - Over a DamCatalog of `size` assets (IconikLibrary): IconikAssetRoutes (assets, collections,
//    contents, approvals), IconikMetadataRoutes (fields, views, values with the rights fields),
//    IconikCollectionRoutes (collections created by clients and their metadata values),
//    IconikFileRoutes (formats, file sets, files, proxies, keyframes, download URLs and the
//    signed /storage/ bytes), IconikUploads (the upload flow of originals into API-created
//    assets: format, file set, file, signed PUT, close), IconikSearchRoutes (search with page, scroll and search_after),
//    IconikWebhooks (CRUD and deliveries of every catalog change to loopback listeners).
//  - Settings (command line and PATCH /admin/services/iconik/settings): "bad_input": bool.
//  - POST /admin/services/iconik/changes {"modify","remove","add"} -> asset ids.
class IconikModule : public ServiceModule
{
    Q_OBJECT
public:
    static constexpr int kRequestsPerWindow = 1000;
    static constexpr int kWindowSeconds = 20;

    explicit IconikModule(SandboxClock& clock, QObject* parent = nullptr);
    ~IconikModule() override;

    QString id() const override { return QStringLiteral("iconik"); }
    QString displayName() const override { return QStringLiteral("iconik"); }
    void seed(quint64 seed, int size) override;
    void registerRoutes(Router& router) override;
    QJsonObject demoCredentials() const override;
    AuthOutcome authenticate(const SandboxRequest& request, Access access) override;
    HttpResponse errorResponse(int status, const QString& message) const override;
    HttpResponse rateLimitedResponse(const SandboxRequest& request, int retryAfterSeconds) const override;
    std::optional<HttpResponse> admit(const SandboxRequest& request) override;
    void decorate(const SandboxRequest& request, HttpResponse& response) const override;

    QJsonObject settings() const override;
    Result<QJsonObject> applySettings(const QJsonObject& patch) override;
    Result<QJsonObject> changeContent(const QJsonObject& request) override;

    const IconikAccount& account() const { return m_account; }
    IconikLibrary& library() { return *m_library; }
    IconikWebhooks& webhooks() { return *m_webhooks; }
    IconikUploads& uploads() { return *m_uploads; }

private:
    static QString rateKey(const SandboxRequest& request);

    IconikAccount m_account;
    IconikTokens m_tokens;
    WindowRateLimiter m_limiter;
    std::unique_ptr<DemoData> m_random;
    std::unique_ptr<IconikAuthRoutes> m_authRoutes;
    std::unique_ptr<IconikUserRoutes> m_userRoutes;
    std::unique_ptr<IconikLibrary> m_library;
    std::unique_ptr<IconikResources> m_resources;
    std::unique_ptr<IconikAssetRoutes> m_assetRoutes;
    std::unique_ptr<IconikMetadataRoutes> m_metadataRoutes;
    std::unique_ptr<IconikCollectionRoutes> m_collectionRoutes;
    std::unique_ptr<IconikUploads> m_uploads;
    std::unique_ptr<IconikFileRoutes> m_fileRoutes;
    std::unique_ptr<IconikSearchRoutes> m_searchRoutes;
    std::unique_ptr<IconikWebhooks> m_webhooks;
};

} // namespace AssetDesk::Sandbox
