#pragma once

#include <QStyledItemDelegate>

namespace AssetDesk {

// Paints a ticket's priority as a coloured badge (urgent red, high orange, normal blue, low grey)
// and, for a ticket that is urgent by a press tag, a "Press" badge beside it. Reads the queue
// model's PriorityRankRole and UrgentRole; other columns paint as usual.
class TicketPriorityDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor badgeColor(int rank);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace AssetDesk
