#include "sync/jobrunner.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcJobs, "assetdesk.jobs")

namespace AssetDesk {

namespace {
constexpr int kMaxFinishedKept = 200;
}

JobRunner::JobRunner(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<AssetDesk::JobInfo>();
    m_publishTimer.setInterval(std::chrono::milliseconds(100));
    m_publishTimer.setSingleShot(true);
    connect(&m_publishTimer, &QTimer::timeout, this, &JobRunner::publishDirty);
}

JobRunner::~JobRunner()
{
    for (const Entry& entry : std::as_const(m_entries))
        entry.control->requestCancel();
    m_pool.waitForDone();
}

QUuid JobRunner::start(const JobSpec& spec, QObject* context, JobBody body)
{
    Q_ASSERT(context);
    return launch(spec, context, false, std::move(body));
}

QUuid JobRunner::startOnPool(const JobSpec& spec, JobWork work)
{
    return launch(spec, nullptr, true, [work = std::move(work)](std::shared_ptr<JobControl> control) {
        control->finish(work(*control));
    });
}

QUuid JobRunner::launch(const JobSpec& spec, QObject* context, bool onPool, JobBody body)
{
    JobInfo info;
    info.id = QUuid::createUuid();
    info.kind = spec.kind;
    info.title = spec.title;
    info.cancellable = spec.cancellable;
    info.createdAt = QDateTime::currentDateTimeUtc();

    Entry entry{spec, std::make_shared<JobControl>(info, this), QPointer<QObject>(context), onPool,
                std::move(body)};
    const QUuid id = info.id;
    m_entries.insert(id, entry);
    m_order.append(id);
    qCDebug(lcJobs) << "queued" << spec.kind << spec.title;
    emit jobUpdated(info);
    runEntry(id);
    return id;
}

void JobRunner::runEntry(const QUuid& id)
{
    const Entry& entry = m_entries[id];
    std::shared_ptr<JobControl> control = entry.control;
    JobBody body = entry.body;
    auto run = [control, body] {
        if (control->isCancelled()) {
            control->finish(Error(ErrorKind::Cancelled, tr("Cancelled before it started.")));
            return;
        }
        control->markStarted();
        body(control);
    };

    if (entry.onPool) {
        m_pool.start(run);
        return;
    }

    QObject* context = entry.context.data();
    if (!context) {
        control->finish(Error(ErrorKind::Internal, tr("The component that runs this job is gone.")));
        return;
    }
    // If the context dies first (before the queued body ran, or while its callbacks are pending)
    // nobody would ever finish the job.
    connect(context, &QObject::destroyed, this, [control] {
        control->finish(Error(ErrorKind::Internal, tr("The component running this job closed before it finished.")));
    });
    QMetaObject::invokeMethod(context, run, Qt::QueuedConnection);
}

void JobRunner::cancel(const QUuid& id)
{
    const auto it = m_entries.constFind(id);
    if (it != m_entries.constEnd())
        it->control->requestCancel();
}

QUuid JobRunner::retry(const QUuid& id)
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.constEnd() || !it->spec.retryable)
        return {};
    const JobInfo info = it->control->snapshot();
    if (info.state != JobState::Failed && info.state != JobState::Cancelled)
        return {};
    const Entry old = *it;
    return old.onPool ? launch(old.spec, nullptr, true, old.body) : launch(old.spec, old.context.data(), false, old.body);
}

void JobRunner::clearFinished()
{
    for (auto it = m_order.begin(); it != m_order.end();) {
        if (m_entries[*it].control->isFinished()) {
            const QUuid id = *it;
            m_entries.remove(id);
            it = m_order.erase(it);
            emit jobRemoved(id);
        } else {
            ++it;
        }
    }
}

QList<JobInfo> JobRunner::jobs() const
{
    QList<JobInfo> result;
    result.reserve(m_order.size());
    for (const QUuid& id : m_order)
        result.append(m_entries[id].control->snapshot());
    return result;
}

std::optional<JobInfo> JobRunner::job(const QUuid& id) const
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return it->control->snapshot();
}

int JobRunner::runningCount() const
{
    int n = 0;
    for (const Entry& entry : m_entries)
        n += entry.control->isFinished() ? 0 : 1;
    return n;
}

void JobRunner::setPublishInterval(std::chrono::milliseconds interval)
{
    m_publishTimer.setInterval(interval);
}

void JobRunner::controlChanged(const QUuid& id, bool immediate)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end() || it->finishPublished)
        return;
    if (!immediate) {
        if (!m_publishTimer.isActive())
            m_publishTimer.start();
        return;
    }
    it->control->m_dirty.store(false);
    const JobInfo info = it->control->snapshot();
    // Set before emitting: a slot may re-enter (clearFinished) and invalidate `it`.
    it->finishPublished = info.isFinished();
    emit jobUpdated(info);
    if (info.isFinished()) {
        if (info.error)
            qCInfo(lcJobs) << "failed" << info.kind << info.title << info.error->toLogString();
        emit jobFinished(info);
        // Keep a bounded history of finished jobs.
        int finished = 0;
        for (auto oit = m_order.rbegin(); oit != m_order.rend(); ++oit)
            finished += m_entries[*oit].control->isFinished() ? 1 : 0;
        for (auto oit = m_order.begin(); finished > kMaxFinishedKept && oit != m_order.end();) {
            if (m_entries[*oit].control->isFinished()) {
                const QUuid old = *oit;
                m_entries.remove(old);
                oit = m_order.erase(oit);
                --finished;
                emit jobRemoved(old);
            } else {
                ++oit;
            }
        }
    }
}

void JobRunner::publishDirty()
{
    const QList<QUuid> order = m_order; // slots may clear finished jobs while we emit
    for (const QUuid& id : order) {
        const auto it = m_entries.constFind(id);
        if (it == m_entries.constEnd() || it->finishPublished)
            continue;
        if (it->control->m_dirty.exchange(false))
            emit jobUpdated(it->control->snapshot());
    }
}

} // namespace AssetDesk
