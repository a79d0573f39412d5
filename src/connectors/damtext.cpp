#include "connectors/damtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace AssetDesk {

namespace {

bool isUnsafeControl(char32_t c, bool multiLine)
{
    if (multiLine && (c == u'\n' || c == u'\t'))
        return false;
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        return true;
    // Line/paragraph separators and the bidirectional controls that can make a name read
    // differently from what it is ("gpj.exe" shown as "exe.jpg").
    return c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e || c == 0x200f || c == 0xfeff;
}

QJsonValue capValue(const QJsonValue& value, bool& truncated)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (s.size() <= DamText::kMaxRawString)
            return value;
        truncated = true;
        return DamText::capped(s, DamText::kMaxRawString)
            + QStringLiteral("… [%1 more characters not kept]").arg(s.size() - DamText::kMaxRawString);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& v : value.toArray())
            out.append(capValue(v, truncated));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), capValue(it.value(), truncated));
        return out;
    }
    return value;
}

} // namespace

QString DamText::capped(const QString& text, int maxChars, bool* truncated)
{
    if (truncated)
        *truncated = text.size() > maxChars;
    if (text.size() <= maxChars)
        return text;
    int cut = maxChars;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut);
}

QString DamText::displayText(const QString& text, bool multiLine)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4())
        out.append(isUnsafeControl(c, multiLine) ? QString(QChar(0xfffd)) : QString::fromUcs4(&c, 1));
    return out;
}

QString DamText::safeFileName(const QString& name, const QString& fallback)
{
    QString out;
    for (const char32_t c : name.toUcs4()) {
        if (isUnsafeControl(c, false) || c == u'/' || c == u'\\' || c == u':' || c == u'*' || c == u'?'
            || c == u'"' || c == u'<' || c == u'>' || c == u'|')
            out.append(QLatin1Char('_'));
        else
            out.append(QString::fromUcs4(&c, 1));
    }
    // Nothing hidden, nothing that a shell or Windows treats specially at either end.
    while (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char(' ')) || out.startsWith(QLatin1Char('-')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('.')) || out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    static const QRegularExpression device(QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (device.match(out).hasMatch())
        out.prepend(QLatin1Char('_'));
    // 200 bytes leaves room for a cache suffix within every file system's 255.
    while (out.toUtf8().size() > 200)
        out = capped(out, out.size() - 1);
    if (out.isEmpty() || out.trimmed().isEmpty() || out.count(QLatin1Char('_')) == out.size())
        return fallback;
    return out;
}

QByteArray DamText::rawJson(const QJsonObject& item, bool* truncated)
{
    // Nearly every item is a few KB: a string value takes at least as many bytes as it has
    // characters, so an item whose compact JSON fits kMaxRawString has nothing to cut. Only a
    // larger one is rebuilt with its long strings cut (rebuilding every item was half the sync
    // thread's time on an iconik page).
    QByteArray compact = QJsonDocument(item).toJson(QJsonDocument::Compact);
    if (compact.size() <= kMaxRawString) {
        if (truncated)
            *truncated = false;
        return compact;
    }
    bool cut = false;
    const QJsonObject capped = capValue(item, cut).toObject();
    if (truncated)
        *truncated = cut;
    return QJsonDocument(capped).toJson(QJsonDocument::Compact);
}

} // namespace AssetDesk
