#include "connectors/sandboxmanifest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace AssetDesk {

namespace {
// lupdate files these strings under the same context the code looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::SandboxManifest)
};

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

Account sandboxAccount(Service service, const QUrl& url, const QString& label, AuthMethod method)
{
    Account a;
    a.service = service;
    a.label = label;
    a.baseUrl = url;
    a.authMethod = method;
    a.sandbox = true;
    return a;
}

QList<SandboxAccount> photoShelter(const QUrl& url, const QJsonObject& c)
{
    const QJsonObject org = c.value(QLatin1String("organizations")).toArray().first().toObject();
    SandboxAccount s{sandboxAccount(Service::PhotoShelter, url,
                                    str(org, "name").isEmpty() ? Tr::tr("PhotoShelter demo library") : str(org, "name"),
                                    AuthMethod::ApiKey),
                     {}};
    s.account.login = str(c, "email");
    s.account.organization = str(org, "id");
    s.credentials.apiKey = str(c, "api_key");
    s.credentials.password = str(c, "password");
    return {s};
}

QList<SandboxAccount> iconik(const QUrl& url, const QJsonObject& c)
{
    SandboxAccount s{sandboxAccount(Service::Iconik, url, Tr::tr("iconik demo library"), AuthMethod::ApiKey), {}};
    s.account.login = str(c, "app_id");
    s.credentials.apiKey = str(c, "auth_token");
    return {s};
}

QList<SandboxAccount> x(const QUrl& url, const QJsonObject& c)
{
    QList<SandboxAccount> result;
    for (const QJsonValue& v : c.value(QLatin1String("users")).toArray()) {
        const QJsonObject user = v.toObject();
        SandboxAccount s{sandboxAccount(Service::X, url, QLatin1Char('@') + str(user, "username"),
                                        AuthMethod::OAuth2Pkce),
                         {}};
        s.account.login = str(c, "client_id");
        s.account.authUrl = url;
        s.account.region = str(user, "region");
        s.account.remoteUserId = str(user, "id");
        s.account.remoteUserName = QLatin1Char('@') + str(user, "username");
        s.credentials.accessToken = str(user, "access_token");
        s.credentials.refreshToken = str(user, "refresh_token");
        result.append(s);
    }
    return result;
}

QList<SandboxAccount> dynamics(const QUrl& url, const QJsonObject& c)
{
    SandboxAccount s{sandboxAccount(Service::Dynamics, QUrl(str(c, "environment_url")), Tr::tr("Dynamics 365 demo"),
                                    AuthMethod::ClientCredentials),
                     {}};
    if (s.account.baseUrl.isEmpty())
        s.account.baseUrl = url;
    s.account.authUrl = url; // the sandbox serves the Entra endpoints on its own port
    s.account.login = str(c, "client_id");
    s.account.organization = str(c, "tenant_id");
    s.credentials.clientSecret = str(c, "client_secret");
    return {s};
}

QList<SandboxAccount> zendesk(const QUrl& url, const QJsonObject& c)
{
    SandboxAccount s{sandboxAccount(Service::Zendesk, url, Tr::tr("Zendesk demo"), AuthMethod::ApiToken), {}};
    s.account.login = str(c, "email");
    s.account.organization = str(c, "subdomain");
    s.credentials.apiKey = str(c, "api_token");
    return {s};
}
} // namespace

Result<SandboxManifest> SandboxManifest::parse(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonObject root = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError || root.isEmpty())
        return Error(ErrorKind::Parse, Tr::tr("The sandbox did not describe its services."),
                     QString::fromUtf8(json.left(500)));
    SandboxManifest manifest;
    manifest.adminUrl = QUrl(root.value(QLatin1String("admin")).toObject().value(QLatin1String("url")).toString());
    manifest.seed = root.value(QLatin1String("seed")).toInt();
    manifest.size = root.value(QLatin1String("size")).toInt();
    const QJsonObject services = root.value(QLatin1String("services")).toObject();
    for (auto it = services.begin(); it != services.end(); ++it) {
        const std::optional<Service> service = serviceFromId(it.key());
        const QJsonObject entry = it.value().toObject();
        const QUrl url(entry.value(QLatin1String("url")).toString());
        if (!service || !url.isValid() || url.isEmpty())
            continue; // a module this build does not know: nothing to connect to
        const QJsonObject c = entry.value(QLatin1String("credentials")).toObject();
        switch (*service) {
        case Service::PhotoShelter: manifest.accounts += photoShelter(url, c); break;
        case Service::Iconik: manifest.accounts += iconik(url, c); break;
        case Service::X: manifest.accounts += x(url, c); break;
        case Service::Dynamics: manifest.accounts += dynamics(url, c); break;
        case Service::Zendesk: manifest.accounts += zendesk(url, c); break;
        }
    }
    if (manifest.accounts.isEmpty())
        return Error(ErrorKind::Parse, Tr::tr("The sandbox offers no service this version of AssetDesk knows."));
    return manifest;
}

} // namespace AssetDesk
