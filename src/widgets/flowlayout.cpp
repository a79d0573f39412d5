#include "widgets/flowlayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace AssetDesk {

FlowLayout::FlowLayout(QWidget* parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent)
    , m_horizontalSpacing(horizontalSpacing)
    , m_verticalSpacing(verticalSpacing)
{}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem* FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false).height;
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem* item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

// Everything on one line.
QSize FlowLayout::sizeHint() const
{
    int width = 0;
    int height = 0;
    int visible = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += hint.width();
        height = std::max(height, hint.height());
        ++visible;
    }
    if (visible > 1)
        width += (visible - 1) * spacing(Qt::Horizontal);
    const QMargins m = contentsMargins();
    return {width + m.left() + m.right(), height + m.top() + m.bottom()};
}

void FlowLayout::setGeometry(const QRect& rect)
{
    QLayout::setGeometry(rect);
    m_lines = arrange(rect, true).lines;
}

int FlowLayout::lineCount() const
{
    return m_lines;
}

FlowLayout::Arrangement FlowLayout::arrange(const QRect& rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int hSpace = spacing(Qt::Horizontal);
    const int vSpace = spacing(Qt::Vertical);
    const Qt::LayoutDirection direction =
        parentWidget() ? parentWidget()->layoutDirection() : Qt::LeftToRight;
    int x = area.x();
    int y = area.y();
    int lineHeight = 0;
    int lines = 0;
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        // An item wider than the whole area gets the area (down to its minimum), never more.
        const int width = std::max(std::min(hint.width(), area.width()), item->minimumSize().width());
        const bool startsLine = lines == 0 || (x > area.x() && x + width > area.x() + area.width());
        if (startsLine && lines > 0) {
            x = area.x();
            y += lineHeight + vSpace;
            lineHeight = 0;
        }
        if (startsLine)
            ++lines;
        if (apply) {
            // Right to left, lines start at the right edge (visualRect mirrors within the area).
            const QRect placed(QPoint(x, y), QSize(width, hint.height()));
            item->setGeometry(QStyle::visualRect(direction, area, placed));
        }
        x += width + hSpace;
        lineHeight = std::max(lineHeight, hint.height());
    }
    const QMargins m = contentsMargins();
    const int height = lines == 0 ? 0 : y + lineHeight - area.y();
    return {height + m.top() + m.bottom(), lines};
}

// The layout's own spacing when set, otherwise the style's for the parent widget.
int FlowLayout::spacing(Qt::Orientation orientation) const
{
    const int own = orientation == Qt::Horizontal ? m_horizontalSpacing : m_verticalSpacing;
    if (own >= 0)
        return own;
    const QWidget* parent = parentWidget();
    if (!parent)
        return 6;
    const QStyle::PixelMetric metric =
        orientation == Qt::Horizontal ? QStyle::PM_LayoutHorizontalSpacing : QStyle::PM_LayoutVerticalSpacing;
    const int styleSpacing = parent->style()->pixelMetric(metric, nullptr, parent);
    return styleSpacing >= 0 ? styleSpacing : 6;
}

} // namespace AssetDesk
