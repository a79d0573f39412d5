#include "net/ratelimitinfo.h"

#include <QLocale>

#include <algorithm>

namespace AssetDesk {

namespace {

// Dynamics formats its counters with thousands separators ("1,199,985.00").
std::optional<double> number(const QByteArray& raw)
{
    QByteArray value = raw.trimmed();
    value.replace(',', "");
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double v = value.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

void takeMin(std::optional<qint64>& target, std::optional<double> value)
{
    if (!value)
        return;
    const qint64 v = qint64(*value);
    target = target ? std::min(*target, v) : v;
}

// Values below this are seconds from now, above it seconds since the epoch (2001-09-09).
constexpr double kEpochThreshold = 1e9;

} // namespace

std::optional<QDateTime> RateLimitInfo::parseHttpDate(const QByteArray& raw)
{
    // The weekday is dropped: it is redundant, and Qt rejects a weekday that does not match the
    // century it guesses for two-digit RFC 850 years.
    QString value = QString::fromLatin1(raw.simplified());
    const qsizetype comma = value.indexOf(QLatin1Char(','));
    const qsizetype space = value.indexOf(QLatin1Char(' '));
    value = value.mid(comma >= 0 ? comma + 1 : space + 1).trimmed();
    const QLocale c = QLocale::c();
    static const char* const formats[] = {
        "dd MMM yyyy hh:mm:ss 'GMT'", // IMF-fixdate (RFC 9110)
        "dd-MMM-yy hh:mm:ss 'GMT'",   // obsolete RFC 850
        "MMM d hh:mm:ss yyyy",        // asctime (simplified() made the padding a single space)
    };
    for (const char* format : formats) {
        QDateTime dt = c.toDateTime(value, QLatin1String(format));
        if (dt.isValid()) {
            if (dt.date().year() < 1970) // two-digit RFC 850 years
                dt = dt.addYears(100);
            dt.setTimeSpec(Qt::UTC);
            return dt;
        }
    }
    return std::nullopt;
}

std::optional<qint64> RateLimitInfo::parseRetryAfter(const QByteArray& raw, qint64 nowMs)
{
    const QByteArray value = raw.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok)
        return nowMs + qint64(std::max(0.0, seconds) * 1000.0);
    if (const auto date = parseHttpDate(value))
        return std::max(nowMs, date->toMSecsSinceEpoch());
    return std::nullopt;
}

RateLimitInfo RateLimitInfo::fromResponse(const HttpResponse& response, const NetClock& clock)
{
    RateLimitInfo info;
    const qint64 now = clock.nowMs();

    takeMin(info.limit, number(response.header("x-rate-limit-limit")));
    takeMin(info.limit, number(response.header("X-Rate-Limit")));
    takeMin(info.limit, number(response.header("ratelimit-limit")));

    takeMin(info.remaining, number(response.header("x-rate-limit-remaining")));
    takeMin(info.remaining, number(response.header("ratelimit-remaining")));
    takeMin(info.remaining, number(response.header("x-ms-ratelimit-burst-remaining-xrm-requests")));
    if (const auto time = number(response.header("x-ms-ratelimit-time-remaining-xrm-requests"));
        time && *time <= 0)
        info.remaining = 0;

    auto takeReset = [&info](qint64 at) {
        info.resetAtMs = info.resetAtMs ? std::max(*info.resetAtMs, at) : at;
    };
    if (const auto reset = number(response.header("x-rate-limit-reset"))) {
        takeReset(*reset >= kEpochThreshold ? qint64(*reset * 1000.0) : now + qint64(*reset * 1000.0));
    }
    if (const auto reset = number(response.header("ratelimit-reset")))
        takeReset(*reset >= kEpochThreshold ? qint64(*reset * 1000.0) : now + qint64(*reset * 1000.0));

    if (response.hasHeader("Retry-After"))
        info.retryAfterAtMs = parseRetryAfter(response.header("Retry-After"), now);
    return info;
}

std::optional<qint64> RateLimitInfo::notBeforeMs(int status) const
{
    std::optional<qint64> at = retryAfterAtMs;
    const bool exhausted = status == 429 || (remaining && *remaining <= 0);
    if (exhausted && resetAtMs)
        at = at ? std::max(*at, *resetAtMs) : *resetAtMs;
    return at;
}

} // namespace AssetDesk
