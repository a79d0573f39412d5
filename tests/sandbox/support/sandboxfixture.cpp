#include "sandboxfixture.h"

#include <QtGlobal>

namespace AssetDesk::SandboxTest {

std::unique_ptr<Sandbox::SandboxServer> startSandbox(const QStringList& services, quint64 seed,
                                                     const QList<Sandbox::FaultRule>& faults)
{
    auto server = std::make_unique<Sandbox::SandboxServer>();
    Sandbox::SandboxOptions options;
    options.seed = seed;
    options.services = services;
    options.faults = faults;
    const Status started = server->start(options);
    if (!started.ok()) {
        qWarning("sandbox did not start: %s", qPrintable(started.error().toLogString()));
        return nullptr;
    }
    return server;
}

Sandbox::FaultRule faultSpec(const QString& spec)
{
    auto rule = Sandbox::FaultRule::parseSpec(spec);
    if (!rule.ok())
        qFatal("bad fault spec in a test: %s", qPrintable(spec));
    return rule.value();
}

Sandbox::SandboxRequest syntheticRequest(const QByteArray& method, const QString& path,
                                         const Sandbox::HeaderList& headers,
                                         std::optional<Sandbox::Principal> principal)
{
    Sandbox::SandboxRequest r;
    r.method = method;
    r.path = path;
    r.rawPath = path.toLatin1();
    r.headers = headers;
    r.principal = std::move(principal);
    return r;
}

} // namespace AssetDesk::SandboxTest
