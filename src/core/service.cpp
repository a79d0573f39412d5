#include "core/service.h"

namespace AssetDesk {

const QList<ServiceInfo>& allServices()
{
    static const QList<ServiceInfo> services{
        {Service::PhotoShelter, QStringLiteral("photoshelter"), QStringLiteral("PhotoShelter"),
         ServiceCategory::Dam},
        {Service::Iconik, QStringLiteral("iconik"), QStringLiteral("iconik"), ServiceCategory::Dam},
        {Service::X, QStringLiteral("x"), QStringLiteral("X"), ServiceCategory::Social},
        {Service::Dynamics, QStringLiteral("dynamics"), QStringLiteral("Dynamics 365"), ServiceCategory::Crm},
        {Service::Zendesk, QStringLiteral("zendesk"), QStringLiteral("Zendesk"), ServiceCategory::Helpdesk},
    };
    return services;
}

const ServiceInfo& serviceInfo(Service service)
{
    return allServices().at(static_cast<int>(service));
}

QString serviceId(Service service)
{
    return serviceInfo(service).id;
}

QString serviceDisplayName(Service service)
{
    return serviceInfo(service).displayName;
}

std::optional<Service> serviceFromId(const QString& id)
{
    for (const ServiceInfo& info : allServices()) {
        if (info.id.compare(id, Qt::CaseInsensitive) == 0)
            return info.service;
    }
    return std::nullopt;
}

} // namespace AssetDesk
