#include "sandbox/zendesk/zendeskmodule.h"

#include "sandbox/sandboxclock.h"
#include "sandbox/zendesk/zendeskadmin.h"
#include "sandbox/zendesk/zendeskincrementalroutes.h"
#include "sandbox/zendesk/zendesksearchroutes.h"
#include "sandbox/zendesk/zendeskticketroutes.h"
#include "sandbox/zendesk/zendeskticketupdate.h"
#include "sandbox/zendesk/zendeskuploadroutes.h"
#include "sandbox/zendesk/zendeskuserroutes.h"
#include "sandbox/zendesk/zendeskviewroutes.h"

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

void ZendeskModule::seed(quint64 seed, int size)
{
    m_account.seed(seed);
    m_directory.seed(seed, size, m_account);
    m_store.seed(seed, size, &m_directory);
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
    m_userRoutes = std::make_unique<ZendeskUserRoutes>(*this);
    m_ticketRoutes = std::make_unique<ZendeskTicketRoutes>(*this);
    m_ticketUpdate = std::make_unique<ZendeskTicketUpdate>(*this);
    m_uploadRoutes = std::make_unique<ZendeskUploadRoutes>(*this);
    m_viewRoutes = std::make_unique<ZendeskViewRoutes>(*this);
    m_searchRoutes = std::make_unique<ZendeskSearchRoutes>(*this);
    m_incrementalRoutes = std::make_unique<ZendeskIncrementalRoutes>(*this);
    m_admin = std::make_unique<ZendeskAdmin>(*this);
}

void ZendeskModule::registerRoutes(Router& router)
{
    m_oauth->mount(router);
    m_userRoutes->registerRoutes(router);
    m_ticketRoutes->registerRoutes(router);
    m_ticketUpdate->registerRoutes(router);
    m_uploadRoutes->registerRoutes(router);
    m_viewRoutes->registerRoutes(router);
    m_searchRoutes->registerRoutes(router);
    m_incrementalRoutes->registerRoutes(router);
}

QJsonObject ZendeskModule::userObject(const ZendeskUser& user) const
{
    return m_userRoutes->userObject(user);
}

QUrl ZendeskModule::requestUrl(const SandboxRequest& request) const
{
    return QUrl(baseUrl().toString() + request.pathAndQuery());
}

std::optional<HttpResponse> ZendeskModule::requireScope(const SandboxRequest& request, const QString& resource,
                                                        bool write) const
{
    // API tokens carry the user's full access; OAuth tokens what their scopes grant.
    if (!request.principal || request.principal->clientId.isEmpty())
        return std::nullopt;
    const QString level = write ? QStringLiteral("write") : QStringLiteral("read");
    const QStringList& scopes = request.principal->scopes;
    if (scopes.contains(level) || scopes.contains(resource + QLatin1Char(':') + level))
        return std::nullopt;
    return HttpResponse::json(403, QJsonObject{{QStringLiteral("error"), QStringLiteral("Forbidden")},
                                               {QStringLiteral("description"),
                                                QStringLiteral("You do not have access to this page. Please contact the "
                                                               "account owner of this help desk for further help.")}});
}

std::optional<HttpResponse> ZendeskModule::consumeLimit(const SandboxRequest& request, const QString& bucket, int limit,
                                                        std::chrono::seconds window)
{
    const auto outcome = m_limiter.consume(bucket, limit, window);
    if (outcome.allowed)
        return std::nullopt;
    HttpResponse r = rateLimitedResponse(request, int(outcome.state.secondsUntilReset(clock().now())));
    // The account-wide budget is not what ran out: decorate() reports its real state.
    r.removeHeader(QByteArrayLiteral("X-Rate-Limit"));
    r.removeHeader(QByteArrayLiteral("X-Rate-Limit-Remaining"));
    return r;
}

Result<QJsonObject> ZendeskModule::changeContent(const QJsonObject& request)
{
    return m_admin->change(request);
}

Result<QJsonObject> ZendeskModule::adminResource(const QString& resource, const QUrlQuery& query) const
{
    return m_admin->resource(resource, query);
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
