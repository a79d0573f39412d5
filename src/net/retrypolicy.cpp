#include "net/retrypolicy.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace AssetDesk {

std::chrono::milliseconds RetryPolicy::backoffCap(int retry) const
{
    // 2^retry overflows quickly; past 2^30 the cap is maxDelay anyway.
    const double factor = std::ldexp(1.0, std::clamp(retry, 0, 30));
    const double cap = std::min(double(maxDelay.count()), double(baseDelay.count()) * factor);
    return std::chrono::milliseconds(qint64(std::max(0.0, cap)));
}

std::chrono::milliseconds RetryPolicy::backoff(int retry, double random01) const
{
    const double r = std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(qint64(std::floor(double(backoffCap(retry).count()) * r)));
}

bool RetryPolicy::isRetryableStatus(int status)
{
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

} // namespace AssetDesk
