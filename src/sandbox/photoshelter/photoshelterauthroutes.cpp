#include "sandbox/photoshelter/photoshelterauthroutes.h"

#include "sandbox/demodata.h"
#include "sandbox/photoshelter/photoshelteraccount.h"
#include "sandbox/photoshelter/photoshelterv4.h"
#include "sandbox/router.h"
#include "sandbox/sandboxrequest.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace AssetDesk::Sandbox {

PhotoShelterAuthRoutes::PhotoShelterAuthRoutes(const PhotoShelterAccount& account, DemoData& random)
    : m_account(account)
    , m_random(random)
{}

QString PhotoShelterAuthRoutes::sessionKey(const QString& token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
}

void PhotoShelterAuthRoutes::registerRoutes(Router& router)
{
    router.add("POST", QStringLiteral("/psapi/v4.0/authenticate"), Access::App,
               [this](const SandboxRequest& r) { return authenticate(r); });
    router.add("GET", QStringLiteral("/psapi/v4.0/user/session"), Access::User,
               [this](const SandboxRequest& r) { return session(r); });
    router.add("POST", QStringLiteral("/psapi/v4.0/organization/authenticate"), Access::User,
               [this](const SandboxRequest& r) { return organizationAuthenticate(r); });
}

const PhotoShelterSession* PhotoShelterAuthRoutes::session(const QString& key) const
{
    const auto it = m_sessions.constFind(key);
    return it == m_sessions.cend() ? nullptr : &*it;
}

PhotoShelterSession* PhotoShelterAuthRoutes::sessionForToken(const QString& token)
{
    const QString key = sessionKey(token);
    if (!m_userTokens.contains(key))
        return nullptr;
    auto it = m_sessions.find(key);
    return it == m_sessions.end() ? nullptr : &*it;
}

PhotoShelterSession& PhotoShelterAuthRoutes::sessionForOAuth(const QString& token, const QString& userId)
{
    PhotoShelterSession& s = m_sessions[sessionKey(token)];
    s.userId = userId;
    return s;
}

HttpResponse PhotoShelterAuthRoutes::authenticate(const SandboxRequest& request)
{
    const QString email = request.bodyOrQueryValue(QStringLiteral("email"));
    const QString password = request.bodyOrQueryValue(QStringLiteral("password"));
    const QString mode = request.bodyOrQueryValue(QStringLiteral("mode"));
    if (email.isEmpty() || password.isEmpty())
        return PhotoShelterV4::error(400, QStringLiteral("email and password are required"));
    if (mode != QLatin1String("token"))
        return PhotoShelterV4::error(
            400, QStringLiteral("mode=token is required (cookie sessions are not emulated)"));
    const PhotoShelterUser& user = m_account.user();
    if (email.compare(user.email, Qt::CaseInsensitive) != 0 || password != user.password)
        return PhotoShelterV4::error(401, QStringLiteral("Invalid email or password"));
    const QString token = m_random.alphanumeric(40);
    const QString key = sessionKey(token);
    m_sessions.insert(key, {user.id, {}});
    m_userTokens.insert(key, true);
    return PhotoShelterV4::data(QJsonObject{{QStringLiteral("token"), token}});
}

HttpResponse PhotoShelterAuthRoutes::session(const SandboxRequest& request)
{
    const PhotoShelterSession s = m_sessions.value(request.principal->sessionId);
    const PhotoShelterUser& user = m_account.user();
    QJsonArray orgRefs;
    QJsonArray included;
    for (const QString& id : user.organizationIds) {
        orgRefs.append(QJsonObject{{QStringLiteral("id"), id},
                                   {QStringLiteral("type"), QStringLiteral("organization")}});
        if (const PhotoShelterOrganization* org = m_account.organization(id)) {
            included.append(QJsonObject{
                {QStringLiteral("id"), org->id},
                {QStringLiteral("type"), QStringLiteral("organization")},
                {QStringLiteral("attributes"),
                 QJsonObject{{QStringLiteral("name"), org->name}, {QStringLiteral("role"), org->role}}},
            });
        }
    }
    const QJsonObject data{
        {QStringLiteral("id"), user.id},
        {QStringLiteral("type"), QStringLiteral("user")},
        {QStringLiteral("attributes"),
         QJsonObject{
             {QStringLiteral("email"), user.email},
             {QStringLiteral("first_name"), user.firstName},
             {QStringLiteral("last_name"), user.lastName},
             {QStringLiteral("full_name"), user.firstName + QLatin1Char(' ') + user.lastName},
             {QStringLiteral("organization_id"),
              s.organizationId.isEmpty() ? QJsonValue() : QJsonValue(s.organizationId)},
         }},
        {QStringLiteral("relationships"),
         QJsonObject{{QStringLiteral("organizations"), QJsonObject{{QStringLiteral("data"), orgRefs}}}}},
    };
    QJsonObject body{{QStringLiteral("data"), data}, {QStringLiteral("meta"), QJsonObject()}};
    const QStringList include =
        request.queryValue(QStringLiteral("include")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (include.contains(QStringLiteral("organizations")))
        body.insert(QStringLiteral("included"), included);
    return HttpResponse::json(200, body);
}

HttpResponse PhotoShelterAuthRoutes::organizationAuthenticate(const SandboxRequest& request)
{
    const QString orgId = request.bodyOrQueryValue(QStringLiteral("org_id"));
    if (orgId.isEmpty())
        return PhotoShelterV4::error(400, QStringLiteral("org_id is required"));
    const PhotoShelterOrganization* org = m_account.organization(orgId);
    if (!org || !m_account.user().organizationIds.contains(orgId))
        return PhotoShelterV4::error(403,
                                     QStringLiteral("You are not a member of organization %1").arg(orgId));
    m_sessions[request.principal->sessionId].organizationId = orgId;
    return PhotoShelterV4::data(QJsonObject{
        {QStringLiteral("id"), org->id},
        {QStringLiteral("type"), QStringLiteral("organization")},
        {QStringLiteral("attributes"),
         QJsonObject{{QStringLiteral("name"), org->name}, {QStringLiteral("role"), org->role}}},
    });
}

} // namespace AssetDesk::Sandbox
