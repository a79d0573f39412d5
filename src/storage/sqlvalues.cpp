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
        const QString one = QString(item).replace(lineBreaks, QStringLiteral(" ")).trimmed();
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
