#pragma once

#include "net/httprequest.h"
#include "net/netclock.h"
#include "net/ratelimitinfo.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>

#include <optional>

namespace AssetDesk {

// The request budget of one service, shared by every HttpClient that talks to it (pass the same
// std::shared_ptr<RateBudget> to each; there is no global one). Fed by the rate-limit headers of
// every response (see RateLimitInfo), it tells a client before each attempt whether it may send
// now or must wait, and until when. It never blocks: a client that must wait arms its own timer
// (or waits for slotFreed()) and asks again.
//
// Windows are kept per bucket: one bucket for the whole service (Zendesk, Dynamics, iconik limit
// per account), or one per endpoint (X limits each endpoint separately), see bucketFor(). A
// separate cap limits the requests in flight for the whole service.
//
// Thread-safe: clients on different threads may share one budget. Signals are emitted from the
// thread of the caller that caused them; connect with a context object to receive them queued.
class RateBudget : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString serviceId;     // "x"
        QString serviceName;   // "X", used in the status text
        int maxConcurrent = 6; // requests in flight for the whole service
        bool perEndpointBuckets = false;
        NetClock clock;
    };

    struct Decision
    {
        bool granted = false;
        // Not granted: the clock time at which to ask again, or 0 when the client should ask again
        // on slotFreed() (a concurrency or one-at-a-time limit, not a time window).
        qint64 retryAtMs = 0;
        QString status; // "Waiting 12 s for the X rate limit" when waiting on a window
    };

    explicit RateBudget(Options options, QObject* parent = nullptr);

    const Options& options() const { return m_options; }

    // The request's own rateBucket, else "*" or, with per-endpoint buckets, the method and the
    // path with ids replaced by {id} ("GET /2/users/{id}/tweets").
    QString bucketFor(const HttpRequest& request) const;

    // Asks for a slot in `bucket`. A granted slot must be given back with release() exactly once.
    Decision acquire(const QString& bucket);
    // Gives the slot back and learns from the answer. `status` is the HTTP status, 0 when no
    // response arrived (transport error, abort).
    void release(const QString& bucket, const RateLimitInfo& info, int status);

    int inFlight() const;
    std::optional<qint64> remaining(const QString& bucket) const;
    std::optional<qint64> blockedUntilMs(const QString& bucket) const;
    QString statusText() const;

    static QString pathTemplate(const QString& path);
    static QString waitText(const QString& serviceName, qint64 waitMs);

Q_SIGNALS:
    // A slot was given back: clients waiting for one should ask again.
    void slotFreed();
    // Human status for the Jobs pane; empty when nothing waits on a window any more.
    void statusChanged(const QString& text);

private:
    struct Bucket
    {
        std::optional<qint64> limit;
        std::optional<qint64> remaining;
        std::optional<qint64> resetAtMs;
        qint64 blockedUntilMs = 0; // Retry-After
        // After a 429, or with the window exhausted and no known reset: one request at a time
        // until the service answers normally again.
        bool cautious = false;
        int inFlight = 0;
    };

    void rollOver(Bucket& bucket, qint64 now) const;
    void setStatus(const QString& text);

    const Options m_options;
    mutable QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    int m_inFlight = 0;
    QString m_status;
};

} // namespace AssetDesk
