#include "storage/sqlvalues.h"

#include <QRegularExpression>

namespace AssetDesk::SqlValues {

QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant timestamp(const QDateTime& value)
{
    return value.isValid() ? QVariant(value.toMSecsSinceEpoch()) : QVariant();
}

QDateTime toDateTime(const QVariant& value)
{
    if (value.isNull() || !value.isValid())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString joinLines(const QStringList& items)
{
    static const QRegularExpression lineBreaks(QStringLiteral("[\\r\\n]+"));
    QStringList cleaned;
    cleaned.reserve(items.size());
    for (const QString& item : items) {
        // The regular expression only for the rare keyword with a line break: an ingest joins
        // millions of keywords.
        const bool breaks = item.contains(QLatin1Char('\n')) || item.contains(QLatin1Char('\r'));
        const QString one = breaks ? QString(item).replace(lineBreaks, QStringLiteral(" ")).trimmed() : item.trimmed();
        if (!one.isEmpty())
            cleaned << one;
    }
    return cleaned.join(QLatin1Char('\n'));
}

QStringList splitLines(const QString& text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace AssetDesk::SqlValues
