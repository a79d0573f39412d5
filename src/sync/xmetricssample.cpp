#include "sync/xmetricssample.h"

#include <optional>

namespace AssetDesk {

namespace {
using Member = std::optional<qint64> PostMetricCounts::*;

qint64 pick(const PostMetrics& m, Member member)
{
    for (const std::optional<PostMetricCounts>* group : {&m.publicCounts, &m.organicCounts, &m.nonPublicCounts}) {
        if (*group && ((**group).*member))
            return *((**group).*member);
    }
    return 0;
}
} // namespace

EngagementSample XMetricsSample::fromMetrics(qint64 postId, const PostMetrics& metrics, const QDateTime& sampledAt)
{
    EngagementSample s;
    s.postId = postId;
    s.sampledAt = sampledAt;
    s.impressions = pick(metrics, &PostMetricCounts::impressions);
    s.likes = pick(metrics, &PostMetricCounts::likes);
    s.reposts = pick(metrics, &PostMetricCounts::reposts);
    s.replies = pick(metrics, &PostMetricCounts::replies);
    s.quotes = pick(metrics, &PostMetricCounts::quotes);
    s.bookmarks = pick(metrics, &PostMetricCounts::bookmarks);
    s.linkClicks = pick(metrics, &PostMetricCounts::linkClicks);
    s.profileClicks = pick(metrics, &PostMetricCounts::profileClicks);
    return s;
}

} // namespace AssetDesk
