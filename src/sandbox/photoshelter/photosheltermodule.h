#pragma once

#include "sandbox/demodata.h"
#include "sandbox/oauth/oauthauthorizationserver.h"
#include "sandbox/photoshelter/photoshelteraccount.h"
#include "sandbox/photoshelter/photoshelterauthroutes.h"
#include "sandbox/servicemodule.h"

#include <QSet>

#include <memory>

namespace AssetDesk::Sandbox {

class PhotoShelterGalleryRoutes;
class PhotoShelterLibrary;
class PhotoShelterListings;
class PhotoShelterLiveEvent;
class PhotoShelterMediaRoutes;
class PhotoShelterResources;

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
//  - Media, search, renditions, downloads and upload: PhotoShelterMediaRoutes; galleries,
//    collections, access, permissions and share links: PhotoShelterGalleryRoutes; all over a
//    DamCatalog (PhotoShelterLibrary) of `size` assets in the account's organizations.
//  - Settings (command line and PATCH /admin/services/photoshelter/settings):
//      "bad_input": bool        the DamFixtures records (3, 10, 17... 73) go bad
//      "live_event": {"gallery": "G0000…"|name|index, "interval_seconds": N} | null
//                               a new upload in that gallery every N seconds (PX4)
//  - POST /admin/services/photoshelter/changes {"modify","remove","add","gallery"} edits, deletes
//    and uploads assets (ids in the answer).
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

    QJsonObject settings() const override;
    Result<QJsonObject> applySettings(const QJsonObject& patch) override;
    Result<QJsonObject> changeContent(const QJsonObject& request) override;

    const PhotoShelterAccount& account() const { return m_account; }
    OAuthAuthorizationServer& oauth() { return *m_oauth; }
    PhotoShelterLibrary& library() { return *m_library; }

    // The organization a listing is narrowed to: org_id= (403 when the user is not a member),
    // else the session's organization, else -1 (all of the user's organizations).
    std::optional<HttpResponse> organizationScope(const SandboxRequest& request, int& organization) const;
    // 403 unless the user is an admin of the gallery's organization.
    std::optional<HttpResponse> requireAdmin(const SandboxRequest& request, int gallery) const;
    // 403 when the gallery is private and the user is not an admin of its organization.
    std::optional<HttpResponse> requireWrite(const SandboxRequest& request, int gallery) const;
    // A gallery by id ("G0000…"), exact name (case-insensitive) or layout index; -1 when none.
    int findGallery(const QString& text) const;

private:
    OAuthServerConfig oauthConfig();
    QString apiKeyOf(const SandboxRequest& request) const;
    static QString userTokenOf(const SandboxRequest& request);

    PhotoShelterAccount m_account;
    std::unique_ptr<DemoData> m_random;
    std::unique_ptr<OAuthAuthorizationServer> m_oauth;
    std::unique_ptr<PhotoShelterAuthRoutes> m_authRoutes;
    std::unique_ptr<PhotoShelterLibrary> m_library;
    std::unique_ptr<PhotoShelterResources> m_resources;
    std::unique_ptr<PhotoShelterListings> m_listings;
    std::unique_ptr<PhotoShelterMediaRoutes> m_mediaRoutes;
    std::unique_ptr<PhotoShelterGalleryRoutes> m_galleryRoutes;
    std::unique_ptr<PhotoShelterLiveEvent> m_liveEvent;
};

} // namespace AssetDesk::Sandbox
