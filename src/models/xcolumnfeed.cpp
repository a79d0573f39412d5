#include "models/xcolumnfeed.h"

#include "core/result.h"
#include "core/whenfinished.h"
#include "models/xpostlistmodel.h"
#include "models/xqueuemodel.h"
#include "storage/jobrepository.h"
#include "storage/postrepository.h"
#include "storage/storage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent>

namespace AssetDesk {

namespace {
struct ColumnData
{
    QList<Post> posts;
    QList<XQueueModel::Item> queue;
};

// A job as its queue row. The payload is the outbox's JSON (XPublishPayload): only the parts a
// row shows are read here.
XQueueModel::Item queueItem(const OutboxJob& job, const QDateTime& now)
{
    XQueueModel::Item item;
    item.jobId = job.id;
    item.attempts = job.attempts;
    item.reason = job.lastError;
    const QJsonObject payload = QJsonDocument::fromJson(job.payload).object();
    item.text = payload.value(QStringLiteral("text")).toString();
    const QJsonArray media = payload.value(QStringLiteral("media")).toArray();
    item.mediaCount = int(media.size());
    for (const QJsonValue& id : payload.value(QStringLiteral("asset_ids")).toArray())
        item.assetIds << id.toInteger();
    for (const QJsonValue& m : media) {
        const qint64 asset = m.toObject().value(QStringLiteral("asset_id")).toInteger();
        if (asset > 0 && !item.assetIds.contains(asset))
            item.assetIds << asset;
    }
    switch (job.state) {
    case JobState::Running: item.state = XQueueModel::State::Publishing; break;
    case JobState::Failed: item.state = XQueueModel::State::Failed; break;
    default:
        item.state = job.notBefore.isValid() && job.notBefore > now ? XQueueModel::State::Scheduled
                                                                    : XQueueModel::State::Queued;
        break;
    }
    item.time = item.state == XQueueModel::State::Scheduled ? job.notBefore : job.createdAt;
    return item;
}
} // namespace

XColumnFeed::XColumnFeed(Storage& storage, qint64 accountId, const QString& jobKind, XPostListModel* posts,
                         XQueueModel* queue, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_accountId(accountId)
    , m_jobKind(jobKind)
    , m_posts(posts)
    , m_queue(queue)
{
    connect(&storage, &Storage::changed, this, &XColumnFeed::applyChanges);
}

void XColumnFeed::reload()
{
    if (m_reload.deferIfLoading())
        return;
    m_reload.start();
    Storage* storage = &m_storage;
    const qint64 accountId = m_accountId;
    const QString kind = m_jobKind;
    whenFinished(QtConcurrent::run([storage, accountId, kind]() -> Result<ColumnData> {
                     ColumnData data;
                     Result<QList<Post>> posts = PostRepository(*storage).listByAccount(accountId);
                     if (!posts)
                         return posts.error();
                     data.posts = std::move(posts).value();
                     const Result<QList<OutboxJob>> jobs =
                         JobRepository(*storage).listPending(kind, accountId);
                     if (!jobs)
                         return jobs.error();
                     const QDateTime now = QDateTime::currentDateTimeUtc();
                     for (const OutboxJob& job : *jobs)
                         data.queue << queueItem(job, now);
                     return data;
                 }),
                 this, [this](const Result<ColumnData>& data) {
                     if (m_reload.end())
                         reload();
                     if (!data) {
                         emit loadFailed(data.error());
                         return;
                     }
                     if (m_posts)
                         m_posts->mergeLocal(data->posts);
                     if (m_queue)
                         m_queue->setItems(data->queue);
                     emit loaded();
                 });
}

void XColumnFeed::applyChanges(const ChangeSet& changes)
{
    if (changes.touches(EntityKind::Post) || changes.touches(EntityKind::Job))
        reload();
}

} // namespace AssetDesk
