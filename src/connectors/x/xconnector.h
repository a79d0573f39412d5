#pragma once

#include "connectors/serviceconnector.h"
#include "net/httpclientoptions.h"
#include "net/oauthconfig.h"

#include <QPointer>

namespace AssetDesk {

class HttpClient;
class OAuthAuthorizationFlow;
class OAuthTokenProvider;

// X API v2 (x.md): OAuth 2.0 user context with PKCE; bearer tokens refreshed before expiry and
// after a 401; refresh tokens are single-use, so every rotation is handed to the owner to store.
class XConnector : public ServiceConnector
{
    Q_OBJECT
public:
    XConnector(Account account, Credentials credentials, ConnectorContext& context, QObject* parent = nullptr);
    ~XConnector() override;

    // The scopes AssetDesk asks for: read and write posts, read users, refresh, upload media.
    static QStringList scopes();
    static OAuthConfig oauthConfig(const Account& account);

    void testConnection(QObject* context, ConnectionCallback done) override;
    void signIn(QObject* context, SignInCallback done) override;
    void cancelSignIn() override;
    void revoke(QObject* context, std::function<void(Status)> done) override;

private:
    HttpClientOptions baseOptions() const;

    std::shared_ptr<OAuthTokenProvider> m_tokens;
    QPointer<OAuthAuthorizationFlow> m_flow;
    HttpClient* m_http;
};

} // namespace AssetDesk
