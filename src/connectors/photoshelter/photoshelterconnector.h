#pragma once

#include "connectors/tokenconnector.h"

namespace AssetDesk {

// PhotoShelter API v4 (photoshelter.md): the API key on every request, plus either a user
// session token (email and password exchanged at /authenticate, then the organization chosen)
// or an OAuth bearer token.
class PhotoShelterConnector : public TokenConnector
{
    Q_OBJECT
public:
    PhotoShelterConnector(Account account, Credentials credentials, ConnectorContext& context,
                          QObject* parent = nullptr);

    static OAuthConfig oauthConfig(const Account& account, const Credentials& credentials);

    void testConnection(QObject* context, ConnectionCallback done) override;

private:
    // The session login: a Renewal for the token provider.
    void logIn(const Credentials& current, QObject* context, std::function<void(Result<Credentials>)> done);
    void chooseOrganization(const Credentials& session, QObject* context,
                            std::function<void(Result<Credentials>)> done);

    HttpClient* m_sessionHttp; // API key only: logs in
    HttpClient* m_http;        // API key and session
};

} // namespace AssetDesk
