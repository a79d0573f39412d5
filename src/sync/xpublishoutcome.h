#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace AssetDesk {

// How one attempt at an outbox job ended, as XPublishAttempt reports it to XPublisher.
struct XPublishOutcome
{
    enum class Kind
    {
        Published, // remoteId is the post on X (sent now, or found by reconciling)
        Retry,     // may or may not have reached X, or X asked us to wait: try again later
        Failed,    // definite: X refused it or it cannot be sent; reason says why
    };

    Kind kind = Kind::Failed;
    QString remoteId;
    QDateTime publishedAt;
    QStringList mediaIds;
    bool reconciled = false; // found on the account's timeline instead of created by this attempt
    QString reason;
    std::optional<std::chrono::milliseconds> retryAfter; // what the server asked for, if it did

    static XPublishOutcome published(const QString& id, const QDateTime& at, const QStringList& mediaIds,
                                     bool reconciled)
    {
        XPublishOutcome o;
        o.kind = Kind::Published;
        o.remoteId = id;
        o.publishedAt = at;
        o.mediaIds = mediaIds;
        o.reconciled = reconciled;
        return o;
    }
    static XPublishOutcome retry(const QString& reason, std::optional<std::chrono::milliseconds> after = {})
    {
        XPublishOutcome o;
        o.kind = Kind::Retry;
        o.reason = reason;
        o.retryAfter = after;
        return o;
    }
    static XPublishOutcome failed(const QString& reason)
    {
        XPublishOutcome o;
        o.kind = Kind::Failed;
        o.reason = reason;
        return o;
    }
};

} // namespace AssetDesk
