#pragma once

#include "sandbox/oauth/oauthauthorizationserver.h"
#include "sandbox/servicemodule.h"
#include "sandbox/x/xaccounts.h"
#include "sandbox/x/xfieldselection.h"
#include "sandbox/x/xmedialookuproutes.h"
#include "sandbox/x/xmediaroutes.h"
#include "sandbox/x/xmediastore.h"
#include "sandbox/x/xpostroutes.h"
#include "sandbox/x/xpoststore.h"
#include "sandbox/x/xratelimits.h"
#include "sandbox/x/xtimelineroutes.h"
#include "sandbox/x/xuserroutes.h"

#include <memory>

namespace AssetDesk::Sandbox {

// X API v2 (x.md). This issue: OAuth 2.0 authorization code + PKCE (GET /i/oauth2/authorize and
// /2/oauth2/authorize, POST /2/oauth2/token and /2/oauth2/revoke; 30 s codes, 2 h access
// tokens, refresh only with offline.access, rotation), GET /2/users/me, Bearer authentication
// (user tokens and the app-only bearer), per-endpoint rate limits with x-rate-limit-* headers on
// every /2/ response, Problem JSON errors; posts (XPostRoutes), timelines, mentions and recent
// search (XTimelineRoutes), chunked media upload with asynchronous processing (XMediaRoutes) and
// media lookup (XMediaLookupRoutes), and
// metrics that grow with the sandbox clock (XPostMetrics). Admin view for tests:
// GET /admin/services/x/posts?account=<id|username>&text_sha256=<hex> -> the posts created
// through the API per account (XPostStore::adminView). Setting (command line and PATCH
// /admin/services/x/settings): "field_names": "classic" (default) | "2.167" (XDialect).
//
// The consent page is automatic. Which demo account consents is chosen by the sandbox-only
// query parameter login_hint=<username> on the authorize URL (default: the first account).
class XModule : public ServiceModule
{
    Q_OBJECT
public:
    explicit XModule(SandboxClock& clock, QObject* parent = nullptr);
    ~XModule() override;

    QString id() const override { return QStringLiteral("x"); }
    QString displayName() const override { return QStringLiteral("X"); }
    void seed(quint64 seed, int size) override;
    void registerRoutes(Router& router) override;
    QJsonObject demoCredentials() const override;
    AuthOutcome authenticate(const SandboxRequest& request, Access access) override;
    HttpResponse errorResponse(int status, const QString& message) const override;
    HttpResponse rateLimitedResponse(const SandboxRequest& request, int retryAfterSeconds) const override;
    std::optional<HttpResponse> admit(const SandboxRequest& request) override;
    void decorate(const SandboxRequest& request, HttpResponse& response) const override;
    Result<QJsonObject> adminResource(const QString& resource, const QUrlQuery& query) const override;
    QJsonObject settings() const override;
    Result<QJsonObject> applySettings(const QJsonObject& patch) override;

    const XAccounts& accounts() const { return m_accounts; }
    OAuthAuthorizationServer& oauth() { return *m_oauth; }
    XRateLimits& rateLimits() { return m_rateLimits; }
    XPostStore& posts() { return m_posts; }
    XMediaStore& media() { return m_media; }

private:
    OAuthServerConfig oauthConfig();

    XAccounts m_accounts;
    XRateLimits m_rateLimits;
    std::unique_ptr<OAuthAuthorizationServer> m_oauth;
    std::unique_ptr<XUserRoutes> m_userRoutes;
    XDialect m_dialect;
    XPostStore m_posts;
    XMediaStore m_media;
    std::unique_ptr<XPostRoutes> m_postRoutes;
    std::unique_ptr<XTimelineRoutes> m_timelineRoutes;
    std::unique_ptr<XMediaRoutes> m_mediaRoutes;
    std::unique_ptr<XMediaLookupRoutes> m_mediaLookupRoutes;
};

} // namespace AssetDesk::Sandbox
