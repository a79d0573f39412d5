#include "connectors/damcursor.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace AssetDesk {

QString DamCursor::encode(const QJsonObject& state)
{
    return QString::fromLatin1(QJsonDocument(state).toJson(QJsonDocument::Compact).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<QJsonObject> DamCursor::decode(const QString& cursor, const QString& serviceName)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    QJsonParseError error;
    const QJsonDocument doc = decoded ? QJsonDocument::fromJson(*decoded, &error) : QJsonDocument();
    if (!decoded || !doc.isObject()) {
        return Error(ErrorKind::Validation,
                     QCoreApplication::translate("AssetDesk::DamCursor",
                                                 "The saved %1 sync position cannot be read; the sync starts over.")
                         .arg(serviceName),
                     QStringLiteral("cursor is not base64url JSON"))
            .withOrigin(serviceName);
    }
    return doc.object();
}

Result<QJsonObject> DamCursor::resume(const QString& cursor, const QString& serviceName,
                                     const std::function<QJsonObject()>& first)
{
    return cursor.isEmpty() ? Result<QJsonObject>(first()) : decode(cursor, serviceName);
}

} // namespace AssetDesk
