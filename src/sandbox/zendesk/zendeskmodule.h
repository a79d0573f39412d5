#pragma once

#include "sandbox/oauth/oauthauthorizationserver.h"
#include "sandbox/servicemodule.h"
#include "sandbox/windowratelimiter.h"
#include "sandbox/zendesk/zendeskaccount.h"
#include "sandbox/zendesk/zendeskuserroutes.h"

#include <memory>

namespace AssetDesk::Sandbox {

// Zendesk Support API v2 (zendesk.md). This issue:
//  - Authorization: Basic base64("{email}/token:{api_token}") or Bearer (OAuth); anything else,
//    including the deprecated email:password form, gets 401 {"error":"Couldn't authenticate you"}.
//  - OAuth: GET /oauth/authorizations/new, POST /oauth/tokens with a JSON body
//    (authorization_code with optional PKCE, refresh_token with rotation); codes live 120 s;
//    access tokens default to 172800 s, or "expires_in" (300..172800); refresh tokens to
//    2592000 s or "refresh_token_expires_in" (604800..7776000). Successful token responses are
//    201 as zendesk.md §2 states. Clients: "assetdesk_desktop" (confidential, client_secret in
//    the body) and "assetdesk_desktop_pkce" (public, PKCE required). Consent is automatic;
//    login_hint=<email> picks the agent.
//  - GET /api/v2/users/me (".json" optional on every /api/v2 path).
//  - X-Rate-Limit: 700 and X-Rate-Limit-Remaining on every /api/v2 response (account-wide,
//    per minute); 429 text/plain "Rate limited" with Retry-After when exhausted.
// Tickets, comments, uploads, search and incremental exports plug in as more *routes.cpp files.
class ZendeskModule : public ServiceModule
{
    Q_OBJECT
public:
    static constexpr int kRequestsPerMinute = 700; // Suite Enterprise (zendesk.md §10)

    explicit ZendeskModule(SandboxClock& clock, QObject* parent = nullptr);
    ~ZendeskModule() override;

    QString id() const override { return QStringLiteral("zendesk"); }
    QString displayName() const override { return QStringLiteral("Zendesk"); }
    RouterOptions routerOptions() const override;
    void seed(quint64 seed, int size) override;
    void registerRoutes(Router& router) override;
    QJsonObject demoCredentials() const override;
    AuthOutcome authenticate(const SandboxRequest& request, Access access) override;
    HttpResponse errorResponse(int status, const QString& message) const override;
    HttpResponse rateLimitedResponse(const SandboxRequest& request, int retryAfterSeconds) const override;
    std::optional<HttpResponse> admit(const SandboxRequest& request) override;
    void decorate(const SandboxRequest& request, HttpResponse& response) const override;

    const ZendeskAccount& account() const { return m_account; }
    OAuthAuthorizationServer& oauth() { return *m_oauth; }

    static HttpResponse unauthorized();

private:
    OAuthServerConfig oauthConfig();

    ZendeskAccount m_account;
    WindowRateLimiter m_limiter;
    std::unique_ptr<OAuthAuthorizationServer> m_oauth;
    std::unique_ptr<ZendeskUserRoutes> m_userRoutes;
};

} // namespace AssetDesk::Sandbox
