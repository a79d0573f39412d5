#pragma once

#include "core/jobinfo.h"
#include "core/result.h"

#include <QMutex>
#include <QObject>
#include <QUuid>

#include <atomic>
#include <functional>
#include <memory>

namespace AssetDesk {

class ContextRelay;
class JobRunner;

// Carries a job's change notices from whatever thread reports them to its runner's thread, by a
// queued signal: Qt takes the connection down, with anything queued through it, when the runner
// is destroyed. Checking a QPointer<JobRunner> and then posting to it would race with that.
class JobNotifier : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void changed(const QUuid& id, bool immediate);
};

// The handle a job body uses to report progress and learn about cancellation. Thread-safe: a
// body may run on the thread pool, on the network thread, or hop between them through callbacks.
// Every call only records state and pokes the runner; the runner publishes throttled snapshots
// on its own thread.
class JobControl
{
public:
    JobControl(JobInfo info, JobRunner* runner);

    QUuid id() const { return m_id; }
    bool isCancelled() const { return m_cancelled.load(); }

    void setProgress(qint64 done, qint64 total);
    void setStatus(const QString& text);
    // For jobs whose subject is only known once they run (the account's name, read from storage).
    void setTitle(const QString& title);
    // Ends the job. Only the first call counts; a cancelled job ends as Cancelled whatever the
    // body reports, unless it reports success (the work finished before it saw the request).
    void finish(const Status& result);
    bool isFinished() const;

    // Runs `abort` on context's thread when the job is cancelled (or at once if it already is):
    // bodies use it to abort network calls rather than polling isCancelled().
    void onCancel(QObject* context, std::function<void()> abort);

    JobInfo snapshot() const;

private:
    friend class JobRunner;
    void requestCancel();
    void markStarted();
    void notifyRunner(bool immediate);

    const QUuid m_id;
    JobNotifier m_notifier;
    mutable QMutex m_mutex;
    JobInfo m_info;
    std::atomic_bool m_cancelled{false};
    std::atomic_bool m_dirty{false};
    // Each handler's relay to the thread of the context it was registered with.
    QList<std::pair<std::shared_ptr<ContextRelay>, std::function<void()>>> m_cancelHandlers;
};

} // namespace AssetDesk
