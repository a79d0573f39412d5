#include "core/whenfinished.h"
#include "sync/xpublisher.h"

#include "connectors/x/xconnector.h"
#include "core/rightsgate.h"
#include "storage/assetrepository.h"
#include "storage/jobrepository.h"
#include "storage/lineagerepository.h"
#include "storage/postrepository.h"
#include "storage/storage.h"
#include "sync/connectorpool.h"
#include "sync/damwritebackplanner.h"
#include "sync/xoutbox.h"

#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>
#include <utility>

namespace AssetDesk {

namespace {
Q_LOGGING_CATEGORY(lcOutbox, "assetdesk.sync.outbox")

struct Claimed
{
    QList<qint64> requeued; // abandoned jobs put back in the queue first
    QList<OutboxJob> jobs;
    std::optional<std::pair<qint64, QString>> refused; // a job the rights gate stopped, and why
};

struct Committed
{
    JobState state = JobState::Failed;
    QString detail;
};
} // namespace

XPublisher::XPublisher(Storage& storage, ConnectorPool& pool, Options options, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
    , m_options(options)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &XPublisher::poll);
}

void XPublisher::start()
{
    if (m_running)
        return;
    m_running = true;
    next(true);
}

void XPublisher::stop()
{
    m_running = false;
    m_timer.stop();
}

std::chrono::milliseconds XPublisher::backoff(int attempts, std::optional<std::chrono::milliseconds> serverAsked) const
{
    // base * 2^(attempts-1), capped; never sooner than the server asked.
    const int doublings = std::clamp(attempts - 1, 0, 20);
    const std::chrono::milliseconds grown = std::min(
        std::chrono::milliseconds(m_options.backoffBase.count() * (qint64(1) << doublings)), m_options.backoffMax);
    return serverAsked ? std::max(grown, *serverAsked) : grown;
}

void XPublisher::wake()
{
    if (!m_running)
        return;
    if (m_busy) {
        m_wakePending = true;
        return;
    }
    m_timer.start(0);
}

void XPublisher::next(bool immediately)
{
    if (!m_running || m_busy)
        return;
    immediately = std::exchange(m_wakePending, false) || immediately;
    m_timer.start(immediately ? std::chrono::milliseconds(0) : m_options.pollInterval);
}

void XPublisher::poll()
{
    if (!m_running || m_busy)
        return;
    m_busy = true;
    const bool recover = !m_recovered;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime staleBefore = now.addSecs(-m_options.lease.count());
    whenFinished(
        m_storage.write([recover, now, staleBefore](WriteContext& ctx) -> Result<Claimed> {
            Claimed claimed;
            if (recover) {
                Result<QList<qint64>> requeued = JobRepository::requeueStale(
                    ctx, XOutbox::kXPublishJobKind, staleBefore,
                    QStringLiteral(
                        "The publisher stopped while this job was running; checking X before retrying."));
                if (!requeued)
                    return requeued.error();
                claimed.requeued = requeued.value();
            }
            Result<QList<OutboxJob>> jobs = JobRepository::claimDue(ctx, now, 1, XOutbox::kXPublishJobKind);
            if (!jobs)
                return jobs.error();
            // The gate again, at send time, on the assets as they are now (IX6); a refusal is
            // final and committed with the claim, so nothing is sent.
            for (const OutboxJob& job : jobs.value()) {
                const Result<XPublishPayload> payload = XPublishPayload::fromJson(job.payload);
                if (!payload) {
                    claimed.jobs << job; // the attempt fails it with the payload's problem
                    continue;
                }
                const Status gate = XPublisher::checkRights(ctx, payload.value(), now);
                if (gate.ok()) {
                    claimed.jobs << job;
                    continue;
                }
                if (gate.error().kind() != ErrorKind::Validation)
                    return gate.error();
                if (Status s = JobRepository::markFailed(ctx, job.id, gate.error().message()); !s)
                    return s.error();
                claimed.refused = std::pair{job.id, gate.error().message()};
            }
            return claimed;
        }),
        this, [this, recover](Result<Claimed> claimed) {
            m_busy = false;
            if (!claimed) {
                qCWarning(lcOutbox) << "claiming outbox jobs failed:" << claimed.error().toLogString();
                next(false);
                return;
            }
            if (recover) {
                m_recovered = true;
                if (!claimed->requeued.isEmpty())
                    emit recovered(claimed->requeued);
            }
            if (claimed->refused) {
                qCInfo(lcOutbox) << "job" << claimed->refused->first
                                 << "refused by the rights gate:" << claimed->refused->second;
                emit jobFinished(claimed->refused->first, JobState::Failed, claimed->refused->second);
                next(true);
                return;
            }
            const QList<OutboxJob>& jobs = claimed->jobs;
            if (jobs.isEmpty()) {
                emit idle();
                next(false);
                return;
            }
            run(jobs.first());
        });
}

