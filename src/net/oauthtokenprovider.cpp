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
        r.setHeader("Authorization", "Bearer " + m_credentials.accessToken.toUtf8());
        return r;
    };
    const bool expired =
        m_credentials.accessTokenExpiresAt.isValid() && m_clock.now() >= m_credentials.accessTokenExpiresAt;
    if (!needsRefresh() ||
        (m_credentials.refreshToken.isEmpty() && !m_credentials.accessToken.isEmpty() && !expired)) {
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

void OAuthTokenProvider::refresh(QObject* context, StatusDone done)
{
    m_waiters.append({context, std::move(done)});
    if (m_refreshing)
        return;
    m_refreshing = true;
    qCInfo(lcNet).noquote() << QStringLiteral("[%1] refreshing the access token").arg(m_config.serviceId);
    m_endpoint->refresh(m_credentials, this,
                        [this](Result<Credentials> result) { onRefreshed(std::move(result)); });
}

void OAuthTokenProvider::onRefreshed(Result<Credentials> result)
{
    m_refreshing = false;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    Status status;
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
