#pragma once

#include <QAbstractItemView>

namespace AssetDesk {

// A thumbnail grid for a million rows: every cell has the same size, so where a row is drawn is
// arithmetic (row / columns, row % columns) and nothing is laid out or stored per row. A
// QListView keeps per-row layout state and relayouts on every insert; this view's cost per
// paint, scroll step, insert or reset is the number of cells on screen.
//
// Shows column 0 of the model's root with the item delegate; selection, keyboard, drag and
// drop are QAbstractItemView's (selection is by rows, so a list view sharing the selection
// model shows the same selection).
class LibraryGridView : public QAbstractItemView
{
    Q_OBJECT
public:
    explicit LibraryGridView(QWidget* parent = nullptr);

    QSize cellSize() const { return m_cell; }
    void setCellSize(QSize size);
    int columns() const;
    // Model rows shown (partly) in the viewport: [first, last], or {-1, -1}.
    std::pair<int, int> visibleRows() const;

    void setModel(QAbstractItemModel* model) override;
    QRect visualRect(const QModelIndex& index) const override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint& point) const override;

signals:
    // Enter or a double click on an item.
    void activatedRow(int row);

protected:
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex& index) const override;
    void setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection& selection) const override;
    void updateGeometries() override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    int rowCount() const;
    QRect cellRect(int row) const; // in viewport coordinates
    int rowAt(const QPoint& point) const;

    QSize m_cell{200, 240};
    bool m_relayoutQueued = false;
};

} // namespace AssetDesk
