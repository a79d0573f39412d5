#pragma once

#include "connectors/serviceconnector.h"

namespace AssetDesk {

class HttpClient;

// Zendesk Support API v2 (zendesk.md): Basic "{email}/token:{api_token}" or an OAuth bearer
// token, on https://{subdomain}.zendesk.com.
class ZendeskConnector : public ServiceConnector
{
    Q_OBJECT
public:
    ZendeskConnector(Account account, Credentials credentials, ConnectorContext& context, QObject* parent = nullptr);

    void testConnection(QObject* context, ConnectionCallback done) override;

private:
    HttpClient* m_http;
};

} // namespace AssetDesk
