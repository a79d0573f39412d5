#include "sync/jobcontrol.h"

#include "sync/jobrunner.h"

#include <QMetaObject>

namespace AssetDesk {

JobControl::JobControl(JobInfo info, JobRunner* runner)
    : m_id(info.id)
    , m_runner(runner)
    , m_info(std::move(info))
{
}

void JobControl::setProgress(qint64 done, qint64 total)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_info.isFinished() || (m_info.done == done && m_info.total == total))
            return;
        m_info.done = done;
        m_info.total = total;
    }
    notifyRunner(false);
}

void JobControl::setStatus(const QString& text)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_info.isFinished() || m_info.statusText == text)
            return;
        m_info.statusText = text;
    }
    notifyRunner(false);
}

void JobControl::setTitle(const QString& title)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_info.title == title)
            return;
        m_info.title = title;
    }
    notifyRunner(false);
}

void JobControl::finish(const Status& result)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_info.isFinished())
            return;
        m_info.finishedAt = QDateTime::currentDateTimeUtc();
        if (result.ok()) {
            m_info.state = JobState::Succeeded;
            if (m_info.total > 0)
                m_info.done = m_info.total;
        } else if (m_cancelled.load() || result.error().kind() == ErrorKind::Cancelled) {
            m_info.state = JobState::Cancelled;
        } else {
            m_info.state = JobState::Failed;
            m_info.error = result.error();
        }
        m_cancelHandlers.clear();
    }
    notifyRunner(true);
}

bool JobControl::isFinished() const
{
    QMutexLocker lock(&m_mutex);
    return m_info.isFinished();
}

void JobControl::onCancel(QObject* context, std::function<void()> abort)
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_cancelled.load()) {
            m_cancelHandlers.append({QPointer<QObject>(context), std::move(abort)});
            return;
        }
    }
    QMetaObject::invokeMethod(context, std::move(abort), Qt::QueuedConnection);
}

JobInfo JobControl::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_info;
}

void JobControl::requestCancel()
{
    QList<std::pair<QPointer<QObject>, std::function<void()>>> handlers;
    {
        QMutexLocker lock(&m_mutex);
        if (m_info.isFinished() || !m_info.cancellable || m_cancelled.exchange(true))
            return;
        m_info.statusText = QObject::tr("Cancelling…");
        handlers.swap(m_cancelHandlers);
    }
    for (auto& [context, abort] : handlers) {
        if (context)
            QMetaObject::invokeMethod(context.data(), std::move(abort), Qt::QueuedConnection);
    }
    notifyRunner(true);
}

void JobControl::markStarted()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_info.state != JobState::Queued)
            return;
        m_info.state = JobState::Running;
        m_info.startedAt = QDateTime::currentDateTimeUtc();
    }
    notifyRunner(true);
}

void JobControl::notifyRunner(bool immediate)
{
    // Coalesce: only the first change since the last publish posts an event.
    if (!immediate && m_dirty.exchange(true))
        return;
    m_dirty.store(true);
    QPointer<JobRunner> runner = m_runner;
    if (!runner)
        return;
    const QUuid id = m_id;
    QMetaObject::invokeMethod(
        runner.data(), [runner, id, immediate] {
            if (runner)
                runner->controlChanged(id, immediate);
        },
        Qt::QueuedConnection);
}

} // namespace AssetDesk
