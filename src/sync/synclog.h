#pragma once

#include <QLoggingCategory>

namespace AssetDesk {

Q_DECLARE_LOGGING_CATEGORY(lcDamSync)

} // namespace AssetDesk
