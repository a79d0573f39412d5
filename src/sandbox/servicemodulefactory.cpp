#include "sandbox/servicemodulefactory.h"

#include "sandbox/servicemodule.h"
#include "sandbox/x/xmodule.h"

#include <functional>

namespace AssetDesk::Sandbox {

namespace {

struct Builder
{
    const char* id;
    std::function<std::unique_ptr<ServiceModule>(SandboxClock&)> make;
};

const QList<Builder>& builders()
{
    // Canonical order (also the order of fixed ports): photoshelter, iconik, x, dynamics, zendesk.
    static const QList<Builder> list{
        {"x",
         [](SandboxClock& clock) {
             return std::make_unique<XModule>(clock);
         }},
    };
    return list;
}

} // namespace

QStringList ServiceModuleFactory::builtInIds()
{
    QStringList ids;
    for (const Builder& b : builders())
        ids << QLatin1String(b.id);
    return ids;
}

std::unique_ptr<ServiceModule> ServiceModuleFactory::create(const QString& id, SandboxClock& clock)
{
    for (const Builder& b : builders()) {
        if (id == QLatin1String(b.id))
            return b.make(clock);
    }
    return nullptr;
}

} // namespace AssetDesk::Sandbox
