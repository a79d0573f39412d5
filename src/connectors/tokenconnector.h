#pragma once

#include "connectors/serviceconnector.h"
#include "net/oauthconfig.h"

#include <QPointer>

#include <memory>

namespace AssetDesk {

class HttpClient;
class OAuthAuthorizationFlow;
class OAuthTokenProvider;

// A connector whose requests carry a token that expires and is renewed: OAuth access tokens
// (X, Zendesk, Dynamics, PhotoShelter), Entra client-credential tokens, PhotoShelter session
// tokens. The token provider renews before expiry and once after a 401, and every renewal
// reaches the owner through credentialsChanged(). Browser sign-in, its cancellation and token
// revocation are the same for every OAuth service and live here.
class TokenConnector : public ServiceConnector
{
    Q_OBJECT
public:
    ~TokenConnector() override;

    void signIn(QObject* context, SignInCallback done) override;
    void cancelSignIn() override;
    void revoke(QObject* context, std::function<void(Status)> done) override;

protected:
    TokenConnector(Account account, Credentials credentials, ConnectorContext& context, OAuthConfig oauth,
                   QObject* parent);

    OAuthTokenProvider& tokens() const { return *m_tokens; }
    const OAuthConfig& oauthConfig() const { return m_oauth; }
    // The API client: the service's error parser, its rate budget, and the token provider.
    HttpClient* createClient(ErrorBodyParser errorParser);
    // `endpoint` on the account's sign-in server when it has one (the sandbox), else `fallback`.
    static QUrl signInEndpoint(const Account& account, const QString& fallback, const QString& path);

private:
    OAuthConfig m_oauth;
    std::shared_ptr<OAuthTokenProvider> m_tokens;
    QList<HttpClient*> m_clients;
    QPointer<OAuthAuthorizationFlow> m_flow;
};

} // namespace AssetDesk
