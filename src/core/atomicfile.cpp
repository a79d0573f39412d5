#include "core/atomicfile.h"

#include <QSaveFile>

namespace AssetDesk {

Status writeFileAtomically(const QString& path, const QByteArray& bytes, const QString& message)
{
    QSaveFile file(path);
    // Without commit() the destructor discards the temporary file.
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error(ErrorKind::Io, message, QStringLiteral("%1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace AssetDesk
