#include "connectors/dynamics/dynamicsrecord.h"

#include <QJsonDocument>

namespace AssetDesk {

namespace {

const QString kFormatted = QStringLiteral("@OData.Community.Display.V1.FormattedValue");
const QString kLogicalName = QStringLiteral("@Microsoft.Dynamics.CRM.lookuplogicalname");

QString valueColumn(const QString& lookup)
{
    return QLatin1Char('_') + lookup + QStringLiteral("_value");
}

QString describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString().left(40) + QLatin1Char('"');
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("null");
    }
}

} // namespace

DynamicsRecord::DynamicsRecord(QJsonObject row, QString table)
    : m_row(std::move(row))
    , m_table(std::move(table))
{
}

QJsonValue DynamicsRecord::present(const QString& column) const
{
    const QJsonValue value = m_row.value(column);
    return value.isNull() ? QJsonValue(QJsonValue::Undefined) : value;
}

void DynamicsRecord::wrongType(const QString& column, const char* expected, const QJsonValue& value)
{
    if (m_error)
        return;
    const QString row = m_key.isEmpty() ? QString() : QStringLiteral(" %1").arg(m_key);
    m_error = Error(ErrorKind::Parse,
                    QStringLiteral("Dynamics 365 sent a %1%2 whose %3 is %4, not %5.")
                        .arg(m_table, row, column, describe(value), QLatin1String(expected)))
                  .withOrigin(QStringLiteral("dynamics"));
}

QString DynamicsRecord::key(const QString& column)
{
    const QJsonValue value = present(column);
    if (value.isString() && !value.toString().isEmpty()) {
        m_key = value.toString();
        return m_key;
    }
    if (!m_error) {
        m_error = Error(ErrorKind::Parse,
                        value.isUndefined()
                            ? QStringLiteral("Dynamics 365 sent a %1 without its key %2.").arg(m_table, column)
                            : QStringLiteral("Dynamics 365 sent a %1 whose key %2 is %3, not a GUID.")
                                  .arg(m_table, column, describe(value)),
                        QString::fromUtf8(QJsonDocument(m_row).toJson(QJsonDocument::Compact).left(300)))
                      .withOrigin(QStringLiteral("dynamics"));
    }
    return {};
}

QString DynamicsRecord::string(const QString& column)
{
    const QJsonValue value = present(column);
    if (value.isUndefined())
        return {};
    if (!value.isString()) {
        wrongType(column, "text", value);
        return {};
    }
    return value.toString();
}

int DynamicsRecord::integer(const QString& column)
{
    const QJsonValue value = present(column);
    if (value.isUndefined())
        return 0;
    const double d = value.toDouble();
    if (!value.isDouble() || d != double(int(d))) {
        wrongType(column, "a whole number", value);
        return 0;
    }
    return int(d);
}

double DynamicsRecord::number(const QString& column)
{
    const QJsonValue value = present(column);
    if (value.isUndefined())
        return 0;
    if (!value.isDouble()) {
        wrongType(column, "a number", value);
        return 0;
    }
    return value.toDouble();
}

bool DynamicsRecord::boolean(const QString& column)
{
    const QJsonValue value = present(column);
    if (value.isUndefined())
        return false;
    if (!value.isBool()) {
        wrongType(column, "true or false", value);
        return false;
    }
    return value.toBool();
}

QDateTime DynamicsRecord::dateTime(const QString& column)
{
    const QJsonValue value = present(column);
    if (value.isUndefined())
        return {};
    QDateTime t = value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs) : QDateTime();
    if (!t.isValid()) {
        wrongType(column, "a date and time (ISO 8601)", value);
        return {};
    }
    return t.toUTC();
}

QDate DynamicsRecord::date(const QString& column)
{
    const QJsonValue value = present(column);
    if (value.isUndefined())
        return {};
    // DateOnly columns come as "2027-01-15"; a DateAndTime column used as a date has a time too.
    const QDate d = value.isString() ? QDate::fromString(value.toString().left(10), Qt::ISODate) : QDate();
    if (!d.isValid()) {
        wrongType(column, "a date (YYYY-MM-DD)", value);
        return {};
    }
    return d;
}

QString DynamicsRecord::lookup(const QString& lookup)
{
    return string(valueColumn(lookup));
}

QString DynamicsRecord::lookupTable(const QString& lookup) const
{
    return m_row.value(valueColumn(lookup) + kLogicalName).toString();
}

QString DynamicsRecord::lookupName(const QString& lookup) const
{
    return formatted(valueColumn(lookup));
}

QString DynamicsRecord::formatted(const QString& column) const
{
    return m_row.value(column + kFormatted).toString();
}

} // namespace AssetDesk
