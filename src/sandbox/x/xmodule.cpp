#include "sandbox/x/xmodule.h"

#include "sandbox/sandboxclock.h"
#include "sandbox/x/xproblem.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

XModule::XModule(SandboxClock& clock, QObject* parent)
    : ServiceModule(clock, parent)
    , m_rateLimits(clock)
{}

XModule::~XModule() = default;

OAuthServerConfig XModule::oauthConfig()
{
    using namespace std::chrono_literals;
    OAuthServerConfig c;
    c.authorizePaths = {QStringLiteral("/i/oauth2/authorize"), QStringLiteral("/2/oauth2/authorize")};
    c.tokenPath = QStringLiteral("/2/oauth2/token");
    c.revokePath = QStringLiteral("/2/oauth2/revoke");
    c.tokenBodyFormat = OAuthServerConfig::BodyFormat::Form;
    c.pkce = OAuthServerConfig::PkcePolicy::Required;
    c.allowPlainChallenge = true; // x.md §2: S256 or plain
    c.codeLifetime = 30s;
    c.accessTokenLifetime = 7200s;
    c.refreshRequiresScope = QStringLiteral("offline.access");
    c.tokenType = QStringLiteral("bearer");
    c.knownScopes = XAccounts::knownScopes();
    c.revokeResponseBody = QJsonObject{{QStringLiteral("revoked"), true}};
    c.validateScopes = [](const QStringList& scopes, bool) {
        return scopes.isEmpty() ? QStringLiteral("The scope parameter is required.") : QString();
    };
    c.resolveSubject = [this](const SandboxRequest& request) {
        const QString hint = request.queryValue(QStringLiteral("login_hint"));
        if (hint.isEmpty())
            return m_accounts.users().isEmpty() ? QString() : m_accounts.users().first().id;
        const XUser* user = m_accounts.userByUsername(hint);
        return user ? user->id : QString();
    };
    return c;
}

void XModule::seed(quint64 seed, int)
{
    m_accounts.seed(seed);
    m_rateLimits.reset();
    m_oauth = std::make_unique<OAuthAuthorizationServer>(oauthConfig(), clock(), seed, u"x/oauth");
    m_oauth->addClient({m_accounts.publicClientId(),
                        {},
                        {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")},
                        QStringLiteral("AssetDesk (public, PKCE)")});
    m_oauth->addClient({m_accounts.confidentialClientId(),
                        m_accounts.confidentialClientSecret(),
                        {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")},
                        QStringLiteral("AssetDesk (confidential)")});
    for (const XUser& u : m_accounts.users())
        m_oauth->registerTokens(u.accessToken, u.refreshToken, u.id, m_accounts.publicClientId(),
                                XAccounts::demoScopes());
    m_userRoutes = std::make_unique<XUserRoutes>(m_accounts);
    m_posts.seed(m_accounts, seed, clock().now());
    m_media = XMediaStore();
    m_postRoutes = std::make_unique<XPostRoutes>(m_posts, m_media, clock(), m_dialect);
    m_timelineRoutes = std::make_unique<XTimelineRoutes>(m_posts, m_media, clock(), m_dialect);
    m_mediaRoutes = std::make_unique<XMediaRoutes>(m_media, clock());
    m_mediaLookupRoutes = std::make_unique<XMediaLookupRoutes>(m_posts, m_media, clock(), m_dialect);
}

void XModule::registerRoutes(Router& router)
{
    m_oauth->mount(router);
    m_userRoutes->registerRoutes(router);
    m_postRoutes->registerRoutes(router);
    m_timelineRoutes->registerRoutes(router);
    m_mediaRoutes->registerRoutes(router);
    m_mediaLookupRoutes->registerRoutes(router);
}

QJsonObject XModule::settings() const
{
    return QJsonObject{{QStringLiteral("field_names"), m_dialect.newFieldNames ? QStringLiteral("2.167") : QStringLiteral("classic")}};
}

Result<QJsonObject> XModule::applySettings(const QJsonObject& patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() != QLatin1String("field_names"))
            return Error(ErrorKind::Validation, QStringLiteral("Unknown X setting \"%1\"").arg(it.key()));
        const QString value = it.value().toString();
        if (value != QLatin1String("classic") && value != QLatin1String("2.167"))
            return Error(ErrorKind::Validation, QStringLiteral("field_names must be \"classic\" or \"2.167\""));
        m_dialect.newFieldNames = value == QLatin1String("2.167");
    }
    return settings();
}

