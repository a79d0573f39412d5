#pragma once

#include "core/engagementsample.h"

#include <QDateTime>
#include <QList>

namespace AssetDesk {

// One point of an asset's engagement over time: the sum, over the asset's posts, of each post's
// newest sample at that instant.
struct EngagementPoint
{
    QDateTime at;
    qint64 impressions = 0;
    qint64 likes = 0;

    bool operator==(const EngagementPoint&) const = default;
};

class EngagementSeries
{
public:
    // The summed series of several posts' sample series (each oldest first): one point per
    // distinct sample time, so a post sampled later adds its counters from then on.
    static QList<EngagementPoint> summed(const QList<QList<EngagementSample>>& perPost);
};

} // namespace AssetDesk
