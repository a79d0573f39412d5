#include "connectors/zendesk/zendeskconnector.h"

#include "connectors/jsonreader.h"
#include "connectors/linkdownloader.h"
#include "connectors/zendesk/zendeskcomments.h"
#include "connectors/zendesk/zendeskerrors.h"
#include "connectors/zendesk/zendeskhelpdesk.h"
#include "connectors/zendesk/zendeskincremental.h"
#include "connectors/zendesk/zendeskuploads.h"
#include "core/serviceauthprofile.h"
#include "net/headerauthenticator.h"
#include "net/httpclient.h"

namespace AssetDesk {

ZendeskConnector::ZendeskConnector(Account account, Credentials credentials, ConnectorContext& context,
                                   QObject* parent)
    : ServiceConnector(std::move(account), std::move(credentials), context, parent)
{
    const HttpHeader auth = this->account().authMethod == AuthMethod::ApiToken
        ? HeaderAuthenticator::basicAuthorization(this->account().login + QStringLiteral("/token"),
                                                  this->credentials().apiKey)
        : HeaderAuthenticator::bearerAuthorization(this->credentials().accessToken);
    m_http = new HttpClient(apiOptions(parseZendeskError, std::make_shared<HeaderAuthenticator>(HttpHeaders{auth})), this);
    m_uploads = new ZendeskUploads(this->account(), m_http, this);
    m_comments = new ZendeskComments(this->account(), m_http, this);
    m_helpdesk = new ZendeskHelpdesk(this->account(), m_http, this);
    m_incremental = new ZendeskIncremental(this->account(), m_http, this);
    m_attachmentFiles = new LinkDownloader(m_http, resolvedBaseUrl(this->account()), baseOptions(), this);
}

void ZendeskConnector::testConnection(QObject* context, ConnectionCallback done)
{
    m_http->send(HttpRequest::get(apiUrl(QStringLiteral("/api/v2/users/me"))), context,
                 [done, subdomain = account().organization](Result<HttpResponse> response) {
                     if (!response)
                         return done(response.error());
                     const Result<QJsonObject> json = jsonObject(*response);
                     if (!json)
                         return done(json.error());
                     const JsonReader reader(*json, QStringLiteral("Zendesk"));
                     // Zendesk answers an unauthenticated /users/me with an anonymous user whose
                     // id is null instead of a 401.
                     const Result<QString> id = reader.id(u"user.id");
                     if (!id)
                         return done(Error(ErrorKind::Auth,
                                           ZendeskConnector::tr("Zendesk did not recognise these credentials."),
                                           QString::fromUtf8(response->body.left(2048)))
                                         .withOrigin(QStringLiteral("zendesk")));
                     ConnectionInfo info;
                     info.userId = *id;
                     const QString name = reader.optionalString(u"user.name");
                     const QString email = reader.optionalString(u"user.email");
                     info.userName = email.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, email);
                     info.organization = subdomain;
                     info.rawJson = response->body;
                     done(info);
                 });
}

} // namespace AssetDesk
