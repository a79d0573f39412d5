#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace AssetDesk::SqlValues {

// How core values are stored, identically on both backends (see the schema header comments).

// A non-null text value: Qt binds a null QString as SQL NULL, which NOT NULL columns refuse.
QVariant text(const QString& value);
// Milliseconds since the epoch (UTC), or SQL NULL for an invalid QDateTime.
QVariant timestamp(const QDateTime& value);
QDateTime toDateTime(const QVariant& value);
// One item per line (keywords, tags, media ids). Line breaks inside an item become spaces.
QString joinLines(const QStringList& items);
QStringList splitLines(const QString& text);

} // namespace AssetDesk::SqlValues
