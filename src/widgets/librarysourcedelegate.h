#pragma once

#include <QStyledItemDelegate>

namespace AssetDesk {

// Paints a row of the library's source tree as usual, plus a "Live" badge at the right end of a
// gallery that is being watched for new uploads (LibrarySourceModel::WatchedRole). The label is
// elided before the badge, never painted under it; where the column is too narrow for both, the
// badge becomes a red dot.
class LibrarySourceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QString badgeText();

private:
    static QSize badgeSize(const QFontMetrics& metrics);
};

} // namespace AssetDesk
