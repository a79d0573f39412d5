#pragma once

#include <QDateTime>

#include <chrono>

namespace AssetDesk {

// Time as the net layer sees it: the wall clock that Retry-After dates and rate-limit resets are
// compared with, and the conversion from such waits to QTimer intervals.
//
// Production uses the real clock. Tests use an accelerated clock in which time runs `speedup`
// times faster: a 30 s Retry-After then takes 30 ms of real time with speedup 1000, while every
// wait is still computed and checked in service time. A test server that stamps its headers with
// the same clock sees exactly what a real server would. A NetClock is an immutable value and safe
// to copy to and use from any thread.
class NetClock
{
public:
    NetClock() = default; // the real clock
    static NetClock accelerated(double speedup, const QDateTime& start = QDateTime::currentDateTimeUtc());

    QDateTime now() const;
    qint64 nowMs() const; // milliseconds since the Unix epoch, in clock time
    double speedup() const { return m_speedup; }

    // The real timer interval that lets `clockInterval` of clock time pass (rounded up, so a
    // timer never fires before the clock reached its target).
    std::chrono::milliseconds toTimerInterval(std::chrono::milliseconds clockInterval) const;

private:
    double m_speedup = 1.0;
    qint64 m_realStartMs = 0;
    qint64 m_clockStartMs = 0;
};

} // namespace AssetDesk
