#pragma once

#include "sandbox/demodata.h"
#include "sandbox/oauth/oauthauthorizationserver.h"
#include "sandbox/photoshelter/photoshelteraccount.h"
#include "sandbox/photoshelter/photoshelterauthroutes.h"
#include "sandbox/servicemodule.h"

#include <memory>

namespace AssetDesk::Sandbox {

// PhotoShelter PSAPI v4.0 (photoshelter.md). This issue:
//  - X-PS-Api-Key header (or api_key query) on every call; missing or wrong -> 401
//    {"errors":[{"title":...}]}. The OAuth token endpoint is the exception: its client_secret
//    authenticates it (whether the real one also wants the key is unconfirmed).
//  - User credentials: a token from POST /psapi/v4.0/authenticate, or an OAuth access token, sent
//    as X-PS-Auth-Token, Authorization: Bearer, or the auth_token / token query parameter.
//  - GET /psapi/v4.0/user/session, POST /psapi/v4.0/organization/authenticate.
//  - OAuth 2.0 authorization code: GET /psapi/v4.0/oauth/authorize (needs api_key),
//    POST /psapi/v4.0/oauth/token (form or JSON; confidential client with client_secret in the
//    body; PKCE accepted, not required; refresh_token with rotation). Token lifetime (3600 s) and
//    refresh support are unconfirmed; chosen here.
//  - Rate limits are undocumented: no real limiting. An injected 429 carries Retry-After and a
//    v4 error body, a plausible shape, not a confirmed one.
// Media, galleries, collections, search and upload plug in as more *routes.cpp files.
class PhotoShelterModule : public ServiceModule
{
    Q_OBJECT
public:
    explicit PhotoShelterModule(SandboxClock& clock, QObject* parent = nullptr);
    ~PhotoShelterModule() override;

    QString id() const override { return QStringLiteral("photoshelter"); }
    QString displayName() const override { return QStringLiteral("PhotoShelter"); }
    void seed(quint64 seed, int size) override;
    void registerRoutes(Router& router) override;
    QJsonObject demoCredentials() const override;
    AuthOutcome authenticate(const SandboxRequest& request, Access access) override;
    HttpResponse errorResponse(int status, const QString& message) const override;
    HttpResponse rateLimitedResponse(const SandboxRequest& request, int retryAfterSeconds) const override;

    const PhotoShelterAccount& account() const { return m_account; }
    OAuthAuthorizationServer& oauth() { return *m_oauth; }

private:
    OAuthServerConfig oauthConfig();
    QString apiKeyOf(const SandboxRequest& request) const;
    static QString userTokenOf(const SandboxRequest& request);

    PhotoShelterAccount m_account;
    std::unique_ptr<DemoData> m_random;
    std::unique_ptr<OAuthAuthorizationServer> m_oauth;
    std::unique_ptr<PhotoShelterAuthRoutes> m_authRoutes;
};

} // namespace AssetDesk::Sandbox
