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

qsizetype Redactor::indexOf(const QString& value) const
{
    const auto found = std::find_if(m_secrets.cbegin(), m_secrets.cend(),
                                    [&value](const Secret& s) { return s.value == value; });
    return found == m_secrets.cend() ? -1 : found - m_secrets.cbegin();
}

void Redactor::updatePatterns()
{
    QStringList patterns;
    for (const Secret& secret : std::as_const(m_secrets)) {
        patterns << secret.value;
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret.value));
        QString formEncoded = QString::fromLatin1(QUrl::toPercentEncoding(secret.value, " "));
        formEncoded.replace(QLatin1Char(' '), QLatin1Char('+'));
        patterns << encoded << formEncoded;
    }
    patterns.removeDuplicates();
    std::stable_sort(patterns.begin(), patterns.end(),
                     [](const QString& a, const QString& b) { return a.size() > b.size(); });
    m_patterns = std::make_shared<const QStringList>(std::move(patterns));
}

// A registration or a hold of `value`; the patterns change only with a new secret.
void Redactor::remember(const QString& value, Claim claim)
{
    if (value.size() < kMinSecretLength)
        return;
    QWriteLocker lock(&m_lock);
    const qsizetype at = indexOf(value);
    Secret& secret = at >= 0 ? m_secrets[at] : m_secrets.emplace_back(Secret{value});
    if (claim == Claim::Registration)
        secret.registered = true;
    else
        ++secret.holds;
    if (at < 0)
        updatePatterns();
}

// The end of a registration or of one hold; the secret goes when neither is left.
void Redactor::forget(const QString& value, Claim claim)
{
    QWriteLocker lock(&m_lock);
    const qsizetype at = indexOf(value);
    if (at < 0)
        return;
    Secret& secret = m_secrets[at];
    if (claim == Claim::Registration)
        secret.registered = false;
    else if (secret.holds > 0)
        --secret.holds;
    if (secret.registered || secret.holds > 0)
        return;
    m_secrets.removeAt(at);
    updatePatterns();
}

void Redactor::registerSecret(const QString& secret)
{
    remember(secret, Claim::Registration);
}

void Redactor::unregisterSecret(const QString& secret)
{
    forget(secret, Claim::Registration);
}

void Redactor::holdSecret(const QString& secret)
{
    remember(secret, Claim::Hold);
}

void Redactor::releaseSecret(const QString& secret)
{
    forget(secret, Claim::Hold);
}

bool Redactor::isRegistered(const QString& secret) const
{
    QReadLocker lock(&m_lock);
    return indexOf(secret) >= 0;
}

QString Redactor::redactText(const QString& text) const
{
    std::shared_ptr<const QStringList> patterns;
    {
        QReadLocker lock(&m_lock);
        patterns = m_patterns;
    }
    QString out = text;
    for (const QString& pattern : *patterns)
        out.replace(pattern, mask());
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
