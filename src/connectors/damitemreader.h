#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace AssetDesk {

// Reads the fields of one item of a DAM listing leniently. Unlike JsonReader (which fails a
// response whose required field is missing), one odd item must not fail its page: a missing
// field reads as empty, a field of the wrong type is read as well as it can be (a number where
// text was expected, "1200" where a number was) or left empty, an absurd value is refused, and
// every such liberty is written down in notes() so the sync can report it with the item.
//
// Paths are dotted ("attributes.file_name"). Where the services' documentation leaves the name
// of a field unconfirmed, callers pass every documented or plausible name; the first present
// one wins.
class DamItemReader
{
public:
    explicit DamItemReader(QJsonObject item);

    const QJsonObject& item() const { return m_item; }
    QJsonValue at(QStringView path) const; // Undefined when any step is missing or not an object
    bool has(QStringView path) const;

    // The first of `paths` that is present (not missing, not null).
    QJsonValue first(std::initializer_list<QStringView> paths, QString* foundPath = nullptr) const;

    // Text, at most `maxChars` (longer text is cut and noted). Numbers and booleans are taken as
    // their text; objects and arrays are refused with a note.
    QString text(std::initializer_list<QStringView> paths, int maxChars);
    // A whole number within [min, max]. Numeric strings are accepted; fractions are rounded;
    // anything else, or a value out of range, reads as `fallback` with a note.
    qint64 integer(std::initializer_list<QStringView> paths, qint64 min, qint64 max, qint64 fallback = 0);
    // ISO 8601 (with or without zone, "Z" or offset), "yyyy-MM-dd HH:mm:ss GMT" (PhotoShelter v3),
    // a bare date, or seconds / milliseconds since the epoch. UTC; invalid when absent or unreadable.
    QDateTime dateTime(std::initializer_list<QStringView> paths);
    // A list of strings: an array (of strings or numbers), or one string separated by commas or
    // semicolons. Empty entries are dropped; at most `maxItems` of at most `maxChars` each.
    QStringList textList(std::initializer_list<QStringView> paths, int maxItems, int maxChars);
    // true/false, "true"/"t"/"yes"/"1" and friends, 0/1.
    bool boolean(std::initializer_list<QStringView> paths, bool fallback = false);

    // What was adjusted or refused, one short sentence per field.
    const QStringList& notes() const { return m_notes; }
    void note(const QString& text) { m_notes.append(text); }

    // Exposed for callers that read values from elsewhere (metadata blocks).
    static QDateTime parseDateTime(const QJsonValue& value, bool* ok = nullptr);
    static QString normalizedKey(QStringView key); // "License_Expiry-Date" -> "licenseexpirydate"

private:
    QJsonObject m_item;
    QStringList m_notes;
};

} // namespace AssetDesk