void XPublisher::run(const OutboxJob& job)
{
    m_busy = true;
    m_pool.acquire(job.accountId, [this, self = QPointer<XPublisher>(this), job](Result<ServiceConnector*> connector) {
        if (!self)
            return; // the job stays running; the next publisher recovers it after the lease
        if (!connector) {
            const XPublishOutcome outcome =
                connector.error().isTransient()
                    ? XPublishOutcome::retry(connector.error().message())
                    : XPublishOutcome::failed(QStringLiteral("The X account is not usable: %1").arg(connector.error().message()));
            commit(job, outcome);
            return;
        }
        auto* x = qobject_cast<XConnector*>(connector.value());
        if (!x) {
            commit(job, XPublishOutcome::failed(QStringLiteral("The job's account is not an X account.")));
            return;
        }
        auto* attempt = new XPublishAttempt(job, x, m_options.attempt,
                                            [this, job](const XPublishOutcome& outcome) { commit(job, outcome); }, this);
        attempt->start();
    });
}

void XPublisher::commit(const OutboxJob& job, const XPublishOutcome& outcome)
{
    XPublishOutcome effective = outcome;
    if (effective.kind == XPublishOutcome::Kind::Retry && job.attempts >= m_options.maxAttempts) {
        effective = XPublishOutcome::failed(
            QStringLiteral("Gave up after %1 attempts. Last: %2").arg(job.attempts).arg(outcome.reason));
    }
    const QDateTime retryAt = QDateTime::currentDateTimeUtc().addMSecs(backoff(job.attempts, effective.retryAfter).count());
    const DamWriteBackSettings writeBack = m_options.writeBack;
    whenFinished(
        m_storage.write([job, effective, retryAt, writeBack](WriteContext& ctx) -> Result<Committed> {
            switch (effective.kind) {
            case XPublishOutcome::Kind::Published: {
                Post post;
                post.accountId = job.accountId;
                post.remoteId = effective.remoteId;
                post.clientUuid = job.clientUuid;
                post.contentHash = job.contentHash;
                post.mediaIds = effective.mediaIds;
                post.publishedAt = effective.publishedAt;
                post.scheduledAt = job.notBefore;
                const Result<XPublishPayload> p = XPublishPayload::fromJson(job.payload);
                if (p) {
                    post.text = p->text;
                    post.replyToRemoteId = p->replyToId;
                    post.quoteRemoteId = p->quoteId;
                }
                Result<qint64> added = PostRepository::addPublished(ctx, post);
                if (!added) {
                    if (added.error().kind() != ErrorKind::Conflict)
                        return added.error();
                    // Another job already owns this remote post (the same text queued twice).
                    const QString reason = QStringLiteral("Post %1 on X is already recorded for another job.")
                                               .arg(effective.remoteId);
                    if (Status s = JobRepository::markFailed(ctx, job.id, reason); !s)
                        return s.error();
                    return Committed{JobState::Failed, reason};
                }
                if (p) {
                    if (Status s = XPublisher::recordLineage(ctx, added.value(), p.value()); !s)
                        return s.error();
                    if (Result<int> planned = DamWriteBackPlanner::planPublished(
                            ctx, writeBack, added.value(), post, p.value());
                        !planned)
                        return planned.error();
                }
                if (Status s = JobRepository::markSucceeded(ctx, job.id); !s)
                    return s.error();
                return Committed{JobState::Succeeded, effective.remoteId};
            }
            case XPublishOutcome::Kind::Retry:
                if (Status s = JobRepository::markFailed(ctx, job.id, effective.reason, retryAt); !s)
                    return s.error();
                return Committed{JobState::Queued, effective.reason};
            case XPublishOutcome::Kind::Failed:
                break;
            }
            if (Status s = JobRepository::markFailed(ctx, job.id, effective.reason); !s)
                return s.error();
            return Committed{JobState::Failed, effective.reason};
        }),
        this, [this, job](Result<Committed> committed) {
            m_busy = false;
            if (!committed) {
                // The job stays running; the next start() recovers it after the lease.
                qCWarning(lcOutbox) << "recording the outcome of job" << job.id
                                    << "failed:" << committed.error().toLogString();
                next(false);
                return;
            }
            qCDebug(lcOutbox) << "job" << job.id << jobStateId(committed->state) << committed->detail;
            emit jobFinished(job.id, committed->state, committed->detail);
            next(true);
        });
}

