#pragma once

#include "sandbox/httpresponse.h"
#include "sandbox/oauth/oauthclient.h"
#include "sandbox/oauth/oautherror.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>
#include <utility>
#include <variant>

namespace AssetDesk::Sandbox {

class OAuthAuthorizationServer;
struct SandboxRequest;

struct OAuthIssuedTokens
{
    QString accessToken;
    QString refreshToken; // empty when none was issued
    std::chrono::seconds expiresIn{0};
    std::chrono::seconds refreshExpiresIn{0};
    QStringList scopes;
};

// The token and revocation endpoints of an OAuthAuthorizationServer: body parsing (form or
// JSON per service), client authentication (HTTP Basic, or client_id and client_secret in the
// body), and the authorization_code, refresh_token and client_credentials grants. Part of the
// server (shares its store, clock and configuration). Server thread only.
class OAuthTokenEndpoint
{
public:
    explicit OAuthTokenEndpoint(OAuthAuthorizationServer& server);

    HttpResponse token(const SandboxRequest& request);
    HttpResponse revoke(const SandboxRequest& request);

private:
    using Params = QHash<QString, QString>;
    using ClientOrError = std::variant<const OAuthClient*, OAuthError>;
    using IssuedTokens = OAuthIssuedTokens;

    std::variant<Params, OAuthError> bodyParams(const SandboxRequest& request) const;
    ClientOrError authenticateClient(const SandboxRequest& request, const Params& params) const;
    std::variant<IssuedTokens, OAuthError> grantAuthorizationCode(const OAuthClient& client,
                                                                  const Params& params);
    std::variant<IssuedTokens, OAuthError> grantRefreshToken(const OAuthClient& client, const Params& params);
    std::variant<IssuedTokens, OAuthError> grantClientCredentials(const OAuthClient& client,
                                                                  const Params& params);
    std::variant<std::chrono::seconds, OAuthError>
    lifetime(const Params& params, const QString& key, std::chrono::seconds configured,
             const std::optional<std::pair<int, int>>& range) const;

    OAuthAuthorizationServer& m_server;
};

} // namespace AssetDesk::Sandbox
