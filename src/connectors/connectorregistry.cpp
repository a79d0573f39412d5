#include "connectors/connectorregistry.h"

#include "connectors/dynamics/dynamicsconnector.h"
#include "connectors/iconik/iconikconnector.h"
#include "connectors/photoshelter/photoshelterconnector.h"
#include "connectors/x/xconnector.h"
#include "connectors/zendesk/zendeskconnector.h"

#include <QCoreApplication>

namespace AssetDesk {

namespace {
template<typename T>
ConnectorRegistry::Factory factoryOf()
{
    return [](const Account& account, const Credentials& credentials, ConnectorContext& context) {
        return std::unique_ptr<ServiceConnector>(std::make_unique<T>(account, credentials, context));
    };
}
} // namespace

ConnectorRegistry ConnectorRegistry::withBuiltinServices()
{
    ConnectorRegistry registry;
    registry.registerFactory(Service::PhotoShelter, factoryOf<PhotoShelterConnector>());
    registry.registerFactory(Service::Iconik, factoryOf<IconikConnector>());
    registry.registerFactory(Service::Dynamics, factoryOf<DynamicsConnector>());
    registry.registerFactory(Service::X, factoryOf<XConnector>());
    registry.registerFactory(Service::Zendesk, factoryOf<ZendeskConnector>());
    return registry;
}

void ConnectorRegistry::registerFactory(Service service, Factory factory)
{
    m_factories.insert(int(service), std::move(factory));
}

bool ConnectorRegistry::supports(Service service) const
{
    return m_factories.contains(int(service));
}

Result<std::unique_ptr<ServiceConnector>> ConnectorRegistry::create(const Account& account,
                                                                    const Credentials& credentials,
                                                                    ConnectorContext& context) const
{
    const auto it = m_factories.constFind(int(account.service));
    if (it == m_factories.constEnd())
        return Error(ErrorKind::Internal,
                     QCoreApplication::translate("AssetDesk::ConnectorRegistry", "AssetDesk cannot talk to %1.")
                         .arg(serviceDisplayName(account.service)));
    return (*it)(account, credentials, context);
}

} // namespace AssetDesk
