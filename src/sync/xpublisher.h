#pragma once

#include "core/jobinfo.h"
#include "storage/outboxjob.h"
#include "core/damwritebacksettings.h"
#include "sync/xpublishattempt.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace AssetDesk {

class ConnectorPool;
class Storage;
class WriteContext;

// The outbox worker for X: claims due x.publish jobs one at a time and runs an XPublishAttempt
// for each, then commits the outcome - the post row, its lineage (asset -> post, derivative ->
// post) and the DAM write-back jobs (DamWriteBackPlanner) with "succeeded" in one write, a retry time
// with exponential backoff (or the server's Retry-After), or "failed" with the reason. Jobs left
// running by a publisher that died are put back in the queue by start() and reconciled like any
// other retry. The rights gate (IX6) is checked again when a job is claimed, on its assets as
// stored then: a refused job fails with the gate's reason and nothing is sent. Lives on the
// connector pool's (network) thread and never blocks it.
//
// Several publishers (processes) may share a workspace: claims are atomic. The lease must then
// be longer than any attempt, or a live publisher's job is taken over.
class XPublisher : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        std::chrono::milliseconds pollInterval{1000};
        std::chrono::seconds lease{300}; // a job running longer than this was abandoned
        int maxAttempts = 8;
        std::chrono::milliseconds backoffBase{2000};
        std::chrono::milliseconds backoffMax{std::chrono::minutes(10)};
        XPublishAttempt::Options attempt;
        DamWriteBackSettings writeBack; // what a published post queues for the DAM accounts
    };

    XPublisher(Storage& storage, ConnectorPool& pool, Options options, QObject* parent = nullptr);

    // Recovers abandoned jobs, then publishes until stop(). Idempotent.
    void start();
    // Stops claiming; a job in flight still finishes and is committed.
    void stop();
    // A claim, publish or commit is in flight. A stopped publisher still finishes it; whoever
    // destroys one waits until this is false, so that a post sent to X is also committed as sent.
    bool isBusy() const { return m_busy; }
    bool isRunning() const { return m_running; }
    // Looks for due jobs now rather than at the next poll (a job was just queued or retried);
    // while a claim or job is in flight, right after it. Cheap when nothing is due.
    void wake();
    // Settings → DAM write-back changed: posts published from now on queue the new write-backs.
    void setWriteBack(const DamWriteBackSettings& writeBack) { m_options.writeBack = writeBack; }

    // Lineage of a published post (IX7): "published-as" edges asset -> post with the version the
    // medium was queued with, or derivative -> post for a medium made from a derivative (whose
    // asset -> derivative edge the derivative's maker wrote); assets of the payload without a
    // medium of their own link to the post directly. Idempotent (LineageRepository::addEdge).
    static Status recordLineage(WriteContext& ctx, qint64 postId, const XPublishPayload& payload);
    // The rights gate over every asset of the payload as stored now; a missing asset refuses too.
    static Status checkRights(WriteContext& ctx, const XPublishPayload& payload, const QDateTime& when);

    // The delay before attempt `attempts + 1` after a retryable failure.
    std::chrono::milliseconds backoff(int attempts, std::optional<std::chrono::milliseconds> serverAsked) const;

signals:
    // After the job's outcome was committed. state: Succeeded, Failed, or Queued (retry later).
    void jobFinished(qint64 jobId, AssetDesk::JobState state, const QString& detail);
    // A poll found no due job.
    void idle();
    // start() put these jobs, abandoned by a publisher that died, back in the queue.
    void recovered(const QList<qint64>& jobIds);

private:
    void poll();
    void run(const OutboxJob& job);
    void commit(const OutboxJob& job, const XPublishOutcome& outcome);
    void next(bool immediately);

    Storage& m_storage;
    ConnectorPool& m_pool;
    Options m_options;
    QTimer m_timer;
    bool m_running = false;
    bool m_recovered = false;
    bool m_busy = false;
    bool m_wakePending = false;
};

} // namespace AssetDesk
