#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <chrono>

namespace AssetDesk::Sandbox {

class SandboxClock;

// Fixed-window request counting per key (a user, a token, an account), on the sandbox clock.
// A window starts with the first request of its key and lasts `window`; then the count resets.
// This is how the modules emulate their service's rate limits. Server thread only.
class WindowRateLimiter
{
public:
    struct State
    {
        int limit = 0;
        int remaining = 0;
        QDateTime resetAt; // end of the current window
        // Whole seconds until resetAt (at least 1 while exhausted).
        qint64 secondsUntilReset(const QDateTime& now) const;
    };
    struct Outcome
    {
        bool allowed = true;
        State state;
    };

    explicit WindowRateLimiter(const SandboxClock& clock);

    // Counts one request against `key` if the window has room.
    Outcome consume(const QString& key, int limit, std::chrono::seconds window);
    // The state without counting (a key never seen has a full window starting now).
    State peek(const QString& key, int limit, std::chrono::seconds window) const;
    void reset() { m_windows.clear(); }

private:
    struct Window
    {
        QDateTime start;
        int used = 0;
    };
    const SandboxClock& m_clock;
    QHash<QString, Window> m_windows;
};

} // namespace AssetDesk::Sandbox
