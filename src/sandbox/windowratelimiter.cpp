#include "sandbox/windowratelimiter.h"

#include "sandbox/sandboxclock.h"

#include <algorithm>

namespace AssetDesk::Sandbox {

qint64 WindowRateLimiter::State::secondsUntilReset(const QDateTime& now) const
{
    const qint64 ms = now.msecsTo(resetAt);
    return std::max<qint64>(1, (ms + 999) / 1000);
}

WindowRateLimiter::WindowRateLimiter(const SandboxClock& clock)
    : m_clock(clock)
{}

WindowRateLimiter::Outcome WindowRateLimiter::consume(const QString& key, int limit,
                                                      std::chrono::seconds window)
{
    const QDateTime now = m_clock.now();
    Window& w = m_windows[key];
    if (!w.start.isValid() || w.start.addSecs(window.count()) <= now) {
        w.start = now;
        w.used = 0;
    }
    Outcome out;
    out.allowed = w.used < limit;
    if (out.allowed)
        ++w.used;
    out.state = {limit, std::max(0, limit - w.used), w.start.addSecs(window.count())};
    return out;
}

WindowRateLimiter::State WindowRateLimiter::peek(const QString& key, int limit,
                                                 std::chrono::seconds window) const
{
    const QDateTime now = m_clock.now();
    const auto it = m_windows.constFind(key);
    if (it == m_windows.cend() || it->start.addSecs(window.count()) <= now)
        return {limit, limit, now.addSecs(window.count())};
    return {limit, std::max(0, limit - it->used), it->start.addSecs(window.count())};
}

} // namespace AssetDesk::Sandbox
