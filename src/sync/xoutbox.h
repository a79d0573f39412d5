#pragma once

#include "core/result.h"
#include "sync/xpublishpayload.h"

#include <QDateTime>
#include <QFuture>
#include <QUuid>

#include <chrono>

namespace AssetDesk {

class Storage;

// Queues X posts in the outbox (the jobs table, kind kXPublishJobKind). A job is committed -
// with its client uuid and content hash - when the returned future reports its id, and only then
// may anything be sent; XPublisher sends it when it is due. The undo window ("send in N
// seconds") is a job due N seconds from now that cancel() pulls back while it is still queued.
// Any thread; the futures finish on a pool thread (hashing media reads files, so it never runs on
// the caller's).
class XOutbox
{
public:
    static inline const QString kXPublishJobKind = QStringLiteral("x.publish");

    explicit XOutbox(Storage& storage)
        : m_storage(storage)
    {}

    // Publishes as soon as a publisher is free (invalid notBefore) or at notBefore. A null client
    // uuid gets a fresh one; queueing the same uuid again is ErrorKind::Conflict.
    QFuture<Result<qint64>> enqueue(const XPublishPayload& payload, const QDateTime& notBefore = {},
                                    const QUuid& clientUuid = {});
    // Due `undoWindow` from now: cancel() before then and nothing is sent.
    QFuture<Result<qint64>> sendIn(const XPublishPayload& payload, std::chrono::seconds undoWindow,
                                   const QUuid& clientUuid = {});
    // ErrorKind::Conflict once the publisher has claimed the job (too late to undo).
    QFuture<Status> cancel(qint64 jobId);

private:
    Storage& m_storage;
};

} // namespace AssetDesk
