#pragma once

#include <QStyledItemDelegate>

namespace AssetDesk {

// The library's list mode: the grid's thumbnail as a small icon in the title column. Every row
// gets the same icon box, landscape or portrait, loaded or still on its way, so the titles line up
// and do not jump sideways as thumbnails arrive; the picture is fitted and centred in the box.
class LibraryListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The icon box for a row of the given font: 3:2, a little taller than a line.
    static QSize iconBox(const QFontMetrics& fm);

    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace AssetDesk
