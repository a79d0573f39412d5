#include "sandbox/sandboxrequest.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace AssetDesk::Sandbox {

QUrlQuery parseFormEncoded(const QByteArray& encoded)
{
    QByteArray normalized = encoded;
    normalized.replace('+', QByteArrayLiteral("%20"));
    return QUrlQuery(QString::fromLatin1(normalized));
}

QByteArray SandboxRequest::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool SandboxRequest::hasHeader(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QUrlQuery SandboxRequest::query() const
{
    return parseFormEncoded(rawQuery);
}

QString SandboxRequest::queryValue(const QString& key) const
{
    return query().queryItemValue(key, QUrl::FullyDecoded);
}

bool SandboxRequest::hasQueryItem(const QString& key) const
{
    return query().hasQueryItem(key);
}

QString SandboxRequest::pathAndQuery() const
{
    QString p = QString::fromLatin1(rawPath);
    if (!rawQuery.isEmpty())
        p += QLatin1Char('?') + QString::fromLatin1(rawQuery);
    return p;
}

QByteArray SandboxRequest::mediaType() const
{
    QByteArray type = header(QByteArrayLiteral("Content-Type"));
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

bool SandboxRequest::isForm() const
{
    return mediaType() == "application/x-www-form-urlencoded";
}

bool SandboxRequest::isJson() const
{
    const QByteArray type = mediaType();
    return type == "application/json" || type.endsWith("+json");
}

QUrlQuery SandboxRequest::formBody() const
{
    return parseFormEncoded(body);
}

std::optional<QJsonObject> SandboxRequest::jsonBody() const
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString SandboxRequest::bodyOrQueryValue(const QString& key) const
{
    if (isForm()) {
        const QUrlQuery form = formBody();
        if (form.hasQueryItem(key))
            return form.queryItemValue(key, QUrl::FullyDecoded);
    } else if (isJson()) {
        if (const auto object = jsonBody()) {
            const QJsonValue v = object->value(key);
            if (v.isString())
                return v.toString();
            if (v.isDouble())
                return QString::number(v.toDouble(), 'g', 17);
            if (v.isBool())
                return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        }
    }
    return queryValue(key);
}

QString SandboxRequest::bearerToken() const
{
    const QByteArray auth = header(QByteArrayLiteral("Authorization")).trimmed();
    if (auth.size() > 7 && auth.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(auth.mid(7).trimmed());
    return {};
}

std::optional<std::pair<QString, QString>> SandboxRequest::basicCredentials() const
{
    const QByteArray auth = header(QByteArrayLiteral("Authorization")).trimmed();
    if (auth.size() <= 6 || auth.left(6).compare("Basic ", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    const auto decoded =
        QByteArray::fromBase64Encoding(auth.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray pair = *decoded;
    const qsizetype colon = pair.indexOf(':');
    if (colon < 0)
        return std::nullopt;
    return std::pair{QString::fromUtf8(pair.left(colon)), QString::fromUtf8(pair.mid(colon + 1))};
}

} // namespace AssetDesk::Sandbox
