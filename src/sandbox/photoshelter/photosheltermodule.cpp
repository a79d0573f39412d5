#include "sandbox/photoshelter/photosheltermodule.h"

#include "sandbox/photoshelter/photosheltergalleryroutes.h"
#include "sandbox/photoshelter/photoshelterlibrary.h"
#include "sandbox/photoshelter/photoshelterlistings.h"
#include "sandbox/photoshelter/photoshelterliveevent.h"
#include "sandbox/photoshelter/photosheltermediaroutes.h"
#include "sandbox/photoshelter/photoshelterresources.h"
#include "sandbox/photoshelter/photoshelterv4.h"
#include "sandbox/sandboxclock.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

using namespace std::chrono_literals;

PhotoShelterModule::PhotoShelterModule(SandboxClock& clock, QObject* parent)
    : ServiceModule(clock, parent)
{}

PhotoShelterModule::~PhotoShelterModule() = default;

QString PhotoShelterModule::apiKeyOf(const SandboxRequest& request) const
{
    const QByteArray header = request.header(QByteArrayLiteral("X-PS-Api-Key"));
    return header.isEmpty() ? request.queryValue(QStringLiteral("api_key")) : QString::fromLatin1(header);
}

QString PhotoShelterModule::userTokenOf(const SandboxRequest& request)
{
    const QByteArray header = request.header(QByteArrayLiteral("X-PS-Auth-Token"));
    if (!header.isEmpty())
        return QString::fromLatin1(header);
    const QString bearer = request.bearerToken();
    if (!bearer.isEmpty())
        return bearer;
    const QString authToken = request.queryValue(QStringLiteral("auth_token"));
    return authToken.isEmpty() ? request.queryValue(QStringLiteral("token")) : authToken;
}

OAuthServerConfig PhotoShelterModule::oauthConfig()
{
    OAuthServerConfig c;
    c.authorizePaths = {QStringLiteral("/psapi/v4.0/oauth/authorize")};
    c.tokenPath = QStringLiteral("/psapi/v4.0/oauth/token");
    c.tokenBodyFormat =
        OAuthServerConfig::BodyFormat::FormOrJson; // the WP plugin sends JSON, a PHP sample a form
    c.pkce = OAuthServerConfig::PkcePolicy::Optional;
    c.codeLifetime = 60s;
    c.accessTokenLifetime = 3600s;
    c.tokenType = QStringLiteral("bearer");
    c.validateRequest = [this](const SandboxRequest& request) -> std::optional<OAuthError> {
        if (request.method != "GET" || apiKeyOf(request) == m_account.apiKey())
            return std::nullopt; // the key is checked on the browser-facing authorize step only
        return OAuthError{401, QStringLiteral("invalid_request"),
                          QStringLiteral("A valid api_key is required."), QStringLiteral("request_invalid")};
    };
    c.resolveSubject = [this](const SandboxRequest&) {
        return m_account.user().id;
    };
    return c;
}

