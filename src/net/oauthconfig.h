#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <utility>

namespace AssetDesk {

// One service's OAuth 2.0 authorization-code client, described by URLs and ids only, so the
// same code signs in to the real service or to the sandbox's authorization endpoints.
struct OAuthConfig
{
    enum class TokenBody
    {
        Form,
        Json
    }; // X, Entra, PhotoShelter: form; Zendesk: JSON
    enum class ClientAuthentication
    {
        BasicHeader,
        RequestBody
    };

    QString serviceId;   // "x": logs, Error::origin
    QString serviceName; // "X": messages
    QUrl authorizeUrl;
    QUrl tokenUrl;
    QUrl revokeUrl; // optional
    QString clientId;
    // Empty for a public client (client_id in the body). A confidential client authenticates
    // with HTTP Basic on the token endpoint (as X wants) or with client_secret in the body.
    QString clientSecret;
    ClientAuthentication clientAuthentication = ClientAuthentication::BasicHeader;
    QStringList scopes;                                          // joined with spaces
    QList<std::pair<QString, QString>> extraAuthorizeParameters; // e.g. PhotoShelter api_key, Entra prompt
    TokenBody tokenBody = TokenBody::Form;
    QString callbackPath = QStringLiteral("/callback");
    // A sign-in the user never finishes in the browser fails after this long.
    std::chrono::milliseconds flowTimeout = std::chrono::minutes(5);

    bool isConfidential() const { return !clientSecret.isEmpty(); }
};

} // namespace AssetDesk
