#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace AssetDesk {

// Limits on what one DAM item may put into the local library, and the clean-ups applied to text
// that comes from a service. Services are not trusted to send sane sizes: a 10 MB caption must
// not reach the search index, a file name like "../../.bashrc" must never become a path.
class DamText
{
public:
    static constexpr int kMaxTitle = 1024;
    static constexpr int kMaxCaption = 64 * 1024;
    static constexpr int kMaxShortText = 4096;   // credit, copyright, restrictions, campaign
    static constexpr int kMaxFileName = 1024;
    static constexpr int kMaxKeyword = 256;
    static constexpr int kMaxKeywords = 1000;
    static constexpr int kMaxRawString = 16 * 1024; // one string value kept in the raw JSON
    static constexpr qint64 kMaxDimension = 1000000; // pixels per side

    // `text` cut to at most `maxChars` characters (never inside a surrogate pair); `truncated`
    // tells whether anything was cut.
    static QString capped(const QString& text, int maxChars, bool* truncated = nullptr);

    // Text for display and search: control characters (C0, DEL, C1, line and paragraph
    // separators, bidi overrides) become U+FFFD, except tab and newline where `multiLine`.
    static QString displayText(const QString& text, bool multiLine = false);

    // A file name that is safe as one path component on every platform: no separators, no "."
    // or "..", no control or reserved characters, no leading dots or trailing dots and spaces, not
    // a Windows device name, at most 200 bytes of UTF-8. Falls back to `fallback` when nothing
    // usable is left. Use wherever a service's file name could become part of a path.
    static QString safeFileName(const QString& name, const QString& fallback = QStringLiteral("file"));

    // The service's JSON for the inspector, with every string longer than kMaxRawString cut and
    // marked, so a hostile item cannot make the raw JSON column as large as the item.
    // `truncated` tells whether anything was cut.
    static QByteArray rawJson(const QJsonObject& item, bool* truncated = nullptr);
};

} // namespace AssetDesk