Status XPublisher::recordLineage(WriteContext& ctx, qint64 postId, const XPublishPayload& payload)
{
    using Kind = LineageEdge::NodeKind;
    auto link = [&ctx, postId](Kind fromKind, qint64 fromId, const QString& version) -> Status {
        LineageEdge edge;
        edge.fromKind = fromKind;
        edge.fromId = fromId;
        edge.toKind = Kind::Post;
        edge.toId = postId;
        edge.relation = QStringLiteral("published-as");
        edge.assetVersion = version;
        if (Result<qint64> added = LineageRepository::addEdge(ctx, edge); !added)
            return added.error();
        return {};
    };
    QList<qint64> covered; // assets that reach the post through a medium
    for (const XPublishPayload::Media& m : payload.media) {
        if (m.derivativeId > 0) {
            if (Status s = link(Kind::Derivative, m.derivativeId, m.assetVersion); !s)
                return s;
        } else if (m.assetId > 0) {
            if (Status s = link(Kind::Asset, m.assetId, m.assetVersion); !s)
                return s;
        }
        if (m.assetId > 0)
            covered << m.assetId;
    }
    for (qint64 assetId : payload.assetIds) {
        if (assetId <= 0 || covered.contains(assetId))
            continue;
        // A payload queued before media named their asset: the version used is not known.
        if (Status s = link(Kind::Asset, assetId, QString()); !s)
            return s;
        covered << assetId;
    }
    return {};
}

Status XPublisher::checkRights(WriteContext& ctx, const XPublishPayload& payload, const QDateTime& when)
{
    const QList<qint64> ids = payload.allAssetIds();
    if (ids.isEmpty())
        return {};
    Result<QList<Asset>> assets = AssetRepository(ctx).getMany(ids);
    if (!assets)
        return assets.error();
    for (qint64 id : ids) {
        const auto it = std::find_if(assets->cbegin(), assets->cend(), [id](const Asset& a) { return a.id == id; });
        if (it == assets->cend()) {
            return Error(ErrorKind::Validation,
                         QStringLiteral("An asset of this post (library id %1) is no longer in the library; its rights "
                                        "cannot be checked, so the post was not sent.")
                             .arg(id))
                .withOrigin(QStringLiteral("outbox"));
        }
        if (Status s = RightsGate::check(*it, when); !s)
            return s;
    }
    return {};
}

} // namespace AssetDesk
