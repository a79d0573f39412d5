#include "widgets/librarygridview.h"

#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

namespace AssetDesk {

LibraryGridView::LibraryGridView(QWidget* parent)
    : QAbstractItemView(parent)
{
    setSelectionMode(ExtendedSelection);
    setSelectionBehavior(SelectRows);
    setDragEnabled(true);
    setDragDropMode(DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollMode(ScrollPerPixel);
    setMouseTracking(true);
    setAttribute(Qt::WA_MacShowFocusRect, false);
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex& index) { emit activatedRow(index.row()); });
}

void LibraryGridView::setCellSize(QSize size)
{
    if (size == m_cell || size.isEmpty())
        return;
    m_cell = size;
    updateGeometries();
    viewport()->update();
}

void LibraryGridView::setModel(QAbstractItemModel* model)
{
    QAbstractItemView::setModel(model);
    if (!model)
        return;
    // QAbstractItemView leaves inserted and removed rows to the subclass: the scroll range and
    // the cells on screen change. Coalesced, so a burst of patches costs one update.
    auto relayout = [this] {
        if (std::exchange(m_relayoutQueued, true))
            return;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_relayoutQueued = false;
                updateGeometries();
                viewport()->update();
            },
            Qt::QueuedConnection);
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, relayout);
    connect(model, &QAbstractItemModel::rowsRemoved, this, relayout);
    connect(model, &QAbstractItemModel::layoutChanged, this, relayout);
    connect(model, &QAbstractItemModel::modelReset, this, relayout);
}

int LibraryGridView::rowCount() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

int LibraryGridView::columns() const
{
    return qMax(1, viewport()->width() / m_cell.width());
}

QRect LibraryGridView::cellRect(int row) const
{
    const int cols = columns();
    // Spare width is shared between the columns so the grid fills the pane.
    const int extra = (viewport()->width() - cols * m_cell.width()) / cols;
    const int width = m_cell.width() + qMax(0, extra);
    const qint64 y = qint64(row / cols) * m_cell.height() - verticalScrollBar()->value();
    return QRect((row % cols) * width, int(y), width, m_cell.height());
}

int LibraryGridView::rowAt(const QPoint& point) const
{
    const int cols = columns();
    const int width = viewport()->width() / cols;
    if (point.x() < 0 || point.y() < 0 || width <= 0)
        return -1;
    const int col = point.x() / width;
    if (col >= cols)
        return -1;
    const qint64 gridRow = (qint64(point.y()) + verticalScrollBar()->value()) / m_cell.height();
    const qint64 row = gridRow * cols + col;
    return row < rowCount() ? int(row) : -1;
}

std::pair<int, int> LibraryGridView::visibleRows() const
{
    const int count = rowCount();
    if (count == 0)
        return {-1, -1};
    const int cols = columns();
    const qint64 top = verticalScrollBar()->value();
    const qint64 firstGridRow = top / m_cell.height();
    const qint64 lastGridRow = (top + viewport()->height() - 1) / m_cell.height();
    const int first = int(qMin<qint64>(firstGridRow * cols, count - 1));
    const int last = int(qMin<qint64>((lastGridRow + 1) * cols - 1, count - 1));
    return {first, last};
}

QRect LibraryGridView::visualRect(const QModelIndex& index) const
{
    if (!index.isValid() || index.parent() != rootIndex())
        return {};
    return cellRect(index.row());
}

void LibraryGridView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    if (!index.isValid())
        return;
    const QRect rect = cellRect(index.row());
    QScrollBar* bar = verticalScrollBar();
    const int height = viewport()->height();
    switch (hint) {
    case PositionAtTop: bar->setValue(bar->value() + rect.top()); break;
    case PositionAtBottom: bar->setValue(bar->value() + rect.bottom() - height + 1); break;
    case PositionAtCenter: bar->setValue(bar->value() + rect.center().y() - height / 2); break;
    case EnsureVisible:
        if (rect.top() < 0)
            bar->setValue(bar->value() + rect.top());
        else if (rect.bottom() >= height)
            bar->setValue(bar->value() + qMin(rect.top(), rect.bottom() - height + 1));
        break;
    }
    viewport()->update();
}

QModelIndex LibraryGridView::indexAt(const QPoint& point) const
{
    const int row = rowAt(point);
    return row >= 0 ? model()->index(row, 0, rootIndex()) : QModelIndex();
}

