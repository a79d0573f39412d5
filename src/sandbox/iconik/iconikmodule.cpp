#include "sandbox/iconik/iconikmodule.h"

#include "sandbox/sandboxclock.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

HttpResponse errors(int status, const QString& message)
{
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("errors"), QJsonArray{message}}});
}

} // namespace

IconikModule::IconikModule(SandboxClock& clock, QObject* parent)
    : ServiceModule(clock, parent)
    , m_limiter(clock)
{}

IconikModule::~IconikModule() = default;

void IconikModule::seed(quint64 seed, int)
{
    m_account.seed(seed);
    m_tokens.clear();
    m_limiter.reset();
    m_random = std::make_unique<DemoData>(seed, u"iconik/tokens");
    IconikToken app;
    app.id = m_random->uuidString();
    app.userId = m_account.users().first().id;
    app.appId = m_account.appId();
    app.createdAt = clock().now();
    m_tokens.add(m_account.appToken(), app);
    m_authRoutes = std::make_unique<IconikAuthRoutes>(m_account, m_tokens, *m_random, clock());
    m_userRoutes = std::make_unique<IconikUserRoutes>(m_account);
}

void IconikModule::registerRoutes(Router& router)
{
    m_authRoutes->registerRoutes(router);
    m_userRoutes->registerRoutes(router);
}

QJsonObject IconikModule::demoCredentials() const
{
    QJsonArray users;
    for (const IconikUser& u : m_account.users()) {
        users.append(QJsonObject{{QStringLiteral("id"), u.id},
                                 {QStringLiteral("email"), u.email},
                                 {QStringLiteral("password"), u.password},
                                 {QStringLiteral("name"), u.firstName + QLatin1Char(' ') + u.lastName}});
    }
    return QJsonObject{
        {QStringLiteral("app_id"), m_account.appId()},
        {QStringLiteral("app_name"), m_account.appName()},
        {QStringLiteral("auth_token"), m_account.appToken()},
        {QStringLiteral("system_domain_id"), m_account.systemDomainId()},
        {QStringLiteral("email"), m_account.users().first().email},
        {QStringLiteral("password"), m_account.users().first().password},
        {QStringLiteral("users"), users},
    };
}

AuthOutcome IconikModule::authenticate(const SandboxRequest& request, Access)
{
    const QString appId = QString::fromLatin1(request.header(QByteArrayLiteral("App-ID")));
    const QString token = QString::fromLatin1(request.header(QByteArrayLiteral("Auth-Token")));
    const IconikToken* record = token.isEmpty() ? nullptr : m_tokens.valid(token, clock().now());
    if (appId.isEmpty() || !record || record->appId != appId)
        return errors(401, QStringLiteral("Token is invalid"));
    return Principal{Principal::Kind::User, record->userId, record->appId, {}, {}};
}

HttpResponse IconikModule::errorResponse(int status, const QString& message) const
{
    return errors(status, message);
}

HttpResponse IconikModule::rateLimitedResponse(const SandboxRequest&, int retryAfterSeconds) const
{
    HttpResponse r = errors(429, QStringLiteral("Rate limit exceeded"));
    r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    r.setHeader(QByteArrayLiteral("RateLimit-Remaining"), QByteArrayLiteral("0"));
    return r;
}

QString IconikModule::rateKey(const SandboxRequest& request)
{
    const QByteArray appId = request.header(QByteArrayLiteral("App-ID"));
    return appId.isEmpty() ? QStringLiteral("anonymous") : QString::fromLatin1(appId);
}

std::optional<HttpResponse> IconikModule::admit(const SandboxRequest& request)
{
    const auto outcome =
        m_limiter.consume(rateKey(request), kRequestsPerWindow, std::chrono::seconds(kWindowSeconds));
    if (outcome.allowed)
        return std::nullopt;
    return rateLimitedResponse(request, int(outcome.state.secondsUntilReset(clock().now())));
}

void IconikModule::decorate(const SandboxRequest& request, HttpResponse& response) const
{
    const auto state =
        m_limiter.peek(rateKey(request), kRequestsPerWindow, std::chrono::seconds(kWindowSeconds));
    response.setHeaderIfAbsent(QByteArrayLiteral("RateLimit-Remaining"), QByteArray::number(state.remaining));
}

} // namespace AssetDesk::Sandbox
