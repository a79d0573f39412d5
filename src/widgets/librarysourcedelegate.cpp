#include "widgets/librarysourcedelegate.h"

#include "models/librarysourcemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace AssetDesk {

namespace {
constexpr int kGap = 6; // between the label and the badge, and after the badge
}

QString LibrarySourceDelegate::badgeText()
{
    return tr("Live");
}

QSize LibrarySourceDelegate::badgeSize(const QFontMetrics& metrics)
{
    return {metrics.horizontalAdvance(badgeText()) + 10, metrics.height() + 2};
}

void LibrarySourceDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!index.data(LibrarySourceModel::WatchedRole).toBool())
        return QStyledItemDelegate::paint(painter, option, index);

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QFont badgeFont = opt.font;
    badgeFont.setPointSizeF(qMax(6.0, badgeFont.pointSizeF() * 0.8));
    badgeFont.setBold(true);
    const QFontMetrics badgeMetrics(badgeFont);
    const QSize badge = badgeSize(badgeMetrics);
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    // In a narrow (deeply nested) column the label keeps a few characters and the badge shrinks
    // to a dot; the tooltip still says it is watched.
    const bool compact = textRect.width() - badge.width() - 2 * kGap < opt.fontMetrics.horizontalAdvance(QStringLiteral("MMMM"));
    const QSize mark = compact ? QSize(badge.height() * 2 / 3, badge.height() * 2 / 3) : badge;
    const int room = qMax(0, textRect.width() - mark.width() - 2 * kGap);
    opt.text = opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, room);
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const int textRight = textRect.left() + opt.fontMetrics.horizontalAdvance(opt.text);
    const int x = qMin(textRight + kGap, opt.rect.right() - kGap - mark.width());
    const QRect box(QPoint(x, opt.rect.top() + (opt.rect.height() - mark.height()) / 2), mark);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(box), mark.height() / 2.0, mark.height() / 2.0);
    painter->fillPath(path, QColor(0xc6, 0x28, 0x28));
    if (!compact) {
        painter->setPen(Qt::white);
        painter->setFont(badgeFont);
        painter->drawText(box, Qt::AlignCenter, badgeText());
    }
    painter->restore();
}

QSize LibrarySourceDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(LibrarySourceModel::WatchedRole).toBool())
        size.rwidth() += badgeSize(option.fontMetrics).width() + 2 * kGap;
    return size;
}

} // namespace AssetDesk
