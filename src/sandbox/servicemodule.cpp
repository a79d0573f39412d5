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

Result<QJsonObject> ServiceModule::applySettings(const QJsonObject& patch)
{
    if (!patch.isEmpty())
        return Error(ErrorKind::Validation, QStringLiteral("%1 has no settings").arg(displayName()));
    return settings();
}

Result<QJsonObject> ServiceModule::changeContent(const QJsonObject&)
{
    return Error(ErrorKind::Validation, QStringLiteral("%1 has no content to change").arg(displayName()));
}

Result<QJsonObject> ServiceModule::adminResource(const QString& resource, const QUrlQuery&) const
{
    return Error(ErrorKind::NotFound, QStringLiteral("%1 has no admin resource \"%2\"").arg(displayName(), resource));
}

void ServiceModule::decorate(const SandboxRequest&, HttpResponse&) const
{}

} // namespace AssetDesk::Sandbox
