#include "connectors/iconik/iconikconnector.h"

#include "connectors/iconik/iconikassets.h"
#include "connectors/iconik/iconikcollections.h"
#include "connectors/iconik/iconikerrors.h"
#include "connectors/iconik/iconiklibrary.h"
#include "connectors/iconik/iconikuploader.h"
#include "connectors/jsonreader.h"
#include "connectors/linkdownloader.h"
#include "core/serviceauthprofile.h"
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
    auto* downloader = new LinkDownloader(m_http, resolvedBaseUrl(this->account()), baseOptions(), this);
    m_library = new IconikLibrary(this->account(), m_http, downloader, this);
    m_assets = new IconikAssets(this->account(), m_http, this);
    m_collections = new IconikCollections(this->account(), m_http, this);
    // The bytes go to a signed storage URL: no App-ID or Auth-Token on those requests.
    m_uploader = new IconikUploader(this->account(), m_http, new HttpClient(baseOptions(), this), this);
}

void IconikConnector::fetchCollections(QObject* context, CollectionsCallback done)
{
    m_library->fetchCollections(context, std::move(done));
}

void IconikConnector::fetchAssets(const DamSyncRequest& request, QObject* context, PageCallback done)
{
    m_library->fetchAssets(request, context, std::move(done));
}

void IconikConnector::fetchAssetsById(const QStringList& remoteIds, QObject* context, PageCallback done)
{
    m_library->fetchAssetsById(remoteIds, context, std::move(done));
}

void IconikConnector::fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context, BytesCallback done)
{
    m_library->fetchRendition(rendition, maxBytes, context, std::move(done));
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
