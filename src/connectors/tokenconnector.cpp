#include "connectors/tokenconnector.h"

#include "connectors/connectorcontext.h"
#include "net/httpclient.h"
#include "net/oauthauthorizationflow.h"
#include "net/oauthtokenprovider.h"

namespace AssetDesk {

TokenConnector::TokenConnector(Account account, Credentials credentials, ConnectorContext& context,
                               OAuthConfig oauth, QObject* parent)
    : ServiceConnector(std::move(account), std::move(credentials), context, parent)
    , m_oauth(std::move(oauth))
{
    m_tokens = std::make_shared<OAuthTokenProvider>(m_oauth, baseOptions(), this->credentials());
    connect(m_tokens.get(), &OAuthTokenProvider::credentialsChanged, this, &TokenConnector::updateCredentials);
}

TokenConnector::~TokenConnector()
{
    // The clients share the provider; end their calls before it goes.
    qDeleteAll(m_clients);
}

HttpClient* TokenConnector::createClient(ErrorBodyParser errorParser)
{
    auto* client = new HttpClient(apiOptions(std::move(errorParser), m_tokens), this);
    m_clients.append(client);
    return client;
}

QUrl TokenConnector::signInEndpoint(const Account& account, const QString& fallback, const QString& path)
{
    if (account.authUrl.isEmpty())
        return QUrl(fallback);
    QUrl url = account.authUrl;
    url.setPath(path);
    return url;
}

void TokenConnector::signIn(QObject* context, SignInCallback done)
{
    cancelSignIn(); // one sign-in at a time
    auto* flow = new OAuthAuthorizationFlow(
        m_oauth, baseOptions(), [this](const QUrl& url) { connectorContext().openBrowser(url); }, this);
    QPointer<QObject> guard(context);
    connect(flow, &OAuthAuthorizationFlow::finished, this,
            [this, flow, guard, done](const Result<Credentials>& result) {
                flow->deleteLater();
                if (result) {
                    m_tokens->setCredentials(*result);
                    updateCredentials(*result);
                }
                if (guard)
                    deliver(guard.data(), [done, result] { done(result); });
            });
    m_flow = flow;
    flow->start();
}

void TokenConnector::cancelSignIn()
{
    if (m_flow)
        m_flow->cancel();
}

void TokenConnector::revoke(QObject* context, std::function<void(Status)> done)
{
    if (m_oauth.revokeUrl.isEmpty() || (credentials().refreshToken.isEmpty() && credentials().accessToken.isEmpty()))
        return ServiceConnector::revoke(context, std::move(done));
    m_tokens->revoke(context, std::move(done));
}

} // namespace AssetDesk
