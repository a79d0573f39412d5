#pragma once

#include <QLayout>
#include <QList>

namespace AssetDesk {

// Lays its items out in reading order (left to right, or right to left when the widget is) and
// starts a new line when the next one would not fit, like words in a paragraph. Each item keeps
// its size hint (or its minimum width when even that is wider than the layout); a line is as tall
// as its tallest item, and items sit at its top.
//
// For a row of control groups in a pane that can be narrow: a QHBoxLayout's minimum width is the
// sum of its items', so showing such a row widens the pane (and squeezes its neighbours in the
// window) instead of wrapping. This layout's minimum width is its widest item's, and it asks for
// the height its lines need at the width it gets (heightForWidth).
class FlowLayout : public QLayout
{
public:
    // Spacing between items on a line and between lines; -1 takes the style's.
    explicit FlowLayout(QWidget* parent = nullptr, int horizontalSpacing = -1, int verticalSpacing = -1);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

    // How many lines the items take at the layout's current geometry (for tests and callers that
    // adapt to wrapping).
    int lineCount() const;

private:
    struct Arrangement
    {
        int height = 0; // of all lines, margins included
        int lines = 0;
    };
    // Places the items inside `rect` (margins included); moves them only when `apply` is set.
    Arrangement arrange(const QRect& rect, bool apply) const;
    int spacing(Qt::Orientation orientation) const;

    QList<QLayoutItem*> m_items;
    int m_horizontalSpacing;
    int m_verticalSpacing;
    int m_lines = 0;
};

} // namespace AssetDesk
