#include "connectors/photoshelter/photoshelterconnector.h"

#include "connectors/connectorcontext.h"
#include "connectors/jsonreader.h"
#include "connectors/linkdownloader.h"
#include "connectors/photoshelter/photosheltererrors.h"
#include "connectors/photoshelter/photosheltergalleries.h"
#include "connectors/photoshelter/photosheltergallerydirectory.h"
#include "connectors/photoshelter/photoshelterkeywords.h"
#include "connectors/photoshelter/photoshelterlibrary.h"
#include "core/serviceauthprofile.h"
#include "net/headerauthenticator.h"
#include "net/httpclient.h"
#include "net/oauthtokenprovider.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace AssetDesk {

namespace {
const QString kV4 = QStringLiteral("/psapi/v4.0");
const QString kWebsite = QStringLiteral("https://www.photoshelter.com");
} // namespace

OAuthConfig PhotoShelterConnector::oauthConfig(const Account& account, const Credentials& credentials)
{
    OAuthConfig config;
    config.serviceId = serviceId(Service::PhotoShelter);
    config.serviceName = serviceDisplayName(Service::PhotoShelter);
    config.authorizeUrl = signInEndpoint(account, kWebsite + kV4 + QStringLiteral("/oauth/authorize"),
                                         kV4 + QStringLiteral("/oauth/authorize"));
    config.tokenUrl = signInEndpoint(account, kWebsite + kV4 + QStringLiteral("/oauth/token"),
                                     kV4 + QStringLiteral("/oauth/token"));
    config.clientId = account.login;
    // The authorize page wants the API key too (photoshelter.md §2c).
    config.extraAuthorizeParameters = {{QStringLiteral("api_key"), credentials.apiKey}};
    return config;
}

PhotoShelterConnector::PhotoShelterConnector(Account account, Credentials credentials, ConnectorContext& context,
                                             QObject* parent)
    : TokenConnector(account, credentials, context, oauthConfig(account, credentials), parent)
{
    m_sessionHttp = new HttpClient(
        apiOptions(parsePhotoShelterError, std::make_shared<HeaderAuthenticator>(HttpHeaders{
                                               {QByteArrayLiteral("X-PS-Api-Key"), this->credentials().apiKey.toUtf8()}})),
        this);

    const bool oauth = this->account().authMethod == AuthMethod::OAuth2Pkce;
    if (!oauth) {
        tokens().setRenewal([this](const Credentials& current, QObject* ctx, std::function<void(Result<Credentials>)> done) {
            logIn(current, ctx, std::move(done));
        });
    }
    // Every request carries the API key; the user's identity comes as a session token header
    // or, signed in with OAuth, as a bearer token.
    tokens().setSigner([oauth](HttpRequest request, const Credentials& c) {
        request.setHeader("X-PS-Api-Key", c.apiKey.toUtf8());
        if (oauth)
            return OAuthTokenProvider::bearerSigner(std::move(request), c);
        request.setHeader("X-PS-Auth-Token", c.accessToken.toUtf8());
        return request;
    });
    m_http = createClient(parsePhotoShelterError);
    auto* downloader = new LinkDownloader(m_http, resolvedBaseUrl(this->account()), baseOptions(), this);
    m_library = new PhotoShelterLibrary(this->account(), m_http, downloader, this);
    m_galleries = new PhotoShelterGalleries(this->account(), m_http, this);
    m_galleryDirectory = new PhotoShelterGalleryDirectory(this->account(), m_http, this);
    m_keywords = new PhotoShelterKeywords(this->account(), m_http, this);
}

void PhotoShelterConnector::fetchCollections(QObject* context, CollectionsCallback done)
{
    m_library->fetchCollections(context, std::move(done));
}

void PhotoShelterConnector::fetchAssets(const DamSyncRequest& request, QObject* context, PageCallback done)
{
    m_library->fetchAssets(request, context, std::move(done));
}

void PhotoShelterConnector::fetchAssetsById(const QStringList& remoteIds, QObject* context, PageCallback done)
{
    m_library->fetchAssetsById(remoteIds, context, std::move(done));
}

void PhotoShelterConnector::fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context,
                                           BytesCallback done)
{
    m_library->fetchRendition(rendition, maxBytes, context, std::move(done));
}

void PhotoShelterConnector::logIn(const Credentials& current, QObject* context,
                                  std::function<void(Result<Credentials>)> done)
{
    if (current.password.isEmpty() || account().login.isEmpty()) {
        deliver(context, [done] {
            done(Error(ErrorKind::Auth, tr("PhotoShelter needs the account's email and password to sign in.")));
        });
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("email"), account().login);
    form.addQueryItem(QStringLiteral("password"), current.password);
    form.addQueryItem(QStringLiteral("mode"), QStringLiteral("token"));
    HttpRequest request = HttpRequest::postForm(apiUrl(kV4 + QStringLiteral("/authenticate")), form);
    // Logging in twice is harmless: a retry after a lost answer only opens a second session.
    request.idempotent = true;
    m_sessionHttp->send(request, context, [this, current, context, done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        // photoshelter.md §2b: a JS client reads data.token; where exactly v4 puts it is
        // unconfirmed, so a token under data.attributes is accepted too.
        const JsonReader reader(*json, QStringLiteral("PhotoShelter"));
        QString token = reader.optionalString(u"data.token", reader.optionalString(u"data.attributes.token"));
        if (token.isEmpty())
            return done(reader.string(u"data.token").error());
        Credentials session = current;
        session.accessToken = token;
        if (account().organization.isEmpty())
            return done(session);
        chooseOrganization(session, context, done);
    });
}

void PhotoShelterConnector::chooseOrganization(const Credentials& session, QObject* context,
                                               std::function<void(Result<Credentials>)> done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("org_id"), account().organization);
    HttpRequest request = HttpRequest::postForm(apiUrl(kV4 + QStringLiteral("/organization/authenticate")), form);
    request.idempotent = true;
    request.setHeader("X-PS-Auth-Token", session.accessToken.toUtf8());
    m_sessionHttp->send(request, context, [session, done](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        done(session);
    });
}

void PhotoShelterConnector::testConnection(QObject* context, ConnectionCallback done)
{
    if (credentials().apiKey.isEmpty()) {
        deliver(context, [done] { done(Error(ErrorKind::Auth, tr("The PhotoShelter API key is missing."))); });
        return;
    }
    const QString organization = account().organization;
    m_http->send(HttpRequest::get(apiUrl(kV4 + QStringLiteral("/user/session"),
                                         {{QStringLiteral("include"), QStringLiteral("organizations")}})),
                 context, [done, organization](Result<HttpResponse> response) {
                     if (!response)
                         return done(response.error());
                     const Result<QJsonObject> json = jsonObject(*response);
                     if (!json)
                         return done(json.error());
                     const JsonReader reader(*json, QStringLiteral("PhotoShelter"));
                     const Result<QString> id = reader.id(u"data.id");
                     if (!id)
                         return done(id.error());
                     ConnectionInfo info;
                     info.userId = *id;
                     const QString name = reader.optionalString(u"data.attributes.full_name");
                     const QString email = reader.optionalString(u"data.attributes.email");
                     info.userName = name.isEmpty() ? email : email.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, email);
                     for (const QJsonValue& v : json->value(QLatin1String("included")).toArray()) {
                         const QJsonObject org = v.toObject();
                         if (org.value(QLatin1String("id")).toString() == organization)
                             info.organization = org.value(QLatin1String("attributes")).toObject().value(QLatin1String("name")).toString();
                     }
                     info.rawJson = response->body;
                     done(info);
                 });
}

} // namespace AssetDesk
