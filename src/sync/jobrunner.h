#pragma once

#include "core/jobinfo.h"
#include "sync/jobcontrol.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace AssetDesk {

struct JobSpec
{
    QString kind;
    QString title;
    bool cancellable = true;
    bool retryable = false;  // the body may simply be run again after a failure
};

// An asynchronous body: it calls control->finish() when its last callback is done.
using JobBody = std::function<void(std::shared_ptr<JobControl>)>;
// A synchronous body for the thread pool: its return value ends the job.
using JobWork = std::function<Status(JobControl&)>;

// Owns every background job of the session and publishes their snapshots for the Jobs pane.
// Lives on the GUI thread (it only bookkeeps); bodies run on the runner's thread pool or on the
// thread of a given context object (the network thread, for jobs made of asynchronous calls).
// Snapshots are coalesced: at most one jobUpdated per job per publish interval, and one
// immediately when a job starts or ends.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    // Runs `body` on `context`'s thread (queued). The job fails if `context` dies before it ran.
    QUuid start(const JobSpec& spec, QObject* context, JobBody body);
    // Runs `work` on the runner's thread pool; its return value ends the job.
    QUuid startOnPool(const JobSpec& spec, JobWork work);

    void cancel(const QUuid& id);
    // Starts a new run of a failed or cancelled retryable job; returns the new job's id.
    QUuid retry(const QUuid& id);
    void clearFinished();

    QList<JobInfo> jobs() const;
    std::optional<JobInfo> job(const QUuid& id) const;
    int runningCount() const;

    void setPublishInterval(std::chrono::milliseconds interval);
    QThreadPool* pool() { return &m_pool; }

signals:
    void jobUpdated(const AssetDesk::JobInfo& info);
    void jobFinished(const AssetDesk::JobInfo& info);
    void jobRemoved(const QUuid& id);

private:
    friend class JobControl;
    struct Entry
    {
        JobSpec spec;
        std::shared_ptr<JobControl> control;
        QPointer<QObject> context;
        bool onPool = false;
        JobBody body;
        bool finishPublished = false;
    };

    QUuid launch(const JobSpec& spec, QObject* context, bool onPool, JobBody body);
    void runEntry(const QUuid& id);
    void controlChanged(const QUuid& id, bool immediate);
    void publishDirty();

    QThreadPool m_pool;
    QHash<QUuid, Entry> m_entries;
    QList<QUuid> m_order;
    QTimer m_publishTimer;
};

} // namespace AssetDesk
