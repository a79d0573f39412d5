#include "connectors/x/xconnector.h"

#include "connectors/jsonreader.h"
#include "connectors/x/xerrors.h"
#include "connectors/x/xmediauploader.h"
#include "connectors/x/xposts.h"
#include "net/httpclient.h"

namespace AssetDesk {

QStringList XConnector::scopes()
{
    return {QStringLiteral("tweet.read"), QStringLiteral("tweet.write"), QStringLiteral("users.read"),
            QStringLiteral("offline.access"), QStringLiteral("media.write")};
}

OAuthConfig XConnector::oauthConfig(const Account& account)
{
    // The real service splits sign-in across hosts (x.md §1): the browser goes to x.com, tokens
    // come from api.x.com.
    OAuthConfig config;
    config.serviceId = serviceId(Service::X);
    config.serviceName = serviceDisplayName(Service::X);
    config.authorizeUrl = signInEndpoint(account, QStringLiteral("https://x.com/i/oauth2/authorize"),
                                         QStringLiteral("/i/oauth2/authorize"));
    config.tokenUrl = signInEndpoint(account, QStringLiteral("https://api.x.com/2/oauth2/token"),
                                     QStringLiteral("/2/oauth2/token"));
    config.revokeUrl = signInEndpoint(account, QStringLiteral("https://api.x.com/2/oauth2/revoke"),
                                      QStringLiteral("/2/oauth2/revoke"));
    config.clientId = account.login;
    config.scopes = scopes();
    config.tokenBody = OAuthConfig::TokenBody::Form;
    return config;
}

XConnector::XConnector(Account account, Credentials credentials, ConnectorContext& context, QObject* parent)
    : TokenConnector(account, std::move(credentials), context, oauthConfig(account), parent)
    , m_http(createClient(parseXError))
    , m_posts(new XPosts(this->account(), m_http, this))
    , m_media(new XMediaUploader(this->account(), m_http, this))
{
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

} // namespace AssetDesk
