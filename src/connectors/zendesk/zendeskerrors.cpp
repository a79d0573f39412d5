#include "connectors/zendesk/zendeskerrors.h"

#include "net/httpresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace AssetDesk {

std::optional<Error> parseZendeskError(const HttpResponse& response)
{
    const QString detail = QString::fromUtf8(response.body.left(4096));
    if (response.contentType() == "text/plain" && !response.body.trimmed().isEmpty())
        return Error(ErrorKind::ApiError, QStringLiteral("Zendesk: ") + detail.trimmed().left(300), detail);

    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QJsonValue error = body.value(QLatin1String("error"));
    if (error.isString()) {
        const QString code = error.toString();
        QString message = body.value(QLatin1String("description")).toString();
        QStringList fieldProblems;
        const QJsonObject details = body.value(QLatin1String("details")).toObject();
        for (auto it = details.begin(); it != details.end(); ++it) {
            for (const QJsonValue& d : it.value().toArray())
                fieldProblems << it.key() + QStringLiteral(": ") + d.toObject().value(QLatin1String("description")).toString();
        }
        if (!fieldProblems.isEmpty())
            message += QStringLiteral(" (") + fieldProblems.join(QStringLiteral("; ")) + QLatin1Char(')');
        if (message.isEmpty())
            message = code; // {"error": "Couldn't authenticate you"} carries the message in "error"
        Error e(ErrorKind::ApiError, QStringLiteral("Zendesk: ") + message, detail);
        e.withApiCode(code);
        return e;
    }
    if (error.isObject()) {
        const QJsonObject o = error.toObject();
        Error e(ErrorKind::ApiError,
                QStringLiteral("Zendesk: ")
                    + o.value(QLatin1String("message")).toString(o.value(QLatin1String("title")).toString()),
                detail);
        e.withApiCode(o.value(QLatin1String("title")).toString());
        return e;
    }
    const QJsonArray errors = body.value(QLatin1String("errors")).toArray();
    if (!errors.isEmpty()) {
        QStringList messages;
        for (const QJsonValue& v : errors) {
            const QJsonObject o = v.toObject();
            const QString text = o.value(QLatin1String("detail")).toString(o.value(QLatin1String("title")).toString());
            if (!text.isEmpty())
                messages << text;
        }
        Error e(ErrorKind::ApiError, QStringLiteral("Zendesk: ") + messages.join(QStringLiteral("; ")), detail);
        e.withApiCode(errors.first().toObject().value(QLatin1String("code")).toString());
        return e;
    }
    return std::nullopt;
}

} // namespace AssetDesk
