#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace AssetDesk {

// What one metrics cycle did for one X account.
struct XMetricsAccountResult
{
    qint64 accountId = 0;
    QString accountLabel;
    int posts = 0;    // published posts of the period
    int read = 0;     // posts X returned metrics for
    int stored = 0;   // new samples (flat repeats are not stored)
    int requests = 0; // metric lookups started (each may be retried inside the net layer)
    bool skipped = false; // the rest of the account waits for the next cycle
    QString reason;       // why it was skipped or failed; empty when all went well

    bool operator==(const XMetricsAccountResult&) const = default;
};

// One cycle of XMetricsPoller over every X account of the workspace.
struct XMetricsCycle
{
    QDateTime startedAt;
    QDateTime finishedAt;
    QList<XMetricsAccountResult> accounts;

    int stored() const
    {
        int n = 0;
        for (const XMetricsAccountResult& a : accounts)
            n += a.stored;
        return n;
    }
    bool anySkipped() const
    {
        for (const XMetricsAccountResult& a : accounts) {
            if (a.skipped)
                return true;
        }
        return false;
    }
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::XMetricsCycle)
