#include "connectors/jsonreader.h"

#include <QCoreApplication>

namespace AssetDesk {

JsonReader::JsonReader(QJsonObject root, QString serviceName)
    : m_root(std::move(root))
    , m_serviceName(std::move(serviceName))
{
}

QJsonValue JsonReader::value(QStringView path) const
{
    QJsonValue current(m_root);
    for (QStringView step : path.split(u'.')) {
        if (!current.isObject())
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(step);
    }
    return current;
}

Error JsonReader::missing(QStringView path, const char* expected) const
{
    return Error(ErrorKind::Parse,
                 QCoreApplication::translate("AssetDesk::JsonReader", "%1 answered without the expected %2.")
                     .arg(m_serviceName, path.toString()),
                 QStringLiteral("expected %1 at %2").arg(QLatin1String(expected), path.toString()))
        .withOrigin(m_serviceName);
}

Result<QString> JsonReader::string(QStringView path) const
{
    const QJsonValue v = value(path);
    if (!v.isString())
        return missing(path, "a string");
    return v.toString();
}

Result<QString> JsonReader::id(QStringView path) const
{
    const QJsonValue v = value(path);
    if (v.isString() && !v.toString().isEmpty())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    return missing(path, "an id");
}

Result<QJsonObject> JsonReader::object(QStringView path) const
{
    const QJsonValue v = value(path);
    if (!v.isObject())
        return missing(path, "an object");
    return v.toObject();
}

QString JsonReader::optionalString(QStringView path, const QString& fallback) const
{
    const QJsonValue v = value(path);
    return v.isString() ? v.toString() : fallback;
}

} // namespace AssetDesk
