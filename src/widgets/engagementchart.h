#pragma once

#include "models/engagementseries.h"

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace AssetDesk {

// A small chart of an asset's impressions and likes over time (the sums of EngagementSeries),
// each on its own axis: impressions run orders of magnitude above likes.
class EngagementChart : public QChartView
{
    Q_OBJECT
public:
    explicit EngagementChart(QWidget* parent = nullptr);

    void setPoints(const QList<EngagementPoint>& points);

    QLineSeries* impressionsSeries() const { return m_impressions; }
    QLineSeries* likesSeries() const { return m_likes; }

private:
    QLineSeries* m_impressions;
    QLineSeries* m_likes;
    QDateTimeAxis* m_time;
    QValueAxis* m_impressionsAxis;
    QValueAxis* m_likesAxis;
};

} // namespace AssetDesk
