#pragma once

#include <QLoggingCategory>

namespace AssetDesk {

// "assetdesk.media". Logs cache paths (content hashes) and decode failures, never image bytes.
Q_DECLARE_LOGGING_CATEGORY(lcMedia)

} // namespace AssetDesk
