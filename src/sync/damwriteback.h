#pragma once

#include "core/jobinfo.h"
#include "storage/outboxjob.h"
#include "sync/damwritebackattempt.h"
#include "core/damwritebacksettings.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace AssetDesk {

class ConnectorPool;
class Storage;

// The worker that writes back into the DAM accounts (IX4 lifecycle status, PX3/PX7 archive,
// PX2/IX2 top performers): claims the write-back jobs DamWriteBackPlanner queued, one at a time,
// runs a DamWriteBackAttempt for each on the connector pool's (network) thread and commits the
// outcome - succeeded, a retry with exponential backoff (transient errors: 5xx, 429, timeouts),
// or failed with the reason. Every scanInterval it also plans: lifecycle "scheduled" for posts
// queued for later, and top performers past the threshold. Like XPublisher, it never blocks its
// thread: reads and writes go through Storage::write.
class DamWriteBack : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        std::chrono::milliseconds pollInterval{1000};
        std::chrono::milliseconds scanInterval{std::chrono::seconds(60)};
        std::chrono::seconds lease{300};
        // A post due later than this is "scheduled" (shorter: the undo window of "send now").
        std::chrono::seconds scheduledAfter{60};
        int maxAttempts = 6;
        std::chrono::milliseconds backoffBase{2000};
        std::chrono::milliseconds backoffMax{std::chrono::minutes(10)};
        DamWriteBackSettings settings;
    };

    DamWriteBack(Storage& storage, ConnectorPool& pool, Options options, QObject* parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Plans and claims now rather than at the next poll / scan.
    void wake();
    void setSettings(const DamWriteBackSettings& settings) { m_options.settings = settings; }

signals:
    void jobFinished(qint64 jobId, AssetDesk::JobState state, const QString& detail);
    // A poll found nothing due.
    void idle();

private:
    void poll();
    void run(const OutboxJob& job);
    void commit(const OutboxJob& job, const DamWriteBackAttempt::Outcome& outcome);
    void next(bool immediately);

    Storage& m_storage;
    ConnectorPool& m_pool;
    Options m_options;
    QTimer m_timer;
    QDateTime m_lastScan;
    bool m_running = false;
    bool m_recovered = false;
    bool m_busy = false;
    bool m_scanNow = true;
};

} // namespace AssetDesk
