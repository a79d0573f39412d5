#pragma once

#include <QLoggingCategory>

namespace AssetDesk {

// "assetdesk.storage". Never given a password, a connection string with one, or bound values.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)

} // namespace AssetDesk
