#include "connectors/x/xerrors.h"

#include "net/httpresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace AssetDesk {

std::optional<Error> parseXError(const HttpResponse& response)
{
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    if (body.isEmpty())
        return std::nullopt;
    QStringList messages;
    for (const QJsonValue& v : body.value(QLatin1String("errors")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString text = e.value(QLatin1String("message")).toString(e.value(QLatin1String("detail")).toString());
        if (!text.isEmpty())
            messages << text;
    }
    const QString title = body.value(QLatin1String("title")).toString();
    const QString detail = body.value(QLatin1String("detail")).toString();
    QString message = messages.isEmpty() ? (detail.isEmpty() ? title : detail) : messages.join(QStringLiteral("; "));
    if (message.isEmpty())
        return std::nullopt;
    Error error(ErrorKind::ApiError, QStringLiteral("X: ") + message, QString::fromUtf8(response.body.left(4096)));
    QString code = body.value(QLatin1String("type")).toString();
    if (code.isEmpty() && !body.value(QLatin1String("errors")).toArray().isEmpty()) {
        const QJsonValue legacy = body.value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("code"));
        if (legacy.isDouble())
            code = QString::number(legacy.toInt());
    }
    error.withApiCode(code);
    return error;
}

bool isXDuplicateContent(const Error& error)
{
    if (error.httpStatus() != 403)
        return false;
    const QString text = error.message() + QLatin1Char(' ') + error.detail();
    return text.contains(QLatin1String("duplicate content"), Qt::CaseInsensitive);
}

bool isXFieldRefusal(const Error& error)
{
    return error.apiCode().endsWith(QLatin1String("/not-authorized-for-field")) ||
           error.detail().contains(QLatin1String("/not-authorized-for-field"));
}

} // namespace AssetDesk
