#include "connectors/dynamics/dynamicserrors.h"

#include "net/httpresponse.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace AssetDesk {

std::optional<Error> parseDynamicsError(const HttpResponse& response)
{
    const QJsonObject error =
        QJsonDocument::fromJson(response.body).object().value(QLatin1String("error")).toObject();
    const QString message = error.value(QLatin1String("message")).toString();
    if (message.isEmpty())
        return std::nullopt;
    Error e(ErrorKind::ApiError, QStringLiteral("Dynamics 365: ") + message,
            QString::fromUtf8(response.body.left(4096)));
    e.withApiCode(error.value(QLatin1String("code")).toString());
    return e;
}

} // namespace AssetDesk
