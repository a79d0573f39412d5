#include "media/medialog.h"

namespace AssetDesk {

Q_LOGGING_CATEGORY(lcMedia, "assetdesk.media")

} // namespace AssetDesk