QModelIndex LibraryGridView::moveCursor(CursorAction action, Qt::KeyboardModifiers)
{
    const int count = rowCount();
    if (count == 0)
        return {};
    const QModelIndex current = currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    if (row < 0)
        return model()->index(0, 0, rootIndex());
    const int cols = columns();
    const int pageRows = qMax(1, viewport()->height() / m_cell.height()) * cols;
    int target = row;
    switch (action) {
    case MoveLeft:
    case MovePrevious: target = row - 1; break;
    case MoveRight:
    case MoveNext: target = row + 1; break;
    case MoveUp: target = row - cols; break;
    case MoveDown: target = row + cols < count ? row + cols : (row / cols < (count - 1) / cols ? count - 1 : row); break;
    case MovePageUp: target = row - pageRows; break;
    case MovePageDown: target = row + pageRows; break;
    case MoveHome: target = 0; break;
    case MoveEnd: target = count - 1; break;
    }
    if (action == MoveUp && target < 0)
        target = row;
    return model()->index(qBound(0, target, count - 1), 0, rootIndex());
}

int LibraryGridView::horizontalOffset() const
{
    return 0;
}

int LibraryGridView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool LibraryGridView::isIndexHidden(const QModelIndex&) const
{
    return false;
}

void LibraryGridView::setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command)
{
    if (!model() || !selectionModel())
        return;
    const QRect r = rect.normalized();
    const int cols = columns();
    const int width = viewport()->width() / cols;
    const int count = rowCount();
    const int lastColumn = model()->columnCount(rootIndex()) - 1;
    const int firstCol = qBound(0, r.left() / qMax(1, width), cols - 1);
    const int lastCol = qBound(0, r.right() / qMax(1, width), cols - 1);
    const qint64 top = verticalScrollBar()->value();
    const qint64 firstGridRow = qMax<qint64>(0, (r.top() + top) / m_cell.height());
    const qint64 lastGridRow = (r.bottom() + top) / m_cell.height();
    QItemSelection selection;
    for (qint64 g = firstGridRow; g <= lastGridRow; ++g) {
        const qint64 first = g * cols + firstCol;
        const qint64 last = qMin<qint64>(g * cols + lastCol, count - 1);
        if (first >= count)
            break;
        if (last >= first)
            selection.select(model()->index(int(first), 0, rootIndex()), model()->index(int(last), lastColumn, rootIndex()));
    }
    selectionModel()->select(selection, command);
}

QRegion LibraryGridView::visualRegionForSelection(const QItemSelection& selection) const
{
    // Only what is on screen matters; a select-all of a million rows is one range, not a million rects.
    const auto [first, last] = visibleRows();
    QRegion region;
    if (first < 0)
        return region;
    for (const QItemSelectionRange& range : selection) {
        const int from = qMax(first, range.top());
        const int to = qMin(last, range.bottom());
        for (int row = from; row <= to; ++row)
            region += cellRect(row);
    }
    return region;
}

void LibraryGridView::updateGeometries()
{
    const int cols = columns();
    const qint64 gridRows = (qint64(rowCount()) + cols - 1) / cols;
    const qint64 content = gridRows * m_cell.height();
    QScrollBar* bar = verticalScrollBar();
    bar->setRange(0, int(qBound<qint64>(qint64(0), content - viewport()->height(), qint64(std::numeric_limits<int>::max()))));
    bar->setPageStep(viewport()->height());
    bar->setSingleStep(qMax(1, m_cell.height() / 4));
    QAbstractItemView::updateGeometries();
}

void LibraryGridView::paintEvent(QPaintEvent* event)
{
    QPainter painter(viewport());
    const auto [first, last] = visibleRows();
    if (first < 0)
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QModelIndex current = currentIndex();
    const QModelIndex hover = indexAt(viewport()->mapFromGlobal(QCursor::pos()));
    QItemSelectionModel* selection = selectionModel();
    for (int row = first; row <= last; ++row) {
        const QRect rect = cellRect(row);
        if (!rect.intersects(event->rect()))
            continue;
        const QModelIndex index = model()->index(row, 0, rootIndex());
        QStyleOptionViewItem opt = option;
        opt.rect = rect;
        opt.state = option.state & ~(QStyle::State_Selected | QStyle::State_HasFocus | QStyle::State_MouseOver);
        if (selection && selection->isSelected(index))
            opt.state |= QStyle::State_Selected;
        if (index == current && hasFocus())
            opt.state |= QStyle::State_HasFocus;
        if (index == hover)
            opt.state |= QStyle::State_MouseOver;
        itemDelegateForIndex(index)->paint(&painter, opt, index);
    }
}

void LibraryGridView::resizeEvent(QResizeEvent* event)
{
    // Keep the first visible row in view when the column count changes.
    const int first = visibleRows().first;
    QAbstractItemView::resizeEvent(event);
    updateGeometries();
    if (first > 0)
        verticalScrollBar()->setValue(int(qMin<qint64>(qint64(first / columns()) * m_cell.height(), verticalScrollBar()->maximum())));
}

void LibraryGridView::scrollContentsBy(int dx, int dy)
{
    viewport()->scroll(dx, dy);
}

} // namespace AssetDesk
