#include "sandbox/zendesk/zendeskmodule.h"

#include "sandbox/sandboxclock.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

using namespace std::chrono_literals;

const QString kAccountBucket = QStringLiteral("account");

QStringList zendeskScopeResources()
{
    return {QStringLiteral("tickets"),       QStringLiteral("users"),       QStringLiteral("auditlogs"),
            QStringLiteral("organizations"), QStringLiteral("hc"),          QStringLiteral("apps"),
            QStringLiteral("triggers"),      QStringLiteral("automations"), QStringLiteral("targets"),
            QStringLiteral("webhooks")};
}

} // namespace

ZendeskModule::ZendeskModule(SandboxClock& clock, QObject* parent)
    : ServiceModule(clock, parent)
    , m_limiter(clock)
{}

ZendeskModule::~ZendeskModule() = default;

RouterOptions ZendeskModule::routerOptions() const
{
    RouterOptions o;
    o.optionalSuffix = QStringLiteral(".json");
    return o;
}

HttpResponse ZendeskModule::unauthorized()
{
    return HttpResponse::json(
        401, QJsonObject{{QStringLiteral("error"), QStringLiteral("Couldn't authenticate you")}});
}

OAuthServerConfig ZendeskModule::oauthConfig()
{
    OAuthServerConfig c;
    c.authorizePaths = {QStringLiteral("/oauth/authorizations/new")};
    c.tokenPath = QStringLiteral("/oauth/tokens");
    c.tokenBodyFormat = OAuthServerConfig::BodyFormat::Json;
    c.pkce = OAuthServerConfig::PkcePolicy::RequiredForPublicClients;
    c.requireState = false; // optional in zendesk.md §2
    c.codeLifetime = 120s;
    c.accessTokenLifetime = 172800s;
    c.refreshTokenLifetime = 2592000s;
    c.requestableAccessLifetime = std::pair{300, 172800};
    c.requestableRefreshLifetime = std::pair{604800, 7776000};
    c.tokenType = QStringLiteral("bearer");
    c.tokenSuccessStatus = 201;
    c.defaultScope = QStringLiteral("read");
    c.validateScopes = [](const QStringList& scopes, bool) -> QString {
        static const QStringList plain{QStringLiteral("read"), QStringLiteral("write"),
                                       QStringLiteral("impersonate")};
        for (const QString& s : scopes) {
            if (plain.contains(s))
                continue;
            const QStringList parts = s.split(QLatin1Char(':'));
            const bool ok =
                parts.size() == 2 && zendeskScopeResources().contains(parts.at(0)) &&
                (parts.at(1) == QLatin1String("read") ||
                 (parts.at(1) == QLatin1String("write") && parts.at(0) != QLatin1String("auditlogs")));
            if (!ok)
                return QStringLiteral("The scope '%1' is not valid.").arg(s);
        }
        return {};
    };
    c.resolveSubject = [this](const SandboxRequest& request) {
        const QString hint = request.queryValue(QStringLiteral("login_hint"));
        const ZendeskUser* user = hint.isEmpty()
                                      ? (m_account.users().isEmpty() ? nullptr : &m_account.users().first())
                                      : m_account.userByEmail(hint);
        return user && user->role != QLatin1String("end-user") ? QString::number(user->id) : QString();
    };
    return c;
}

