#include "storage/migration.h"

#include <QCryptographicHash>

namespace AssetDesk {

QString Migration::label() const
{
    return QStringLiteral("%1_%2").arg(version, 4, 10, QLatin1Char('0')).arg(name);
}

QString Migration::checksum() const
{
    return QString::fromLatin1(QCryptographicHash::hash(sql.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace AssetDesk
