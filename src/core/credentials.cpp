#include "core/credentials.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace AssetDesk {

bool Credentials::isEmpty() const
{
    return apiKey.isEmpty() && password.isEmpty() && clientSecret.isEmpty() && accessToken.isEmpty()
        && refreshToken.isEmpty();
}

QByteArray Credentials::toJson() const
{
    QJsonObject o;
    auto put = [&o](const char* key, const QString& value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("apiKey", apiKey);
    put("password", password);
    put("clientSecret", clientSecret);
    put("accessToken", accessToken);
    put("refreshToken", refreshToken);
    if (accessTokenExpiresAt.isValid())
        o.insert(QStringLiteral("accessTokenExpiresAt"), accessTokenExpiresAt.toUTC().toString(Qt::ISODate));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Credentials Credentials::fromJson(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    Credentials c;
    c.apiKey = o.value(QStringLiteral("apiKey")).toString();
    c.password = o.value(QStringLiteral("password")).toString();
    c.clientSecret = o.value(QStringLiteral("clientSecret")).toString();
    c.accessToken = o.value(QStringLiteral("accessToken")).toString();
    c.refreshToken = o.value(QStringLiteral("refreshToken")).toString();
    c.accessTokenExpiresAt =
        QDateTime::fromString(o.value(QStringLiteral("accessTokenExpiresAt")).toString(), Qt::ISODate);
    return c;
}

} // namespace AssetDesk
