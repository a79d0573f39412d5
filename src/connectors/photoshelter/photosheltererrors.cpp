#include "connectors/photoshelter/photosheltererrors.h"

#include "net/httpresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace AssetDesk {

std::optional<Error> parsePhotoShelterError(const HttpResponse& response)
{
    const QJsonArray errors = QJsonDocument::fromJson(response.body).object().value(QLatin1String("errors")).toArray();
    QStringList titles;
    QString code;
    for (const QJsonValue& v : errors) {
        const QJsonObject e = v.toObject();
        QString text = e.value(QLatin1String("title")).toString();
        const QString detail = e.value(QLatin1String("detail")).toString();
        if (!detail.isEmpty() && detail != text)
            text = text.isEmpty() ? detail : text + QStringLiteral(": ") + detail;
        if (!text.isEmpty())
            titles << text;
        if (code.isEmpty())
            code = e.value(QLatin1String("code")).toVariant().toString();
    }
    if (titles.isEmpty())
        return std::nullopt;
    Error error(ErrorKind::ApiError, QStringLiteral("PhotoShelter: ") + titles.join(QStringLiteral("; ")),
                QString::fromUtf8(response.body.left(4096)));
    error.withApiCode(code);
    return error;
}

} // namespace AssetDesk
