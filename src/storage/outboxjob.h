#pragma once

#include "core/jobinfo.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace AssetDesk {

// One row of the jobs / outbox table: an outbound action committed before anything is sent.
// clientUuid identifies the job across retries and processes (unique); contentHash lets the
// publisher recognise its own post when it reconciles after an ambiguous failure.
struct OutboxJob
{
    qint64 id = 0;
    QString kind;         // "publish", "attach", ...
    qint64 accountId = 0; // 0: not tied to an account
    QByteArray payload;   // JSON
    QUuid clientUuid;
    QByteArray contentHash; // raw digest bytes (stored as hex)
    JobState state = JobState::Queued;
    int attempts = 0;    // incremented by every claim
    QDateTime notBefore; // invalid: due at once
    QString lastError;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime startedAt;
    QDateTime finishedAt;

    bool operator==(const OutboxJob&) const = default;
};

} // namespace AssetDesk
