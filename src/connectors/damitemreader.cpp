#include "connectors/damitemreader.h"

#include "connectors/damtext.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace AssetDesk {

namespace {
QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("text");
    default:
        return QStringLiteral("nothing");
    }
}
} // namespace

DamItemReader::DamItemReader(QJsonObject item)
    : m_item(std::move(item))
{
}

QJsonValue DamItemReader::at(QStringView path) const
{
    QJsonValue current(m_item);
    for (QStringView step : path.split(u'.')) {
        if (!current.isObject())
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(step);
    }
    return current;
}

bool DamItemReader::has(QStringView path) const
{
    const QJsonValue v = at(path);
    return !v.isUndefined() && !v.isNull();
}

QJsonValue DamItemReader::first(std::initializer_list<QStringView> paths, QString* foundPath) const
{
    for (QStringView path : paths) {
        const QJsonValue v = at(path);
        if (!v.isUndefined() && !v.isNull()) {
            if (foundPath)
                *foundPath = path.toString();
            return v;
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString DamItemReader::text(std::initializer_list<QStringView> paths, int maxChars)
{
    QString path;
    const QJsonValue v = first(paths, &path);
    QString out;
    if (v.isString()) {
        out = v.toString();
    } else if (v.isDouble()) {
        const double d = v.toDouble();
        out = d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d);
    } else if (v.isBool()) {
        out = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    } else if (!v.isUndefined()) {
        note(QStringLiteral("%1 is %2 where text was expected; left empty").arg(path, typeName(v)));
        return {};
    }
    bool cut = false;
    out = DamText::capped(out, maxChars, &cut);
    if (cut) {
        note(QStringLiteral("%1 was %2 characters long; the first %3 are kept")
                 .arg(path)
                 .arg(v.toString().size())
                 .arg(maxChars));
    }
    return out;
}

qint64 DamItemReader::integer(std::initializer_list<QStringView> paths, qint64 min, qint64 max, qint64 fallback)
{
    QString path;
    const QJsonValue v = first(paths, &path);
    if (v.isUndefined())
        return fallback;
    double d = 0;
    bool ok = false;
    if (v.isDouble()) {
        d = v.toDouble();
        ok = std::isfinite(d);
    } else if (v.isString()) {
        d = v.toString().trimmed().toDouble(&ok);
        ok = ok && std::isfinite(d);
    }
    if (!ok) {
        note(QStringLiteral("%1 is %2 where a number was expected; ignored").arg(path, typeName(v)));
        return fallback;
    }
    const double rounded = std::round(d);
    if (rounded < double(min) || rounded > double(max)) {
        note(QStringLiteral("%1 = %2 is outside %3..%4; ignored").arg(path).arg(d).arg(min).arg(max));
        return fallback;
    }
    return qint64(rounded);
}

QDateTime DamItemReader::parseDateTime(const QJsonValue& value, bool* ok)
{
    QDateTime result;
    if (value.isDouble()) {
        const double n = value.toDouble();
        // Seconds until the year 5138, milliseconds after.
        if (std::isfinite(n) && n > 0)
            result = n < 1e11 ? QDateTime::fromSecsSinceEpoch(qint64(n), Qt::UTC)
                              : QDateTime::fromMSecsSinceEpoch(qint64(n), Qt::UTC);
    } else if (value.isString()) {
        QString s = value.toString().trimmed();
        result = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!result.isValid()) {
            // PhotoShelter v3: "2020-01-02 03:04:05 GMT" (photoshelter.md §5).
            static const QRegularExpression spaced(
                QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\\s*(GMT|UTC|Z)?$"));
            const QRegularExpressionMatch m = spaced.match(s);
            if (m.hasMatch())
                result = QDateTime::fromString(m.captured(1) + QLatin1Char('T') + m.captured(2), Qt::ISODateWithMs);
        }
        if (result.isValid() && result.timeSpec() == Qt::LocalTime)
            result.setTimeSpec(Qt::UTC); // no zone given: the services speak UTC
    }
    if (result.isValid())
        result = result.toUTC();
    if (ok)
        *ok = result.isValid();
    return result;
}

QDateTime DamItemReader::dateTime(std::initializer_list<QStringView> paths)
{
    QString path;
    const QJsonValue v = first(paths, &path);
    if (v.isUndefined())
        return {};
    bool ok = false;
    const QDateTime parsed = parseDateTime(v, &ok);
    if (!ok) {
        note(QStringLiteral("%1 is not a date (%2); ignored")
                 .arg(path, v.isString() ? DamText::capped(v.toString(), 40) : typeName(v)));
    }
    return parsed;
}

QStringList DamItemReader::textList(std::initializer_list<QStringView> paths, int maxItems, int maxChars)
{
    QString path;
    const QJsonValue v = first(paths, &path);
    QStringList raw;
    if (v.isArray()) {
        for (const QJsonValue& e : v.toArray()) {
            if (e.isString())
                raw << e.toString();
            else if (e.isDouble())
                raw << QString::number(e.toDouble());
            else if (e.isObject() && e.toObject().value(QLatin1String("value")).isString())
                raw << e.toObject().value(QLatin1String("value")).toString(); // iconik field_values
        }
    } else if (v.isString()) {
        static const QRegularExpression separators(QStringLiteral("[,;]"));
        raw = v.toString().split(separators);
    } else if (!v.isUndefined()) {
        note(QStringLiteral("%1 is %2 where a list was expected; left empty").arg(path, typeName(v)));
        return {};
    }
    QStringList out;
    bool cut = false;
    for (const QString& entry : std::as_const(raw)) {
        const QString trimmed = entry.trimmed();
        if (trimmed.isEmpty() || out.contains(trimmed))
            continue;
        if (out.size() >= maxItems) {
            note(QStringLiteral("%1 has more than %2 entries; the rest are not kept").arg(path).arg(maxItems));
            break;
        }
        bool entryCut = false;
        out << DamText::capped(trimmed, maxChars, &entryCut);
        cut = cut || entryCut;
    }
    if (cut)
        note(QStringLiteral("%1 has entries longer than %2 characters; they were cut").arg(path).arg(maxChars));
    return out;
}

bool DamItemReader::boolean(std::initializer_list<QStringView> paths, bool fallback)
{
    QString path;
    const QJsonValue v = first(paths, &path);
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0;
    if (v.isString()) {
        const QString s = v.toString().trimmed().toLower();
        if (s == u"true" || s == u"t" || s == u"yes" || s == u"y" || s == u"1")
            return true;
        if (s == u"false" || s == u"f" || s == u"no" || s == u"n" || s == u"0")
            return false;
    }
    if (!v.isUndefined())
        note(QStringLiteral("%1 is %2 where yes/no was expected; ignored").arg(path, typeName(v)));
    return fallback;
}

QString DamItemReader::normalizedKey(QStringView key)
{
    QString out;
    out.reserve(key.size());
    for (QChar c : key) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

} // namespace AssetDesk
