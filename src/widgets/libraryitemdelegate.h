#pragma once

#include <QList>
#include <QRect>
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

    // Where the badges go on a picture: `left` (service, approval) in a row from its top-left
    // corner; `right` (the rights badge) at its top-right corner, or on the next row when the
    // picture is too narrow for both (a portrait thumbnail, a longer translation), elided to the
    // picture's width if need be. Badges never overlap one another.
    struct BadgeLayout
    {
        QList<QRect> left;
        QRect right;
        QString rightText;
    };
    static BadgeLayout layoutBadges(const QRect& picture, const QFontMetrics& metrics,
                                    const QStringList& left, const QString& right);

private:
    int m_side = 160;
};

} // namespace AssetDesk
