#pragma once

#include "core/result.h"
#include "sync/attachrequest.h"

#include <QObject>
#include <QUuid>

#include <functional>

namespace AssetDesk {

class ConnectorPool;
class JobRunner;
class Storage;

// Attaches library assets to Zendesk tickets and Dynamics cases, and associates them with
// Dynamics accounts and opportunities (DP1): one job of the Jobs pane per drop, with progress,
// cancellable (see AttachJob for the steps and AttachAttempt for what reaches the services).
// Nothing is retried by itself: a comment or note may exist after an ambiguous failure, and a
// second one would show twice to the customer.
// Lives on the GUI thread (or the CLI's main thread) and never blocks it: the job runs on the
// connector pool's (network) thread, reading and checking files on the runner's worker pool.
class AttachService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<AttachOutcome>)>;

    AttachService(Storage& storage, ConnectorPool& pool, JobRunner& runner, QObject* parent = nullptr);

    // The job's id; `done` (optional) runs on this object's thread when the job ends.
    QUuid attach(const AttachRequest& request, Done done = {});

    static QString jobTitle(const AttachRequest& request);

signals:
    void attached(const QUuid& job, const AssetDesk::AttachOutcome& outcome);
    void attachFailed(const QUuid& job, const AssetDesk::AttachTarget& target, const AssetDesk::Error& error);

private:
    Storage& m_storage;
    ConnectorPool& m_pool;
    JobRunner& m_runner;
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::AttachTarget)
