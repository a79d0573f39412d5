#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace AssetDesk {

// The five services AssetDesk speaks to. The string ids are stable: they are stored in the
// database, used in keychain entry names, CLI arguments and sandbox module names.
enum class Service { PhotoShelter, Iconik, X, Dynamics, Zendesk };

enum class ServiceCategory { Dam, Social, Crm, Helpdesk };

struct ServiceInfo
{
    Service service;
    QString id;          // "photoshelter", "iconik", "x", "dynamics", "zendesk"
    QString displayName; // "PhotoShelter", "iconik", "X", "Dynamics 365", "Zendesk"
    ServiceCategory category;
};

const QList<ServiceInfo>& allServices();
const ServiceInfo& serviceInfo(Service service);
QString serviceId(Service service);
QString serviceDisplayName(Service service);
std::optional<Service> serviceFromId(const QString& id);

} // namespace AssetDesk
