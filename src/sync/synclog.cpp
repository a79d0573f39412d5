#include "sync/synclog.h"

namespace AssetDesk {

Q_LOGGING_CATEGORY(lcDamSync, "assetdesk.sync.dam")
Q_LOGGING_CATEGORY(lcDynamicsSync, "assetdesk.sync.dynamics")

} // namespace AssetDesk
