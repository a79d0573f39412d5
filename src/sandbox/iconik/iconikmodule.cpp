#include "sandbox/iconik/iconikmodule.h"

#include "sandbox/iconik/iconikassetroutes.h"
#include "sandbox/iconik/iconikcollectionroutes.h"
#include "sandbox/iconik/iconikfileroutes.h"
#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/iconik/iconikmetadataroutes.h"
#include "sandbox/iconik/iconikresources.h"
#include "sandbox/iconik/iconiksearchroutes.h"
#include "sandbox/iconik/iconikuploads.h"
#include "sandbox/iconik/iconikwebhooks.h"

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

void IconikModule::seed(quint64 seed, int size)
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
    m_webhooks.reset();
    m_library = std::make_unique<IconikLibrary>(seed, size, clock().now().toUTC().date());
    m_resources = std::make_unique<IconikResources>(*m_library, m_account);
    m_assetRoutes = std::make_unique<IconikAssetRoutes>(*this, *m_library, *m_resources);
    m_metadataRoutes = std::make_unique<IconikMetadataRoutes>(*this, *m_library, *m_resources);
    m_collectionRoutes = std::make_unique<IconikCollectionRoutes>(*this, *m_library, *m_resources);
    m_uploads = std::make_unique<IconikUploads>(*this, *m_library);
    m_fileRoutes = std::make_unique<IconikFileRoutes>(*this, *m_library, *m_resources);
    m_searchRoutes = std::make_unique<IconikSearchRoutes>(*this, *m_library, *m_resources);
    m_webhooks = std::make_unique<IconikWebhooks>(*m_library, *m_resources, clock(), m_account.systemDomainId(),
                                                  m_account.users().first().id);
    m_library->catalog().setListener([this](const DamChange& change) { m_webhooks->onChange(change); });
}

void IconikModule::registerRoutes(Router& router)
{
    m_resources->setBaseUrl(baseUrl());
    m_authRoutes->registerRoutes(router);
    m_userRoutes->registerRoutes(router);
    m_assetRoutes->registerRoutes(router);
    m_metadataRoutes->registerRoutes(router);
    m_collectionRoutes->registerRoutes(router);
    m_fileRoutes->registerRoutes(router);
    m_uploads->registerRoutes(router);
    m_searchRoutes->registerRoutes(router);
    m_webhooks->registerRoutes(router);
}

QJsonObject IconikModule::settings() const
{
    return QJsonObject{{QStringLiteral("bad_input"), m_library && m_library->catalog().badInput()}};
}

Result<QJsonObject> IconikModule::applySettings(const QJsonObject& patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() != QLatin1String("bad_input"))
            return Error(ErrorKind::Validation, QStringLiteral("Unknown iconik setting \"%1\"").arg(it.key()));
        if (!it.value().isBool())
            return Error(ErrorKind::Validation, QStringLiteral("bad_input must be true or false"));
        m_library->catalog().setBadInput(it.value().toBool());
    }
    return settings();
}

Result<QJsonObject> IconikModule::changeContent(const QJsonObject& request)
{
    const int modify = request.value(QStringLiteral("modify")).toInt();
    const int remove = request.value(QStringLiteral("remove")).toInt();
    const int add = request.value(QStringLiteral("add")).toInt();
    if (modify < 0 || remove < 0 || add < 0 || modify + remove + add > 100000)
        return Error(ErrorKind::Validation, QStringLiteral("modify, remove and add must be 0..100000 in total"));
    int gallery = -1;
    if (request.contains(QStringLiteral("collection"))) {
        const auto ref = m_library->collectionRef(request.value(QStringLiteral("collection")).toString());
        if (!ref || ref->kind != IconikCollectionRef::Kind::Gallery)
            return Error(ErrorKind::Validation, QStringLiteral("collection must be a collection that holds assets"));
        gallery = ref->index;
    }
    const DamCatalog::Mutation m =
        m_library->catalog().mutate(modify, remove, add, gallery, clock().now().toMSecsSinceEpoch());
    auto ids = [this](const QList<qint64>& indexes) {
        QJsonArray out;
        for (qint64 i : indexes)
            out.append(m_library->assetId(i));
        return out;
    };
    return QJsonObject{{QStringLiteral("modified"), ids(m.modified)},
                       {QStringLiteral("deleted"), ids(m.deleted)},
                       {QStringLiteral("added"), ids(m.added)}};
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
