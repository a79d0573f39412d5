#include "xdesk.h"

#include "composeflow.h"
#include "workspacesession.h"

#include "core/whenfinished.h"
#include "models/accountsmodel.h"
#include "models/xcolumnfeed.h"
#include "models/xpostlistmodel.h"
#include "models/xqueuemodel.h"
#include "storage/jobrepository.h"
#include "storage/storage.h"
#include "sync/xoutbox.h"
#include "sync/xpublisher.h"
#include "sync/xtimelinefeed.h"
#include "widgets/xpane.h"

#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace AssetDesk {

struct XDesk::Column
{
    XPostListModel* posts = nullptr;
    XPostListModel* mentions = nullptr;
    XQueueModel* queue = nullptr;
    XColumnFeed* feed = nullptr;
};

XDesk::XDesk(WorkspaceSession& session, XPane* pane, AccountsModel* accounts, QWidget* window,
             QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_pane(pane)
    , m_accounts(accounts)
    , m_timeline(new XTimelineFeed(session.storage(), session.pool(), this))
    , m_compose(new ComposeFlow(session, window, this))
{
    connect(this, &XDesk::composeRequested, m_compose, &ComposeFlow::compose);
    connect(m_timeline, &XTimelineFeed::postsFetched, this,
            [this](qint64 accountId, const QList<PublishedPost>& posts) {
                if (m_columns.contains(accountId))
                    m_columns.value(accountId)->posts->mergeRemote(posts);
            });
    connect(m_timeline, &XTimelineFeed::mentionsFetched, this,
            [this](qint64 accountId, const QList<PublishedPost>& posts) {
                if (m_columns.contains(accountId))
                    m_columns.value(accountId)->mentions->mergeRemote(posts);
            });
    connect(pane, &XPane::columnsChanged, this, &XDesk::columnsChanged);
    connect(pane, &XPane::composeRequested, this, &XDesk::composeRequested);
    connect(pane, &XPane::retryRequested, this, &XDesk::retry);
    connect(pane, &XPane::cancelRequested, this, &XDesk::cancel);
    connect(pane, &XPane::editRequested, this, &XDesk::edit);
    connect(&session.publisher(), &XPublisher::jobFinished, this,
            [this](qint64, JobState state, const QString& detail) {
                if (state == JobState::Failed)
                    emit statusMessage(tr("A post could not be published: %1").arg(detail));
            });
}

XDesk::~XDesk()
{
    // The pane outlives the session: it must not keep showing models that go with this object.
    if (m_pane)
        m_pane->setColumns({}, {});
    qDeleteAll(m_columns);
}

QString XDesk::settingsKey(const QString& workspaceId)
{
    return QStringLiteral("x/columns/") + workspaceId;
}

void XDesk::showColumns()
{
    if (!m_pane)
        return;
    QList<qint64> ids;
    QSettings settings;
    const QVariant stored = settings.value(settingsKey(m_session.workspaceId()));
    if (stored.isValid()) {
        for (const QString& id : stored.toStringList())
            ids << id.toLongLong();
    } else {
        // The first time: every X account, in the accounts' order.
        for (const Account& account : m_accounts->accounts()) {
            if (account.service == Service::X)
                ids << account.id;
        }
    }
    m_pane->setColumns(ids, [this](qint64 accountId) {
        Column& column = columnOf(accountId);
        return XPane::ColumnModels{column.posts, column.mentions, column.queue};
    });
    // Accounts that are gone are dropped from what is remembered.
    if (stored.isValid() && m_pane->columns() != ids)
        columnsChanged(m_pane->columns());
}

void XDesk::showPost(qint64 accountId, const QString& remoteId)
{
    m_showing.cancel();
    if (!m_pane)
        return;
    if (!m_pane->columns().contains(accountId))
        m_pane->addColumn(accountId); // its models start reading (columnOf)
    Column* column = m_columns.value(accountId);
    if (!column) {
        emit statusMessage(tr("The X account of that post is not in this workspace any more."));
        return;
    }
    XColumnFeed* feed = column->feed;
    m_showing.start(
        feed, this,
        [pane = m_pane, accountId, remoteId] { return pane && pane->showPost(accountId, remoteId); },
        PendingShow::readAgainOnce(feed, [this, remoteId] {
            emit statusMessage(tr("The X post %1 is not in its account's column.").arg(remoteId));
        }));
}

XDesk::Column& XDesk::columnOf(qint64 accountId)
{
    if (Column* existing = m_columns.value(accountId))
        return *existing;
    auto* column = new Column;
    column->posts = new XPostListModel(this);
    column->mentions = new XPostListModel(this);
    column->queue = new XQueueModel(this);
    column->feed = new XColumnFeed(m_session.storage(), accountId, XOutbox::kXPublishJobKind, column->posts,
                                   column->queue, this);
    connect(column->feed, &XColumnFeed::loadFailed, this, [this](const Error& error) {
        emit statusMessage(tr("The X column could not be read: %1").arg(error.message()));
    });
    column->feed->reload();
    m_timeline->follow(accountId);
    m_columns.insert(accountId, column);
    return *column;
}

XPostListModel* XDesk::posts(qint64 accountId) const
{
    const Column* column = m_columns.value(accountId);
    return column ? column->posts : nullptr;
}

XPostListModel* XDesk::mentions(qint64 accountId) const
{
    const Column* column = m_columns.value(accountId);
    return column ? column->mentions : nullptr;
}

XQueueModel* XDesk::queue(qint64 accountId) const
{
    const Column* column = m_columns.value(accountId);
    return column ? column->queue : nullptr;
}

void XDesk::columnsChanged(const QList<qint64>& accountIds)
{
    QStringList entries;
    for (qint64 id : accountIds)
        entries << QString::number(id);
    QSettings().setValue(settingsKey(m_session.workspaceId()), entries);
    // A removed column stops reading X; its models go once its widget has (deleteLater).
    for (qint64 id : m_columns.keys()) {
        if (accountIds.contains(id))
            continue;
        m_timeline->unfollow(id);
        Column* column = m_columns.take(id);
        column->feed->deleteLater();
        column->posts->deleteLater();
        column->mentions->deleteLater();
        column->queue->deleteLater();
        delete column;
    }
}

int XDesk::shownState(qint64 accountId, qint64 jobId) const
{
    const XQueueModel* model = queue(accountId);
    const int row = model ? model->rowOfJob(jobId) : -1;
    return row < 0 ? -1 : int(model->item(row).state);
}

void XDesk::retry(qint64 accountId, qint64 jobId)
{
    Q_UNUSED(accountId);
    whenFinished(
        m_session.storage().write([jobId](WriteContext& ctx) { return JobRepository::retry(ctx, jobId); }),
        this, [this](const Status& done) {
            if (!done)
                emit statusMessage(tr("The post could not be retried: %1").arg(done.error().message()));
        });
}

void XDesk::cancel(qint64 accountId, qint64 jobId)
{
    // A failed post is discarded; a queued or scheduled one is pulled back before it is sent.
    const bool failed = shownState(accountId, jobId) == int(XQueueModel::State::Failed);
    QFuture<Status> done = failed ? m_session.storage().write([jobId](WriteContext& ctx) {
        return JobRepository::discard(ctx, jobId);
    })
                                  : XOutbox(m_session.storage()).cancel(jobId);
    whenFinished(done, this, [this](const Status& cancelled) {
        if (!cancelled)
            emit statusMessage(tr("The post could not be cancelled: %1").arg(cancelled.error().message()));
    });
}

void XDesk::edit(qint64 accountId, qint64 jobId)
{
    const XQueueModel* model = queue(accountId);
    const int row = model ? model->rowOfJob(jobId) : -1;
    if (row < 0)
        return;
    const bool failed = model->item(row).state == XQueueModel::State::Failed;
    Storage* storage = &m_session.storage();
    // The job's own payload (text, media, alt texts), read on the pool.
    whenFinished(
        QtConcurrent::run([storage, jobId]() -> Result<ComposeFlow::Edit> {
            const Result<std::optional<OutboxJob>> job = JobRepository(*storage).get(jobId);
            if (!job)
                return job.error();
            if (!job->has_value())
                return Error(ErrorKind::NotFound, tr("The post is no longer in the outbox."));
            Result<XPublishPayload> payload = XPublishPayload::fromJson((*job)->payload);
            if (!payload)
                return payload.error();
            ComposeFlow::Edit edit;
            edit.original = std::move(payload).value();
            edit.notBefore = (*job)->notBefore;
            return edit;
        }),
        this, [this, jobId, failed](Result<ComposeFlow::Edit> read) {
            if (!read) {
                emit statusMessage(tr("The post cannot be edited any more: %1").arg(read.error().message()));
                return;
            }
            ComposeFlow::Edit edit = std::move(read).value();
            if (failed) {
                // A failed post is not sent meanwhile: it is replaced only once the edit is queued.
                edit.failedJobId = jobId;
                m_compose->recompose(edit);
                return;
            }
            // A queued one is pulled back first, so it cannot be sent while it is edited; closing
            // the composer without queueing puts it back.
            edit.requeueOnCancel = true;
            whenFinished(
                XOutbox(m_session.storage()).cancel(jobId), this, [this, edit](const Status& pulled) {
                    if (!pulled) {
                        emit statusMessage(
                            tr("The post cannot be edited any more: %1").arg(pulled.error().message()));
                        return;
                    }
                    m_compose->recompose(edit);
                });
        });
}

} // namespace AssetDesk
