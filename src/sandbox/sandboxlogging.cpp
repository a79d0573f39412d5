#include "sandbox/sandboxlogging.h"

namespace AssetDesk::Sandbox {

Q_LOGGING_CATEGORY(lcSandbox, "assetdesk.sandbox")

} // namespace AssetDesk::Sandbox
