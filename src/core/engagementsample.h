#pragma once

#include <QDateTime>

namespace AssetDesk {

// One observation of a post's metrics; samples accumulate over time.
struct EngagementSample
{
    qint64 postId = 0;
    QDateTime sampledAt;
    qint64 impressions = 0;
    qint64 likes = 0;
    qint64 reposts = 0;
    qint64 replies = 0;
    qint64 quotes = 0;
    qint64 bookmarks = 0;
    qint64 linkClicks = 0;
    qint64 profileClicks = 0;

    bool operator==(const EngagementSample&) const = default;
};

} // namespace AssetDesk
