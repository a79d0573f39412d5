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

constexpr int kBadgeInset = 3; // from the picture's edges
constexpr int kBadgeGap = 3;   // between badges

QSize badgeSize(const QFontMetrics& fm, const QString& text)
{
    return {fm.horizontalAdvance(text) + 8, fm.height() + 2};
}

// A small rounded label.
void drawBadge(QPainter* p, const QRect& r, const QString& text, const QColor& fill, const QColor& ink)
{
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRoundedRect(r, 3, 3);
    p->setPen(ink);
    p->drawText(r, Qt::AlignCenter, text);
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

LibraryItemDelegate::BadgeLayout LibraryItemDelegate::layoutBadges(const QRect& picture,
                                                                   const QFontMetrics& fm,
                                                                   const QStringList& left,
                                                                   const QString& right)
{
    BadgeLayout layout;
    QPoint at = picture.topLeft() + QPoint(kBadgeInset, kBadgeInset);
    int leftEnd = at.x() - kBadgeGap;
    for (const QString& text : left) {
        const QRect r(at, badgeSize(fm, text));
        layout.left << r;
        leftEnd = r.right();
        at.rx() += r.width() + kBadgeGap;
    }
    if (right.isEmpty())
        return layout;
    const int room = picture.width() - 2 * kBadgeInset;
    layout.rightText = right;
    QSize size = badgeSize(fm, right);
    if (size.width() > room) {
        layout.rightText = fm.elidedText(right, Qt::ElideRight, qMax(0, room - 8));
        size = badgeSize(fm, layout.rightText);
    }
    layout.right = QRect(QPoint(), size);
    layout.right.moveTopRight(picture.topRight() + QPoint(-kBadgeInset, kBadgeInset));
    if (layout.right.left() <= leftEnd + kBadgeGap && !layout.left.isEmpty())
        layout.right.moveTop(layout.left.first().bottom() + 1 + kBadgeGap);
    return layout;
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
        const auto service = Service(index.data(LibraryModel::ServiceRole).toInt());
        QStringList left{serviceShort(service)};
        QList<QColor> leftFill{QColor(40, 40, 40, 200)};
        switch (ApprovalState(index.data(LibraryModel::ApprovalRole).toInt())) {
        case ApprovalState::Approved:
            left << QStringLiteral("✓");
            leftFill << QColor(46, 125, 50);
            break;
        case ApprovalState::NotApproved:
            left << QStringLiteral("✗");
            leftFill << QColor(183, 28, 28);
            break;
        case ApprovalState::Requested:
            left << QStringLiteral("?");
            leftFill << QColor(245, 124, 0);
            break;
        default:
            break;
        }
        const auto rights = RightsStatus(index.data(LibraryModel::RightsStatusRole).toInt());
        const QString right = rights == RightsStatus::Expired        ? tr("Expired")
                              : rights == RightsStatus::ExpiringSoon ? tr("Expiring")
                                                                     : QString();
        const BadgeLayout badges = layoutBadges(picture, QFontMetrics(small), left, right);
        for (qsizetype i = 0; i < badges.left.size(); ++i)
            drawBadge(p, badges.left.at(i), left.at(i), leftFill.at(i), Qt::white);
        if (rights == RightsStatus::Expired)
            drawBadge(p, badges.right, badges.rightText, QColor(183, 28, 28), Qt::white);
        else if (rights == RightsStatus::ExpiringSoon)
            drawBadge(p, badges.right, badges.rightText, QColor(245, 160, 0), Qt::black);
    }
    if (option.state & QStyle::State_HasFocus) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(cell, 4, 4);
    }
    p->restore();
}

} // namespace AssetDesk
