#include "sandbox/sandboxclock.h"

namespace AssetDesk::Sandbox {

QDateTime SandboxClock::now() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(m_offset.count());
}

} // namespace AssetDesk::Sandbox
