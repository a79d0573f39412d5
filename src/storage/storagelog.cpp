#include "storage/storagelog.h"

namespace AssetDesk {

Q_LOGGING_CATEGORY(lcStorage, "assetdesk.storage")

} // namespace AssetDesk
