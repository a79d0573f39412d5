#include "sandbox/photoshelter/photoshelterv4.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

HttpResponse PhotoShelterV4::data(const QJsonObject& data, const QJsonObject& meta, int status)
{
    return HttpResponse::json(status,
                              QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("meta"), meta}});
}

HttpResponse PhotoShelterV4::error(int status, const QString& title, const QString& code)
{
    QJsonObject e{{QStringLiteral("title"), title}, {QStringLiteral("status"), QString::number(status)}};
    if (!code.isEmpty())
        e.insert(QStringLiteral("code"), code);
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("errors"), QJsonArray{e}}});
}

} // namespace AssetDesk::Sandbox
