#include "core/whenfinished.h"
#include "sync/xmetricspoller.h"

#include "connectors/x/xapi.h"
#include "connectors/x/xconnector.h"
#include "connectors/x/xposts.h"
#include "net/ratebudget.h"
#include "storage/accountrepository.h"
#include "storage/engagementrepository.h"
#include "storage/storage.h"
#include "sync/connectorpool.h"
#include "sync/xmetricssample.h"

#include <QLoggingCategory>
#include <QPointer>

namespace AssetDesk {

namespace {
Q_LOGGING_CATEGORY(lcMetrics, "assetdesk.sync.metrics")
} // namespace

struct XMetricsPoller::Cycle
{
    struct Turn
    {
        Account account;
        QList<PolledPost> posts;
        qsizetype next = 0; // index of the first post not yet read
    };
    QList<Turn> turns;
    qsizetype current = -1;
    XMetricsCycle summary;
    int total = 0;
    int done = 0;

    Turn& turn() { return turns[current]; }
    XMetricsAccountResult& result() { return summary.accounts[current]; }
};

XMetricsPoller::XMetricsPoller(Storage& storage, ConnectorPool& pool, std::shared_ptr<RateBudget> budget,
                               Options options, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
    , m_budget(std::move(budget))
    , m_options(options)
{
    qRegisterMetaType<AssetDesk::XMetricsCycle>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &XMetricsPoller::pollNow);
}

XMetricsPoller::~XMetricsPoller() = default;

QString XMetricsPoller::bucketOf(const Account& account)
{
    return XApi(account).bucket("GET", QStringLiteral("/2/tweets"));
}

void XMetricsPoller::start()
{
    if (m_running)
        return;
    m_running = true;
    pollNow();
}

void XMetricsPoller::stop()
{
    m_running = false;
    m_timer.stop();
}

void XMetricsPoller::pollNow()
{
    if (m_cycle)
        return;
    beginCycle();
}

void XMetricsPoller::beginCycle()
{
    m_cycle = std::make_unique<Cycle>();
    m_cycle->summary.startedAt = m_options.clock.now();
    const QDateTime since = m_cycle->summary.startedAt.addDays(-m_options.days);
    const Result<QList<Account>> accounts = AccountRepository(m_storage).list();
    if (!accounts)
        qCWarning(lcMetrics) << "listing the X accounts failed:" << accounts.error().toLogString();
    for (const Account& account : accounts.ok() ? accounts.value() : QList<Account>{}) {
        if (account.service != Service::X || (m_options.accountId && *m_options.accountId != account.id))
            continue;
        Cycle::Turn turn{account, {}, 0};
        XMetricsAccountResult result;
        result.accountId = account.id;
        result.accountLabel = account.label;
        if (Result<QList<PolledPost>> posts = EngagementRepository(m_storage).publishedSince(account.id, since)) {
            turn.posts = posts.value();
        } else {
            result.reason = posts.error().message();
        }
        result.posts = int(turn.posts.size());
        m_cycle->total += result.posts;
        m_cycle->turns << turn;
        m_cycle->summary.accounts << result;
    }
    emit cycleStarted(int(m_cycle->turns.size()));
    nextAccount();
}

void XMetricsPoller::nextAccount()
{
    ++m_cycle->current;
    if (m_cycle->current >= m_cycle->turns.size())
        return endCycle();
    nextBatch();
}

QString XMetricsPoller::budgetRefusal(const Account& account) const
{
    if (!m_budget)
        return {};
    const QString bucket = bucketOf(account);
    const qint64 now = m_options.clock.nowMs();
    const std::optional<qint64> blocked = m_budget->blockedUntilMs(bucket);
    const std::optional<qint64> remaining = m_budget->remaining(bucket);
    if (blocked && *blocked > now) {
        return tr("X asked to wait %1 s before reading %2's posts again; their metrics wait for the next cycle.")
            .arg((*blocked - now + 999) / 1000)
            .arg(account.label);
    }
    if (remaining && *remaining <= m_options.reserve) {
        return tr("Only %1 requests of %2's X rate window are left; metrics wait for the next cycle so the X pane "
                  "and the publisher keep theirs.")
            .arg(*remaining)
            .arg(account.label);
    }
    return {};
}

void XMetricsPoller::nextBatch()
{
    Cycle::Turn& turn = m_cycle->turn();
    if (!m_cycle->result().reason.isEmpty())
        return endAccount(m_cycle->result().reason, false); // its posts could not be listed
    if (turn.next >= turn.posts.size())
        return endAccount({}, false);
    if (const QString refusal = budgetRefusal(turn.account); !refusal.isEmpty())
        return endAccount(refusal, true);

    const QList<PolledPost> batch = turn.posts.mid(turn.next, kBatchSize);
    QStringList ids;
    QHash<QString, qint64> postIds;
    for (const PolledPost& p : batch) {
        ids << p.remoteId;
        postIds.insert(p.remoteId, p.postId);
    }
    emit progress(m_cycle->done, m_cycle->total, tr("Reading X metrics of %1").arg(turn.account.label));
    ++m_cycle->result().requests;
    const qint64 accountId = turn.account.id;
    m_pool.acquire(accountId, [this, self = QPointer<XMetricsPoller>(this), ids, postIds, n = int(batch.size())](
                                  Result<ServiceConnector*> connector) {
        if (!self || !m_cycle)
            return;
        auto* x = connector ? qobject_cast<XConnector*>(connector.value()) : nullptr;
        if (!x) {
            return endAccount(connector ? tr("The account is not an X account.") : connector.error().message(),
                              false);
        }
        x->posts().metrics(ids, this, [this, postIds, n](Result<XPostPage> page) {
            if (!m_cycle)
                return;
            m_cycle->turn().next += n;
            m_cycle->done += n;
            if (!page) {
                const Error& e = page.error();
                // 429s the net layer gave up on: the window is spent, the account waits.
                const bool limited = e.kind() == ErrorKind::RateLimited || e.httpStatus() == 429;
                return endAccount(limited ? tr("X is rate limiting %1: %2 Metrics wait for the next cycle.")
                                                .arg(m_cycle->turn().account.label, e.message())
                                          : e.message(),
                                  limited);
            }
            const QDateTime now = m_options.clock.now();
            QList<EngagementSample> samples;
            for (const PublishedPost& post : page->posts) {
                if (const auto it = postIds.constFind(post.id); it != postIds.cend() && !post.metrics.isEmpty())
                    samples << XMetricsSample::fromMetrics(*it, post.metrics, now);
            }
            storeBatch(samples, int(page->posts.size()));
        });
    });
}

void XMetricsPoller::storeBatch(const QList<EngagementSample>& samples, int read)
{
    whenFinished(m_storage.write(
                     [samples](WriteContext& ctx) { return EngagementRepository::addSamples(ctx, samples); }),
                 this, [this, read](Result<int> stored) {
                     if (!m_cycle)
                         return;
                     if (!stored)
                         return endAccount(stored.error().message(), false);
                     m_cycle->result().read += read;
                     m_cycle->result().stored += stored.value();
                     emit progress(m_cycle->done, m_cycle->total, {});
                     nextBatch();
                 });
}

void XMetricsPoller::endAccount(const QString& reason, bool skipped)
{
    XMetricsAccountResult& result = m_cycle->result();
    result.reason = reason;
    result.skipped = skipped;
    if (!reason.isEmpty()) {
        qCInfo(lcMetrics) << "account" << result.accountId << (skipped ? "skipped:" : "failed:") << reason;
        if (skipped)
            emit accountSkipped(result.accountId, reason);
    }
    // Posts left unread in a skipped account still count as handled for the progress bar.
    m_cycle->done += int(m_cycle->turn().posts.size() - m_cycle->turn().next);
    m_cycle->turn().next = m_cycle->turn().posts.size();
    nextAccount();
}

void XMetricsPoller::endCycle()
{
    std::unique_ptr<Cycle> cycle = std::move(m_cycle);
    cycle->summary.finishedAt = m_options.clock.now();
    emit progress(cycle->total, cycle->total, {});
    emit cycleFinished(cycle->summary);
    if (m_running)
        m_timer.start(m_options.clock.toTimerInterval(m_options.interval));
}

} // namespace AssetDesk
