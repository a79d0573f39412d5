#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace AssetDesk {

// Typed access to the fields of one Zendesk record ("ticket", "comment", ...). Required fields
// must be present with their type; optional ones may be absent or null and then read as empty,
// but a present value of another type is still an error: a changed API should say what changed.
class ZendeskFields
{
public:
    ZendeskFields(const QJsonObject& json, QString record);

    Result<qint64> id(const char* field) const;                 // required integer > 0
    Result<qint64> optionalId(const char* field) const;         // integer or null -> 0
    Result<QString> optionalString(const char* field) const;    // string or null -> ""
    Result<bool> optionalBool(const char* field, bool fallback) const;
    Result<qint64> optionalInteger(const char* field) const;
    Result<QStringList> optionalStrings(const char* field) const; // array of strings or null
    Result<QDateTime> optionalTime(const char* field) const;     // ISO 8601 or null
    Result<QJsonObject> optionalObject(const char* field) const;
    Result<QJsonArray> optionalArray(const char* field) const;

    Error wrongType(const char* field, const char* expected) const;

private:
    QJsonObject m_json;
    QString m_record;
};

} // namespace AssetDesk
