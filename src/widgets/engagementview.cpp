#include "widgets/engagementview.h"

#include "widgets/engagementchart.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace AssetDesk {

namespace {
enum Column { Account, Date, Text, Likes, Reposts, Replies, Impressions };

QString count(qint64 n)
{
    return QLocale().toString(n);
}
} // namespace

EngagementView::EngagementView(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_total(new QLabel(this))
    , m_posts(new QTreeWidget(this))
    , m_chart(new EngagementChart(this))
{
    m_empty->setObjectName(QStringLiteral("engagementEmpty"));
    m_empty->setText(tr("This asset has not been posted yet. Once a post with it is published, its likes, reposts, "
                        "replies and impressions appear here."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setTextFormat(Qt::PlainText);
    m_total->setObjectName(QStringLiteral("engagementTotal"));
    m_total->setTextFormat(Qt::PlainText);
    m_total->setWordWrap(true);
    m_posts->setObjectName(QStringLiteral("engagementPosts"));
    m_posts->setHeaderLabels(
        {tr("Account"), tr("Posted"), tr("Text"), tr("Likes"), tr("Reposts"), tr("Replies"), tr("Impressions")});
    m_posts->setRootIsDecorated(false);
    m_posts->setUniformRowHeights(true);
    m_posts->header()->setSectionResizeMode(Text, QHeaderView::Stretch);
    m_posts->header()->setStretchLastSection(false);

    auto* data = new QWidget;
    auto* layout = new QVBoxLayout(data);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_total);
    layout->addWidget(m_posts, 1);
    layout->addWidget(m_chart, 1);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(data);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
}

bool EngagementView::isEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString EngagementView::excerpt(const QString& text, int length)
{
    const QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() <= length)
        return line;
    return line.left(length - 1).trimmed() + QChar(0x2026);
}

void EngagementView::setEngagement(const AssetEngagement& engagement, const QList<EngagementPoint>& series)
{
    m_posts->clear();
    if (engagement.posts.isEmpty()) {
        m_stack->setCurrentWidget(m_empty);
        m_chart->setPoints({});
        return;
    }
    const EngagementSample& t = engagement.total;
    m_total->setText(tr("%n post(s): %1 impressions, %2 likes, %3 reposts, %4 replies", nullptr,
                        int(engagement.posts.size()))
                         .arg(count(t.impressions), count(t.likes), count(t.reposts), count(t.replies)));
    for (const PostEngagement& p : engagement.posts) {
        const bool sampled = p.latest.has_value();
        auto value = [&](qint64 EngagementSample::*member) {
            return sampled ? count((*p.latest).*member) : QStringLiteral("–");
        };
        auto* item = new QTreeWidgetItem(
            {p.accountLabel,
             p.publishedAt.isValid() ? QLocale().toString(p.publishedAt.toLocalTime(), QLocale::ShortFormat) : QString(),
             excerpt(p.text), value(&EngagementSample::likes), value(&EngagementSample::reposts),
             value(&EngagementSample::replies), value(&EngagementSample::impressions)});
        item->setToolTip(Text, p.text.left(2000));
        for (int c : {Likes, Reposts, Replies, Impressions})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        if (!sampled)
            item->setToolTip(Likes, tr("No metrics read yet"));
        m_posts->addTopLevelItem(item);
    }
    for (int c = 0; c < m_posts->columnCount(); ++c) {
        if (c != Text)
            m_posts->resizeColumnToContents(c);
    }
    m_chart->setPoints(series);
    m_stack->setCurrentWidget(m_posts->parentWidget());
}

} // namespace AssetDesk
