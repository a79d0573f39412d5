#pragma once

#include <QStyledItemDelegate>

namespace AssetDesk {

// Paints one job of an X column's queue (XQueueModel roles): a state badge (queued, scheduled
// with its time, publishing, failed), the media count and attempts, two lines of the text, and
// for a failed job - or one retrying - the reason in the error colour.
class XQueueDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit XQueueDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QColor stateColor(int state);
    // "Scheduled · 3 Dec 14:05 · ▣ 1 · attempt 2"
    static QString headline(const QModelIndex& index, const QDateTime& now);
};

} // namespace AssetDesk
