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

// iconik (iconik.md). This issue:
//  - App-ID and Auth-Token headers on every request except the password login; missing, unknown,
//    expired or belonging to another App-ID -> 401 {"errors":["Token is invalid"]}.
//  - POST /API/auth/v1/auth/simple/login/, GET and DELETE /API/auth/v1/auth/token/,
//    GET /API/users/v1/users/current/. Paths end with '/', and the sandbox is strict about it
//    (a path without it is a 404) so a client that drops the slash notices.
//  - Rate limit (iconik.md §12, unconfirmed numbers): 1000 requests per 20 s per App-ID, a
//    RateLimit-Remaining header on every response, 429 + Retry-After +
//    {"errors":["Rate limit exceeded"]} when exhausted.
// Assets, collections, metadata, files, search and webhooks plug in as more *routes.cpp files.
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

    const IconikAccount& account() const { return m_account; }

private:
    static QString rateKey(const SandboxRequest& request);

    IconikAccount m_account;
    IconikTokens m_tokens;
    WindowRateLimiter m_limiter;
    std::unique_ptr<DemoData> m_random;
    std::unique_ptr<IconikAuthRoutes> m_authRoutes;
    std::unique_ptr<IconikUserRoutes> m_userRoutes;
};

} // namespace AssetDesk::Sandbox
