#include "net/redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>

namespace AssetDesk {

namespace {

// Names are compared after lower-casing and dropping everything but letters and digits, so
// "access_token", "accessToken" and "Access-Token" are one name.
QString normalizedName(QStringView name)
{
    QString out;
    out.reserve(name.size());
    for (QChar c : name) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

const QSet<QString>& sensitiveHeaderNames()
{
    static const QSet<QString> names{
        QStringLiteral("authorization"), QStringLiteral("proxyauthorization"),
        QStringLiteral("cookie"),        QStringLiteral("setcookie"),
        QStringLiteral("xpsapikey"),     QStringLiteral("xpsauthtoken"),
        QStringLiteral("authtoken"),     QStringLiteral("xapikey"),
        QStringLiteral("apikey"),
    };
    return names;
}

const QSet<QString>& sensitiveParameterNames()
{
    static const QSet<QString> names{
        QStringLiteral("apikey"),
        QStringLiteral("token"),
        QStringLiteral("authtoken"),
        QStringLiteral("accesstoken"),
        QStringLiteral("refreshtoken"),
        QStringLiteral("idtoken"),
        QStringLiteral("clientsecret"),
        QStringLiteral("code"),
        QStringLiteral("codeverifier"),
        QStringLiteral("password"),
        QStringLiteral("key"),
        QStringLiteral("signature"),
        QStringLiteral("sig"),
        QStringLiteral("secret"),
        QStringLiteral("clientassertion"),
        QStringLiteral("xamzsignature"),
        QStringLiteral("xamzcredential"),
        QStringLiteral("xamzsecuritytoken"),
    };
    return names;
}

QString redactQueryString(const QString& encodedQuery)
{
    QUrlQuery query(encodedQuery);
    QList<std::pair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
    bool changed = false;
    for (auto& [name, value] : items) {
        if (Redactor::isSensitiveParameter(QUrl::fromPercentEncoding(name.toUtf8()))) {
            value = Redactor::mask();
            changed = true;
        }
    }
    if (!changed)
        return encodedQuery;
    QStringList parts;
    for (const auto& [name, value] : items)
        parts << name + QLatin1Char('=') + value;
    return parts.join(QLatin1Char('&'));
}

QJsonValue redactJson(const QJsonValue& value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (Redactor::isSensitiveParameter(it.key()) && !it.value().isObject() && !it.value().isArray())
                *it = QJsonValue(Redactor::mask());
            else
                *it = redactJson(it.value());
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = redactJson(*it);
        return array;
    }
    return value;
}

} // namespace

bool Redactor::isSensitiveHeader(const QByteArray& name)
{
    return sensitiveHeaderNames().contains(normalizedName(QString::fromLatin1(name)));
}

bool Redactor::isSensitiveParameter(const QString& name)
{
    return sensitiveParameterNames().contains(normalizedName(name));
}

void Redactor::registerSecret(const QString& secret)
{
    if (secret.size() < kMinSecretLength)
        return;
    QWriteLocker lock(&m_lock);
    if (!m_secrets.contains(secret))
        m_secrets.append(secret);
}

void Redactor::unregisterSecret(const QString& secret)
{
    QWriteLocker lock(&m_lock);
    m_secrets.removeAll(secret);
}

bool Redactor::isRegistered(const QString& secret) const
{
    QReadLocker lock(&m_lock);
    return m_secrets.contains(secret);
}

QStringList Redactor::secretsLongestFirst() const
{
    QStringList secrets;
    {
        QReadLocker lock(&m_lock);
        secrets = m_secrets;
    }
    // Longest first, so a secret that contains another one is replaced whole.
    std::sort(secrets.begin(), secrets.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    return secrets;
}

QString Redactor::redactText(const QString& text) const
{
    QString out = text;
    for (const QString& secret : secretsLongestFirst()) {
        out.replace(secret, mask());
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        if (encoded != secret)
            out.replace(encoded, mask());
        QString formEncoded = QString::fromLatin1(QUrl::toPercentEncoding(secret, " "));
        formEncoded.replace(QLatin1Char(' '), QLatin1Char('+'));
        if (formEncoded != secret && formEncoded != encoded)
            out.replace(formEncoded, mask());
    }
    return out;
}

QString Redactor::redactUrl(const QUrl& url) const
{
    QUrl copy = url;
    if (!copy.userInfo().isEmpty()) {
        copy.setPassword(QString());
        copy.setUserName(mask());
    }
    if (copy.hasQuery())
        copy.setQuery(redactQueryString(copy.query(QUrl::FullyEncoded)), QUrl::StrictMode);
    if (copy.hasFragment() && copy.fragment().contains(QLatin1Char('=')))
        copy.setFragment(redactQueryString(copy.fragment(QUrl::FullyEncoded)), QUrl::StrictMode);
    return redactText(copy.toString(QUrl::FullyEncoded));
}

QString Redactor::redactHeaderValue(const QByteArray& name, const QByteArray& value) const
{
    if (isSensitiveHeader(name))
        return mask();
    return redactText(QString::fromLatin1(value));
}

QString Redactor::redactBody(const QByteArray& body, const QByteArray& contentType) const
{
    const QByteArray type = contentType.toLower();
    if (type.contains("json")) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError) {
            const QJsonValue redacted =
                redactJson(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
            const QJsonDocument out =
                redacted.isObject() ? QJsonDocument(redacted.toObject()) : QJsonDocument(redacted.toArray());
            return redactText(QString::fromUtf8(out.toJson(QJsonDocument::Compact)));
        }
    } else if (type.contains("x-www-form-urlencoded")) {
        return redactText(redactQueryString(QString::fromLatin1(body)));
    }
    return redactText(QString::fromUtf8(body));
}

} // namespace AssetDesk
