#pragma once

#include "sandbox/httpresponse.h"
#include "sandbox/windowratelimiter.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

namespace AssetDesk::Sandbox {

class SandboxClock;
struct SandboxRequest;

// X's per-endpoint rate limits (x.md §7): a window per endpoint and per user (user-context
// tokens) or per app (app-only bearer), and the x-rate-limit-limit / -remaining / -reset
// (Unix epoch seconds) headers X sends on every API response. Endpoints the table does not list
// get kDefaultLimit per 15 minutes (a sandbox choice; X documents no general default).
class XRateLimits
{
public:
    static constexpr int kDefaultLimit = 900;

    struct Limit
    {
        int perUser = kDefaultLimit;
        int perApp = kDefaultLimit;
        std::chrono::seconds userWindow{15 * 60};
        std::chrono::seconds appWindow{15 * 60};
    };

    explicit XRateLimits(const SandboxClock& clock);

    static Limit limitFor(const QByteArray& method, const QString& path);

    // Counts the request; false when its window is exhausted.
    bool consume(const SandboxRequest& request);
    // Adds the three x-rate-limit-* headers for the request's bucket (without counting).
    void addHeaders(const SandboxRequest& request, HttpResponse& response) const;
    // The 429 of an injected rate-limit fault: remaining 0, reset `retryAfterSeconds` from now.
    void addExhaustedHeaders(const SandboxRequest& request, HttpResponse& response,
                             int retryAfterSeconds) const;
    void reset() { m_limiter.reset(); }

private:
    struct Bucket
    {
        QString key;
        int limit = kDefaultLimit;
        std::chrono::seconds window{15 * 60};
    };
    Bucket bucketFor(const SandboxRequest& request) const;

    const SandboxClock& m_clock;
    WindowRateLimiter m_limiter;
};

} // namespace AssetDesk::Sandbox
