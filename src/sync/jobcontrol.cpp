#include "sync/jobcontrol.h"

#include "net/contextrelay.h"
#include "sync/jobrunner.h"

namespace AssetDesk {

JobControl::JobControl(JobInfo info, JobRunner* runner)
    : m_id(info.id)
    , m_info(std::move(info))
{
    // Made on the runner's thread (JobRunner::launch); the notifier itself never receives
    // events, so it may be destroyed with the control on any thread.
    QObject::connect(&m_notifier, &JobNotifier::changed, runner, &JobRunner::controlChanged,
                     Qt::QueuedConnection);
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
    // The relay is made here, where the caller hands `context` over alive; requestCancel() may
    // run on another thread while the context is being destroyed on its own.
    std::shared_ptr<ContextRelay> relay = ContextRelay::create(context);
    {
        QMutexLocker lock(&m_mutex);
        if (!m_cancelled.load()) {
            m_cancelHandlers.append({std::move(relay), std::move(abort)});
            return;
        }
    }
    relay->post(std::move(abort));
}

JobInfo JobControl::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_info;
}

void JobControl::requestCancel()
{
    QList<std::pair<std::shared_ptr<ContextRelay>, std::function<void()>>> handlers;
    {
        QMutexLocker lock(&m_mutex);
        if (m_info.isFinished() || !m_info.cancellable || m_cancelled.exchange(true))
            return;
        m_info.statusText = QObject::tr("Cancelling…");
        handlers.swap(m_cancelHandlers);
    }
    for (auto& [relay, abort] : handlers)
        relay->post(std::move(abort));
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
    Q_EMIT m_notifier.changed(m_id, immediate);
}

} // namespace AssetDesk
