#include "widgets/xqueuedelegate.h"

#include "models/xqueuemodel.h"
#include "widgets/xpostdelegate.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace AssetDesk {

namespace {
constexpr int kPadding = 8;
}

XQueueDelegate::XQueueDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QColor XQueueDelegate::stateColor(int state)
{
    switch (XQueueModel::State(state)) {
    case XQueueModel::State::Queued: return QColor(0x6b, 0x72, 0x80);
    case XQueueModel::State::Scheduled: return QColor(0x1d, 0x6f, 0xd8);
    case XQueueModel::State::Publishing: return QColor(0xc2, 0x70, 0x0c);
    case XQueueModel::State::Failed: return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QString XQueueDelegate::headline(const QModelIndex& index, const QDateTime& now)
{
    QStringList parts;
    const auto state = XQueueModel::State(index.data(XQueueModel::StateRole).toInt());
    if (state == XQueueModel::State::Scheduled)
        parts << tr("due %1").arg(XPostDelegate::shortTime(index.data(XQueueModel::TimeRole).toDateTime(), now));
    if (const int media = index.data(XQueueModel::MediaCountRole).toInt(); media > 0)
        parts << tr("▣ %1").arg(media);
    if (const int attempts = index.data(XQueueModel::AttemptsRole).toInt(); attempts > 0)
        parts << tr("%n attempt(s)", nullptr, attempts);
    return parts.join(QStringLiteral(" · "));
}

void XQueueDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    opt.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QRect box = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    const QFontMetrics smallFm(small);
    const QFontMetrics fm(option.font);

    // The state badge: white text on the state's colour.
    const int state = index.data(XQueueModel::StateRole).toInt();
    const QString stateText = index.data(XQueueModel::StateTextRole).toString();
    QFont bold = small;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    const QRect badge(box.left(), box.top(), boldFm.horizontalAdvance(stateText) + 10, boldFm.height() + 2);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(stateColor(state));
    painter->drawRoundedRect(badge, 3, 3);
    painter->setFont(bold);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, stateText);

    painter->setFont(small);
    QColor dim = text;
    dim.setAlphaF(selected ? 0.85 : 0.6);
    painter->setPen(dim);
    const QRect head(badge.right() + 8, box.top(), box.right() - badge.right() - 8, badge.height());
    painter->drawText(head, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      smallFm.elidedText(headline(index, QDateTime::currentDateTimeUtc()), Qt::ElideRight, head.width()));

    painter->setFont(option.font);
    painter->setPen(text);
    QString body = index.data(XQueueModel::TextRole).toString().simplified();
    if (body.isEmpty())
        body = tr("(media only)");
    const QRect bodyBox(box.left(), badge.bottom() + 4, box.width(), 2 * fm.lineSpacing());
    const QString elided = fm.elidedText(body, Qt::ElideRight, bodyBox.width() * 2 - fm.averageCharWidth() * 4);
    painter->drawText(bodyBox, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, elided);

    const QString reason = index.data(XQueueModel::ReasonRole).toString();
    if (!reason.isEmpty()) {
        painter->setFont(small);
        painter->setPen(selected ? text : stateColor(int(XQueueModel::State::Failed)));
        const QRect reasonBox(box.left(), bodyBox.bottom() + 2, box.width(), smallFm.height());
        painter->drawText(reasonBox, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          smallFm.elidedText(reason, Qt::ElideRight, reasonBox.width()));
    }
    painter->setPen(option.palette.color(QPalette::Mid));
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();
}

QSize XQueueDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    const QFontMetrics smallFm(small);
    const QFontMetrics fm(option.font);
    int height = 2 * kPadding + smallFm.height() + 2 + 4 + 2 * fm.lineSpacing();
    if (!index.data(XQueueModel::ReasonRole).toString().isEmpty())
        height += 2 + smallFm.height();
    return {XPostDelegate::viewWidth(option), height};
}

} // namespace AssetDesk
