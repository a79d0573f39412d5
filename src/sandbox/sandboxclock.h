#pragma once

#include <QDateTime>

#include <chrono>

namespace AssetDesk::Sandbox {

// The sandbox's notion of "now": the system clock plus an offset. Tests (in-process, or through
// POST /admin/clock) advance the offset to expire authorization codes, access tokens and
// rate-limit windows without sleeping. Owned by SandboxServer; modules keep a reference.
// Used only on the server's thread.
class SandboxClock
{
public:
    QDateTime now() const;
    qint64 nowSecsSinceEpoch() const { return now().toSecsSinceEpoch(); }

    void advance(std::chrono::milliseconds by) { m_offset += by; }
    std::chrono::milliseconds offset() const { return m_offset; }
    void setOffset(std::chrono::milliseconds offset) { m_offset = offset; }

private:
    std::chrono::milliseconds m_offset{0};
};

} // namespace AssetDesk::Sandbox
