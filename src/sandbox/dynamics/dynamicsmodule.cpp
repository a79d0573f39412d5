#include "sandbox/dynamics/dynamicsmodule.h"

#include "sandbox/dynamics/dynamicserrors.h"
#include "sandbox/dynamics/dynamicsseeder.h"
#include "sandbox/sandboxclock.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace AssetDesk::Sandbox {

namespace {

using namespace std::chrono_literals;

QByteArray base64Url(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

DynamicsModule::DynamicsModule(SandboxClock& clock, QObject* parent)
    : ServiceModule(clock, parent)
    , m_limiter(clock)
{}

DynamicsModule::~DynamicsModule() = default;

QString DynamicsModule::resource() const
{
    QString r = baseUrl().toString();
    while (r.endsWith(QLatin1Char('/')))
        r.chop(1);
    return r;
}

QString DynamicsModule::scopeProblem(const QStringList& scopes, bool clientCredentials) const
{
    const QString res = resource();
    const QString dotDefault = res + QStringLiteral("/.default");
    if (clientCredentials) {
        if (scopes.size() == 1 && scopes.first() == dotDefault)
            return {};
        return QStringLiteral(
                   "The provided value for scope is not valid. Client credential flows must have a scope "
                   "value with /.default suffixed to the resource identifier: '%1'.")
            .arg(dotDefault);
    }
    static const QStringList oidc{QStringLiteral("openid"), QStringLiteral("profile"),
                                  QStringLiteral("email"), QStringLiteral("offline_access")};
    bool resourceScope = false;
    for (const QString& s : scopes) {
        if (oidc.contains(s))
            continue;
        if (s == dotDefault || s == res + QStringLiteral("/user_impersonation")) {
            resourceScope = true;
            continue;
        }
        return QStringLiteral(
                   "The scope '%1' is not valid for this environment; use '%2' or '%3/user_impersonation'.")
            .arg(s, dotDefault, res);
    }
    if (!resourceScope)
        return QStringLiteral("Request a scope of the environment: '%1'.").arg(dotDefault);
    return {};
}

QString DynamicsModule::mintJwt(const QString& subject, const QString& clientId, const QStringList& scopes,
                                bool appOnly, std::chrono::seconds lifetime)
{
    // Shaped like an Entra v1 access token so clients that peek at exp/oid work; the signature is
    // random and nobody can verify it (the sandbox looks tokens up by text).
    const qint64 now = clock().nowSecsSinceEpoch();
    const QJsonObject header{{QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("kid"), QStringLiteral("assetdesk-sandbox")}};
    QJsonObject payload{
        {QStringLiteral("aud"), resource()},
        {QStringLiteral("iss"), QStringLiteral("https://sts.windows.net/%1/").arg(m_directory.tenantId())},
        {QStringLiteral("iat"), now},
        {QStringLiteral("nbf"), now},
        {QStringLiteral("exp"), now + lifetime.count()},
        {QStringLiteral("appid"), clientId},
        {QStringLiteral("tid"), m_directory.tenantId()},
        {QStringLiteral("oid"), appOnly ? m_directory.applicationUserId() : subject},
        {QStringLiteral("ver"), QStringLiteral("1.0")},
        {QStringLiteral("uti"), m_tokenRandom->alphanumeric(22)},
    };
    if (appOnly) {
        payload.insert(QStringLiteral("roles"), QJsonArray());
    } else {
        QStringList scp;
        for (const QString& s : scopes) {
            if (s.endsWith(QLatin1String("/user_impersonation")) || s.endsWith(QLatin1String("/.default")))
                scp << QStringLiteral("user_impersonation");
        }
        scp.removeDuplicates();
        payload.insert(QStringLiteral("scp"), scp.join(QLatin1Char(' ')));
        if (const DynamicsUser* u = m_directory.userByObjectId(subject))
            payload.insert(QStringLiteral("upn"), u->userPrincipalName);
    }
    const QByteArray signature = m_tokenRandom->alphanumeric(86).toLatin1();
    return QString::fromLatin1(base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                               base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.' +
                               signature);
}

OAuthServerConfig DynamicsModule::oauthConfig()
{
    OAuthServerConfig c;
    c.authorizePaths = {QStringLiteral("/:tenant/oauth2/v2.0/authorize")};
    c.tokenPath = QStringLiteral("/:tenant/oauth2/v2.0/token");
    c.tokenBodyFormat = OAuthServerConfig::BodyFormat::Form;
    c.pkce = OAuthServerConfig::PkcePolicy::RequiredForPublicClients;
    c.codeLifetime = 600s;
    c.accessTokenLifetime = 3599s;
    c.refreshRequiresScope = QStringLiteral("offline_access");
    c.tokenType = QStringLiteral("Bearer");
    c.validateRequest = [this](const SandboxRequest& request) -> std::optional<OAuthError> {
        const QString tenant = request.param(QStringLiteral("tenant"));
        if (m_directory.acceptsTenant(tenant))
            return std::nullopt;
        return OAuthError{
            400, QStringLiteral("invalid_request"),
            QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID.")
                .arg(tenant),
            QStringLiteral("tenant_unknown")};
    };
    c.validateScopes = [this](const QStringList& scopes, bool clientCredentials) {
        return scopeProblem(scopes, clientCredentials);
    };
    c.resolveSubject = [this](const SandboxRequest& request) {
        const QString hint = request.queryValue(QStringLiteral("login_hint"));
        const DynamicsUser* user =
            hint.isEmpty() ? (m_directory.users().isEmpty() ? nullptr : &m_directory.users().first())
                           : m_directory.userByPrincipalName(hint);
        return user ? user->objectId : QString();
    };
    c.accessTokenFactory = [this](const QString& subject, const QString& clientId, const QStringList& scopes,
                                  bool appOnly, std::chrono::seconds lifetime) {
        return mintJwt(subject, clientId, scopes, appOnly, lifetime);
    };
    c.decorateError = [this](QJsonObject& body, const OAuthError& error) {
        DynamicsErrors::decorateEntraError(body, error,
                                           clock().now().toString(QStringLiteral("yyyy-MM-dd hh:mm:ssZ")));
    };
    c.decorateTokenResponse = [](QJsonObject& body) {
        body.insert(QStringLiteral("ext_expires_in"), body.value(QStringLiteral("expires_in")));
    };
    return c;
}

void DynamicsModule::seed(quint64 seed, int size)
{
    m_directory.seed(seed);
    DynamicsSeeder::seed(m_store, m_directory, seed, size, clock().now());
    m_recordRandom = std::make_unique<DemoData>(seed, u"dynamics/writes");
    m_tableRoutes = std::make_unique<DynamicsTableRoutes>(m_store, clock(), *m_recordRandom, m_maxUploadFileSize);
    m_admin = std::make_unique<DynamicsAdmin>(m_store, clock(), *m_recordRandom, m_maxUploadFileSize);
    m_limiter.reset();
    m_tokenRandom = std::make_unique<DemoData>(seed, u"dynamics/tokens");
    m_oauth = std::make_unique<OAuthAuthorizationServer>(oauthConfig(), clock(), seed, u"dynamics/oauth");
    m_oauth->addClient({m_directory.publicClientId(),
                        {},
                        {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")},
                        QStringLiteral("AssetDesk desktop (public)")});
    m_oauth->addClient({m_directory.confidentialClientId(),
                        m_directory.confidentialClientSecret(),
                        {QStringLiteral("client_credentials"), QStringLiteral("authorization_code"),
                         QStringLiteral("refresh_token")},
                        QStringLiteral("AssetDesk sync (application user)")});
    m_identityRoutes = std::make_unique<DynamicsIdentityRoutes>(m_directory);
}

void DynamicsModule::registerRoutes(Router& router)
{
    m_oauth->mount(router);
    m_identityRoutes->registerRoutes(router, baseUrl());
    m_tableRoutes->registerRoutes(router, resource() + QStringLiteral("/api/data/v9.2"));
}

QJsonObject DynamicsModule::settings() const
{
    return QJsonObject{{QStringLiteral("max_upload_file_size"), m_maxUploadFileSize},
                       {QStringLiteral("request_limit"), m_requestLimit}};
}

Result<QJsonObject> DynamicsModule::applySettings(const QJsonObject& patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const qint64 value = it.value().toInteger(-1);
        if (it.key() == QLatin1String("max_upload_file_size") && value > 0)
            m_maxUploadFileSize = value;
        else if (it.key() == QLatin1String("request_limit") && value > 0 && value <= 1000000)
            m_requestLimit = int(value);
        else
            return Error(ErrorKind::Validation,
                         QStringLiteral("Unknown Dynamics setting or bad value: \"%1\"").arg(it.key()));
    }
    return settings();
}

Result<QJsonObject> DynamicsModule::changeContent(const QJsonObject& request)
{
    return m_admin->change(request);
}

Result<QJsonObject> DynamicsModule::adminResource(const QString& resource, const QUrlQuery& query) const
{
    return m_admin->resource(resource, query);
}

QJsonObject DynamicsModule::demoCredentials() const
{
    QJsonArray users;
    for (const DynamicsUser& u : m_directory.users()) {
        users.append(QJsonObject{{QStringLiteral("object_id"), u.objectId},
                                 {QStringLiteral("systemuser_id"), u.systemUserId},
                                 {QStringLiteral("name"), u.fullName},
                                 {QStringLiteral("username"), u.userPrincipalName}});
    }
    const QString authority = resource() + QLatin1Char('/') + m_directory.tenantId();
    return QJsonObject{
        {QStringLiteral("tenant_id"), m_directory.tenantId()},
        {QStringLiteral("environment_url"), resource()},
        {QStringLiteral("web_api_url"), resource() + QStringLiteral("/api/data/v9.2/")},
        {QStringLiteral("authority"), authority},
        {QStringLiteral("authorize_url"), authority + QStringLiteral("/oauth2/v2.0/authorize")},
        {QStringLiteral("token_url"), authority + QStringLiteral("/oauth2/v2.0/token")},
        {QStringLiteral("scope"), resource() + QStringLiteral("/.default")},
        {QStringLiteral("public_client_id"), m_directory.publicClientId()},
        {QStringLiteral("client_id"), m_directory.confidentialClientId()},
        {QStringLiteral("client_secret"), m_directory.confidentialClientSecret()},
        {QStringLiteral("application_user_id"), m_directory.applicationUserId()},
        {QStringLiteral("organization_id"), m_directory.organizationId()},
        {QStringLiteral("business_unit_id"), m_directory.businessUnitId()},
        {QStringLiteral("users"), users},
    };
}

AuthOutcome DynamicsModule::authenticate(const SandboxRequest& request, Access)
{
    auto unauthorized = [this](const QString& message) {
        // Dataverse names its authentication failures (dynamics.md §2); the hex code is often
        // empty (§9). The challenge tells a client where to get a token.
        HttpResponse r = DynamicsErrors::dataverse(401, QString(), message);
        r.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                    QStringLiteral("Bearer authorization_uri=%1/%2/oauth2/authorize, resource_id=%1/")
                        .arg(resource(), m_directory.tenantId())
                        .toUtf8());
        return r;
    };
    const QString token = request.bearerToken();
    if (token.isEmpty())
        return unauthorized(
            QStringLiteral("MissingCrmAuthenticationToken: send Authorization: Bearer <access token>."));
    const auto check = m_oauth->checkAccessToken(token);
    switch (check.state) {
    case OAuthAuthorizationServer::TokenState::Valid:
        break;
    case OAuthAuthorizationServer::TokenState::Expired:
        return unauthorized(QStringLiteral("ExpiredAuthTicket: the access token has expired."));
    default:
        return unauthorized(QStringLiteral("InvalidAuthTicket: the access token is not valid."));
    }
    Principal p;
    p.kind = check.token.appOnly ? Principal::Kind::App : Principal::Kind::User;
    p.subjectId = check.token.subject;
    p.clientId = check.token.clientId;
    p.scopes = check.token.scopes;
    return p;
}

HttpResponse DynamicsModule::errorResponse(int status, const QString& message) const
{
    if (status == 404)
        return DynamicsErrors::dataverse(404, QStringLiteral("0x80060888"),
                                         QStringLiteral("Resource not found for the segment."));
    if (status >= 500)
        return DynamicsErrors::dataverse(status, QStringLiteral("0x80040216"), message);
    return DynamicsErrors::dataverse(status, QString(), message);
}

HttpResponse DynamicsModule::rateLimitedResponse(const SandboxRequest&, int retryAfterSeconds) const
{
    return DynamicsErrors::serviceProtectionLimit(retryAfterSeconds, m_requestLimit);
}

QString DynamicsModule::rateKey(const SandboxRequest& request) const
{
    return request.principal ? request.principal->subjectId : QStringLiteral("anonymous");
}

std::optional<HttpResponse> DynamicsModule::admit(const SandboxRequest& request)
{
    if (!request.path.startsWith(QLatin1String("/api/data/")))
        return std::nullopt;
    if (request.header(QByteArrayLiteral("OData-MaxVersion")).trimmed() != "4.0" ||
        request.header(QByteArrayLiteral("OData-Version")).trimmed() != "4.0")
        return DynamicsErrors::dataverse(
            400, QString(),
            QStringLiteral("Send OData-MaxVersion: 4.0 and OData-Version: 4.0 with every "
                           "Web API request."));
    const auto outcome =
        m_limiter.consume(rateKey(request), m_requestLimit, std::chrono::seconds(kWindowSeconds));
    if (!outcome.allowed)
        return DynamicsErrors::serviceProtectionLimit(int(outcome.state.secondsUntilReset(clock().now())),
                                                      m_requestLimit);
    return std::nullopt;
}

void DynamicsModule::decorate(const SandboxRequest& request, HttpResponse& response) const
{
    if (!request.path.startsWith(QLatin1String("/api/data/")))
        return;
    response.setHeaderIfAbsent(QByteArrayLiteral("OData-Version"), QByteArrayLiteral("4.0"));
    if (!request.principal)
        return;
    const auto state = m_limiter.peek(rateKey(request), m_requestLimit, std::chrono::seconds(kWindowSeconds));
    const int used = state.limit - state.remaining;
    response.setHeaderIfAbsent(QByteArrayLiteral("x-ms-ratelimit-burst-remaining-xrm-requests"),
                               QByteArray::number(state.remaining));
    response.setHeaderIfAbsent(QByteArrayLiteral("x-ms-ratelimit-time-remaining-xrm-requests"),
                               QByteArray::number(std::max(0, kExecutionBudgetMs - used * kSimulatedCostMs)) +
                                   ".00");
}

} // namespace AssetDesk::Sandbox
