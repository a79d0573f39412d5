#pragma once

#include "sandbox/faultrule.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/sandboxserver.h"

#include <QStringList>

#include <memory>

namespace AssetDesk::SandboxTest {

// An in-process sandbox running `services` (port 0 everywhere); nullptr (with a warning) when
// it cannot start.
std::unique_ptr<Sandbox::SandboxServer> startSandbox(const QStringList& services, quint64 seed = 1,
                                                     const QList<Sandbox::FaultRule>& faults = {});

// A rule from the compact spec syntax; aborts the test binary on a typo in the test itself.
Sandbox::FaultRule faultSpec(const QString& spec);

// A request as a module's admit() sees it, for exhausting rate-limit windows without HTTP.
Sandbox::SandboxRequest syntheticRequest(const QByteArray& method, const QString& path,
                                         const Sandbox::HeaderList& headers = {},
                                         std::optional<Sandbox::Principal> principal = std::nullopt);

} // namespace AssetDesk::SandboxTest
