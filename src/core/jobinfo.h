#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUuid>

#include <optional>

namespace AssetDesk {

enum class JobState { Queued, Running, Succeeded, Failed, Cancelled };
QString jobStateId(JobState state);

// A snapshot of one background job, as the Jobs pane shows it. The job runner publishes a new
// snapshot whenever something visible changes (throttled), never per row of work.
struct JobInfo
{
    QUuid id;
    QString kind;          // "sync", "connection-test", "publish", "attach", "sandbox"...
    QString title;         // "Sync PhotoShelter (Acme)"
    JobState state = JobState::Queued;
    qint64 done = 0;
    qint64 total = 0;      // 0 = indeterminate
    QString statusText;    // "Page 12 of 40", "Waiting 12 s for the rate limit"
    std::optional<Error> error;
    bool cancellable = true;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;

    bool isFinished() const
    {
        return state == JobState::Succeeded || state == JobState::Failed || state == JobState::Cancelled;
    }
    // 0..1, or -1 when indeterminate.
    double fraction() const { return total > 0 ? double(done) / double(total) : -1.0; }
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::JobInfo)
