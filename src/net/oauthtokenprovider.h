#pragma once

#include "core/credentials.h"
#include "core/result.h"
#include "net/authenticator.h"
#include "net/httpclientoptions.h"
#include "net/httprequest.h"
#include "net/oauthconfig.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace AssetDesk {

class OAuthTokenEndpoint;
class SecretVault;

// Bearer tokens for an HttpClient, kept fresh: the Authenticator hook of OAuth services and of
// any service that trades a long-lived secret for short-lived tokens.
//
// Before a request, a token expiring within refreshMargin (60 s) is renewed first; after a
// 401, the token is renewed once and the request retried (HttpClient asks only once per
// call). Concurrent renewals are coalesced into one token request, which matters because X's
// refresh tokens are single-use. Every change (including a rotated refresh token) is announced
// by credentialsChanged() and, when a vault is set, written to it; a failing write is reported
// by storeFailed() so the user hears about keychain trouble.
//
// How a token is renewed is pluggable (setRenewal): by default the refresh_token grant through
// the provider's own OAuthTokenEndpoint; useClientCredentials() for an application identity
// (Dynamics application user against Entra ID); a connector's own exchange (PhotoShelter's email
// and password for a session token) through setRenewal(). With a renewal set, a provider that
// holds no token at all renews on first use. How the token is put on a request is pluggable as
// well (setSigner); by default "Authorization: Bearer <access token>".
//
// A QObject living on the thread of the HttpClients that use it (install it through a
// std::shared_ptr in HttpClientOptions::authenticator). Every method, and every renewal and
// signer, runs on that thread.
class OAuthTokenProvider : public QObject, public Authenticator
{
    Q_OBJECT
public:
    using StatusDone = std::function<void(Status)>;
    using CredentialsDone = std::function<void(Result<Credentials>)>;
    // Produces fresh credentials from the current ones. Called on the provider's thread with the
    // provider as `context`; must call `done` exactly once, on that thread, unless `context` was
    // destroyed. What it returns replaces the provider's credentials whole (and is what the vault
    // stores), so it must carry over whatever it does not renew: client secret, API key, password.
    using Renewal = std::function<void(const Credentials& current, QObject* context, CredentialsDone done)>;
    // Puts the credentials on a request (synchronously).
    using Signer = std::function<HttpRequest(HttpRequest request, const Credentials& credentials)>;

    OAuthTokenProvider(OAuthConfig config, HttpClientOptions httpOptions, Credentials credentials,
                       QObject* parent = nullptr);
    ~OAuthTokenProvider() override;

    Credentials credentials() const { return m_credentials; }
    void setCredentials(const Credentials& credentials);
    void setRefreshMargin(std::chrono::seconds margin) { m_margin = margin; }
    // Persist every change under `key` (Account::secretKey()). The vault must outlive the provider.
    void setVault(SecretVault* vault, const QString& key);

    // How tokens are renewed from now on (a renewal in flight finishes as it started); an empty
    // Renewal restores the default, refreshTokenRenewal(endpoint()).
    void setRenewal(Renewal renewal);
    bool hasCustomRenewal() const { return bool(m_renewal); }
    // setRenewal(clientCredentialsRenewal(endpoint(), scopes)): the provider's OAuthConfig must
    // be a confidential client (clientSecret set).
    void useClientCredentials(const QStringList& scopes = {});
    // How tokens go on requests; an empty Signer restores "Authorization: Bearer <access token>".
    void setSigner(Signer signer);
    // The token endpoint built from the provider's OAuthConfig and HttpClientOptions.
    OAuthTokenEndpoint* endpoint() const { return m_endpoint; }

    // The refresh_token grant: fails with ErrorKind::Auth when `current` has no refresh token.
    static Renewal refreshTokenRenewal(OAuthTokenEndpoint* endpoint);
    // The client credentials grant (OAuthTokenEndpoint::requestClientCredentials); the new access
    // token and expiry replace those of `current`, everything else is kept.
    static Renewal clientCredentialsRenewal(OAuthTokenEndpoint* endpoint, QStringList scopes = {});
    static HttpRequest bearerSigner(HttpRequest request, const Credentials& credentials);

    // Renews now; callers arriving while a renewal runs share its outcome.
    void refresh(QObject* context, StatusDone done);
    // Revokes the refresh token (or the access token when there is none) at the service.
    void revoke(QObject* context, StatusDone done);

    void authorize(HttpRequest request, QObject* context, AuthorizeDone done) override;
    // Without the request: renews unless a renewal finished within the last 5 s.
    void handleUnauthorized(const HttpResponse& response, QObject* context, RetryDone done) override;
    // A request that did not carry the current access token is retried with it; one that did
    // makes the provider renew first (joining a renewal already running).
    void handleUnauthorizedRequest(const HttpRequest& sent, const HttpResponse& response, QObject* context,
                                   RetryDone done) override;

Q_SIGNALS:
    void credentialsChanged(const AssetDesk::Credentials& credentials);
    void refreshFailed(const AssetDesk::Error& error); // the user must sign in again
    void storeFailed(const AssetDesk::Error& error);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        StatusDone done;
    };
    bool needsRefresh() const;
    bool canRenew() const;
    bool carriesCurrentToken(const HttpRequest& request) const;
    void onRefreshed(Result<Credentials> result);

    OAuthConfig m_config;
    NetClock m_clock;
    OAuthTokenEndpoint* m_endpoint;
    Credentials m_credentials;
    Renewal m_renewal; // empty: the refresh_token grant
    Signer m_signer;   // empty: bearerSigner
    std::chrono::seconds m_margin{60};
    QPointer<SecretVault> m_vault;
    QString m_vaultKey;
    bool m_refreshing = false;
    qint64 m_lastRefreshMs = -1;
    QList<Waiter> m_waiters;
};

} // namespace AssetDesk
