#include "sandbox/oauth/oauthtokenendpoint.h"

#include "sandbox/oauth/oauthauthorizationserver.h"
#include "sandbox/oauth/pkce.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"

#include <QJsonValue>

namespace AssetDesk::Sandbox {

namespace {

const QString kAuthorizationCode = QStringLiteral("authorization_code");
const QString kRefreshToken = QStringLiteral("refresh_token");
const QString kClientCredentials = QStringLiteral("client_credentials");

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

QStringList splitScopes(const QString& scope)
{
    return scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

OAuthTokenEndpoint::OAuthTokenEndpoint(OAuthAuthorizationServer& server)
    : m_server(server)
{}

HttpResponse OAuthTokenEndpoint::token(const SandboxRequest& request)
{
    if (m_server.m_config.validateRequest) {
        if (const auto e = m_server.m_config.validateRequest(request))
            return m_server.errorResponse(*e);
    }
    const auto parsed = bodyParams(request);
    if (const auto* e = std::get_if<OAuthError>(&parsed))
        return m_server.errorResponse(*e);
    const Params& params = std::get<Params>(parsed);
    const QString grant = params.value(QStringLiteral("grant_type"));
    if (grant.isEmpty())
        return m_server.errorResponse(missing(QStringLiteral("grant_type")));
    const auto authenticated = authenticateClient(request, params);
    if (const auto* e = std::get_if<OAuthError>(&authenticated))
        return m_server.errorResponse(*e);
    const OAuthClient& c = *std::get<const OAuthClient*>(authenticated);
    if (grant != kAuthorizationCode && grant != kRefreshToken && grant != kClientCredentials)
        return m_server.errorResponse(err(400, "unsupported_grant_type",
                                          QStringLiteral("The grant_type '%1' is not supported.").arg(grant),
                                          "unsupported_grant"));
    if (!c.allows(grant))
        return m_server.errorResponse(err(
            400, "unauthorized_client",
            QStringLiteral("This client may not use the grant_type '%1'.").arg(grant), "grant_not_allowed"));
    const auto result = grant == kAuthorizationCode ? grantAuthorizationCode(c, params)
                        : grant == kRefreshToken    ? grantRefreshToken(c, params)
                                                    : grantClientCredentials(c, params);
    if (const auto* e = std::get_if<OAuthError>(&result))
        return m_server.errorResponse(*e);
    return m_server.tokenResponse(std::get<IssuedTokens>(result));
}

HttpResponse OAuthTokenEndpoint::revoke(const SandboxRequest& request)
{
    if (m_server.m_config.validateRequest) {
        if (const auto e = m_server.m_config.validateRequest(request))
            return m_server.errorResponse(*e);
    }
    const auto parsed = bodyParams(request);
    if (const auto* e = std::get_if<OAuthError>(&parsed))
        return m_server.errorResponse(*e);
    const Params& params = std::get<Params>(parsed);
    const auto authenticated = authenticateClient(request, params);
    if (const auto* e = std::get_if<OAuthError>(&authenticated))
        return m_server.errorResponse(*e);
    const OAuthClient& c = *std::get<const OAuthClient*>(authenticated);
    const QString token = params.value(QStringLiteral("token"));
    if (token.isEmpty())
        return m_server.errorResponse(missing(QStringLiteral("token")));
    // RFC 7009 §2.2: unknown tokens (or another client's) are answered with 200 as well.
    if (const OAuthAccessToken* a = m_server.m_store.accessToken(token); a && a->clientId == c.clientId)
        m_server.m_store.revoke(token);
    else if (const OAuthRefreshToken* r = m_server.m_store.refreshToken(token);
             r && r->clientId == c.clientId)
        m_server.m_store.revoke(token);
    if (m_server.m_config.revokeResponseBody.isEmpty())
        return HttpResponse::empty(200);
    return HttpResponse::json(200, m_server.m_config.revokeResponseBody);
}

std::variant<OAuthTokenEndpoint::Params, OAuthError>
OAuthTokenEndpoint::bodyParams(const SandboxRequest& request) const
{
    using F = OAuthServerConfig::BodyFormat;
    const bool form = request.isForm();
    const bool json = request.isJson();
    Params params;
    if (form && m_server.m_config.tokenBodyFormat != F::Json) {
        for (const auto& [key, value] : request.formBody().queryItems(QUrl::FullyDecoded))
            params.insert(key, value);
        return params;
    }
    if (json && m_server.m_config.tokenBodyFormat != F::Form) {
        const auto object = request.jsonBody();
        if (!object)
            return err(400, "invalid_request", QStringLiteral("The request body is not a JSON object."),
                       "bad_content_type");
        for (auto it = object->begin(); it != object->end(); ++it) {
            if (it->isString())
                params.insert(it.key(), it->toString());
            else if (it->isDouble())
                params.insert(it.key(), QString::number(it->toInteger()));
        }
        return params;
    }
    const QString expected = m_server.m_config.tokenBodyFormat == F::Json ? QStringLiteral("application/json")
                             : m_server.m_config.tokenBodyFormat == F::Form
                                 ? QStringLiteral("application/x-www-form-urlencoded")
                                 : QStringLiteral("application/x-www-form-urlencoded or application/json");
    return err(400, "invalid_request", QStringLiteral("The request body must be %1.").arg(expected),
               "bad_content_type");
}

OAuthTokenEndpoint::ClientOrError OAuthTokenEndpoint::authenticateClient(const SandboxRequest& request,
                                                                         const Params& params) const
{
    const QString bodyId = params.value(QStringLiteral("client_id"));
    if (const auto basic = request.basicCredentials()) {
        const QString id = QUrl::fromPercentEncoding(basic->first.toUtf8());
        const QString secret = QUrl::fromPercentEncoding(basic->second.toUtf8());
        if (!bodyId.isEmpty() && bodyId != id)
            return err(400, "invalid_request",
                       QStringLiteral("client_id in the body and in Basic authentication differ."),
                       "request_invalid");
        const OAuthClient* c = m_server.client(id);
        if (!c)
            return err(401, "invalid_client", QStringLiteral("Client authentication failed: unknown client."),
                       "unknown_client");
        if (c->isPublic() || c->clientSecret != secret)
            return err(401, "invalid_client",
                       QStringLiteral("Client authentication failed: invalid client secret."),
                       "bad_client_secret");
        return c;
    }
    if (bodyId.isEmpty())
        return err(401, "invalid_client", QStringLiteral("Client authentication failed: no client_id."),
                   "missing_client_auth");
    const OAuthClient* c = m_server.client(bodyId);
    if (!c)
        return err(401, "invalid_client", QStringLiteral("Client authentication failed: unknown client."),
                   "unknown_client");
    if (!c->isPublic()) {
        const QString secret = params.value(QStringLiteral("client_secret"));
        if (secret.isEmpty())
            return err(
                401, "invalid_client",
                QStringLiteral("Client authentication failed: this client must send its client_secret."),
                "missing_client_auth");
        if (secret != c->clientSecret)
            return err(401, "invalid_client",
                       QStringLiteral("Client authentication failed: invalid client secret."),
                       "bad_client_secret");
    }
    return c;
}

std::variant<std::chrono::seconds, OAuthError>
OAuthTokenEndpoint::lifetime(const Params& params, const QString& key, std::chrono::seconds configured,
                             const std::optional<std::pair<int, int>>& range) const
{
    if (!range || !params.contains(key))
        return configured;
    bool ok = false;
    const int requested = params.value(key).toInt(&ok);
    if (!ok || requested < range->first || requested > range->second)
        return err(400, "invalid_request",
                   QStringLiteral("%1 must be between %2 and %3 seconds.")
                       .arg(key)
                       .arg(range->first)
                       .arg(range->second),
                   "lifetime_range");
    return std::chrono::seconds(requested);
}

std::variant<OAuthIssuedTokens, OAuthError> OAuthTokenEndpoint::grantAuthorizationCode(const OAuthClient& c,
                                                                                       const Params& params)
{
    const QString code = params.value(QStringLiteral("code"));
    if (code.isEmpty())
        return missing(QStringLiteral("code"));
    OAuthAuthorizationCode* record = m_server.m_store.code(code);
    if (!record)
        return err(400, "invalid_grant", QStringLiteral("The authorization code is invalid."),
                   "code_unknown");
    if (record->used) {
        // A replayed code may mean it was stolen: revoke what it produced.
        for (const QString& t : std::as_const(record->issuedAccessTokens))
            m_server.m_store.revoke(t);
        for (const QString& t : std::as_const(record->issuedRefreshTokens))
            m_server.m_store.revoke(t);
        return err(400, "invalid_grant", QStringLiteral("The authorization code has already been used."),
                   "code_reused");
    }
    if (m_server.m_clock.now() >= record->expiresAt)
        return err(400, "invalid_grant", QStringLiteral("The authorization code has expired."),
                   "code_expired");
    if (record->clientId != c.clientId)
        return err(400, "invalid_grant",
                   QStringLiteral("The authorization code was issued to another client."),
                   "code_client_mismatch");
    if (params.value(QStringLiteral("redirect_uri")) != record->redirectUri)
        return err(
            400, "invalid_grant",
            QStringLiteral("The redirect_uri does not match the one used in the authorization request."),
            "redirect_mismatch");
    if (!record->challenge.isEmpty()) {
        const QString verifier = params.value(QStringLiteral("code_verifier"));
        if (verifier.isEmpty())
            return err(400, "invalid_request", QStringLiteral("The code_verifier is required."),
                       "pkce_missing");
        if (!Pkce::isWellFormed(verifier))
            return err(400, "invalid_grant",
                       QStringLiteral("The code_verifier must be 43 to 128 unreserved characters."),
                       "pkce_bad_verifier");
        if (!Pkce::verify(verifier, record->challenge, record->challengeMethod))
            return err(400, "invalid_grant",
                       QStringLiteral("The code_verifier does not match the code_challenge."),
                       "pkce_mismatch");
    }
    const auto access = lifetime(params, QStringLiteral("expires_in"), m_server.m_config.accessTokenLifetime,
                                 m_server.m_config.requestableAccessLifetime);
    if (const auto* e = std::get_if<OAuthError>(&access))
        return *e;
    const auto refresh =
        lifetime(params, QStringLiteral("refresh_token_expires_in"), m_server.m_config.refreshTokenLifetime,
                 m_server.m_config.requestableRefreshLifetime);
    if (const auto* e = std::get_if<OAuthError>(&refresh))
        return *e;

    const bool withRefresh =
        c.allows(kRefreshToken) && (m_server.m_config.refreshRequiresScope.isEmpty() ||
                                    record->scopes.contains(m_server.m_config.refreshRequiresScope));
    IssuedTokens tokens =
        m_server.mint(record->subject, c.clientId, record->scopes, false, withRefresh,
                      std::get<std::chrono::seconds>(access), std::get<std::chrono::seconds>(refresh));
    record->used = true;
    record->issuedAccessTokens << tokens.accessToken;
    if (!tokens.refreshToken.isEmpty())
        record->issuedRefreshTokens << tokens.refreshToken;
    return tokens;
}

std::variant<OAuthIssuedTokens, OAuthError> OAuthTokenEndpoint::grantRefreshToken(const OAuthClient& c,
                                                                                  const Params& params)
{
    const QString token = params.value(QStringLiteral("refresh_token"));
    if (token.isEmpty())
        return missing(QStringLiteral("refresh_token"));
    OAuthRefreshToken* record = m_server.m_store.refreshToken(token);
    if (!record)
        return err(400, "invalid_grant", QStringLiteral("The refresh token is invalid."), "refresh_unknown");
    if (record->consumed || record->revoked)
        return err(400, "invalid_grant", QStringLiteral("The refresh token has been used or revoked."),
                   "refresh_reused");
    if (record->expiresAt.isValid() && m_server.m_clock.now() >= record->expiresAt)
        return err(400, "invalid_grant", QStringLiteral("The refresh token has expired."), "refresh_expired");
    if (record->clientId != c.clientId)
        return err(400, "invalid_grant", QStringLiteral("The refresh token was issued to another client."),
                   "refresh_client_mismatch");
    QStringList scopes = record->scopes;
    if (params.contains(QStringLiteral("scope"))) {
        const QStringList requested = splitScopes(params.value(QStringLiteral("scope")));
        for (const QString& s : requested) {
            if (!record->scopes.contains(s))
                return err(400, "invalid_scope",
                           QStringLiteral("The scope '%1' was not granted originally.").arg(s),
                           "scope_invalid");
        }
        scopes = requested;
    }
    const auto access = lifetime(params, QStringLiteral("expires_in"), m_server.m_config.accessTokenLifetime,
                                 m_server.m_config.requestableAccessLifetime);
    if (const auto* e = std::get_if<OAuthError>(&access))
        return *e;
    record->consumed = true; // rotation: this refresh token never works again
    return m_server.mint(record->subject, c.clientId, scopes, false, true,
                         std::get<std::chrono::seconds>(access), m_server.m_config.refreshTokenLifetime);
}

std::variant<OAuthIssuedTokens, OAuthError> OAuthTokenEndpoint::grantClientCredentials(const OAuthClient& c,
                                                                                       const Params& params)
{
    if (c.isPublic())
        return err(401, "invalid_client", QStringLiteral("A public client cannot use client_credentials."),
                   "missing_client_auth");
    QStringList scopes = splitScopes(params.value(QStringLiteral("scope")));
    if (scopes.isEmpty() && !m_server.m_config.defaultScope.isEmpty())
        scopes = splitScopes(m_server.m_config.defaultScope);
    if (const QString why = m_server.checkScopes(scopes, true); !why.isEmpty())
        return err(400, "invalid_scope", why, "scope_invalid");
    return m_server.mint(c.clientId, c.clientId, scopes, true, false, m_server.m_config.accessTokenLifetime,
                         std::chrono::seconds(0));
}

} // namespace AssetDesk::Sandbox
