#include "sandbox/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace AssetDesk::Sandbox {

void JsonText::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out += ',';
        m_first.back() = false;
    }
}

JsonText& JsonText::beginObject()
{
    beforeValue();
    m_out += '{';
    m_first.push_back(true);
    return *this;
}

JsonText& JsonText::endObject()
{
    m_out += '}';
    m_first.pop_back();
    return *this;
}

JsonText& JsonText::beginArray()
{
    beforeValue();
    m_out += '[';
    m_first.push_back(true);
    return *this;
}

JsonText& JsonText::endArray()
{
    m_out += ']';
    m_first.pop_back();
    return *this;
}

JsonText& JsonText::key(const char* name)
{
    beforeValue();
    m_out += '"';
    m_out += name;
    m_out += "\":";
    m_afterKey = true;
    return *this;
}

void JsonText::appendEscaped(QByteArray& out, const QString& text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xf];
            }
        } else {
            out += c; // UTF-8 continuation and lead bytes are >= 0x80: never special
        }
    }
    out += '"';
}

JsonText& JsonText::value(const QString& text)
{
    beforeValue();
    appendEscaped(m_out, text);
    return *this;
}

JsonText& JsonText::value(qint64 number)
{
    beforeValue();
    m_out += QByteArray::number(number);
    return *this;
}

JsonText& JsonText::value(double number)
{
    // Whole numbers as integers, like QJsonDocument ("1000000", not "1e+06": some clients parse
    // an exponent as a float).
    if (std::floor(number) == number && std::abs(number) < 9007199254740992.0)
        return value(qint64(number));
    beforeValue();
    m_out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    return *this;
}

JsonText& JsonText::value(bool flag)
{
    beforeValue();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonText& JsonText::null()
{
    beforeValue();
    m_out += "null";
    return *this;
}

JsonText& JsonText::value(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return null();
    case QJsonValue::Bool:
        return value(v.toBool());
    case QJsonValue::Double:
        return value(v.toDouble());
    case QJsonValue::String:
        return value(v.toString());
    case QJsonValue::Array:
        return raw(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return raw(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return null();
}

JsonText& JsonText::raw(const QByteArray& json)
{
    beforeValue();
    m_out += json;
    return *this;
}

} // namespace AssetDesk::Sandbox
