#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace AssetDesk {

// A post on X, planned or published. clientUuid and contentHash are fixed when the post is
// committed to the outbox, before anything is sent, so a retry can recognise its own post.
struct Post
{
    enum class Status { Draft, Queued, Scheduled, Publishing, Published, Failed, Deleted };

    qint64 id = 0;
    qint64 accountId = 0;
    QString remoteId;       // empty until published
    QString text;
    QStringList mediaIds;   // X media ids after upload
    QString replyToRemoteId;
    QString quoteRemoteId;
    Status status = Status::Draft;
    QUuid clientUuid;
    QByteArray contentHash;
    QDateTime scheduledAt;
    QDateTime publishedAt;
    QString failureReason;

    bool operator==(const Post&) const = default;
};

} // namespace AssetDesk
