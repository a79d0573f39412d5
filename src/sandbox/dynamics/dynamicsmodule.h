#pragma once

#include "sandbox/dynamics/dynamicsadmin.h"
#include "sandbox/dynamics/dynamicsdirectory.h"
#include "sandbox/dynamics/dynamicsidentityroutes.h"
#include "sandbox/dynamics/dynamicsstore.h"
#include "sandbox/dynamics/dynamicstableroutes.h"
#include "sandbox/oauth/oauthauthorizationserver.h"
#include "sandbox/servicemodule.h"
#include "sandbox/windowratelimiter.h"

#include <memory>

namespace AssetDesk::Sandbox {

// Dynamics 365 / Dataverse Web API v9.2 (dynamics.md) with its Entra ID authorization server on
// the same port. This issue:
//  - GET /{tenant}/oauth2/v2.0/authorize and POST /{tenant}/oauth2/v2.0/token (form bodies):
//    authorization_code + PKCE (public desktop client), refresh_token (rotating; needs
//    offline_access), client_credentials (client_id + client_secret or Basic; scope
//    "<environment URL>/.default"). The environment URL (resource) is the module's base URL.
//    {tenant} is the demo tenant id, "common" or "organizations". Consent is automatic;
//    login_hint=<UPN> picks the demo user.
//  - GET /api/data/v9.2/WhoAmI with a Bearer token; OData-MaxVersion: 4.0 and OData-Version: 4.0
//    must be sent (the sandbox is stricter than the real service here, to catch clients that
//    forget them); responses carry OData-Version: 4.0.
//  - Service protection: 6000 requests per 300 s per user -> 429 + Retry-After, code 0x80072322;
//    x-ms-ratelimit-burst-remaining-xrm-requests and x-ms-ratelimit-time-remaining-xrm-requests
//    (execution time is simulated as 20 ms per request).
//  - The OData tables of dynamics.md §11 (DynamicsSchema; seeded by DynamicsSeeder, scaled by
//    size = number of cases) under /api/data/v9.2/: queries, paging, change tracking, writes and
//    $batch (DynamicsTableRoutes and the classes it uses).
// Settings (command line and PATCH /admin/services/dynamics/settings):
//   "max_upload_file_size": bytes a note's file may have (default 5 MB, the documented default of
//   the org setting maxuploadfilesize - unconfirmed), "request_limit": requests per 300 s window.
// Admin hooks for tests: DynamicsAdmin (changes, annotations, records, tables).
class DynamicsModule : public ServiceModule
{
    Q_OBJECT
public:
    static constexpr int kRequestLimit = 6000;
    static constexpr int kWindowSeconds = 300;
    static constexpr int kExecutionBudgetMs = 1200000;
    static constexpr int kSimulatedCostMs = 20;
    static constexpr qint64 kDefaultMaxUploadFileSize = 5 * 1024 * 1024;

    explicit DynamicsModule(SandboxClock& clock, QObject* parent = nullptr);
    ~DynamicsModule() override;

    QString id() const override { return QStringLiteral("dynamics"); }
    QString displayName() const override { return QStringLiteral("Dynamics 365"); }
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
    Result<QJsonObject> adminResource(const QString& resource, const QUrlQuery& query) const override;

    const DynamicsDirectory& directory() const { return m_directory; }
    DynamicsStore& store() { return m_store; }
    OAuthAuthorizationServer& oauth() { return *m_oauth; }
    // The resource (environment URL) tokens are issued for: the base URL without a trailing slash.
    QString resource() const;

private:
    OAuthServerConfig oauthConfig();
    QString mintJwt(const QString& subject, const QString& clientId, const QStringList& scopes, bool appOnly,
                    std::chrono::seconds lifetime);
    QString scopeProblem(const QStringList& scopes, bool clientCredentials) const;
    QString rateKey(const SandboxRequest& request) const;

    DynamicsDirectory m_directory;
    WindowRateLimiter m_limiter;
    std::unique_ptr<DemoData> m_tokenRandom;
    std::unique_ptr<OAuthAuthorizationServer> m_oauth;
    std::unique_ptr<DynamicsIdentityRoutes> m_identityRoutes;
    DynamicsStore m_store;
    std::unique_ptr<DemoData> m_recordRandom;
    qint64 m_maxUploadFileSize = kDefaultMaxUploadFileSize;
    int m_requestLimit = kRequestLimit;
    std::unique_ptr<DynamicsTableRoutes> m_tableRoutes;
    std::unique_ptr<DynamicsAdmin> m_admin;
};

} // namespace AssetDesk::Sandbox