void PhotoShelterModule::seed(quint64 seed, int size)
{
    m_account.seed(seed);
    m_random = std::make_unique<DemoData>(seed, u"photoshelter/tokens");
    m_oauth = std::make_unique<OAuthAuthorizationServer>(oauthConfig(), clock(), seed, u"photoshelter/oauth");
    m_oauth->addClient({m_account.oauthClientId(),
                        m_account.oauthClientSecret(),
                        {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")},
                        QStringLiteral("AssetDesk")});
    m_authRoutes = std::make_unique<PhotoShelterAuthRoutes>(m_account, *m_random);
    m_liveEvent.reset();
    m_library = std::make_unique<PhotoShelterLibrary>(seed, size, m_account, clock().now().toUTC().date());
    m_resources = std::make_unique<PhotoShelterResources>(*m_library);
    m_listings = std::make_unique<PhotoShelterListings>(*this, *m_library, *m_resources);
    m_mediaRoutes = std::make_unique<PhotoShelterMediaRoutes>(*this, *m_library, *m_resources, *m_listings);
    m_galleryRoutes = std::make_unique<PhotoShelterGalleryRoutes>(*this, *m_library, *m_resources, *m_listings);
    m_liveEvent = std::make_unique<PhotoShelterLiveEvent>(m_library->catalog(), clock());
}

void PhotoShelterModule::registerRoutes(Router& router)
{
    m_resources->setBaseUrl(baseUrl());
    m_oauth->mount(router);
    m_authRoutes->registerRoutes(router);
    m_mediaRoutes->registerRoutes(router);
    m_galleryRoutes->registerRoutes(router);
}

std::optional<HttpResponse> PhotoShelterModule::organizationScope(const SandboxRequest& request, int& organization) const
{
    organization = -1;
    const QString orgId = request.queryValue(QStringLiteral("org_id"));
    if (!orgId.isEmpty()) {
        organization = m_library->organizationIndex(orgId);
        if (organization < 0 || !m_account.user().organizationIds.contains(orgId))
            return PhotoShelterV4::error(403, QStringLiteral("You are not a member of organization %1").arg(orgId));
        return std::nullopt;
    }
    if (request.principal) {
        if (const PhotoShelterSession* s = m_authRoutes->session(request.principal->sessionId))
            organization = s->organizationId.isEmpty() ? -1 : m_library->organizationIndex(s->organizationId);
    }
    return std::nullopt;
}

std::optional<HttpResponse> PhotoShelterModule::requireAdmin(const SandboxRequest&, int gallery) const
{
    const int organization = m_library->layout().galleries().at(gallery).organization;
    if (m_library->organizationRole(organization) == QLatin1String("admin"))
        return std::nullopt;
    return PhotoShelterV4::error(403, QStringLiteral("Permission denied: you are not an administrator of %1")
                                          .arg(m_library->organizationId(organization)));
}

std::optional<HttpResponse> PhotoShelterModule::requireWrite(const SandboxRequest& request, int gallery) const
{
    if (m_library->visibility(gallery) != QLatin1String("private"))
        return std::nullopt;
    return requireAdmin(request, gallery);
}

int PhotoShelterModule::findGallery(const QString& text) const
{
    if (const auto id = m_library->galleryIndex(text))
        return *id;
    const auto& galleries = m_library->layout().galleries();
    for (const DamGallery& g : galleries) {
        if (g.name.compare(text, Qt::CaseInsensitive) == 0)
            return g.index;
    }
    bool ok = false;
    const int index = text.toInt(&ok);
    return ok && index >= 0 && index < galleries.size() ? index : -1;
}

QJsonObject PhotoShelterModule::settings() const
{
    QJsonValue live;
    if (m_liveEvent && m_liveEvent->isRunning()) {
        const int g = m_liveEvent->gallery();
        live = QJsonObject{
            {QStringLiteral("gallery"), m_library->galleryId(g)},
            {QStringLiteral("gallery_name"), m_library->layout().galleries().at(g).name},
            {QStringLiteral("interval_seconds"), m_liveEvent->intervalMs() / 1000.0},
            {QStringLiteral("uploads"), m_liveEvent->uploads()},
        };
    }
    return QJsonObject{{QStringLiteral("bad_input"), m_library && m_library->catalog().badInput()},
                       {QStringLiteral("live_event"), live}};
}

Result<QJsonObject> PhotoShelterModule::applySettings(const QJsonObject& patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() != QLatin1String("bad_input") && it.key() != QLatin1String("live_event"))
            return Error(ErrorKind::Validation, QStringLiteral("Unknown PhotoShelter setting \"%1\"").arg(it.key()));
    }
    if (patch.contains(QStringLiteral("bad_input"))) {
        if (!patch.value(QStringLiteral("bad_input")).isBool())
            return Error(ErrorKind::Validation, QStringLiteral("bad_input must be true or false"));
        m_library->catalog().setBadInput(patch.value(QStringLiteral("bad_input")).toBool());
    }
    if (patch.contains(QStringLiteral("live_event"))) {
        const QJsonValue v = patch.value(QStringLiteral("live_event"));
        if (v.isNull() || (v.isBool() && !v.toBool())) {
            m_liveEvent->stop();
        } else {
            const QJsonObject o = v.toObject();
            const QJsonValue galleryValue = o.value(QStringLiteral("gallery"));
            const QString galleryText = galleryValue.isDouble() ? QString::number(galleryValue.toInt())
                                                                : galleryValue.toString();
            const int gallery = findGallery(galleryText);
            if (gallery < 0)
                return Error(ErrorKind::Validation, QStringLiteral("live_event: no gallery \"%1\"").arg(galleryText));
            const double seconds = o.value(QStringLiteral("interval_seconds")).toDouble(5);
            if (seconds < 0.05 || seconds > 3600)
                return Error(ErrorKind::Validation, QStringLiteral("live_event: interval_seconds must be 0.05..3600"));
            m_liveEvent->start(gallery, int(seconds * 1000));
        }
    }
    return settings();
}

