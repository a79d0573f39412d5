#include "widgets/engagementchart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace AssetDesk {

namespace {
// An axis from 0 to a little above the largest value, never empty.
void fit(QValueAxis* axis, qint64 largest)
{
    axis->setRange(0, std::max<double>(1.0, double(largest) * 1.1));
    axis->applyNiceNumbers();
}
} // namespace

EngagementChart::EngagementChart(QWidget* parent)
    : QChartView(parent)
    , m_impressions(new QLineSeries)
    , m_likes(new QLineSeries)
    , m_time(new QDateTimeAxis)
    , m_impressionsAxis(new QValueAxis)
    , m_likesAxis(new QValueAxis)
{
    setObjectName(QStringLiteral("engagementChart"));
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    m_impressions->setName(tr("Impressions"));
    m_likes->setName(tr("Likes"));
    chart->addSeries(m_impressions);
    chart->addSeries(m_likes);
    m_time->setFormat(QStringLiteral("MMM d"));
    m_time->setTickCount(4);
    m_impressionsAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_likesAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_impressionsAxis, Qt::AlignLeft);
    chart->addAxis(m_likesAxis, Qt::AlignRight);
    m_impressions->attachAxis(m_time);
    m_impressions->attachAxis(m_impressionsAxis);
    m_likes->attachAxis(m_time);
    m_likes->attachAxis(m_likesAxis);
    setChart(chart); // the view owns the chart, the chart its series and axes
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
}

void EngagementChart::setPoints(const QList<EngagementPoint>& points)
{
    QList<QPointF> impressions;
    QList<QPointF> likes;
    qint64 maxImpressions = 0;
    qint64 maxLikes = 0;
    for (const EngagementPoint& p : points) {
        const double x = double(p.at.toMSecsSinceEpoch());
        impressions << QPointF(x, double(p.impressions));
        likes << QPointF(x, double(p.likes));
        maxImpressions = std::max(maxImpressions, p.impressions);
        maxLikes = std::max(maxLikes, p.likes);
    }
    m_impressions->replace(impressions);
    m_likes->replace(likes);
    if (!points.isEmpty()) {
        QDateTime first = points.first().at.toLocalTime();
        QDateTime last = points.last().at.toLocalTime();
        if (first == last) // a single sample: show the hour around it
            last = first.addSecs(3600);
        m_time->setRange(first, last);
        m_time->setFormat(first.daysTo(last) < 2 ? QStringLiteral("hh:mm") : QStringLiteral("MMM d"));
    }
    fit(m_impressionsAxis, maxImpressions);
    fit(m_likesAxis, maxLikes);
}

} // namespace AssetDesk
