#include "widgets/ticketprioritydelegate.h"

#include "models/ticketqueuemodel.h"

#include <QApplication>
#include <QPainter>

namespace AssetDesk {

namespace {
void drawBadge(QPainter* p, QRect& space, const QString& text, const QColor& color, const QFontMetrics& fm)
{
    const int w = fm.horizontalAdvance(text) + 12;
    const int h = fm.height() + 2;
    const QRect badge(space.left(), space.center().y() - h / 2, w, h);
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    p->drawRoundedRect(badge, h / 2.0, h / 2.0);
    p->setPen(Qt::white);
    p->drawText(badge, Qt::AlignCenter, text);
    space.setLeft(badge.right() + 5);
}
} // namespace

QColor TicketPriorityDelegate::badgeColor(int rank)
{
    switch (rank) {
    case 4: return QColor(0xc6, 0x28, 0x28);
    case 3: return QColor(0xe6, 0x5c, 0x00);
    case 2: return QColor(0x15, 0x65, 0xc0);
    case 1: return QColor(0x75, 0x75, 0x75);
    default: return QColor(0x9e, 0x9e, 0x9e);
    }
}

void TicketPriorityDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (index.column() != TicketQueueModel::PriorityColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row background and selection as the style draws them, then the badges over it.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int rank = index.data(TicketQueueModel::PriorityRankRole).toInt();
    const bool press = index.data(TicketQueueModel::UrgentRole).toBool() && rank < 4;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = opt.font;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    const QFontMetrics fm(font);
    QRect space = opt.rect.adjusted(4, 0, -2, 0);
    if (!text.isEmpty())
        drawBadge(painter, space, text, badgeColor(rank), fm);
    if (press)
        drawBadge(painter, space, tr("Press"), badgeColor(4), fm);
    painter->restore();
}

QSize TicketPriorityDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == TicketQueueModel::PriorityColumn) {
        QFont font = option.font;
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        const QFontMetrics fm(font);
        size.setWidth(fm.horizontalAdvance(index.data().toString()) + fm.horizontalAdvance(tr("Press")) + 40);
        size.setHeight(qMax(size.height(), fm.height() + 6));
    }
    return size;
}

} // namespace AssetDesk
