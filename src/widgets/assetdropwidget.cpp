#include "widgets/assetdropwidget.h"

#include "models/assetdragdata.h"

#include <QDragEnterEvent>
#include <QDragLeaveEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QPainter>

namespace AssetDesk {

AssetDropWidget::AssetDropWidget(QWidget* parent)
    : QWidget(parent)
{
    setAcceptDrops(true);
}

void AssetDropWidget::dragEnterEvent(QDragEnterEvent* event)
{
    if (!acceptsAssets() || !AssetDragData::carriesAssets(event->mimeData())) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    setHighlighted(true);
}

void AssetDropWidget::dragMoveEvent(QDragMoveEvent* event)
{
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void AssetDropWidget::dragLeaveEvent(QDragLeaveEvent* event)
{
    setHighlighted(false);
    event->accept();
}

void AssetDropWidget::dropEvent(QDropEvent* event)
{
    setHighlighted(false);
    const QList<qint64> ids = AssetDragData::assetIds(event->mimeData());
    if (!acceptsAssets() || ids.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    dropAssets(ids);
}

void AssetDropWidget::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    if (!m_dropHighlight)
        return;
    QPainter p(this);
    p.setPen(QPen(palette().color(QPalette::Highlight), 3));
    p.drawRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5));
}

void AssetDropWidget::setHighlighted(bool on)
{
    m_dropHighlight = on;
    update();
}

} // namespace AssetDesk
