#pragma once

#include <chrono>

namespace AssetDesk {

// When and how often HttpClient repeats an idempotent request that failed transiently
// (transport error, 408, 429, 5xx). Non-idempotent requests are never repeated here: the caller
// (the outbox) must first find out whether the first attempt took effect.
struct RetryPolicy
{
    int maxAttempts = 4; // including the first attempt
    std::chrono::milliseconds baseDelay{500};
    std::chrono::milliseconds maxDelay{30'000};
    // A wait the server asks for (Retry-After, rate-limit reset) longer than this is not waited
    // out inside the call: the call fails with ErrorKind::RateLimited carrying retryAfter, and
    // the job scheduler decides. X windows are 15 minutes, so the default covers one window.
    std::chrono::milliseconds maxServerWait = std::chrono::minutes(16);

    // "Full jitter" backoff before retry number `retry` (0 for the first retry):
    // random(0, min(maxDelay, baseDelay * 2^retry)), with `random01` uniform in [0, 1).
    std::chrono::milliseconds backoff(int retry, double random01) const;
    // The cap backoff() draws below for `retry`.
    std::chrono::milliseconds backoffCap(int retry) const;

    static bool isRetryableStatus(int status);
    static RetryPolicy never() { return RetryPolicy{1, {}, {}, {}}; }
};

} // namespace AssetDesk
