#pragma once

#include "core/error.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace AssetDesk {

// Reads the columns of one Dataverse row (dynamics.md §4, §11) with the Web API's conventions:
// null or absent columns are "not set", lookups are "_<name>_value" GUIDs with their
// lookuplogicalname and FormattedValue annotations, choices are integers, DateOnly columns
// "YYYY-MM-DD", timestamps ISO 8601 UTC.
//
// A present column of the wrong type is an error that names the table, the row and the column:
// a changed or broken API then says what changed instead of storing zeros. The first error is
// kept (later reads return defaults); check error() after reading a row.
class DynamicsRecord
{
public:
    DynamicsRecord(QJsonObject row, QString table);

    // The primary key: a required, non-empty string.
    QString key(const QString& column);
    QString string(const QString& column);
    int integer(const QString& column);
    double number(const QString& column);
    bool boolean(const QString& column);
    QDateTime dateTime(const QString& column);
    QDate date(const QString& column);
    // "_<lookup>_value", its target table's logical name and its display name (annotations).
    QString lookup(const QString& lookup);
    QString lookupTable(const QString& lookup) const;
    QString lookupName(const QString& lookup) const;
    // The FormattedValue annotation of a column (choice labels); empty without one.
    QString formatted(const QString& column) const;

    const std::optional<Error>& error() const { return m_error; }

private:
    // The column's value, or Undefined for absent and null.
    QJsonValue present(const QString& column) const;
    void wrongType(const QString& column, const char* expected, const QJsonValue& value);

    QJsonObject m_row;
    QString m_table;
    QString m_key;
    std::optional<Error> m_error;
};

} // namespace AssetDesk
