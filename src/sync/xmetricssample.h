#pragma once

#include "core/engagementsample.h"
#include "core/postmetrics.h"

#include <QDateTime>

namespace AssetDesk {

// One engagement sample from the metric groups X returned for a post. Each counter comes from the
// group that has it, public first (everyone sees the same public counts, and they exist for posts
// of any age), then organic, then non-public: link and profile clicks exist only in the
// owner-only groups, which X gives for posts younger than 30 days. A counter no group reports
// is 0.
struct XMetricsSample
{
    static EngagementSample fromMetrics(qint64 postId, const PostMetrics& metrics, const QDateTime& sampledAt);
};

} // namespace AssetDesk
