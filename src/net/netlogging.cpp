#include "net/netlogging.h"

namespace AssetDesk {

Q_LOGGING_CATEGORY(lcNet, "assetdesk.net")

} // namespace AssetDesk