Result<QJsonObject> XModule::adminResource(const QString& resource, const QUrlQuery& query) const
{
    if (resource != QLatin1String("posts"))
        return ServiceModule::adminResource(resource, query);
    return m_posts.adminView(query.queryItemValue(QStringLiteral("account"), QUrl::FullyDecoded),
                             query.queryItemValue(QStringLiteral("text_sha256"), QUrl::FullyDecoded));
}

QJsonObject XModule::demoCredentials() const
{
    QJsonArray users;
    for (const XUser& u : m_accounts.users()) {
        users.append(QJsonObject{
            {QStringLiteral("id"), u.id},
            {QStringLiteral("username"), u.username},
            {QStringLiteral("name"), u.name},
            {QStringLiteral("region"), u.region},
            {QStringLiteral("access_token"), u.accessToken},
            {QStringLiteral("refresh_token"), u.refreshToken},
            {QStringLiteral("scope"), XAccounts::demoScopes().join(QLatin1Char(' '))},
        });
    }
    return QJsonObject{
        {QStringLiteral("client_id"), m_accounts.publicClientId()},
        {QStringLiteral("confidential_client_id"), m_accounts.confidentialClientId()},
        {QStringLiteral("confidential_client_secret"), m_accounts.confidentialClientSecret()},
        {QStringLiteral("app_bearer_token"), m_accounts.appBearerToken()},
        {QStringLiteral("authorize_path"), QStringLiteral("/i/oauth2/authorize")},
        {QStringLiteral("token_path"), QStringLiteral("/2/oauth2/token")},
        {QStringLiteral("revoke_path"), QStringLiteral("/2/oauth2/revoke")},
        {QStringLiteral("users"), users},
    };
}

AuthOutcome XModule::authenticate(const SandboxRequest& request, Access access)
{
    const QString token = request.bearerToken();
    if (token.isEmpty())
        return XProblem::unauthorized();
    if (token == m_accounts.appBearerToken()) {
        if (access == Access::User)
            return XProblem::unsupportedAuthentication();
        return Principal{Principal::Kind::App,
                         m_accounts.confidentialClientId(),
                         m_accounts.confidentialClientId(),
                         {},
                         {}};
    }
    const auto check = m_oauth->checkAccessToken(token);
    if (check.state != OAuthAuthorizationServer::TokenState::Valid)
        return XProblem::unauthorized(); // unknown, expired and revoked look alike, as on X
    return Principal{
        Principal::Kind::User, check.token.subject, check.token.clientId, check.token.scopes, {}};
}

HttpResponse XModule::errorResponse(int status, const QString& message) const
{
    return XProblem::fromStatus(status, message);
}

HttpResponse XModule::rateLimitedResponse(const SandboxRequest& request, int retryAfterSeconds) const
{
    // X signals the wait only through x-rate-limit-reset (no Retry-After).
    HttpResponse r = XProblem::tooManyRequests();
    m_rateLimits.addExhaustedHeaders(request, r, retryAfterSeconds);
    return r;
}

std::optional<HttpResponse> XModule::admit(const SandboxRequest& request)
{
    if (!request.path.startsWith(QLatin1String("/2/")) || m_rateLimits.consume(request))
        return std::nullopt;
    return XProblem::tooManyRequests(); // decorate() adds the exhausted window's headers
}

void XModule::decorate(const SandboxRequest& request, HttpResponse& response) const
{
    // Every API response carries the window state; the browser-facing /i/oauth2/authorize
    // (x.com, not api.x.com) does not.
    if (request.path.startsWith(QLatin1String("/2/")))
        m_rateLimits.addHeaders(request, response);
}

} // namespace AssetDesk::Sandbox
