#pragma once

#include <QPersistentModelIndex>
#include <QTreeView>

#include <functional>

class QMimeData;

namespace AssetDesk {

// A tree or list view that takes library assets (AssetDragData) dropped on its
// rows: the row under the pointer is framed while dragging, and a drop emits assetsDropped() with
// that row's index (column 0) and the asset ids. Which rows take a drop is the caller's choice
// (setDropFilter), e.g. the CRM tree takes cases, customers and opportunities but not campaigns.
// The view never changes its model: what a drop does is up to whoever listens.
class AssetDropTreeView : public QTreeView
{
    Q_OBJECT
public:
    using DropFilter = std::function<bool(const QModelIndex& index)>;

    explicit AssetDropTreeView(QWidget* parent = nullptr);

    void setDropFilter(DropFilter filter) { m_filter = std::move(filter); }
    // The row a drop at `pos` (viewport coordinates) reaches, column 0; invalid when none.
    QModelIndex dropTarget(const QPoint& pos, const QMimeData* mime) const;
    QModelIndex highlightedRow() const { return m_highlight; }

signals:
    void assetsDropped(const QModelIndex& index, const QList<qint64>& assetIds);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawRow(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    void setHighlight(const QModelIndex& index);

    DropFilter m_filter;
    QPersistentModelIndex m_highlight;
};

} // namespace AssetDesk
