#include "models/engagementseries.h"

#include <QMap>

namespace AssetDesk {

QList<EngagementPoint> EngagementSeries::summed(const QList<QList<EngagementSample>>& perPost)
{
    // Every sample is a step in its post's counters: add the difference to its previous
    // sample at the sample's time, then accumulate in time order.
    QMap<QDateTime, EngagementPoint> steps;
    for (const QList<EngagementSample>& samples : perPost) {
        qint64 impressions = 0;
        qint64 likes = 0;
        for (const EngagementSample& s : samples) {
            EngagementPoint& step = steps[s.sampledAt];
            step.at = s.sampledAt;
            step.impressions += s.impressions - impressions;
            step.likes += s.likes - likes;
            impressions = s.impressions;
            likes = s.likes;
        }
    }
    QList<EngagementPoint> points;
    EngagementPoint running;
    for (const EngagementPoint& step : std::as_const(steps)) {
        running.at = step.at;
        running.impressions += step.impressions;
        running.likes += step.likes;
        points << running;
    }
    return points;
}

} // namespace AssetDesk
