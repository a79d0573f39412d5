#include "connectors/iconik/iconikerrors.h"

#include "net/httpresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace AssetDesk {

std::optional<Error> parseIconikError(const HttpResponse& response)
{
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QJsonValue errors = body.value(QLatin1String("errors"));
    QStringList messages;
    if (errors.isArray()) {
        for (const QJsonValue& v : errors.toArray())
            messages << v.toString();
    } else if (errors.isObject()) {
        const QJsonObject fields = errors.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            messages << it.key() + QStringLiteral(": ") + it.value().toVariant().toString();
    } else {
        return std::nullopt;
    }
    messages.removeAll(QString());
    if (messages.isEmpty())
        return std::nullopt;
    return Error(ErrorKind::ApiError, QStringLiteral("iconik: ") + messages.join(QStringLiteral("; ")),
                 QString::fromUtf8(response.body.left(4096)));
}

} // namespace AssetDesk
