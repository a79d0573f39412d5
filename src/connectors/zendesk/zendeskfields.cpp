#include "connectors/zendesk/zendeskfields.h"

#include <QCoreApplication>

#include <cmath>

namespace AssetDesk {

namespace {

bool absent(const QJsonValue& v)
{
    return v.isUndefined() || v.isNull();
}

// JSON numbers are doubles; Zendesk ids are 64-bit integers that fit a double exactly in practice
// (< 2^53). A fractional or out-of-range number is not an id.
bool toInteger(const QJsonValue& v, qint64* out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740992.0)
        return false;
    *out = v.toInteger(qint64(d));
    return true;
}

} // namespace

ZendeskFields::ZendeskFields(const QJsonObject& json, QString record)
    : m_json(json)
    , m_record(std::move(record))
{
}

Error ZendeskFields::wrongType(const char* field, const char* expected) const
{
    const QJsonValue v = m_json.value(QLatin1String(field));
    const char* got = v.isUndefined() ? "nothing" : v.isNull() ? "null" : v.isString() ? "a string"
        : v.isDouble() ? "a number" : v.isBool() ? "true/false" : v.isArray() ? "an array" : "an object";
    return Error(ErrorKind::Parse,
                 QCoreApplication::translate("AssetDesk::ZendeskMapper", "Zendesk sent a %1 whose \"%2\" is not %3.")
                     .arg(m_record, QLatin1String(field), QLatin1String(expected)),
                 QStringLiteral("%1.%2: expected %3, got %4").arg(m_record, QLatin1String(field), QLatin1String(expected),
                                                                  QLatin1String(got)))
        .withOrigin(QStringLiteral("zendesk"));
}

Result<qint64> ZendeskFields::id(const char* field) const
{
    qint64 value = 0;
    if (!toInteger(m_json.value(QLatin1String(field)), &value) || value <= 0)
        return wrongType(field, "a positive integer id");
    return value;
}

Result<qint64> ZendeskFields::optionalId(const char* field) const
{
    const QJsonValue v = m_json.value(QLatin1String(field));
    if (absent(v))
        return qint64(0);
    qint64 value = 0;
    if (!toInteger(v, &value) || value < 0)
        return wrongType(field, "an integer id or null");
    return value;
}

Result<qint64> ZendeskFields::optionalInteger(const char* field) const
{
    const QJsonValue v = m_json.value(QLatin1String(field));
    if (absent(v))
        return qint64(0);
    qint64 value = 0;
    if (!toInteger(v, &value))
        return wrongType(field, "an integer or null");
    return value;
}

Result<QString> ZendeskFields::optionalString(const char* field) const
{
    const QJsonValue v = m_json.value(QLatin1String(field));
    if (absent(v))
        return QString();
    if (!v.isString())
        return wrongType(field, "a string or null");
    return v.toString();
}

Result<bool> ZendeskFields::optionalBool(const char* field, bool fallback) const
{
    const QJsonValue v = m_json.value(QLatin1String(field));
    if (absent(v))
        return fallback;
    if (!v.isBool())
        return wrongType(field, "true or false");
    return v.toBool();
}

Result<QStringList> ZendeskFields::optionalStrings(const char* field) const
{
    const QJsonValue v = m_json.value(QLatin1String(field));
    if (absent(v))
        return QStringList();
    if (!v.isArray())
        return wrongType(field, "a list of strings");
    QStringList result;
    for (const QJsonValue& item : v.toArray()) {
        if (!item.isString())
            return wrongType(field, "a list of strings");
        result << item.toString();
    }
    return result;
}

Result<QDateTime> ZendeskFields::optionalTime(const char* field) const
{
    const QJsonValue v = m_json.value(QLatin1String(field));
    if (absent(v))
        return QDateTime();
    QDateTime t = v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
    if (!t.isValid())
        return wrongType(field, "an ISO 8601 time");
    return t.toUTC();
}

Result<QJsonObject> ZendeskFields::optionalObject(const char* field) const
{
    const QJsonValue v = m_json.value(QLatin1String(field));
    if (absent(v))
        return QJsonObject();
    if (!v.isObject())
        return wrongType(field, "an object");
    return v.toObject();
}

Result<QJsonArray> ZendeskFields::optionalArray(const char* field) const
{
    const QJsonValue v = m_json.value(QLatin1String(field));
    if (absent(v))
        return QJsonArray();
    if (!v.isArray())
        return wrongType(field, "a list");
    return v.toArray();
}

} // namespace AssetDesk
