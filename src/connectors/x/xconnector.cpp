#include "connectors/x/xconnector.h"

#include "connectors/connectorcontext.h"
#include "connectors/jsonreader.h"
#include "connectors/x/xerrors.h"
#include "net/httpclient.h"
#include "net/oauthauthorizationflow.h"
#include "net/oauthtokenprovider.h"

#include <QPointer>

namespace AssetDesk {

namespace {
// The real service splits sign-in across hosts (x.md §1): the browser goes to x.com, tokens come
// from api.x.com. An account with an authUrl (the sandbox) has both on that one address.
QUrl endpoint(const Account& account, const QString& defaultUrl, const QString& path)
{
    if (account.authUrl.isEmpty())
        return QUrl(defaultUrl);
    QUrl url = account.authUrl;
    url.setPath(path);
    return url;
}
} // namespace

QStringList XConnector::scopes()
{
    return {QStringLiteral("tweet.read"), QStringLiteral("tweet.write"), QStringLiteral("users.read"),
            QStringLiteral("offline.access"), QStringLiteral("media.write")};
}

OAuthConfig XConnector::oauthConfig(const Account& account)
{
    OAuthConfig config;
    config.serviceId = serviceId(Service::X);
    config.serviceName = serviceDisplayName(Service::X);
    config.authorizeUrl =
        endpoint(account, QStringLiteral("https://x.com/i/oauth2/authorize"), QStringLiteral("/i/oauth2/authorize"));
    config.tokenUrl =
        endpoint(account, QStringLiteral("https://api.x.com/2/oauth2/token"), QStringLiteral("/2/oauth2/token"));
    config.revokeUrl =
        endpoint(account, QStringLiteral("https://api.x.com/2/oauth2/revoke"), QStringLiteral("/2/oauth2/revoke"));
    config.clientId = account.login;
    config.scopes = scopes();
    config.tokenBody = OAuthConfig::TokenBody::Form;
    return config;
}

XConnector::XConnector(Account account, Credentials credentials, ConnectorContext& context, QObject* parent)
    : ServiceConnector(std::move(account), std::move(credentials), context, parent)
{
    m_tokens = std::make_shared<OAuthTokenProvider>(oauthConfig(this->account()), baseOptions(), this->credentials());
    connect(m_tokens.get(), &OAuthTokenProvider::credentialsChanged, this, &XConnector::updateCredentials);
    HttpClientOptions options = baseOptions();
    options.errorParser = parseXError;
    options.budget = context.budget(Service::X);
    options.authenticator = m_tokens;
    m_http = new HttpClient(std::move(options), this);
}

XConnector::~XConnector()
{
    // The client holds the provider too; end its calls before the provider goes.
    delete m_http;
}

HttpClientOptions XConnector::baseOptions() const
{
    HttpClientOptions options;
    options.serviceId = serviceId(Service::X);
    options.serviceName = serviceDisplayName(Service::X);
    options.redactor = connectorContext().redactor();
    options.clock = connectorContext().clock();
    return options;
}

void XConnector::testConnection(QObject* context, ConnectionCallback done)
{
    if (credentials().accessToken.isEmpty() && credentials().refreshToken.isEmpty()) {
        deliver(context, [done] {
            done(Error(ErrorKind::Auth, tr("This X account is not signed in yet. Use “Sign In…”.")));
        });
        return;
    }
    m_http->send(HttpRequest::get(apiUrl(QStringLiteral("/2/users/me"))), context,
                 [done](Result<HttpResponse> response) {
                     if (!response)
                         return done(response.error());
                     const Result<QJsonObject> json = jsonObject(*response);
                     if (!json)
                         return done(json.error());
                     const JsonReader reader(*json, QStringLiteral("X"));
                     const Result<QString> id = reader.id(u"data.id");
                     const Result<QString> username = reader.string(u"data.username");
                     if (!id)
                         return done(id.error());
                     if (!username)
                         return done(username.error());
                     ConnectionInfo info;
                     info.userId = *id;
                     info.userName = QLatin1Char('@') + *username;
                     info.rawJson = response->body;
                     done(info);
                 });
}

void XConnector::signIn(QObject* context, SignInCallback done)
{
    cancelSignIn(); // one sign-in at a time
    auto* flow = new OAuthAuthorizationFlow(
        oauthConfig(account()), baseOptions(),
        [this](const QUrl& url) { connectorContext().openBrowser(url); }, this);
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

void XConnector::cancelSignIn()
{
    if (m_flow)
        m_flow->cancel();
}

void XConnector::revoke(QObject* context, std::function<void(Status)> done)
{
    if (credentials().refreshToken.isEmpty() && credentials().accessToken.isEmpty())
        return ServiceConnector::revoke(context, std::move(done));
    m_tokens->revoke(context, std::move(done));
}

} // namespace AssetDesk
