#pragma once

#include "core/credentials.h"
#include "core/result.h"
#include "net/authenticator.h"
#include "net/httpclientoptions.h"
#include "net/oauthconfig.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>

namespace AssetDesk {

class OAuthTokenEndpoint;
class SecretVault;

// Bearer tokens for an HttpClient, kept fresh: the Authenticator hook of OAuth services.
//
// Before a request, a token expiring within refreshMargin (60 s) is refreshed first; after a
// 401, the token is refreshed once and the request retried (HttpClient asks only once per
// call). Concurrent refreshes are coalesced into one token request, which matters because X's
// refresh tokens are single-use. Every change (including a rotated refresh token) is announced
// by credentialsChanged() and, when a vault is set, written to it; a failing write is reported
// by storeFailed() so the user hears about keychain trouble.
//
// A QObject living on the thread of the HttpClients that use it (install it through a
// std::shared_ptr in HttpClientOptions::authenticator).
class OAuthTokenProvider : public QObject, public Authenticator
{
    Q_OBJECT
public:
    using StatusDone = std::function<void(Status)>;

    OAuthTokenProvider(OAuthConfig config, HttpClientOptions httpOptions, Credentials credentials,
                       QObject* parent = nullptr);
    ~OAuthTokenProvider() override;

    Credentials credentials() const { return m_credentials; }
    void setCredentials(const Credentials& credentials);
    void setRefreshMargin(std::chrono::seconds margin) { m_margin = margin; }
    // Persist every change under `key` (Account::secretKey()). The vault must outlive the provider.
    void setVault(SecretVault* vault, const QString& key);

    // Refreshes now; callers arriving while a refresh runs share its outcome.
    void refresh(QObject* context, StatusDone done);
    // Revokes the refresh token (or the access token when there is none) at the service.
    void revoke(QObject* context, StatusDone done);

    void authorize(HttpRequest request, QObject* context, AuthorizeDone done) override;
    void handleUnauthorized(const HttpResponse& response, QObject* context, RetryDone done) override;

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
    void onRefreshed(Result<Credentials> result);

    OAuthConfig m_config;
    NetClock m_clock;
    OAuthTokenEndpoint* m_endpoint;
    Credentials m_credentials;
    std::chrono::seconds m_margin{60};
    QPointer<SecretVault> m_vault;
    QString m_vaultKey;
    bool m_refreshing = false;
    qint64 m_lastRefreshMs = -1;
    QList<Waiter> m_waiters;
};

} // namespace AssetDesk
