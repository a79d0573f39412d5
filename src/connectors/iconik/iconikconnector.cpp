#include "connectors/iconik/iconikconnector.h"

#include "connectors/iconik/iconikerrors.h"
#include "connectors/jsonreader.h"
#include "net/headerauthenticator.h"
#include "net/httpclient.h"

namespace AssetDesk {

IconikConnector::IconikConnector(Account account, Credentials credentials, ConnectorContext& context,
                                 QObject* parent)
    : ServiceConnector(std::move(account), std::move(credentials), context, parent)
{
    auto headers = std::make_shared<HeaderAuthenticator>(HttpHeaders{
        {QByteArrayLiteral("App-ID"), this->account().login.toUtf8()},
        {QByteArrayLiteral("Auth-Token"), this->credentials().apiKey.toUtf8()},
    });
    m_http = new HttpClient(apiOptions(parseIconikError, std::move(headers)), this);
}

void IconikConnector::testConnection(QObject* context, ConnectionCallback done)
{
    m_http->send(HttpRequest::get(apiUrl(QStringLiteral("/API/users/v1/users/current/"))), context,
                 [done](Result<HttpResponse> response) {
                     if (!response)
                         return done(response.error());
                     const Result<QJsonObject> json = jsonObject(*response);
                     if (!json)
                         return done(json.error());
                     const JsonReader user(*json, QStringLiteral("iconik"));
                     const Result<QString> id = user.id(u"id");
                     if (!id)
                         return done(id.error());
                     ConnectionInfo info;
                     info.userId = *id;
                     const QString name = (user.optionalString(u"first_name") + QLatin1Char(' ')
                                           + user.optionalString(u"last_name"))
                                              .trimmed();
                     const QString email = user.optionalString(u"email");
                     info.userName = name.isEmpty() ? email
                         : email.isEmpty()          ? name
                                                    : QStringLiteral("%1 (%2)").arg(name, email);
                     info.organization = user.optionalString(u"system_domain_id");
                     info.rawJson = response->body;
                     done(info);
                 });
}

} // namespace AssetDesk
