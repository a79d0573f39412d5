#pragma once

#include "net/httpresponse.h"
#include "net/netclock.h"

#include <QByteArray>

#include <chrono>
#include <optional>

namespace AssetDesk {

// What one response says about the service's rate limit, read from every header dialect the
// services use:
//   X                x-rate-limit-limit / -remaining / -reset (Unix epoch seconds)
//   Zendesk          X-Rate-Limit, X-Rate-Limit-Remaining; on lists ratelimit-limit / -remaining /
//                    -reset (seconds from now)
//   iconik           RateLimit-Remaining
//   Dynamics 365     x-ms-ratelimit-burst-remaining-xrm-requests (requests left in the window),
//                    x-ms-ratelimit-time-remaining-xrm-requests (execution time left; 0 = exhausted)
//   all              Retry-After (delta-seconds or HTTP-date) on 429 and 503
// Times are absolute, in NetClock milliseconds since the epoch.
struct RateLimitInfo
{
    std::optional<qint64> limit;
    std::optional<qint64> remaining;
    std::optional<qint64> resetAtMs;
    std::optional<qint64> retryAfterAtMs;

    bool isEmpty() const { return !limit && !remaining && !resetAtMs && !retryAfterAtMs; }

    static RateLimitInfo fromResponse(const HttpResponse& response, const NetClock& clock);

    // The earliest time the service allows the same request again, if the response says so:
    // Retry-After, or the window reset when the window is exhausted (429, or remaining 0).
    std::optional<qint64> notBeforeMs(int status) const;

    // Retry-After value: delta-seconds or an HTTP-date (IMF-fixdate, RFC 850 or asctime form).
    // Returns the absolute time, or nullopt when the value is not understood.
    static std::optional<qint64> parseRetryAfter(const QByteArray& value, qint64 nowMs);
    static std::optional<QDateTime> parseHttpDate(const QByteArray& value);
};

} // namespace AssetDesk
