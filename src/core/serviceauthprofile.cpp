#include "core/serviceauthprofile.h"

#include <QCoreApplication>

namespace AssetDesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AssetDesk::ServiceAuthProfile", text);
}

QList<ServiceAuthProfile> buildProfiles()
{
    // Facts from shared/api/<service>.md: which header or flow each service authenticates with.
    return {
        {Service::PhotoShelter, QStringLiteral("https://www.photoshelter.com"), tr("https://www.photoshelter.com"),
         {{AuthMethod::ApiKey, tr("API key and PhotoShelter login"), tr("Email"), tr("Organization ID (optional)"),
           false, tr("API key"), tr("Password"), false},
          {AuthMethod::OAuth2Pkce, tr("Sign in with the browser (OAuth)"), tr("OAuth client ID"),
           tr("Organization ID (optional)"), false, tr("API key"), QString(), true}}},
        {Service::Iconik, QStringLiteral("https://app.iconik.io"), tr("https://app.iconik.io or https://eu.iconik.io"),
         {{AuthMethod::ApiKey, tr("Application token"), tr("App ID"), QString(), false, tr("Auth token"), QString(),
           false}}},
        {Service::X, QStringLiteral("https://api.x.com"), tr("https://api.x.com"),
         {{AuthMethod::OAuth2Pkce, tr("Sign in with the browser (OAuth 2.0 + PKCE)"), tr("OAuth client ID"),
           QString(), false, QString(), QString(), true}}},
        {Service::Dynamics, QStringLiteral("https://{org}.crm.dynamics.com"), tr("https://<environment>.crm.dynamics.com"),
         {{AuthMethod::ClientCredentials, tr("Application user (client credentials)"), tr("Client ID"),
           tr("Tenant ID"), true, tr("Client secret"), QString(), false},
          {AuthMethod::OAuth2Pkce, tr("Sign in with the browser (OAuth 2.0 + PKCE)"), tr("Client ID"),
           tr("Tenant ID"), true, QString(), QString(), true}}},
        {Service::Zendesk, QStringLiteral("https://{org}.zendesk.com"), tr("https://<subdomain>.zendesk.com"),
         {{AuthMethod::ApiToken, tr("Email and API token"), tr("Agent email"), tr("Subdomain"), false, tr("API token"),
           QString(), false},
          {AuthMethod::OAuth2Pkce, tr("Sign in with the browser (OAuth)"), tr("OAuth client ID"), tr("Subdomain"),
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
