#pragma once

#include <QLoggingCategory>

namespace AssetDesk {

Q_DECLARE_LOGGING_CATEGORY(lcDamSync)
Q_DECLARE_LOGGING_CATEGORY(lcDynamicsSync)

} // namespace AssetDesk
