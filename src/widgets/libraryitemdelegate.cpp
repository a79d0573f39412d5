#include "widgets/libraryitemdelegate.h"

#include "core/rights.h"
#include "core/service.h"
#include "models/librarymodel.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>

namespace AssetDesk {

namespace {
constexpr int kPad = 6;

// A small rounded label; returns its width.
int drawBadge(QPainter* p, const QPoint& at, const QString& text, const QColor& fill, const QColor& ink, bool alignRight)
{
    const QFontMetrics fm(p->font());
    const int w = fm.horizontalAdvance(text) + 8;
    const int h = fm.height() + 2;
    QRect r(at, QSize(w, h));
    if (alignRight)
        r.moveRight(at.x());
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRoundedRect(r, 3, 3);
    p->setPen(ink);
    p->drawText(r, Qt::AlignCenter, text);
    return w;
}

QString serviceShort(Service service)
{
    switch (service) {
    case Service::PhotoShelter: return QStringLiteral("PS");
    case Service::Iconik: return QStringLiteral("ik");
    default: return serviceDisplayName(service).left(2);
    }
}
} // namespace

LibraryItemDelegate::LibraryItemDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QSize LibraryItemDelegate::cellSize() const
{
    const QFontMetrics fm(QApplication::font());
    return {m_side + 2 * kPad, m_side + 2 * kPad + fm.height() + 4};
}

QSize LibraryItemDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const
{
    return cellSize();
}

void LibraryItemDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    p->save();
    const QPalette& pal = option.palette;
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    if (option.state & QStyle::State_Selected) {
        p->setPen(Qt::NoPen);
        p->setBrush(pal.highlight());
        p->drawRoundedRect(cell, 4, 4);
    } else if (option.state & QStyle::State_MouseOver) {
        p->setPen(Qt::NoPen);
        p->setBrush(pal.alternateBase());
        p->drawRoundedRect(cell, 4, 4);
    }
    const QRect thumbBox(cell.left() + (cell.width() - m_side) / 2, cell.top() + kPad - 2, m_side, m_side);
    const bool loaded = index.data(LibraryModel::LoadedRole).toBool();
    const QPixmap pixmap = loaded ? index.data(Qt::DecorationRole).value<QPixmap>() : QPixmap();
    // Badges sit on the picture itself; a wide picture is shown at the bottom of its box so
    // titles line up under it.
    QRect picture = thumbBox;
    if (!pixmap.isNull()) {
        const QSize size = pixmap.deviceIndependentSize().toSize().scaled(thumbBox.size(), Qt::KeepAspectRatio);
        picture = QRect(QPoint(), size);
        picture.moveCenter(thumbBox.center());
        picture.moveBottom(thumbBox.bottom());
        p->drawPixmap(picture, pixmap);
    } else {
        p->setPen(Qt::NoPen);
        p->setBrush(pal.color(QPalette::Mid).lighter(150));
        p->drawRect(thumbBox);
        if (loaded) {
            p->setPen(pal.color(QPalette::Dark));
            p->drawText(thumbBox, Qt::AlignCenter, index.siblingAtColumn(LibraryModel::TypeColumn).data().toString());
        }
    }

    const QFontMetrics fm(option.font);
    const QRect titleRect(cell.left() + kPad, thumbBox.bottom() + 4, cell.width() - 2 * kPad, fm.height());
    p->setPen(option.state & QStyle::State_Selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
    p->setFont(option.font);
    const QString title = index.data(LibraryModel::TitleRole).toString();
    p->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(title, Qt::ElideRight, titleRect.width()));

    if (loaded) {
        QFont small = option.font;
        small.setPointSizeF(qMax(6.0, small.pointSizeF() * 0.8));
        small.setBold(true);
        p->setFont(small);
        const QPoint topLeft = picture.topLeft() + QPoint(3, 3);
        const auto service = Service(index.data(LibraryModel::ServiceRole).toInt());
        int x = drawBadge(p, topLeft, serviceShort(service), QColor(40, 40, 40, 200), Qt::white, false) + 3;
        const auto approval = ApprovalState(index.data(LibraryModel::ApprovalRole).toInt());
        if (approval == ApprovalState::Approved)
            drawBadge(p, topLeft + QPoint(x, 0), QStringLiteral("✓"), QColor(46, 125, 50), Qt::white, false);
        else if (approval == ApprovalState::NotApproved)
            drawBadge(p, topLeft + QPoint(x, 0), QStringLiteral("✗"), QColor(183, 28, 28), Qt::white, false);
        else if (approval == ApprovalState::Requested)
            drawBadge(p, topLeft + QPoint(x, 0), QStringLiteral("?"), QColor(245, 124, 0), Qt::white, false);
        const auto rights = RightsStatus(index.data(LibraryModel::RightsStatusRole).toInt());
        const QPoint topRight = picture.topRight() + QPoint(-3, 3);
        if (rights == RightsStatus::Expired)
            drawBadge(p, topRight, tr("Expired"), QColor(183, 28, 28), Qt::white, true);
        else if (rights == RightsStatus::ExpiringSoon)
            drawBadge(p, topRight, tr("Expiring"), QColor(245, 160, 0), Qt::black, true);
    }
    if (option.state & QStyle::State_HasFocus) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(cell, 4, 4);
    }
    p->restore();
}

} // namespace AssetDesk
