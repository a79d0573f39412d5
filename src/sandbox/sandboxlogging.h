#pragma once

#include <QLoggingCategory>

namespace AssetDesk::Sandbox {

// "assetdesk.sandbox": listener start-up, faults applied, protocol violations by clients.
// Never logs header values, bodies or credentials.
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

} // namespace AssetDesk::Sandbox
