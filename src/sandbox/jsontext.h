#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace AssetDesk::Sandbox {

// Compact JSON written straight into bytes, for listings of a thousand resources where building
// QJsonObjects and serializing them dominated the response time. Commas are placed by the
// writer; strings are escaped as RFC 8259 requires (quote, backslash, control characters), the
// rest is UTF-8. Members come out in the order they are written.
class JsonText
{
public:
    JsonText& beginObject();
    JsonText& endObject();
    JsonText& beginArray();
    JsonText& endArray();
    JsonText& key(const char* name); // ASCII names without characters that need escaping
    JsonText& value(const QString& text);
    JsonText& value(const char* text) = delete; // say QStringLiteral: no accidental Latin-1
    JsonText& value(qint64 number);
    JsonText& value(int number) { return value(qint64(number)); }
    JsonText& value(double number);
    JsonText& value(bool flag);
    JsonText& null();
    // Any QJsonValue (objects and arrays through QJsonDocument): for the small parts.
    JsonText& value(const QJsonValue& v);
    // Already-encoded JSON.
    JsonText& raw(const QByteArray& json);

    template <typename T>
    JsonText& member(const char* name, const T& v)
    {
        key(name);
        return value(v);
    }

    const QByteArray& bytes() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

    static void appendEscaped(QByteArray& out, const QString& text);

private:
    void beforeValue();

    QByteArray m_out;
    std::vector<bool> m_first; // per open container: nothing written yet
    bool m_afterKey = false;
};

} // namespace AssetDesk::Sandbox
