#pragma once

#include "sync/damsyncsummary.h"
#include "sync/dynamicssyncsummary.h"
#include "sync/zendesksyncsummary.h"

#include <QString>

namespace AssetDesk {

// One line on what a finished account sync did, for the Jobs pane's details (which otherwise keep
// the last step's "Fetching thumbnails…") and the command line.
QString syncOutcomeText(const DamSyncSummary& summary);
QString syncOutcomeText(const ZendeskSyncSummary& summary);
QString syncOutcomeText(const DynamicsSyncSummary& summary);

} // namespace AssetDesk
