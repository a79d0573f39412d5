#include "sync/xoutbox.h"

#include "storage/jobrepository.h"
#include "storage/storage.h"

#include <QtConcurrent/QtConcurrentRun>

namespace AssetDesk {

QFuture<Result<qint64>> XOutbox::enqueue(const XPublishPayload& payload, const QDateTime& notBefore,
                                         const QUuid& clientUuid)
{
    Storage* storage = &m_storage;
    return QtConcurrent::run([storage, payload, notBefore, clientUuid]() -> Result<qint64> {
        if (Status s = payload.validate(); !s)
            return s.error();
        Result<QByteArray> hash = payload.contentHash();
        if (!hash)
            return hash.error();
        const QUuid uuid = clientUuid.isNull() ? QUuid::createUuid() : clientUuid;
        const QByteArray json = payload.toJsonBytes();
        const QByteArray digest = hash.value();
        const qint64 accountId = payload.accountId;
        return storage->writeAndWait([=](WriteContext& ctx) {
            return JobRepository::enqueue(ctx, kXPublishJobKind, json, uuid, digest, notBefore, accountId);
        });
    });
}

QFuture<Result<qint64>> XOutbox::sendIn(const XPublishPayload& payload, std::chrono::seconds undoWindow,
                                        const QUuid& clientUuid)
{
    const QDateTime due = QDateTime::currentDateTimeUtc().addSecs(undoWindow.count());
    return enqueue(payload, due, clientUuid);
}

QFuture<Status> XOutbox::cancel(qint64 jobId)
{
    return m_storage.write([jobId](WriteContext& ctx) { return JobRepository::cancel(ctx, jobId); });
}

} // namespace AssetDesk