Result<QJsonObject> PhotoShelterModule::changeContent(const QJsonObject& request)
{
    const int modify = request.value(QStringLiteral("modify")).toInt();
    const int remove = request.value(QStringLiteral("remove")).toInt();
    const int add = request.value(QStringLiteral("add")).toInt();
    if (modify < 0 || remove < 0 || add < 0 || modify + remove + add > 100000)
        return Error(ErrorKind::Validation, QStringLiteral("modify, remove and add must be 0..100000 in total"));
    int gallery = -1;
    if (request.contains(QStringLiteral("gallery"))) {
        gallery = findGallery(request.value(QStringLiteral("gallery")).toString());
        if (gallery < 0)
            return Error(ErrorKind::Validation, QStringLiteral("No such gallery"));
    }
    DamCatalog& catalog = m_library->catalog();
    const DamCatalog::Mutation m = catalog.mutate(modify, remove, add, gallery, clock().now().toMSecsSinceEpoch());
    auto ids = [&](const QList<qint64>& indexes) {
        QJsonArray out;
        for (qint64 i : indexes) {
            if (const auto a = catalog.find(i))
                out.append(m_library->mediaId(*a));
        }
        return out;
    };
    return QJsonObject{{QStringLiteral("modified"), ids(m.modified)},
                       {QStringLiteral("deleted"), ids(m.deleted)},
                       {QStringLiteral("added"), ids(m.added)}};
}

QJsonObject PhotoShelterModule::demoCredentials() const
{
    QJsonArray orgs;
    for (const PhotoShelterOrganization& o : m_account.organizations())
        orgs.append(QJsonObject{{QStringLiteral("id"), o.id}, {QStringLiteral("name"), o.name}});
    return QJsonObject{
        {QStringLiteral("api_key"), m_account.apiKey()},
        {QStringLiteral("email"), m_account.user().email},
        {QStringLiteral("password"), m_account.user().password},
        {QStringLiteral("user_id"), m_account.user().id},
        {QStringLiteral("organizations"), orgs},
        {QStringLiteral("oauth_client_id"), m_account.oauthClientId()},
        {QStringLiteral("oauth_client_secret"), m_account.oauthClientSecret()},
        {QStringLiteral("authorize_path"), QStringLiteral("/psapi/v4.0/oauth/authorize")},
        {QStringLiteral("token_path"), QStringLiteral("/psapi/v4.0/oauth/token")},
    };
}

AuthOutcome PhotoShelterModule::authenticate(const SandboxRequest& request, Access access)
{
    const QString key = apiKeyOf(request);
    if (key.isEmpty())
        return PhotoShelterV4::error(401, QStringLiteral("API key required"),
                                     QStringLiteral("ApiKeyInvalidException"));
    if (key != m_account.apiKey())
        return PhotoShelterV4::error(401, QStringLiteral("Invalid API key"),
                                     QStringLiteral("ApiKeyInvalidException"));
    if (access == Access::App)
        return Principal{Principal::Kind::App, QStringLiteral("api-key"), {}, {}, {}};

    const QString token = userTokenOf(request);
    if (token.isEmpty())
        return PhotoShelterV4::error(401, QStringLiteral("Authentication required"));
    if (const PhotoShelterSession* s = m_authRoutes->sessionForToken(token))
        return Principal{Principal::Kind::User, s->userId, {}, {}, PhotoShelterAuthRoutes::sessionKey(token)};
    const auto check = m_oauth->checkAccessToken(token);
    if (check.state == OAuthAuthorizationServer::TokenState::Valid) {
        m_authRoutes->sessionForOAuth(token, check.token.subject);
        return Principal{Principal::Kind::User, check.token.subject, check.token.clientId, check.token.scopes,
                         PhotoShelterAuthRoutes::sessionKey(token)};
    }
    return PhotoShelterV4::error(401, QStringLiteral("Invalid or expired auth token"));
}

HttpResponse PhotoShelterModule::errorResponse(int status, const QString& message) const
{
    return PhotoShelterV4::error(status, message);
}

HttpResponse PhotoShelterModule::rateLimitedResponse(const SandboxRequest&, int retryAfterSeconds) const
{
    HttpResponse r = PhotoShelterV4::error(429, QStringLiteral("Too Many Requests"));
    r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    return r;
}

} // namespace AssetDesk::Sandbox
