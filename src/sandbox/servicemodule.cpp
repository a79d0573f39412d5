#include "sandbox/servicemodule.h"

#include "sandbox/sandboxclock.h"

namespace AssetDesk::Sandbox {

ServiceModule::ServiceModule(SandboxClock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
{}

ServiceModule::~ServiceModule() = default;

std::optional<HttpResponse> ServiceModule::admit(const SandboxRequest&)
{
    return std::nullopt;
}

void ServiceModule::decorate(const SandboxRequest&, HttpResponse&) const
{}

} // namespace AssetDesk::Sandbox
