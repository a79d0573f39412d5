#pragma once

#include "sandbox/demodata.h"
#include "sandbox/httpresponse.h"
#include "sandbox/oauth/oauthclient.h"
#include "sandbox/oauth/oautherror.h"
#include "sandbox/oauth/oauthserverconfig.h"
#include "sandbox/oauth/oauthtokenendpoint.h"
#include "sandbox/oauth/oauthtokenstore.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <chrono>
#include <variant>

namespace AssetDesk::Sandbox {

class Router;
class SandboxClock;
struct SandboxRequest;

// An OAuth 2.0 authorization server a module mounts at its own paths:
//  - authorize (GET): automatic consent. Checks client_id, a loopback http redirect_uri
//    (127.0.0.1, localhost or [::1], any port; RFC 8252 §7.3), response_type=code, state, scopes
//    and PKCE (S256; plain only where the service allows it), then redirects with code and state
//    or with an RFC 6749 error.
//  - token (POST): authorization_code (single use, expiring, redirect_uri must match, PKCE
//    verified), refresh_token (rotation: the old refresh token stops working), client_credentials.
//    Clients authenticate with HTTP Basic or client_id (+ client_secret) in the body.
//  - revoke (POST): RFC 7009.
// Errors are {"error","error_description"} (plus whatever the module's decorateError adds).
// Issued access tokens expire on the sandbox clock; the module's authenticate() asks
// checkAccessToken(). Server thread only.
class OAuthAuthorizationServer
{
public:
    enum class TokenState
    {
        Valid,
        Unknown,
        Expired,
        Revoked
    };
    struct TokenCheck
    {
        TokenState state = TokenState::Unknown;
        OAuthAccessToken token;
    };
    using IssuedTokens = OAuthIssuedTokens;

    OAuthAuthorizationServer(OAuthServerConfig config, SandboxClock& clock, quint64 seed, QStringView stream);

    OAuthServerConfig& config() { return m_config; }
    const OAuthServerConfig& config() const { return m_config; }
    void addClient(OAuthClient client);
    const OAuthClient* client(const QString& clientId) const;

    void mount(Router& router);

    TokenCheck checkAccessToken(const QString& accessToken) const;
    // Issues tokens without the browser dance (demo accounts, tests).
    IssuedTokens issue(const QString& subject, const QString& clientId, const QStringList& scopes,
                       bool withRefresh);
    // Registers known token texts (deterministic demo tokens) with the configured lifetimes.
    void registerTokens(const QString& accessToken, const QString& refreshToken, const QString& subject,
                        const QString& clientId, const QStringList& scopes);
    void clear() { m_store.clear(); }

    static bool isLoopbackRedirect(const QUrl& uri);

private:
    friend class OAuthTokenEndpoint; // the token/revoke half of this server

    HttpResponse authorize(const SandboxRequest& request);
    QString checkScopes(const QStringList& scopes, bool clientCredentials) const;
    IssuedTokens mint(const QString& subject, const QString& clientId, const QStringList& scopes,
                      bool appOnly, bool withRefresh, std::chrono::seconds accessLifetime,
                      std::chrono::seconds refreshLifetime);

    HttpResponse errorResponse(const OAuthError& error) const;
    HttpResponse tokenResponse(const IssuedTokens& tokens) const;
    static HttpResponse redirectWithError(const QUrl& redirectUri, const QString& state,
                                          const OAuthError& error);

    OAuthServerConfig m_config;
    SandboxClock& m_clock;
    DemoData m_random;
    QHash<QString, OAuthClient> m_clients;
    OAuthTokenStore m_store;
    OAuthTokenEndpoint m_tokenEndpoint;
};

} // namespace AssetDesk::Sandbox
