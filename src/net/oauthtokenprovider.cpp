#include "net/oauthtokenprovider.h"

#include "core/secretvault.h"
#include "net/netlogging.h"
#include "net/oauthtokenendpoint.h"

namespace AssetDesk {

namespace {
// A 401 this soon after a refresh is retried with the new token, not answered by another refresh.
constexpr qint64 kFreshTokenMs = 5000;
} // namespace

OAuthTokenProvider::OAuthTokenProvider(OAuthConfig config, HttpClientOptions httpOptions,
                                       Credentials credentials, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(httpOptions.clock)
    , m_endpoint(new OAuthTokenEndpoint(m_config, std::move(httpOptions), this))
    , m_credentials(std::move(credentials))
{}

OAuthTokenProvider::~OAuthTokenProvider() = default;

void OAuthTokenProvider::setCredentials(const Credentials& credentials)
{
    m_credentials = credentials;
}

void OAuthTokenProvider::setVault(SecretVault* vault, const QString& key)
{
    m_vault = vault;
    m_vaultKey = key;
}

void OAuthTokenProvider::setRenewal(Renewal renewal)
{
    m_renewal = std::move(renewal);
}

void OAuthTokenProvider::useClientCredentials(const QStringList& scopes)
{
    setRenewal(clientCredentialsRenewal(m_endpoint, scopes));
}

void OAuthTokenProvider::setSigner(Signer signer)
{
    m_signer = std::move(signer);
}

OAuthTokenProvider::Renewal OAuthTokenProvider::refreshTokenRenewal(OAuthTokenEndpoint* endpoint)
{
    return [endpoint = QPointer<OAuthTokenEndpoint>(endpoint)](const Credentials& current, QObject* context,
                                                               CredentialsDone done) {
        if (!endpoint) {
            QMetaObject::invokeMethod(
                context, [done] { done(Error(ErrorKind::Internal, tr("The token endpoint is gone."))); },
                Qt::QueuedConnection);
            return;
        }
        endpoint->refresh(current, context, std::move(done));
    };
}

OAuthTokenProvider::Renewal OAuthTokenProvider::clientCredentialsRenewal(OAuthTokenEndpoint* endpoint,
                                                                         QStringList scopes)
{
    return [endpoint = QPointer<OAuthTokenEndpoint>(endpoint),
            scopes](const Credentials& current, QObject* context, CredentialsDone done) {
        if (!endpoint) {
            QMetaObject::invokeMethod(
                context, [done] { done(Error(ErrorKind::Internal, tr("The token endpoint is gone."))); },
                Qt::QueuedConnection);
            return;
        }
        endpoint->requestClientCredentials(scopes, context, [current, done](Result<Credentials> issued) {
            if (!issued) {
                done(issued.error());
                return;
            }
            // The client secret, API key and anything else stay; only the token is new.
            Credentials next = current;
            next.accessToken = issued->accessToken;
            next.accessTokenExpiresAt = issued->accessTokenExpiresAt;
            if (!issued->refreshToken.isEmpty())
                next.refreshToken = issued->refreshToken;
            done(next);
        });
    };
}

HttpRequest OAuthTokenProvider::bearerSigner(HttpRequest request, const Credentials& credentials)
{
    request.setHeader("Authorization", "Bearer " + credentials.accessToken.toUtf8());
    return request;
}

bool OAuthTokenProvider::canRenew() const
{
    return m_renewal || !m_credentials.refreshToken.isEmpty();
}

bool OAuthTokenProvider::needsRefresh() const
{
    if (m_credentials.accessToken.isEmpty())
        return true;
    if (!m_credentials.accessTokenExpiresAt.isValid())
        return false;
    return m_clock.now().addSecs(m_margin.count()) >= m_credentials.accessTokenExpiresAt;
}

void OAuthTokenProvider::authorize(HttpRequest request, QObject* context, AuthorizeDone done)
{
    auto sign = [this](HttpRequest r) {
        return m_signer ? m_signer(std::move(r), m_credentials) : bearerSigner(std::move(r), m_credentials);
    };
    const bool expired =
        m_credentials.accessTokenExpiresAt.isValid() && m_clock.now() >= m_credentials.accessTokenExpiresAt;
    // A token that cannot be renewed is still used for the rest of its life.
    if (!needsRefresh() || (!canRenew() && !m_credentials.accessToken.isEmpty() && !expired)) {
        done(sign(std::move(request)));
        return;
    }
    QPointer<OAuthTokenProvider> self(this);
    refresh(context, [self, request, done, sign](Status status) mutable {
        if (!self)
            return;
        if (!status)
            done(status.error());
        else
            done(sign(std::move(request)));
    });
}

void OAuthTokenProvider::handleUnauthorized(const HttpResponse& response, QObject* context, RetryDone done)
{
    Q_UNUSED(response);
    if (m_lastRefreshMs >= 0 && m_clock.nowMs() - m_lastRefreshMs < kFreshTokenMs && !m_refreshing) {
        // Refreshed a moment ago (the request probably carried the previous token): retry with
        // the current one rather than spending another single-use refresh token.
        done(true);
        return;
    }
    refresh(context, [done](Status status) { done(status.ok()); });
}

bool OAuthTokenProvider::carriesCurrentToken(const HttpRequest& request) const
{
    const QByteArray token = m_credentials.accessToken.toUtf8();
    if (token.isEmpty())
        return false;
    for (const HttpHeader& h : request.headers) {
        if (h.second.contains(token))
            return true;
    }
    return request.url.toEncoded().contains(QUrl::toPercentEncoding(m_credentials.accessToken));
}

void OAuthTokenProvider::handleUnauthorizedRequest(const HttpRequest& sent, const HttpResponse& response,
                                                   QObject* context, RetryDone done)
{
    Q_UNUSED(response);
    if (!m_credentials.accessToken.isEmpty() && !carriesCurrentToken(sent)) {
        // Signed before the last renewal: the current token has not been refused yet.
        done(true);
        return;
    }
    refresh(context, [done](Status status) { done(status.ok()); });
}

void OAuthTokenProvider::refresh(QObject* context, StatusDone done)
{
    m_waiters.append({context, std::move(done)});
    if (m_refreshing)
        return;
    m_refreshing = true;
    qCInfo(lcNet).noquote() << QStringLiteral("[%1] renewing the access token (%2)")
                                   .arg(m_config.serviceId, m_renewal ? QStringLiteral("custom renewal")
                                                                      : QStringLiteral("refresh token"));
    const Renewal renewal = m_renewal ? m_renewal : refreshTokenRenewal(m_endpoint);
    QPointer<OAuthTokenProvider> self(this);
    renewal(m_credentials, this, [self](Result<Credentials> result) {
        if (self && self->m_refreshing)
            self->onRefreshed(std::move(result));
    });
}

void OAuthTokenProvider::onRefreshed(Result<Credentials> result)
{
    m_refreshing = false;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    Status status;
    if (result && result->accessToken.isEmpty()) {
        result = Error(ErrorKind::Auth,
                       tr("The %1 sign-in was renewed without an access token.")
                           .arg(m_config.serviceName.isEmpty() ? m_config.serviceId : m_config.serviceName))
                     .withOrigin(m_config.serviceId);
    }
    if (result) {
        m_credentials = result.value();
        m_lastRefreshMs = m_clock.nowMs();
        Q_EMIT credentialsChanged(m_credentials);
        if (m_vault) {
            QPointer<OAuthTokenProvider> self(this);
            m_vault->write(m_vaultKey, m_credentials.toJson(), this, [self](Status written) {
                if (self && !written)
                    Q_EMIT self->storeFailed(written.error());
            });
        }
    } else {
        status = result.error();
        Q_EMIT refreshFailed(result.error());
    }
    for (const Waiter& waiter : waiters) {
        if (waiter.context)
            waiter.done(status);
    }
}

void OAuthTokenProvider::revoke(QObject* context, StatusDone done)
{
    const bool refresh = !m_credentials.refreshToken.isEmpty();
    m_endpoint->revoke(refresh ? m_credentials.refreshToken : m_credentials.accessToken,
                       refresh ? QStringLiteral("refresh_token") : QStringLiteral("access_token"), context,
                       std::move(done));
}

} // namespace AssetDesk
