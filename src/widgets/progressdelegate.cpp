#include "widgets/progressdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace AssetDesk {

ProgressDelegate::ProgressDelegate(int fractionRole, int activeRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_fractionRole(fractionRole)
    , m_activeRole(activeRole)
{
}

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!index.data(m_activeRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const double fraction = index.data(m_fractionRole).toDouble();
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 3, -2, -3);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.minimum = 0;
    // An indeterminate bar (max == min) animates only in a live style; a fixed empty bar with the
    // text still says "working" everywhere.
    bar.maximum = fraction < 0 ? 0 : 1000;
    bar.progress = fraction < 0 ? 0 : int(fraction * 1000);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = !bar.text.isEmpty();
    bar.textAlignment = Qt::AlignCenter;
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

} // namespace AssetDesk
