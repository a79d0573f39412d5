#include "sync/synclog.h"

namespace AssetDesk {

Q_LOGGING_CATEGORY(lcDamSync, "assetdesk.sync.dam")

} // namespace AssetDesk