void ZendeskModule::seed(quint64 seed, int)
{
    m_account.seed(seed);
    m_limiter.reset();
    m_oauth = std::make_unique<OAuthAuthorizationServer>(oauthConfig(), clock(), seed, u"zendesk/oauth");
    m_oauth->addClient({m_account.oauthClientId(),
                        m_account.oauthClientSecret(),
                        {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")},
                        QStringLiteral("AssetDesk")});
    m_oauth->addClient({m_account.publicClientId(),
                        {},
                        {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")},
                        QStringLiteral("AssetDesk (PKCE)")});
    m_userRoutes = std::make_unique<ZendeskUserRoutes>(m_account);
}

void ZendeskModule::registerRoutes(Router& router)
{
    m_oauth->mount(router);
    m_userRoutes->registerRoutes(router, baseUrl());
}

QJsonObject ZendeskModule::demoCredentials() const
{
    QJsonArray agents;
    for (const ZendeskUser& u : m_account.users()) {
        if (u.apiToken.isEmpty())
            continue;
        agents.append(QJsonObject{{QStringLiteral("id"), u.id},
                                  {QStringLiteral("name"), u.name},
                                  {QStringLiteral("email"), u.email},
                                  {QStringLiteral("role"), u.role},
                                  {QStringLiteral("api_token"), u.apiToken}});
    }
    const ZendeskUser& first = m_account.users().first();
    return QJsonObject{
        {QStringLiteral("subdomain"), m_account.subdomain()},
        {QStringLiteral("email"), first.email},
        {QStringLiteral("api_token"), first.apiToken},
        {QStringLiteral("oauth_client_id"), m_account.oauthClientId()},
        {QStringLiteral("oauth_client_secret"), m_account.oauthClientSecret()},
        {QStringLiteral("oauth_public_client_id"), m_account.publicClientId()},
        {QStringLiteral("authorize_path"), QStringLiteral("/oauth/authorizations/new")},
        {QStringLiteral("token_path"), QStringLiteral("/oauth/tokens")},
        {QStringLiteral("agents"), agents},
    };
}

AuthOutcome ZendeskModule::authenticate(const SandboxRequest& request, Access)
{
    if (const auto basic = request.basicCredentials()) {
        // "{email}/token:{api_token}"; a plain "{email}:{password}" is refused (password access off).
        const QString login = basic->first;
        if (!login.endsWith(QLatin1String("/token")))
            return unauthorized();
        const ZendeskUser* user = m_account.userByEmail(login.chopped(6));
        if (!user || user->apiToken.isEmpty() || user->apiToken != basic->second)
            return unauthorized();
        return Principal{Principal::Kind::User, QString::number(user->id), {}, {}, {}};
    }
    const QString token = request.bearerToken();
    if (token.isEmpty())
        return unauthorized();
    const auto check = m_oauth->checkAccessToken(token);
    if (check.state != OAuthAuthorizationServer::TokenState::Valid)
        return unauthorized();
    return Principal{
        Principal::Kind::User, check.token.subject, check.token.clientId, check.token.scopes, {}};
}

HttpResponse ZendeskModule::errorResponse(int status, const QString& message) const
{
    if (status == 404)
        return HttpResponse::json(404,
                                  QJsonObject{{QStringLiteral("error"), QStringLiteral("RecordNotFound")},
                                              {QStringLiteral("description"), QStringLiteral("Not found")}});
    QString code = QString::fromLatin1(HttpResponse::reasonPhrase(status));
    code.remove(QLatin1Char(' '));
    return HttpResponse::json(
        status, QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("description"), message}});
}

HttpResponse ZendeskModule::rateLimitedResponse(const SandboxRequest&, int retryAfterSeconds) const
{
    HttpResponse r = HttpResponse::text(429, QByteArrayLiteral("Rate limited"));
    r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    r.setHeader(QByteArrayLiteral("X-Rate-Limit"), QByteArray::number(kRequestsPerMinute));
    r.setHeader(QByteArrayLiteral("X-Rate-Limit-Remaining"), QByteArrayLiteral("0"));
    return r;
}

std::optional<HttpResponse> ZendeskModule::admit(const SandboxRequest& request)
{
    if (!request.path.startsWith(QLatin1String("/api/v2/")))
        return std::nullopt;
    const auto outcome = m_limiter.consume(kAccountBucket, kRequestsPerMinute, 60s);
    if (outcome.allowed)
        return std::nullopt;
    return rateLimitedResponse(request, int(outcome.state.secondsUntilReset(clock().now())));
}

void ZendeskModule::decorate(const SandboxRequest& request, HttpResponse& response) const
{
    if (!request.path.startsWith(QLatin1String("/api/v2/")))
        return;
    const auto state = m_limiter.peek(kAccountBucket, kRequestsPerMinute, 60s);
    response.setHeaderIfAbsent(QByteArrayLiteral("X-Rate-Limit"), QByteArray::number(state.limit));
    response.setHeaderIfAbsent(QByteArrayLiteral("X-Rate-Limit-Remaining"),
                               QByteArray::number(state.remaining));
}

} // namespace AssetDesk::Sandbox
