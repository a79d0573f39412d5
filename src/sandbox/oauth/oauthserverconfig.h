#pragma once

#include "sandbox/oauth/oautherror.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>
#include <utility>

namespace AssetDesk::Sandbox {

struct SandboxRequest;

// Everything that differs between the services' authorization servers. A module fills one in
// and mounts an OAuthAuthorizationServer at its own paths.
struct OAuthServerConfig
{
    enum class BodyFormat
    {
        Form,
        Json,
        FormOrJson
    };
    enum class PkcePolicy
    {
        Optional,                 // used when the client sends a challenge
        Required,                 // every authorization request needs a challenge
        RequiredForPublicClients, // confidential clients may skip it
    };

    // Paths (router patterns; ":tenant" style parameters allowed).
    QStringList authorizePaths; // GET
    QString tokenPath;          // POST
    QString revokePath;         // POST; empty = no revocation endpoint

    BodyFormat tokenBodyFormat = BodyFormat::Form;
    PkcePolicy pkce = PkcePolicy::Optional;
    bool allowPlainChallenge = false; // accept code_challenge_method=plain besides S256
    bool requireState = true;

    std::chrono::seconds codeLifetime{30};
    std::chrono::seconds accessTokenLifetime{7200};
    std::chrono::seconds refreshTokenLifetime{0}; // 0: refresh tokens do not expire
    // When set, a token request may choose its lifetime ("expires_in") within this range
    // (Zendesk); outside it the request fails.
    std::optional<std::pair<int, int>> requestableAccessLifetime;
    std::optional<std::pair<int, int>> requestableRefreshLifetime; // "refresh_token_expires_in"

    // A refresh token is issued only when the granted scopes contain this one ("offline.access"
    // for X, "offline_access" for Entra); empty: always for authorization_code grants.
    QString refreshRequiresScope;
    QString tokenType = QStringLiteral("bearer");
    int tokenSuccessStatus = 200;
    QString defaultScope;           // granted when the request names none
    QStringList knownScopes;        // non-empty: any other scope is invalid_scope
    QJsonObject revokeResponseBody; // empty: an empty 200

    // Module hooks (all optional).
    // Extra checks on authorize/token/revoke requests (API key, tenant). An error here is
    // answered as JSON, never as a redirect.
    std::function<std::optional<OAuthError>(const SandboxRequest&)> validateRequest;
    // Scope rules beyond knownScopes; `clientCredentials` tells which grant asks. Returns a
    // description of the problem or an empty string.
    std::function<QString(const QStringList& scopes, bool clientCredentials)> validateScopes;
    // Who consents on the (automatic) consent page; empty = access_denied.
    std::function<QString(const SandboxRequest& authorizeRequest)> resolveSubject;
    // Access token text for a grant (Entra mints JWT-shaped tokens); default: random.
    std::function<QString(const QString& subject, const QString& clientId, const QStringList& scopes,
                          bool appOnly, std::chrono::seconds lifetime)>
        accessTokenFactory;
    // Adds service-specific members to an error body or a token response.
    std::function<void(QJsonObject& body, const OAuthError& error)> decorateError;
    std::function<void(QJsonObject& body)> decorateTokenResponse;
};

} // namespace AssetDesk::Sandbox
