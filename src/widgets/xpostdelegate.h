#pragma once

#include <QStyledItemDelegate>

namespace AssetDesk {

// Paints one post of an X column (XPostListModel roles): up to three lines of its text, then the
// time, the media count and the public counters - replies, reposts, likes, impressions - with
// counters X did not report left out rather than shown as 0. Service text is drawn with
// drawText, never as markup.
class XPostDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit XPostDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // "1.2K", "12.4K", "3.1M" as X abbreviates them; below 1000 the number itself.
    static QString compactCount(qint64 count);
    // "14:05" today, "3 Dec" this year, "3 Dec 2025" before; local time.
    static QString shortTime(const QDateTime& utc, const QDateTime& now);
    // The line under the text: time, media and counters.
    static QString metaLine(const QModelIndex& index, const QDateTime& now);
    // The width a row of the view gets (size hints come without a rect).
    static int viewWidth(const QStyleOptionViewItem& option);
};

} // namespace AssetDesk
