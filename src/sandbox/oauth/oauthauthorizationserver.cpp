#include "sandbox/oauth/oauthauthorizationserver.h"

#include "sandbox/oauth/pkce.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/sandboxrequest.h"

#include <QHostAddress>
#include <QJsonValue>

namespace AssetDesk::Sandbox {

namespace {

OAuthError err(int status, const char* error, const QString& description, const char* reason)
{
    return OAuthError{status, QLatin1String(error), description, QLatin1String(reason)};
}

OAuthError missing(const QString& parameter)
{
    return err(400, "invalid_request",
               QStringLiteral("The request is missing the required parameter '%1'.").arg(parameter),
               "missing_parameter");
}

QUrl withQueryItems(const QUrl& base, const QList<QPair<QString, QString>>& items)
{
    QByteArray query = base.query(QUrl::FullyEncoded).toLatin1();
    for (const auto& [key, value] : items) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    QUrl url = base;
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QStringList splitScopes(const QString& scope)
{
    return scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

OAuthAuthorizationServer::OAuthAuthorizationServer(OAuthServerConfig config, SandboxClock& clock,
                                                   quint64 seed, QStringView stream)
    : m_config(std::move(config))
    , m_clock(clock)
    , m_random(seed, stream)
    , m_tokenEndpoint(*this)
{}

void OAuthAuthorizationServer::addClient(OAuthClient client)
{
    const QString id = client.clientId;
    m_clients.insert(id, std::move(client));
}

const OAuthClient* OAuthAuthorizationServer::client(const QString& clientId) const
{
    auto it = m_clients.constFind(clientId);
    return it == m_clients.cend() ? nullptr : &*it;
}

void OAuthAuthorizationServer::mount(Router& router)
{
    for (const QString& path : std::as_const(m_config.authorizePaths))
        router.add("GET", path, Access::Public, [this](const SandboxRequest& r) { return authorize(r); });
    router.add("POST", m_config.tokenPath, Access::Public,
               [this](const SandboxRequest& r) { return m_tokenEndpoint.token(r); });
    if (!m_config.revokePath.isEmpty())
        router.add("POST", m_config.revokePath, Access::Public,
                   [this](const SandboxRequest& r) { return m_tokenEndpoint.revoke(r); });
}

bool OAuthAuthorizationServer::isLoopbackRedirect(const QUrl& uri)
{
    if (!uri.isValid() || uri.scheme() != QLatin1String("http") || !uri.fragment().isEmpty())
        return false;
    const QString host = uri.host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

OAuthAuthorizationServer::TokenCheck
OAuthAuthorizationServer::checkAccessToken(const QString& accessToken) const
{
    const OAuthAccessToken* record = m_store.accessToken(accessToken);
    if (!record)
        return {};
    if (record->revoked)
        return {TokenState::Revoked, *record};
    if (m_clock.now() >= record->expiresAt)
        return {TokenState::Expired, *record};
    return {TokenState::Valid, *record};
}

OAuthAuthorizationServer::IssuedTokens OAuthAuthorizationServer::issue(const QString& subject,
                                                                       const QString& clientId,
                                                                       const QStringList& scopes,
                                                                       bool withRefresh)
{
    return mint(subject, clientId, scopes, false, withRefresh, m_config.accessTokenLifetime,
                m_config.refreshTokenLifetime);
}

void OAuthAuthorizationServer::registerTokens(const QString& accessToken, const QString& refreshToken,
                                              const QString& subject, const QString& clientId,
                                              const QStringList& scopes)
{
    const QDateTime now = m_clock.now();
    m_store.addAccessToken(accessToken, {subject, clientId, scopes, now,
                                         now.addSecs(m_config.accessTokenLifetime.count()), false, false});
    if (!refreshToken.isEmpty()) {
        const QDateTime expires = m_config.refreshTokenLifetime.count() > 0
                                      ? now.addSecs(m_config.refreshTokenLifetime.count())
                                      : QDateTime();
        m_store.addRefreshToken(refreshToken, {subject, clientId, scopes, expires, false, false});
    }
}

OAuthAuthorizationServer::IssuedTokens
OAuthAuthorizationServer::mint(const QString& subject, const QString& clientId, const QStringList& scopes,
                               bool appOnly, bool withRefresh, std::chrono::seconds accessLifetime,
                               std::chrono::seconds refreshLifetime)
{
    IssuedTokens out;
    out.scopes = scopes;
    out.expiresIn = accessLifetime;
    out.accessToken = m_config.accessTokenFactory
                          ? m_config.accessTokenFactory(subject, clientId, scopes, appOnly, accessLifetime)
                          : m_random.alphanumeric(48);
    const QDateTime now = m_clock.now();
    m_store.addAccessToken(out.accessToken, {subject, clientId, scopes, now,
                                             now.addSecs(accessLifetime.count()), appOnly, false});
    if (withRefresh) {
        out.refreshToken = m_random.alphanumeric(52);
        out.refreshExpiresIn = refreshLifetime;
        m_store.addRefreshToken(
            out.refreshToken,
            {subject, clientId, scopes,
             refreshLifetime.count() > 0 ? now.addSecs(refreshLifetime.count()) : QDateTime(), false, false});
    }
    return out;
}

QString OAuthAuthorizationServer::checkScopes(const QStringList& scopes, bool clientCredentials) const
{
    if (!m_config.knownScopes.isEmpty()) {
        for (const QString& s : scopes) {
            if (!m_config.knownScopes.contains(s))
                return QStringLiteral("The scope '%1' is not known.").arg(s);
        }
    }
    return m_config.validateScopes ? m_config.validateScopes(scopes, clientCredentials) : QString();
}

HttpResponse OAuthAuthorizationServer::authorize(const SandboxRequest& request)
{
    if (m_config.validateRequest) {
        if (const auto e = m_config.validateRequest(request))
            return errorResponse(*e);
    }
    const QString clientId = request.queryValue(QStringLiteral("client_id"));
    const QString redirect = request.queryValue(QStringLiteral("redirect_uri"));
    const QString state = request.queryValue(QStringLiteral("state"));
    // Without a known client and a safe redirect_uri nothing may be redirected (RFC 6749 §4.1.2.1).
    if (clientId.isEmpty())
        return errorResponse(missing(QStringLiteral("client_id")));
    const OAuthClient* c = client(clientId);
    if (!c)
        return errorResponse(err(400, "invalid_request", QStringLiteral("The client_id is not registered."),
                                 "unknown_client"));
    if (redirect.isEmpty())
        return errorResponse(missing(QStringLiteral("redirect_uri")));
    const QUrl redirectUrl(redirect, QUrl::StrictMode);
    if (!isLoopbackRedirect(redirectUrl))
        return errorResponse(err(400, "invalid_request",
                                 QStringLiteral("The redirect_uri must be an http loopback URI "
                                                "(127.0.0.1, localhost or [::1], any port)."),
                                 "redirect_not_loopback"));

    if (request.queryValue(QStringLiteral("response_type")) != QLatin1String("code"))
        return redirectWithError(redirectUrl, state,
                                 err(400, "unsupported_response_type",
                                     QStringLiteral("Only response_type=code is supported."),
                                     "response_type"));
    if (m_config.requireState && state.isEmpty())
        return redirectWithError(
            redirectUrl, state,
            err(400, "invalid_request", QStringLiteral("The state parameter is required."), "state_missing"));
    QStringList scopes = splitScopes(request.queryValue(QStringLiteral("scope")));
    if (scopes.isEmpty() && !m_config.defaultScope.isEmpty())
        scopes = splitScopes(m_config.defaultScope);
    if (const QString why = checkScopes(scopes, false); !why.isEmpty())
        return redirectWithError(redirectUrl, state, err(400, "invalid_scope", why, "scope_invalid"));

    const QString challenge = request.queryValue(QStringLiteral("code_challenge"));
    QString method = request.queryValue(QStringLiteral("code_challenge_method"));
    const bool pkceRequired =
        m_config.pkce == OAuthServerConfig::PkcePolicy::Required ||
        (m_config.pkce == OAuthServerConfig::PkcePolicy::RequiredForPublicClients && c->isPublic());
    if (challenge.isEmpty()) {
        if (pkceRequired)
            return redirectWithError(
                redirectUrl, state,
                err(400, "invalid_request", QStringLiteral("A code_challenge is required."), "pkce_missing"));
    } else {
        if (method.isEmpty())
            method = QStringLiteral("plain"); // RFC 7636 §4.3 default
        if (method != QLatin1String("S256") &&
            !(method == QLatin1String("plain") && m_config.allowPlainChallenge))
            return redirectWithError(
                redirectUrl, state,
                err(400, "invalid_request",
                    QStringLiteral("The code_challenge_method '%1' is not supported; use S256.").arg(method),
                    "pkce_method"));
        if (!Pkce::isWellFormed(challenge))
            return redirectWithError(
                redirectUrl, state,
                err(400, "invalid_request",
                    QStringLiteral("The code_challenge must be 43 to 128 unreserved characters."),
                    "pkce_bad_verifier"));
    }

    const QString subject = m_config.resolveSubject ? m_config.resolveSubject(request) : QString();
    if (subject.isEmpty())
        return redirectWithError(
            redirectUrl, state,
            err(400, "access_denied", QStringLiteral("The user did not consent."), "consent_denied"));

    const QString code = m_random.alphanumeric(43);
    OAuthAuthorizationCode record;
    record.clientId = clientId;
    record.redirectUri = redirect;
    record.challenge = challenge;
    record.challengeMethod = method;
    record.subject = subject;
    record.scopes = scopes;
    record.expiresAt = m_clock.now().addSecs(m_config.codeLifetime.count());
    m_store.addCode(code, std::move(record));

    QList<QPair<QString, QString>> items{{QStringLiteral("code"), code}};
    if (!state.isEmpty())
        items.append({QStringLiteral("state"), state});
    HttpResponse r = HttpResponse::redirect(withQueryItems(redirectUrl, items));
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return r;
}

HttpResponse OAuthAuthorizationServer::errorResponse(const OAuthError& error) const
{
    QJsonObject body{{QStringLiteral("error"), error.error},
                     {QStringLiteral("error_description"), error.description}};
    if (m_config.decorateError)
        m_config.decorateError(body, error);
    HttpResponse r = HttpResponse::json(error.status, body);
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    if (error.status == 401)
        r.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Basic realm=\"oauth\""));
    qCDebug(lcSandbox) << "oauth error" << error.error << error.reason;
    return r;
}

HttpResponse OAuthAuthorizationServer::tokenResponse(const IssuedTokens& tokens) const
{
    QJsonObject body{
        {QStringLiteral("token_type"), m_config.tokenType},
        {QStringLiteral("expires_in"), qint64(tokens.expiresIn.count())},
        {QStringLiteral("access_token"), tokens.accessToken},
    };
    if (!tokens.scopes.isEmpty())
        body.insert(QStringLiteral("scope"), tokens.scopes.join(QLatin1Char(' ')));
    if (!tokens.refreshToken.isEmpty()) {
        body.insert(QStringLiteral("refresh_token"), tokens.refreshToken);
        if (tokens.refreshExpiresIn.count() > 0)
            body.insert(QStringLiteral("refresh_token_expires_in"), qint64(tokens.refreshExpiresIn.count()));
    }
    if (m_config.decorateTokenResponse)
        m_config.decorateTokenResponse(body);
    HttpResponse r = HttpResponse::json(m_config.tokenSuccessStatus, body);
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    r.setHeader(QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache"));
    return r;
}

HttpResponse OAuthAuthorizationServer::redirectWithError(const QUrl& redirectUri, const QString& state,
                                                         const OAuthError& error)
{
    QList<QPair<QString, QString>> items{{QStringLiteral("error"), error.error},
                                         {QStringLiteral("error_description"), error.description}};
    if (!state.isEmpty())
        items.append({QStringLiteral("state"), state});
    return HttpResponse::redirect(withQueryItems(redirectUri, items));
}

} // namespace AssetDesk::Sandbox
