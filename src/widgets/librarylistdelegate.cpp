#include "widgets/librarylistdelegate.h"

#include "models/librarymodel.h"

namespace AssetDesk {

QSize LibraryListDelegate::iconBox(const QFontMetrics& fm)
{
    const int h = fm.height() + 2;
    return {h * 3 / 2, h};
}

void LibraryListDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != LibraryModel::TitleColumn)
        return;
    // A QPixmap decoration would size the box to the picture; the icon made of it is painted
    // scaled into whatever box is given instead.
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = iconBox(option->fontMetrics);
    option->decorationAlignment = Qt::AlignCenter;
}

} // namespace AssetDesk
