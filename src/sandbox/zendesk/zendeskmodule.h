#pragma once

#include "sandbox/oauth/oauthauthorizationserver.h"
#include "sandbox/servicemodule.h"
#include "sandbox/windowratelimiter.h"
#include "sandbox/zendesk/zendeskaccount.h"
#include "sandbox/zendesk/zendeskdirectory.h"
#include "sandbox/zendesk/zendeskjson.h"
#include "sandbox/zendesk/zendeskticketstore.h"

#include <chrono>
#include <memory>

namespace AssetDesk::Sandbox {

class ZendeskAdmin;
class ZendeskIncrementalRoutes;
class ZendeskSearchRoutes;
class ZendeskTicketRoutes;
class ZendeskTicketUpdate;
class ZendeskUploadRoutes;
class ZendeskUserRoutes;
class ZendeskViewRoutes;

// Zendesk Support API v2 (zendesk.md, support-api-oas.yaml):
//  - Authorization: Basic base64("{email}/token:{api_token}") or Bearer (OAuth); anything else,
//    including the deprecated email:password form, gets 401 {"error":"Couldn't authenticate you"}.
//  - OAuth: GET /oauth/authorizations/new, POST /oauth/tokens with a JSON body
//    (authorization_code with optional PKCE, refresh_token with rotation); codes live 120 s;
//    access tokens default to 172800 s, or "expires_in" (300..172800); refresh tokens to
//    2592000 s or "refresh_token_expires_in" (604800..7776000). Successful token responses are
//    201 as zendesk.md §2 states. Clients: "assetdesk_desktop" (confidential, client_secret in
//    the body) and "assetdesk_desktop_pkce" (public, PKCE required). Consent is automatic;
//    login_hint=<email> picks the agent. OAuth scopes apply: reading needs "read" or
//    "<resource>:read", writing "write" or "<resource>:write" (403 otherwise).
//  - Content, deterministic from the seed and scaled by `size` (= number of tickets; 100,000
//    cost nothing until read): ZendeskDirectory (organizations, groups, agents, end users),
//    ZendeskTicketStore (tickets, comments, attachments, uploads).
//  - Routes (".json" optional): users/orgs/groups (ZendeskUserRoutes), tickets and comments
//    (ZendeskTicketRoutes), ticket updates (ZendeskTicketUpdate), uploads and attachments
//    (ZendeskUploadRoutes), views (ZendeskViewRoutes), search (ZendeskSearchRoutes), the
//    incremental ticket export (ZendeskIncrementalRoutes).
//  - X-Rate-Limit: 700 and X-Rate-Limit-Remaining on every /api/v2 response (account-wide,
//    per minute); 429 text/plain "Rate limited" with Retry-After when exhausted; endpoint limits
//    (ticket updates, incremental exports) answer the same way.
//  - Test hooks: changeContent() / adminResource() (ZendeskAdmin).
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

    Result<QJsonObject> changeContent(const QJsonObject& request) override;
    Result<QJsonObject> adminResource(const QString& resource, const QUrlQuery& query) const override;

    const ZendeskAccount& account() const { return m_account; }
    const ZendeskDirectory& directory() const { return m_directory; }
    ZendeskTicketStore& store() { return m_store; }
    const ZendeskTicketStore& store() const { return m_store; }
    OAuthAuthorizationServer& oauth() { return *m_oauth; }
    ZendeskJson json() const { return ZendeskJson(baseUrl(), m_store); }
    QJsonObject userObject(const ZendeskUser& user) const;
    // The URL the client used (the base URL plus path and query), for pagination links.
    QUrl requestUrl(const SandboxRequest& request) const;

    // 403 when an OAuth token lacks "read"/"write" or "<resource>:read"/"<resource>:write".
    std::optional<HttpResponse> requireScope(const SandboxRequest& request, const QString& resource, bool write) const;
    // An endpoint limit: counts the request against `bucket`, or the 429 when it is exhausted.
    std::optional<HttpResponse> consumeLimit(const SandboxRequest& request, const QString& bucket, int limit,
                                             std::chrono::seconds window);

    static HttpResponse unauthorized();

private:
    OAuthServerConfig oauthConfig();

    ZendeskAccount m_account;
    ZendeskDirectory m_directory;
    ZendeskTicketStore m_store;
    WindowRateLimiter m_limiter;
    std::unique_ptr<OAuthAuthorizationServer> m_oauth;
    std::unique_ptr<ZendeskUserRoutes> m_userRoutes;
    std::unique_ptr<ZendeskTicketRoutes> m_ticketRoutes;
    std::unique_ptr<ZendeskTicketUpdate> m_ticketUpdate;
    std::unique_ptr<ZendeskUploadRoutes> m_uploadRoutes;
    std::unique_ptr<ZendeskViewRoutes> m_viewRoutes;
    std::unique_ptr<ZendeskSearchRoutes> m_searchRoutes;
    std::unique_ptr<ZendeskIncrementalRoutes> m_incrementalRoutes;
    std::unique_ptr<ZendeskAdmin> m_admin;
};

} // namespace AssetDesk::Sandbox
