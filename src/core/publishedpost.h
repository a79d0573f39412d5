#pragma once

#include "core/postmetrics.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace AssetDesk {

// A post as the social service has it (read back from a timeline, the mentions or a lookup), as
// opposed to Post, the outbox's record of what AssetDesk means to publish. Ids are the service's
// own (X: numeric strings of up to 19 digits, kept as text).
struct PublishedPost
{
    QString id;
    QString text;
    QString authorId;
    QDateTime createdAt; // UTC; invalid when the service did not send it
    QString conversationId;
    QStringList mediaKeys;   // attachments.media_keys
    QString inReplyToId;     // referenced post of type replied_to
    QString quotedId;        // referenced post of type quoted
    QString repostedId;      // referenced post of type retweeted / reposted
    QStringList editHistoryIds;
    PostMetrics metrics;

    bool operator==(const PublishedPost&) const = default;
};

} // namespace AssetDesk
