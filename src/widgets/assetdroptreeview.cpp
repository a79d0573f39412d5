#include "widgets/assetdroptreeview.h"

#include "models/assetdragdata.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QPainter>

namespace AssetDesk {

AssetDropTreeView::AssetDropTreeView(QWidget* parent)
    : QTreeView(parent)
{
    // Drops are handled here, not by the model (which would need to be drop-enabled).
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DropOnly);
    setDropIndicatorShown(false);
}

QModelIndex AssetDropTreeView::dropTarget(const QPoint& pos, const QMimeData* mime) const
{
    if (!AssetDragData::carriesAssets(mime))
        return {};
    const QModelIndex at = indexAt(pos);
    if (!at.isValid())
        return {};
    const QModelIndex row = at.siblingAtColumn(0);
    return !m_filter || m_filter(row) ? row : QModelIndex();
}

void AssetDropTreeView::dragEnterEvent(QDragEnterEvent* event)
{
    if (!AssetDragData::carriesAssets(event->mimeData())) {
        event->ignore();
        return;
    }
    // Accepted for the whole view so moves over rows that take no drop still arrive.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    setHighlight(dropTarget(event->position().toPoint(), event->mimeData()));
}

void AssetDropTreeView::dragMoveEvent(QDragMoveEvent* event)
{
    const QModelIndex target = dropTarget(event->position().toPoint(), event->mimeData());
    setHighlight(target);
    if (!target.isValid()) {
        event->ignore(visualRect(indexAt(event->position().toPoint())));
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept(visualRect(target));
}

void AssetDropTreeView::dragLeaveEvent(QDragLeaveEvent* event)
{
    setHighlight({});
    event->accept();
}

void AssetDropTreeView::dropEvent(QDropEvent* event)
{
    const QModelIndex target = dropTarget(event->position().toPoint(), event->mimeData());
    setHighlight({});
    const QList<qint64> ids = target.isValid() ? AssetDragData::assetIds(event->mimeData()) : QList<qint64>();
    if (ids.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    emit assetsDropped(target, ids);
}

void AssetDropTreeView::setHighlight(const QModelIndex& index)
{
    if (QModelIndex(m_highlight) == index)
        return;
    m_highlight = index;
    viewport()->update();
}

void AssetDropTreeView::drawRow(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QTreeView::drawRow(painter, option, index);
    if (!m_highlight.isValid() || index.siblingAtColumn(0) != QModelIndex(m_highlight))
        return;
    // The drop target: a frame and a wash in the highlight colour over the whole row.
    QColor color = palette().color(QPalette::Highlight);
    painter->save();
    painter->setPen(QPen(color, 2));
    color.setAlphaF(0.15);
    painter->setBrush(color);
    painter->drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1));
    painter->restore();
}

} // namespace AssetDesk
