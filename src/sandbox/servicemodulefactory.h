#pragma once

#include <QStringList>

#include <memory>

namespace AssetDesk::Sandbox {

class SandboxClock;
class ServiceModule;

// The built-in service modules by id (core/service.h ids), in their canonical order.
class ServiceModuleFactory
{
public:
    static QStringList builtInIds();
    // nullptr for an unknown id.
    static std::unique_ptr<ServiceModule> create(const QString& id, SandboxClock& clock);
};

} // namespace AssetDesk::Sandbox
