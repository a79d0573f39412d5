#include "sandbox/iconik/iconikauthroutes.h"

#include "sandbox/demodata.h"
#include "sandbox/iconik/iconikaccount.h"
#include "sandbox/iconik/iconiktokens.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

HttpResponse errors(int status, const QJsonValue& errors)
{
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("errors"), errors}});
}

} // namespace

IconikAuthRoutes::IconikAuthRoutes(const IconikAccount& account, IconikTokens& tokens, DemoData& random,
                                   const SandboxClock& clock)
    : m_account(account)
    , m_tokens(tokens)
    , m_random(random)
    , m_clock(clock)
{}

void IconikAuthRoutes::registerRoutes(Router& router)
{
    router.add("POST", QStringLiteral("/API/auth/v1/auth/simple/login/"), Access::Public,
               [this](const SandboxRequest& r) { return login(r); });
    router.add("GET", QStringLiteral("/API/auth/v1/auth/token/"), Access::User,
               [this](const SandboxRequest& r) { return validate(r); });
    router.add("DELETE", QStringLiteral("/API/auth/v1/auth/token/"), Access::User,
               [this](const SandboxRequest& r) { return revoke(r); });
}

QJsonObject IconikAuthRoutes::tokenSchema(const QString& token, const IconikToken& record) const
{
    const IconikUser* user = m_account.userById(record.userId);
    return QJsonObject{
        {QStringLiteral("id"), record.id},
        {QStringLiteral("app_id"), record.appId},
        {QStringLiteral("user_id"), record.userId},
        {QStringLiteral("system_domain_id"), m_account.systemDomainId()},
        {QStringLiteral("system_domains"), QJsonArray{m_account.systemDomainId()}},
        {QStringLiteral("system_domain_status"), QStringLiteral("ACTIVE")},
        {QStringLiteral("is_admin"), user && user->isAdmin},
        {QStringLiteral("is_super_admin"), false},
        {QStringLiteral("is_mfa_authenticated"), false},
        {QStringLiteral("date_created"), iso(record.createdAt)},
        {QStringLiteral("date_modified"), iso(record.createdAt)},
        {QStringLiteral("expires"),
         record.expires.isValid() ? QJsonValue(iso(record.expires)) : QJsonValue()},
        {QStringLiteral("token"), token},
    };
}

HttpResponse IconikAuthRoutes::login(const SandboxRequest& request)
{
    const auto body = request.jsonBody();
    if (!request.isJson() || !body)
        return errors(400, QJsonArray{QStringLiteral("Expected a JSON body")});
    const QString email = body->value(QStringLiteral("email")).toString();
    const QString password = body->value(QStringLiteral("password")).toString();
    QJsonObject missing;
    if (email.isEmpty())
        missing.insert(QStringLiteral("email"), QStringLiteral("Missing data for required field."));
    if (password.isEmpty())
        missing.insert(QStringLiteral("password"), QStringLiteral("Missing data for required field."));
    if (!missing.isEmpty())
        return errors(400, missing);
    const IconikUser* user = m_account.userByEmail(email);
    if (!user || user->password != password)
        return errors(401, QJsonArray{QStringLiteral("Invalid email or password")});

    const QString token = QStringLiteral("eyJhbGciOiJIUzI1NiIsImlhdCI6") + m_random.alphanumeric(120);
    IconikToken record;
    record.id = m_random.uuidString();
    record.userId = user->id;
    record.appId = m_account.appId();
    record.createdAt = m_clock.now();
    record.expires = record.createdAt.addSecs(IconikTokens::kLoginLifetimeSeconds);
    m_tokens.add(token, record);

    QJsonObject out = tokenSchema(token, record);
    out.insert(
        QStringLiteral("auth_system_domains"),
        QJsonArray{QJsonObject{{QStringLiteral("system_domain_id"), m_account.systemDomainId()},
                               {QStringLiteral("system_domain_name"), QStringLiteral("AssetDesk Demo")},
                               {QStringLiteral("token"), token},
                               {QStringLiteral("mfa_required"), false}}});
    return HttpResponse::json(201, out);
}

HttpResponse IconikAuthRoutes::validate(const SandboxRequest& request) const
{
    const QString token = QString::fromLatin1(request.header(QByteArrayLiteral("Auth-Token")));
    const IconikToken* record = m_tokens.valid(token, m_clock.now());
    if (!record) // authenticate() let it through a moment ago; keep the answer consistent anyway
        return errors(401, QJsonArray{QStringLiteral("Token is invalid")});
    return HttpResponse::json(200, tokenSchema(token, *record));
}

HttpResponse IconikAuthRoutes::revoke(const SandboxRequest& request)
{
    m_tokens.revoke(QString::fromLatin1(request.header(QByteArrayLiteral("Auth-Token"))));
    return HttpResponse::empty(200);
}

} // namespace AssetDesk::Sandbox
