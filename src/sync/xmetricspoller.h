#pragma once

#include "core/account.h"
#include "net/netclock.h"
#include "core/postengagement.h"
#include "sync/xmetricscycle.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace AssetDesk {

class ConnectorPool;
class RateBudget;
class Storage;

// Collects engagement samples of recently published X posts. Every interval, for each X account
// of the workspace, it reads the metrics of the account's posts of the last `days` days in
// lookups of up to 100 ids (XPosts::metrics) and stores one sample per post whose counters moved
// (EngagementRepository::addSamples).
//
// It stays inside the account's rate budget rather than competing with the X pane and the
// publisher for it: before every lookup it asks the shared RateBudget about the account's
// GET /2/tweets window, and when fewer than `reserve` requests are left (or X said to wait) it
// leaves the rest of the account for the next cycle and says so (accountSkipped). A lookup that
// X answers with 429s - retried a bounded number of times by the net layer - ends the account's
// turn the same way. Nothing is retried within a cycle.
//
// A quiet background job, not a Jobs-pane entry: a cycle every few minutes would fill the pane
// with finished entries nobody started; the signals carry progress for a status line and for the
// CLI, and a cycle's problems are also logged (assetdesk.sync.metrics).
//
// Lives on the connector pool's (network) thread like XPublisher; its storage reads are small
// and run there, writes go through the storage writer.
class XMetricsPoller : public QObject
{
    Q_OBJECT
public:
    static constexpr int kBatchSize = 100; // ids per GET /2/tweets (x.md §9)

    struct Options
    {
        std::chrono::milliseconds interval = std::chrono::minutes(15);
        int days = 30;   // the age of the oldest post polled (the setting "metrics period")
        int reserve = 20; // requests of the window left for the X pane and the publisher
        std::optional<qint64> accountId; // only this account (the CLI's --account)
        NetClock clock;                  // the sample times and the budget's windows
    };

    XMetricsPoller(Storage& storage, ConnectorPool& pool, std::shared_ptr<RateBudget> budget, Options options,
                   QObject* parent = nullptr);
    ~XMetricsPoller() override;

    // Polls at once, then every interval until stop(). Idempotent.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // One cycle now (the CLI, a "refresh" action); ignored while a cycle runs. Works without start().
    void pollNow();
    bool isPolling() const { return m_cycle != nullptr; }
    // The metrics period changed (Settings → DAM write-back): used from the next cycle on.
    void setDays(int days) { m_options.days = days; }

    // The rate bucket the account's metric lookups count against.
    static QString bucketOf(const Account& account);

signals:
    void cycleStarted(int accounts);
    // done / total posts of the cycle so far; status names the account being read.
    void progress(int done, int total, const QString& status);
    void accountSkipped(qint64 accountId, const QString& reason);
    void cycleFinished(const AssetDesk::XMetricsCycle& cycle);

private:
    struct Cycle;

    void beginCycle();
    void nextAccount();
    void nextBatch();
    void storeBatch(const QList<EngagementSample>& samples, int read);
    void endAccount(const QString& reason, bool skipped);
    void endCycle();
    // Why the account must not send now, or empty when it may.
    QString budgetRefusal(const Account& account) const;

    Storage& m_storage;
    ConnectorPool& m_pool;
    std::shared_ptr<RateBudget> m_budget;
    Options m_options;
    QTimer m_timer;
    bool m_running = false;
    std::unique_ptr<Cycle> m_cycle;
};

} // namespace AssetDesk
