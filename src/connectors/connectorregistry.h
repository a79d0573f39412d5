#pragma once

#include "connectors/serviceconnector.h"

#include <QHash>

#include <functional>
#include <memory>

namespace AssetDesk {

// Maps a service to the factory of its connector. The composition root builds one with
// withBuiltinServices(); tests may register doubles instead.
class ConnectorRegistry
{
public:
    using Factory = std::function<std::unique_ptr<ServiceConnector>(const Account&, const Credentials&,
                                                                     ConnectorContext&)>;

    static ConnectorRegistry withBuiltinServices();

    void registerFactory(Service service, Factory factory);
    bool supports(Service service) const;
    // Creates the connector on the calling thread (normally the network thread).
    Result<std::unique_ptr<ServiceConnector>> create(const Account& account, const Credentials& credentials,
                                                     ConnectorContext& context) const;

private:
    QHash<int, Factory> m_factories;
};

} // namespace AssetDesk
