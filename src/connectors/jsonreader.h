#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace AssetDesk {

// Reads fields of a service's JSON by dotted path ("data.attributes.email"). A missing or
// wrongly typed required field is a Parse error that names the field and the service, so a
// changed or broken API says what changed instead of failing somewhere later.
class JsonReader
{
public:
    JsonReader(QJsonObject root, QString serviceName);

    QJsonValue value(QStringView path) const; // Undefined when any step is missing

    Result<QString> string(QStringView path) const;
    // Strings and numbers both read as text (ids are numbers in one API and strings in another).
    Result<QString> id(QStringView path) const;
    Result<QJsonObject> object(QStringView path) const;

    QString optionalString(QStringView path, const QString& fallback = {}) const;

private:
    Error missing(QStringView path, const char* expected) const;

    QJsonObject m_root;
    QString m_serviceName;
};

} // namespace AssetDesk
