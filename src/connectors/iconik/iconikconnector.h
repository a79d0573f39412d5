#pragma once

#include "connectors/serviceconnector.h"

namespace AssetDesk {

class HttpClient;

// iconik (iconik.md): every request carries App-ID and Auth-Token; paths end with a slash.
class IconikConnector : public ServiceConnector
{
    Q_OBJECT
public:
    IconikConnector(Account account, Credentials credentials, ConnectorContext& context, QObject* parent = nullptr);

    void testConnection(QObject* context, ConnectionCallback done) override;

private:
    HttpClient* m_http;
};

} // namespace AssetDesk
