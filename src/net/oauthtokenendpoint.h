#pragma once

#include "core/credentials.h"
#include "core/result.h"
#include "net/httpclientoptions.h"
#include "net/oauthconfig.h"

#include <QObject>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct HttpResponse;

// The token endpoint of one OAuth client: exchanges an authorization code (with the PKCE
// verifier), refreshes, asks for an app-only token (client credentials), revokes. Bodies are form or JSON as
// the service wants; a confidential client authenticates with HTTP Basic or in the body. Token requests are
// POSTs and are never retried automatically (codes and X's refresh tokens are single-use).
//
// Errors: an OAuth error body ({"error":..., "error_description":...}) becomes ErrorKind::Auth
// whose message carries the server's description and apiCode the error code.
//
// Owns its own HttpClient (no authenticator: the API's credentials must not reach the token
// endpoint). Lives on the thread that uses it.
class OAuthTokenEndpoint : public QObject
{
    Q_OBJECT
public:
    using CredentialsDone = std::function<void(Result<Credentials>)>;
    using StatusDone = std::function<void(Status)>;

    // `httpOptions` supplies the service id, redactor, clock and random source; its
    // authenticator, budget and retry policy are not used.
    OAuthTokenEndpoint(OAuthConfig config, HttpClientOptions httpOptions, QObject* parent = nullptr);

    const OAuthConfig& config() const { return m_config; }

    void exchangeCode(const QString& code, const QByteArray& codeVerifier, const QUrl& redirectUri,
                      QObject* context, CredentialsDone done);
    // Returns the new credentials; when the server rotates the refresh token the new one
    // replaces the old, otherwise the old one is kept.
    void refresh(const Credentials& current, QObject* context, CredentialsDone done);
    // The client credentials grant (RFC 6749 section 4.4) of a confidential client, e.g. a
    // Dynamics application user against Entra ID with scope "<environment URL>/.default". The
    // client authenticates as OAuthConfig::clientAuthentication says (Entra: RequestBody). `scopes`
    // empty: OAuthConfig::scopes; no scope at all: none is sent. Returns an access token (and its
    // expiry); no refresh token is expected, the grant is simply repeated. A public client (no
    // secret) gets ErrorKind::Validation without a request.
    void requestClientCredentials(const QStringList& scopes, QObject* context, CredentialsDone done);
    // `tokenTypeHint`: "access_token" or "refresh_token".
    void revoke(const QString& token, const QString& tokenTypeHint, QObject* context, StatusDone done);

    // RFC 6749 section 5.2 error bodies, as an ErrorBodyParser.
    static std::optional<Error> parseOAuthError(const HttpResponse& response);

private:
    HttpRequest tokenRequest(const QUrl& url, QList<std::pair<QString, QString>> parameters) const;
    Result<Credentials> credentialsFrom(const Result<HttpResponse>& response,
                                        const Credentials& previous) const;
    Error authError(const Error& error) const;
    QString serviceName() const;

    OAuthConfig m_config;
    HttpClient* m_client;
};

} // namespace AssetDesk
