#pragma once

#include "core/asset.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace AssetDesk {

// The gate every publish and attachment passes (IX6): the asset must be approved, and its licence
// must not have expired by the time of use. "The time of use" is the send time: now for "publish
// now", the scheduled time for a scheduled post. The gate runs when a post or attachment is
// queued and again when it is sent, on the asset as stored at that moment, because approval and
// licences change while a post waits in the queue.
class RightsGate
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::RightsGate)
public:
    // Ok, or ErrorKind::Validation with a message that names the asset and the reason, written
    // for the person at the keyboard; detail() carries the asset's ids for logs.
    static Status check(const Asset& asset, const QDateTime& when);
};

} // namespace AssetDesk
