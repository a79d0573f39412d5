#include "sandbox/photoshelter/photosheltermodule.h"

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

void PhotoShelterModule::seed(quint64 seed, int)
{
    m_account.seed(seed);
    m_random = std::make_unique<DemoData>(seed, u"photoshelter/tokens");
    m_oauth = std::make_unique<OAuthAuthorizationServer>(oauthConfig(), clock(), seed, u"photoshelter/oauth");
    m_oauth->addClient({m_account.oauthClientId(),
                        m_account.oauthClientSecret(),
                        {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")},
                        QStringLiteral("AssetDesk")});
    m_authRoutes = std::make_unique<PhotoShelterAuthRoutes>(m_account, *m_random);
}

void PhotoShelterModule::registerRoutes(Router& router)
{
    m_oauth->mount(router);
    m_authRoutes->registerRoutes(router);
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
