#include "connectors/dynamics/dynamicsconnector.h"

#include "connectors/dynamics/dynamicsannotations.h"
#include "connectors/dynamics/dynamicserrors.h"
#include "connectors/dynamics/dynamicswebapi.h"
#include "connectors/jsonreader.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"
#include "net/oauthtokenprovider.h"

namespace AssetDesk {

namespace {
// Entra ID's global cloud; sovereign clouds and the sandbox come in through Account::authUrl.
const QString kAuthority = QStringLiteral("https://login.microsoftonline.com");
} // namespace

QString DynamicsConnector::environmentScope(const Account& account)
{
    const QUrl environment = resolvedBaseUrl(account);
    return environment.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString()
        + QStringLiteral("/.default");
}

OAuthConfig DynamicsConnector::oauthConfig(const Account& account, const Credentials& credentials)
{
    const QString tenant = account.organization.isEmpty() ? QStringLiteral("organizations") : account.organization;
    const QString base = QStringLiteral("/%1/oauth2/v2.0/").arg(tenant);
    OAuthConfig config;
    config.serviceId = serviceId(Service::Dynamics);
    config.serviceName = serviceDisplayName(Service::Dynamics);
    config.authorizeUrl = signInEndpoint(account, kAuthority + base + QStringLiteral("authorize"),
                                         base + QStringLiteral("authorize"));
    config.tokenUrl = signInEndpoint(account, kAuthority + base + QStringLiteral("token"), base + QStringLiteral("token"));
    config.clientId = account.login;
    config.tokenBody = OAuthConfig::TokenBody::Form;
    if (account.authMethod == AuthMethod::ClientCredentials) {
        // Entra takes the secret of a confidential client in the body.
        config.clientSecret = credentials.clientSecret;
        config.clientAuthentication = OAuthConfig::ClientAuthentication::RequestBody;
        config.scopes = {environmentScope(account)};
    } else {
        // A person signs in; offline_access brings the refresh token (dynamics.md §2).
        config.scopes = {environmentScope(account), QStringLiteral("offline_access")};
    }
    return config;
}

DynamicsConnector::DynamicsConnector(Account account, Credentials credentials, ConnectorContext& context,
                                     QObject* parent)
    : TokenConnector(account, credentials, context, oauthConfig(account, credentials), parent)
    , m_http(createClient(parseDynamicsError))
    , m_webApi(new DynamicsWebApi(this->account(), m_http, this))
    , m_annotations(new DynamicsAnnotations(this->account(), m_http, this))
{
    if (this->account().authMethod == AuthMethod::ClientCredentials)
        tokens().useClientCredentials(TokenConnector::oauthConfig().scopes);
}

HttpRequest DynamicsConnector::webApiGet(const QString& path) const
{
    HttpRequest request = HttpRequest::get(apiUrl(QStringLiteral("/api/data/v9.2/") + path));
    request.setHeader("Accept", "application/json");
    request.setHeader("OData-MaxVersion", "4.0");
    request.setHeader("OData-Version", "4.0");
    // Without it Dataverse may answer expanded collections from a stale cache (dynamics.md §3).
    request.setHeader("If-None-Match", "null");
    return request;
}

void DynamicsConnector::testConnection(QObject* context, ConnectionCallback done)
{
    if (account().authMethod == AuthMethod::ClientCredentials && credentials().clientSecret.isEmpty()) {
        deliver(context, [done] { done(Error(ErrorKind::Auth, tr("The client secret is missing."))); });
        return;
    }
    const bool application = account().authMethod == AuthMethod::ClientCredentials;
    m_http->send(webApiGet(QStringLiteral("WhoAmI")), context, [done, application](Result<HttpResponse> response) {
        if (!response)
            return done(response.error());
        const Result<QJsonObject> json = jsonObject(*response);
        if (!json)
            return done(json.error());
        const JsonReader reader(*json, QStringLiteral("Dynamics 365"));
        const Result<QString> userId = reader.string(u"UserId");
        if (!userId)
            return done(userId.error());
        ConnectionInfo info;
        info.userId = *userId;
        info.userName = application
            ? tr("Application user %1").arg(userId->left(8))
            : *userId;
        info.organization = reader.optionalString(u"OrganizationId");
        info.rawJson = response->body;
        done(info);
    });
}

} // namespace AssetDesk
