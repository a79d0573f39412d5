#pragma once

#include <QLoggingCategory>

namespace AssetDesk {

// The request log and everything else the net layer says. No line written here may contain a
// secret: every URL, header, body snippet and message goes through a Redactor first.
Q_DECLARE_LOGGING_CATEGORY(lcNet)

} // namespace AssetDesk
