#pragma once

// Keeps the sandbox clock on the time of an accelerated NetClock, so that the rate-limit resets
// and Retry-After values the sandbox computes name the same instants for the client, and the
// request journal's times can be compared with them. The sandbox clock is an offset over the
// system clock, so it is re-synchronised every millisecond by a precise timer: between ticks it
// lags the client by at most a tick (plus event-loop latency) times the speed-up.

#include "net/netclock.h"
#include "sandbox/sandboxserver.h"

#include <QDateTime>
#include <QTimer>

#include <chrono>

namespace AssetDesk::TestSupport {

class SandboxClockBridge
{
public:
    SandboxClockBridge(Sandbox::SandboxServer& server, double speedup)
        : m_server(server)
        , m_clock(NetClock::accelerated(speedup, server.clock().now()))
    {
        sync();
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { sync(); });
        m_timer.start(1);
    }

    const NetClock& clock() const { return m_clock; }
    void sync()
    {
        m_server.clock().setOffset(
            std::chrono::milliseconds(m_clock.nowMs() - QDateTime::currentMSecsSinceEpoch()));
    }

private:
    Sandbox::SandboxServer& m_server;
    NetClock m_clock;
    QTimer m_timer;
};

} // namespace AssetDesk::TestSupport
