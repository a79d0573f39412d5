#include "widgets/xpostdelegate.h"

#include "models/xpostlistmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>

namespace AssetDesk {

namespace {
constexpr int kPadding = 8;
constexpr int kTextLines = 3;

// Lays `text` out in at most `maxLines` lines of `width`, eliding the last; returns the height used.
int drawWrapped(QPainter* painter, const QFont& font, const QString& text, const QRect& box, int maxLines)
{
    const QFontMetrics fm(font);
    QString flat = text;
    flat.replace(QLatin1Char('\n'), QChar(QChar::LineSeparator));
    QTextLayout layout(flat, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    int y = 0;
    int lines = 0;
    QList<std::pair<QString, int>> shown;
    while (lines < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(box.width());
        QString part = flat.mid(line.textStart(), line.textLength());
        ++lines;
        if (lines == maxLines && line.textStart() + line.textLength() < flat.size())
            part = fm.elidedText(flat.mid(line.textStart()).simplified(), Qt::ElideRight, box.width());
        shown.append({part.trimmed(), y});
        y += fm.lineSpacing();
    }
    layout.endLayout();
    for (const auto& [part, top] : shown)
        painter->drawText(QRect(box.left(), box.top() + top, box.width(), fm.lineSpacing()),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, part);
    return y;
}
} // namespace

int XPostDelegate::viewWidth(const QStyleOptionViewItem& option)
{
    // List views ask for size hints without a rect; the viewport's width is what a row gets.
    if (option.rect.width() > 0)
        return option.rect.width();
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        return view->viewport()->width();
    return 280;
}

XPostDelegate::XPostDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QString XPostDelegate::compactCount(qint64 count)
{
    const QLocale locale;
    if (count < 1000)
        return locale.toString(count);
    if (count < 1000000)
        return locale.toString(double(count) / 1000.0, 'f', count < 10000 ? 1 : 0) + QLatin1Char('K');
    return locale.toString(double(count) / 1000000.0, 'f', 1) + QLatin1Char('M');
}

QString XPostDelegate::shortTime(const QDateTime& utc, const QDateTime& now)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    if (local.date() == now.toLocalTime().date())
        return locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date().year() == now.toLocalTime().date().year())
        return locale.toString(local.date(), QStringLiteral("d MMM"));
    return locale.toString(local.date(), QStringLiteral("d MMM yyyy"));
}

QString XPostDelegate::metaLine(const QModelIndex& index, const QDateTime& now)
{
    QStringList parts;
    parts << shortTime(index.data(XPostListModel::TimeRole).toDateTime(), now);
    if (const int media = index.data(XPostListModel::MediaCountRole).toInt(); media > 0)
        parts << tr("▣ %1").arg(media);
    // Glyphs present in the default fonts of Debian (DejaVu): reply, repost, like.
    const std::pair<int, const char*> counters[] = {
        {XPostListModel::RepliesRole, "↩ %1"},
        {XPostListModel::RepostsRole, "↻ %1"},
        {XPostListModel::LikesRole, "♥ %1"},
    };
    for (const auto& [role, format] : counters) {
        const QVariant value = index.data(role);
        if (value.isValid())
            parts << QString::fromUtf8(format).arg(compactCount(value.toLongLong()));
    }
    if (const QVariant views = index.data(XPostListModel::ImpressionsRole); views.isValid())
        parts << tr("%1 views").arg(compactCount(views.toLongLong()));
    parts.removeAll(QString());
    return parts.join(QStringLiteral("   "));
}

void XPostDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    opt.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QRect box = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    painter->setPen(option.palette.color(textRole));
    const int used = drawWrapped(painter, option.font, index.data(XPostListModel::TextRole).toString(), box, kTextLines);

    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    painter->setFont(small);
    QColor dim = option.palette.color(textRole);
    dim.setAlphaF(selected ? 0.85 : 0.6);
    painter->setPen(dim);
    const QFontMetrics fm(small);
    const QRect meta(box.left(), box.top() + used + 4, box.width(), fm.height());
    painter->drawText(meta, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      fm.elidedText(metaLine(index, QDateTime::currentDateTimeUtc()), Qt::ElideRight, box.width()));
    // A thin rule between posts, as in a timeline.
    painter->setPen(option.palette.color(QPalette::Mid));
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();
}

QSize XPostDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics fm(option.font);
    const int width = viewWidth(option);
    // As many text lines as the text needs, at most three: short posts take less room.
    const QString text = index.data(XPostListModel::TextRole).toString();
    const QRect needed = fm.boundingRect(QRect(0, 0, std::max(width - 2 * kPadding, 40), 10000),
                                         Qt::TextWordWrap | Qt::TextWrapAnywhere, text);
    const int lines = std::clamp(needed.height() / std::max(fm.lineSpacing(), 1), 1, kTextLines);
    return {width, 2 * kPadding + lines * fm.lineSpacing() + 4 + fm.height()};
}

} // namespace AssetDesk
