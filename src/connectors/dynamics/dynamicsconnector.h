#pragma once

#include "connectors/tokenconnector.h"

namespace AssetDesk {

class DynamicsAnnotations;
class DynamicsWebApi;

// Dynamics 365 / Dataverse Web API v9.2 (dynamics.md): bearer tokens from the Microsoft identity
// platform, either an application user (client credentials) or a person (authorization code +
// PKCE, public client); OData headers on every request.
class DynamicsConnector : public TokenConnector
{
    Q_OBJECT
public:
    DynamicsConnector(Account account, Credentials credentials, ConnectorContext& context,
                      QObject* parent = nullptr);

    static OAuthConfig oauthConfig(const Account& account, const Credentials& credentials);
    // "https://contoso.crm.dynamics.com/.default": the environment is the token's audience.
    static QString environmentScope(const Account& account);

    void testConnection(QObject* context, ConnectionCallback done) override;

    // A Web API request with the headers Dataverse expects (dynamics.md §3).
    HttpRequest webApiGet(const QString& path) const;

    // Reads (tables, paging, change tracking, $batch) on this client and its token.
    DynamicsWebApi& webApi() const { return *m_webApi; }

    // Notes with attachments on cases and customer records, sharing this client and its token.
    DynamicsAnnotations& annotations() const { return *m_annotations; }

private:
    HttpClient* m_http;
    DynamicsWebApi* m_webApi;
    DynamicsAnnotations* m_annotations;
};

} // namespace AssetDesk
