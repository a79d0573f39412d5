#include "net/netclock.h"

#include <cmath>

namespace AssetDesk {

NetClock NetClock::accelerated(double speedup, const QDateTime& start)
{
    NetClock clock;
    clock.m_speedup = speedup > 0 ? speedup : 1.0;
    clock.m_realStartMs = QDateTime::currentMSecsSinceEpoch();
    clock.m_clockStartMs = start.toMSecsSinceEpoch();
    return clock;
}

qint64 NetClock::nowMs() const
{
    const qint64 real = QDateTime::currentMSecsSinceEpoch();
    if (m_speedup == 1.0 && m_realStartMs == m_clockStartMs)
        return real;
    return m_clockStartMs + qint64(std::floor(double(real - m_realStartMs) * m_speedup));
}

QDateTime NetClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}

std::chrono::milliseconds NetClock::toTimerInterval(std::chrono::milliseconds clockInterval) const
{
    if (clockInterval.count() <= 0)
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(qint64(std::ceil(double(clockInterval.count()) / m_speedup)));
}

} // namespace AssetDesk
