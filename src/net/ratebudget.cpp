#include "net/ratebudget.h"

#include "net/netlogging.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace AssetDesk {

RateBudget::RateBudget(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

QString RateBudget::pathTemplate(const QString& path)
{
    static const QRegularExpression uuid(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                                                        "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    static const QRegularExpression digit(QStringLiteral("[0-9]"));
    QStringList segments = path.split(QLatin1Char('/'));
    bool first = true;
    for (QString& segment : segments) {
        if (segment.isEmpty())
            continue;
        bool allDigits = true;
        for (QChar c : segment)
            allDigits = allDigits && c.isDigit();
        // The first segment is an API version ("2" in /2/tweets), not an id.
        const bool isId =
            (allDigits && !first) || uuid.match(segment).hasMatch() ||
            (segment.size() >= 8 && segment.contains(digit) && !segment.contains(QLatin1Char('.')));
        if (isId)
            segment = QStringLiteral("{id}");
        first = false;
    }
    return segments.join(QLatin1Char('/'));
}

QString RateBudget::bucketFor(const HttpRequest& request) const
{
    if (!request.rateBucket.isEmpty())
        return request.rateBucket;
    if (!m_options.perEndpointBuckets)
        return QStringLiteral("*");
    return QString::fromLatin1(request.method.toUpper()) + QLatin1Char(' ') +
           pathTemplate(request.url.path());
}

QString RateBudget::waitText(const QString& serviceName, qint64 waitMs)
{
    const qint64 seconds = qint64(std::ceil(double(std::max<qint64>(waitMs, 0)) / 1000.0));
    const QString amount = seconds >= 120
                               ? QCoreApplication::translate("AssetDesk::RateBudget", "%1 min")
                                     .arg(qint64(std::ceil(double(seconds) / 60.0)))
                               : QCoreApplication::translate("AssetDesk::RateBudget", "%1 s").arg(seconds);
    return QCoreApplication::translate("AssetDesk::RateBudget", "Waiting %1 for the %2 rate limit")
        .arg(amount, serviceName);
}

void RateBudget::rollOver(Bucket& bucket, qint64 now) const
{
    if (bucket.resetAtMs && now >= *bucket.resetAtMs) {
        // A new window: the full limit again if we know it; otherwise we know nothing and go on
        // carefully if the old window ended exhausted.
        if (bucket.remaining && *bucket.remaining <= 0 && !bucket.limit)
            bucket.cautious = true;
        bucket.remaining = bucket.limit;
        bucket.resetAtMs.reset();
    }
}

RateBudget::Decision RateBudget::acquire(const QString& bucketName)
{
    Decision decision;
    QString status;
    bool statusKnown = false;
    {
        QMutexLocker lock(&m_mutex);
        const qint64 now = m_options.clock.nowMs();
        Bucket& bucket = m_buckets[bucketName];
        rollOver(bucket, now);

        auto waitUntil = [&](qint64 at) {
            decision.retryAtMs = at;
            decision.status = waitText(m_options.serviceName, at - now);
            status = decision.status;
            statusKnown = true;
        };

        const qint64 available = bucket.remaining ? *bucket.remaining - bucket.inFlight : 1;
        if (bucket.blockedUntilMs > now) {
            waitUntil(bucket.blockedUntilMs);
        } else if (bucket.remaining && *bucket.remaining <= 0 && bucket.resetAtMs) {
            waitUntil(*bucket.resetAtMs);
        } else {
            // Requests in flight will tell how much of the window is left; until then, and while
            // the service is known to be strained, send one at a time.
            const bool oneAtATime = bucket.cautious || available <= 0;
            if (oneAtATime && bucket.inFlight > 0)
                decision.retryAtMs = 0;
            else if (m_inFlight >= std::max(1, m_options.maxConcurrent))
                decision.retryAtMs = 0;
            else
                decision.granted = true;
        }

        if (decision.granted) {
            ++bucket.inFlight;
            ++m_inFlight;
            // Clear the status once nothing waits on a window any more.
            bool anyBlocked = false;
            for (const Bucket& b : std::as_const(m_buckets)) {
                anyBlocked = anyBlocked || b.blockedUntilMs > now ||
                             (b.remaining && *b.remaining <= 0 && b.resetAtMs && *b.resetAtMs > now);
            }
            if (!anyBlocked) {
                status.clear();
                statusKnown = true;
            }
        }
    }
    if (statusKnown)
        setStatus(status);
    return decision;
}

void RateBudget::release(const QString& bucketName, const RateLimitInfo& info, int status)
{
    {
        QMutexLocker lock(&m_mutex);
        const qint64 now = m_options.clock.nowMs();
        Bucket& bucket = m_buckets[bucketName];
        bucket.inFlight = std::max(0, bucket.inFlight - 1);
        m_inFlight = std::max(0, m_inFlight - 1);

        if (info.limit)
            bucket.limit = info.limit;
        if (info.remaining)
            bucket.remaining = info.remaining;
        else if (bucket.remaining && status != 0)
            bucket.remaining = std::max<qint64>(0, *bucket.remaining - 1);
        if (info.resetAtMs && *info.resetAtMs > now)
            bucket.resetAtMs = info.resetAtMs;
        if (info.retryAfterAtMs && (status == 429 || status == 503))
            bucket.blockedUntilMs = std::max(bucket.blockedUntilMs, *info.retryAfterAtMs);

        if (status == 429) {
            bucket.cautious = true;
            if (!info.remaining && bucket.resetAtMs)
                bucket.remaining = 0;
        } else if (status != 0) {
            bucket.cautious = bucket.remaining && *bucket.remaining <= 0 && !bucket.resetAtMs;
        }
    }
    Q_EMIT slotFreed();
}

int RateBudget::inFlight() const
{
    QMutexLocker lock(&m_mutex);
    return m_inFlight;
}

std::optional<qint64> RateBudget::remaining(const QString& bucket) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_buckets.constFind(bucket);
    return it == m_buckets.cend() ? std::nullopt : it->remaining;
}

std::optional<qint64> RateBudget::blockedUntilMs(const QString& bucket) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_buckets.constFind(bucket);
    if (it == m_buckets.cend())
        return std::nullopt;
    qint64 until = it->blockedUntilMs;
    if (it->remaining && *it->remaining <= 0 && it->resetAtMs)
        until = std::max(until, *it->resetAtMs);
    return until > m_options.clock.nowMs() ? std::optional<qint64>(until) : std::nullopt;
}

QString RateBudget::statusText() const
{
    QMutexLocker lock(&m_mutex);
    return m_status;
}

void RateBudget::setStatus(const QString& text)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_status == text)
            return;
        m_status = text;
    }
    if (!text.isEmpty())
        qCInfo(lcNet).noquote() << QStringLiteral("[%1]").arg(m_options.serviceId) << text;
    Q_EMIT statusChanged(text);
}

} // namespace AssetDesk
