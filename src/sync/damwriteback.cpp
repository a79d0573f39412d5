#include "core/whenfinished.h"
#include "sync/damwriteback.h"

#include "storage/jobrepository.h"
#include "storage/storage.h"
#include "sync/connectorpool.h"
#include "sync/damwritebackplanner.h"

#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>

namespace AssetDesk {

namespace {
Q_LOGGING_CATEGORY(lcWriteBack, "assetdesk.sync.writeback")

struct Claimed
{
    int planned = 0;
    std::optional<OutboxJob> job;
};
} // namespace

DamWriteBack::DamWriteBack(Storage& storage, ConnectorPool& pool, Options options, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
    , m_options(std::move(options))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DamWriteBack::poll);
}

void DamWriteBack::start()
{
    if (m_running)
        return;
    m_running = true;
    next(true);
}

void DamWriteBack::stop()
{
    m_running = false;
    m_timer.stop();
}

void DamWriteBack::wake()
{
    m_scanNow = true;
    if (m_running && !m_busy)
        m_timer.start(0);
}

void DamWriteBack::next(bool immediately)
{
    if (!m_running || m_busy)
        return;
    m_timer.start(immediately ? std::chrono::milliseconds(0) : m_options.pollInterval);
}

void DamWriteBack::poll()
{
    if (!m_running || m_busy)
        return;
    m_busy = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool scan = m_scanNow || !m_lastScan.isValid() || m_lastScan.msecsTo(now) >= m_options.scanInterval.count();
    if (scan) {
        m_scanNow = false;
        m_lastScan = now;
    }
    const bool recover = !m_recovered;
    const DamWriteBackSettings settings = m_options.settings;
    const QDateTime scheduledAfter = now.addSecs(m_options.scheduledAfter.count());
    const QDateTime staleBefore = now.addSecs(-m_options.lease.count());
    whenFinished(m_storage.write([=](WriteContext& ctx) -> Result<Claimed> {
        Claimed claimed;
        if (scan) {
            Result<int> scheduled = DamWriteBackPlanner::planScheduled(ctx, settings, scheduledAfter);
            if (!scheduled)
                return scheduled.error();
            Result<int> top = DamWriteBackPlanner::planTopPerformers(ctx, settings);
            if (!top)
                return top.error();
            claimed.planned = scheduled.value() + top.value();
        }
        for (const QString& kind : DamWriteBackPlanner::kinds()) {
            if (recover) {
                Result<QList<qint64>> requeued = JobRepository::requeueStale(
                    ctx, kind, staleBefore,
                    QStringLiteral("The write-back stopped while this job was running."));
                if (!requeued)
                    return requeued.error();
            }
        }
        // Oldest due first within a kind; lifecycle before archive before top performers.
        for (const QString& kind : DamWriteBackPlanner::kinds()) {
            Result<QList<OutboxJob>> jobs = JobRepository::claimDue(ctx, now, 1, kind);
            if (!jobs)
                return jobs.error();
            if (!jobs->isEmpty()) {
                claimed.job = jobs->first();
                break;
            }
        }
        return claimed;
    }),
                 this, [this, recover](Result<Claimed> claimed) {
                     m_busy = false;
                     if (!claimed) {
                         qCWarning(lcWriteBack)
                             << "claiming write-back jobs failed:" << claimed.error().toLogString();
                         next(false);
                         return;
                     }
                     if (recover)
                         m_recovered = true;
                     if (claimed->planned > 0)
                         qCDebug(lcWriteBack) << "planned" << claimed->planned << "write-back jobs";
                     if (!claimed->job) {
                         emit idle();
                         next(false);
                         return;
                     }
                     run(*claimed->job);
                 });
}

void DamWriteBack::run(const OutboxJob& job)
{
    m_busy = true;
    m_pool.acquire(job.accountId, [this, self = QPointer<DamWriteBack>(this), job](Result<ServiceConnector*> connector) {
        if (!self)
            return; // the job stays running; the next worker recovers it after the lease
        if (!connector) {
            const bool transient = connector.error().isTransient();
            commit(job, DamWriteBackAttempt::Outcome{transient ? DamWriteBackAttempt::Outcome::Kind::Retry
                                                               : DamWriteBackAttempt::Outcome::Kind::Failed,
                                                     QStringLiteral("The DAM account is not usable: %1").arg(connector.error().message()),
                                                     std::nullopt});
            return;
        }
        auto* attempt = new DamWriteBackAttempt(
            job, connector.value(), [this, job](const DamWriteBackAttempt::Outcome& outcome) { commit(job, outcome); }, this);
        attempt->start();
    });
}

void DamWriteBack::commit(const OutboxJob& job, const DamWriteBackAttempt::Outcome& outcome)
{
    using Kind = DamWriteBackAttempt::Outcome::Kind;
    Kind kind = outcome.kind;
    QString detail = outcome.detail;
    if (kind == Kind::Retry && job.attempts >= m_options.maxAttempts) {
        kind = Kind::Failed;
        detail = QStringLiteral("Gave up after %1 attempts. Last: %2").arg(job.attempts).arg(outcome.detail);
    }
    const int doublings = std::clamp(job.attempts - 1, 0, 20);
    std::chrono::milliseconds wait = std::min(
        std::chrono::milliseconds(m_options.backoffBase.count() * (qint64(1) << doublings)), m_options.backoffMax);
    if (outcome.retryAfter)
        wait = std::max(wait, *outcome.retryAfter);
    const QDateTime retryAt = QDateTime::currentDateTimeUtc().addMSecs(wait.count());
    whenFinished(m_storage.write([job, kind, detail, retryAt](WriteContext& ctx) -> Result<JobState> {
        switch (kind) {
        case Kind::Done:
            if (Status s = JobRepository::markSucceeded(ctx, job.id); !s)
                return s.error();
            return JobState::Succeeded;
        case Kind::Retry:
            if (Status s = JobRepository::markFailed(ctx, job.id, detail, retryAt); !s)
                return s.error();
            return JobState::Queued;
        case Kind::Failed:
            break;
        }
        if (Status s = JobRepository::markFailed(ctx, job.id, detail); !s)
            return s.error();
        return JobState::Failed;
    }),
                 this, [this, job, detail](Result<JobState> state) {
                     m_busy = false;
                     if (!state) {
                         qCWarning(lcWriteBack) << "recording write-back job" << job.id
                                                << "failed:" << state.error().toLogString();
                         next(false);
                         return;
                     }
                     qCDebug(lcWriteBack)
                         << "write-back job" << job.id << job.kind << jobStateId(state.value()) << detail;
                     emit jobFinished(job.id, state.value(), detail);
                     next(true);
                 });
}

} // namespace AssetDesk
