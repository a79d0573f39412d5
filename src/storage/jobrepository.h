#pragma once

#include "core/jobinfo.h"
#include "core/result.h"
#include "storage/connectionsource.h"
#include "storage/outboxjob.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// The jobs / outbox table. A job moves queued -> running (claimDue) -> succeeded | failed, or back
// to queued with a later notBefore when markFailed() is given a retry time; a queued job can be
// cancelled. Style as in AccountRepository: const reads on the calling thread, static writes in a
// WriteContext, so "enqueue" is committed when its Storage::write() future reports success - before
// the caller sends anything.
class JobRepository
{
public:
    explicit JobRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit JobRepository(const WriteContext& context)
        : m_source(context)
    {}

    Result<std::optional<OutboxJob>> get(qint64 id) const;
    Result<std::optional<OutboxJob>> findByClientUuid(const QUuid& clientUuid) const;
    // Newest first; all states when `state` is empty.
    Result<QList<OutboxJob>> list(std::optional<JobState> state = std::nullopt, int limit = 200) const;
    // What an account still has in its outbox of `kind`: queued (due now or scheduled), running
    // and failed jobs, in the order they are due (failed ones by when they were queued).
    Result<QList<OutboxJob>> listPending(const QString& kind, qint64 accountId, int limit = 200) const;

    // Queues a job. The payload must be JSON (ErrorKind::Validation otherwise); a client uuid that
    // already exists is ErrorKind::Conflict and changes nothing.
    static Result<qint64> enqueue(WriteContext& ctx, const QString& kind, const QByteArray& payloadJson,
                                  const QUuid& clientUuid, const QByteArray& contentHash,
                                  const QDateTime& notBefore = {}, qint64 accountId = 0);
    // Atomically marks up to `limit` queued jobs due at `now` as running (attempts + 1) and returns
    // them, oldest due first. Two claimers - threads or processes - never get the same job
    // (SQLite: the write lock; PostgreSQL: FOR UPDATE SKIP LOCKED). With `kind`, only jobs of
    // that kind (each worker claims what it can run).
    static Result<QList<OutboxJob>> claimDue(WriteContext& ctx, const QDateTime& now, int limit,
                                             const QString& kind = {});
    // Only a running job can finish (ErrorKind::Conflict otherwise, NotFound for a missing id).
    static Status markSucceeded(WriteContext& ctx, qint64 id);
    // With retryAt: back to queued, due at retryAt. Without: failed for good.
    static Status markFailed(WriteContext& ctx, qint64 id, const QString& reason,
                             std::optional<QDateTime> retryAt = std::nullopt);
    // Only a queued job can be cancelled (ErrorKind::Conflict otherwise).
    static Status cancel(WriteContext& ctx, qint64 id);
    // A failed job goes back to the queue, due at once (ErrorKind::Conflict otherwise). Its
    // attempts are kept: the next claim counts as a retry, so the worker checks first whether an
    // earlier attempt got through.
    static Status retry(WriteContext& ctx, qint64 id);
    // A failed job the user gave up on becomes cancelled (ErrorKind::Conflict otherwise).
    static Status discard(WriteContext& ctx, qint64 id);
    // Jobs of `kind` left running since before `startedBefore` - their process died or hung - go
    // back to the queue, due at once, with `reason` as their last error; their ids. The caller
    // must assume such a job may have reached the service (its next claim has attempts > 1).
    static Result<QList<qint64>> requeueStale(WriteContext& ctx, const QString& kind, const QDateTime& startedBefore,
                                              const QString& reason);

private:
    Result<QList<OutboxJob>> query(const QString& whereAndOrder, const QVariantHash& values) const;
    static Status transition(WriteContext& ctx, qint64 id, const QString& fromState, const QString& sql,
                             const QVariantHash& values);

    ConnectionSource m_source;
};

} // namespace AssetDesk
