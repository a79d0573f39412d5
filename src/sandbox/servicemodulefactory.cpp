#include "sandbox/servicemodulefactory.h"

#include "sandbox/dynamics/dynamicsmodule.h"
#include "sandbox/iconik/iconikmodule.h"
#include "sandbox/photoshelter/photosheltermodule.h"
#include "sandbox/servicemodule.h"
#include "sandbox/x/xmodule.h"
#include "sandbox/zendesk/zendeskmodule.h"

namespace AssetDesk::Sandbox {

namespace {

template<typename Module>
std::unique_ptr<ServiceModule> make(SandboxClock& clock)
{
    return std::make_unique<Module>(clock);
}

struct Builder
{
    const char* id;
    std::unique_ptr<ServiceModule> (*make)(SandboxClock&);
};

// Canonical order (also the order of fixed ports): photoshelter, iconik, x, dynamics, zendesk.
constexpr Builder kBuilders[] = {
    {"photoshelter", &make<PhotoShelterModule>}, {"iconik", &make<IconikModule>},   {"x", &make<XModule>},
    {"dynamics", &make<DynamicsModule>},         {"zendesk", &make<ZendeskModule>},
};

} // namespace

QStringList ServiceModuleFactory::builtInIds()
{
    QStringList ids;
    for (const Builder& b : kBuilders)
        ids << QLatin1String(b.id);
    return ids;
}

std::unique_ptr<ServiceModule> ServiceModuleFactory::create(const QString& id, SandboxClock& clock)
{
    for (const Builder& b : kBuilders) {
        if (id == QLatin1String(b.id))
            return b.make(clock);
    }
    return nullptr;
}

} // namespace AssetDesk::Sandbox
