#include "core/serviceauthprofile.h"

#include <QCoreApplication>

namespace AssetDesk {

namespace {
// lupdate files these strings under the same context the code looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::ServiceAuthProfile)
};

QList<ServiceAuthProfile> buildProfiles()
{
    // Facts from shared/api/<service>.md: which header or flow each service authenticates with.
    return {
        {Service::PhotoShelter, QStringLiteral("https://www.photoshelter.com"), Tr::tr("https://www.photoshelter.com"),
         {{AuthMethod::ApiKey, Tr::tr("API key and PhotoShelter login"), Tr::tr("Email"), Tr::tr("Organization ID (optional)"),
           false, Tr::tr("API key"), Tr::tr("Password"), false},
          {AuthMethod::OAuth2Pkce, Tr::tr("Sign in with the browser (OAuth)"), Tr::tr("OAuth client ID"),
           Tr::tr("Organization ID (optional)"), false, Tr::tr("API key"), QString(), true}}},
        {Service::Iconik, QStringLiteral("https://app.iconik.io"), Tr::tr("https://app.iconik.io or https://eu.iconik.io"),
         {{AuthMethod::ApiKey, Tr::tr("Application token"), Tr::tr("App ID"), QString(), false, Tr::tr("Auth token"), QString(),
           false}}},
        {Service::X, QStringLiteral("https://api.x.com"), Tr::tr("https://api.x.com"),
         {{AuthMethod::OAuth2Pkce, Tr::tr("Sign in with the browser (OAuth 2.0 + PKCE)"), Tr::tr("OAuth client ID"),
           QString(), false, QString(), QString(), true}}},
        {Service::Dynamics, QStringLiteral("https://{org}.crm.dynamics.com"), Tr::tr("https://<environment>.crm.dynamics.com"),
         {{AuthMethod::ClientCredentials, Tr::tr("Application user (client credentials)"), Tr::tr("Client ID"),
           Tr::tr("Tenant ID"), true, Tr::tr("Client secret"), QString(), false},
          {AuthMethod::OAuth2Pkce, Tr::tr("Sign in with the browser (OAuth 2.0 + PKCE)"), Tr::tr("Client ID"),
           Tr::tr("Tenant ID"), true, QString(), QString(), true}}},
        {Service::Zendesk, QStringLiteral("https://{org}.zendesk.com"), Tr::tr("https://<subdomain>.zendesk.com"),
         {{AuthMethod::ApiToken, Tr::tr("Email and API token"), Tr::tr("Agent email"), Tr::tr("Subdomain"), false, Tr::tr("API token"),
           QString(), false},
          {AuthMethod::OAuth2Pkce, Tr::tr("Sign in with the browser (OAuth)"), Tr::tr("OAuth client ID"), Tr::tr("Subdomain"),
           false, QString(), QString(), true}}},
    };
}
} // namespace

const AuthFieldSet* ServiceAuthProfile::method(AuthMethod m) const
{
    for (const AuthFieldSet& set : methods) {
        if (set.method == m)
            return &set;
    }
    return nullptr;
}

const ServiceAuthProfile& serviceAuthProfile(Service service)
{
    static const QList<ServiceAuthProfile> profiles = buildProfiles();
    return profiles.at(int(service));
}

bool usesBrowserSignIn(const Account& account)
{
    const AuthFieldSet* set = serviceAuthProfile(account.service).method(account.authMethod);
    return set && set->usesBrowserSignIn;
}

QUrl resolvedBaseUrl(const Account& account)
{
    QString url = account.baseUrl.isValid() && !account.baseUrl.isEmpty()
        ? account.baseUrl.toString()
        : serviceAuthProfile(account.service).baseUrlTemplate;
    if (url.contains(QLatin1String("{org}")) && !account.organization.isEmpty())
        url.replace(QLatin1String("{org}"), account.organization);
    return QUrl(url);
}

} // namespace AssetDesk
