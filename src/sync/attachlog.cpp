#include "sync/attachlog.h"

Q_LOGGING_CATEGORY(lcAttach, "assetdesk.attach", QtInfoMsg)
