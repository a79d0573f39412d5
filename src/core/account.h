#pragma once

#include "core/service.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace AssetDesk {

enum class AuthMethod {
    ApiKey,            // a static key header (iconik App-ID + token, PhotoShelter API key + login)
    ApiToken,          // Zendesk email/token Basic auth
    OAuth2Pkce,        // authorization code + PKCE through the browser and a loopback redirect
    ClientCredentials, // Dynamics app user (client id + secret)
};

QString authMethodId(AuthMethod method);
std::optional<AuthMethod> authMethodFromId(const QString& id);

// A configured connection to one service. Holds no secret: credentials live in the keychain under
// secretKey() and only there.
struct Account
{
    qint64 id = 0;               // local row id; 0 until stored
    Service service = Service::PhotoShelter;
    QString label;               // what the user calls it: "Acme PhotoShelter", "@acme_de"
    QUrl baseUrl;                // API root, e.g. https://api.x.com or the sandbox's port
    QUrl authUrl;                // sign-in server when it is not the service default (the sandbox's
                                 // port, a sovereign Entra cloud); empty = the service's own
    AuthMethod authMethod = AuthMethod::ApiKey;
    QString login;               // non-secret identity: email, client id, App-ID
    QString organization;        // PhotoShelter org id, Zendesk subdomain, Entra tenant
    QString region;              // regional X accounts (PX5), free text
    QString remoteUserId;        // learnt by testing the connection
    QString remoteUserName;
    bool sandbox = false;        // an account of the embedded sandbox, never persisted to the keychain
    QDateTime createdAt;
    QDateTime lastVerifiedAt;

    bool operator==(const Account&) const = default;

    // The keychain entry that holds this account's Credentials.
    QString secretKey() const { return QStringLiteral("account/%1").arg(id); }
    // The name a post goes out under: the handle learnt by testing the connection, with one "@"
    // whether or not the service wrote one ("@acme_de"), or else the label.
    QString handle() const;
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::Account)
