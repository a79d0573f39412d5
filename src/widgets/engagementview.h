#pragma once

#include "core/postengagement.h"
#include "models/engagementseries.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace AssetDesk {

class EngagementChart;

// The inspector's "Engagement" tab (PX2, IX2): the asset's sum over its posts, the posts (account,
// date, text excerpt, likes, reposts, replies, impressions) and a chart of impressions and likes
// over time. An asset never posted shows a short explanation instead.
class EngagementView : public QWidget
{
    Q_OBJECT
public:
    explicit EngagementView(QWidget* parent = nullptr);

    void setEngagement(const AssetEngagement& engagement, const QList<EngagementPoint>& series);

    QLabel* totalLabel() const { return m_total; }
    QTreeWidget* postsView() const { return m_posts; }
    EngagementChart* chart() const { return m_chart; }
    QLabel* emptyLabel() const { return m_empty; }
    bool isEmptyState() const;

    // The first line of a post's text, cut to about `length` characters.
    static QString excerpt(const QString& text, int length = 60);

private:
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QLabel* m_total;
    QTreeWidget* m_posts;
    EngagementChart* m_chart;
};

} // namespace AssetDesk
