#pragma once

#include <QStyledItemDelegate>

namespace AssetDesk {

// Paints one library grid cell: the thumbnail (or an empty frame while the row or its thumbnail
// loads), the title on one line, a service badge, an approval mark and a rights badge when the
// licence has expired or is about to. Service text is drawn with drawText: never markup.
// Paints at the thumbnail's own size (the model decodes it at thumbnailSide()), so nothing is scaled while scrolling.
class LibraryItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit LibraryItemDelegate(QObject* parent = nullptr);

    int thumbnailSide() const { return m_side; }
    void setThumbnailSide(int side) { m_side = side; }
    QSize cellSize() const;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_side = 160;
};

} // namespace AssetDesk
