#include "media/derivativestore.h"

#include "core/atomicfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QUuid>

namespace AssetDesk {

namespace {

Error storeError(ErrorKind kind, const QString& message, const QString& detail = {})
{
    return Error(kind, message, detail).withOrigin(QStringLiteral("media"));
}

bool isDigest(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(s).hasMatch();
}

} // namespace

DerivativeStore::DerivativeStore(QString root)
    : m_root(root.isEmpty() ? defaultRoot() : QDir(root).absolutePath())
{}

QString DerivativeStore::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/derivatives");
}

QString DerivativeStore::extensionFor(const QString& mimeType)
{
    if (mimeType == QLatin1String("image/jpeg"))
        return QStringLiteral("jpg");
    if (mimeType == QLatin1String("image/png"))
        return QStringLiteral("png");
    if (mimeType == QLatin1String("image/gif"))
        return QStringLiteral("gif");
    if (mimeType == QLatin1String("video/mp4"))
        return QStringLiteral("mp4");
    return {};
}

QString DerivativeStore::pathFor(const QString& sha256, const QString& mimeType) const
{
    const QString ext = extensionFor(mimeType);
    if (!isDigest(sha256) || ext.isEmpty())
        return {};
    return m_root + QLatin1Char('/') + sha256 + QLatin1Char('.') + ext;
}

Status DerivativeStore::ensureRoot() const
{
    if (!QDir().mkpath(m_root))
        return storeError(ErrorKind::Io, DerivativeStore::tr("The derivatives folder could not be created."),
                          m_root);
    return {};
}

Result<StoredDerivativeFile> DerivativeStore::store(const QByteArray& bytes, const QString& mimeType) const
{
    if (bytes.isEmpty())
        return storeError(ErrorKind::Validation, DerivativeStore::tr("A derivative cannot be empty."));
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString path = pathFor(sha, mimeType);
    if (path.isEmpty())
        return storeError(ErrorKind::Validation,
                          DerivativeStore::tr("Derivatives of type %1 are not kept.").arg(mimeType));
    if (Status s = ensureRoot(); !s)
        return s.error();
    if (QFileInfo(path).size() != bytes.size()) {
        if (Status s =
                writeFileAtomically(path, bytes, DerivativeStore::tr("The derivative could not be written."));
            !s)
            return Error(s.error()).withOrigin(QStringLiteral("media"));
    }
    return StoredDerivativeFile{path, sha, bytes.size()};
}

Result<StoredDerivativeFile> DerivativeStore::adopt(const QString& path, const QString& mimeType) const
{
    QFile file(path);
    // By name, not through `file`: a successful rename makes `file` name the target.
    const auto removeSource = qScopeGuard([&path] { QFile::remove(path); });
    if (QFileInfo(path).absolutePath() != m_root)
        return storeError(ErrorKind::Validation,
                          DerivativeStore::tr("Only files inside the derivatives folder can be adopted."),
                          path);
    if (!file.open(QIODevice::ReadOnly))
        return storeError(ErrorKind::Io, DerivativeStore::tr("The made file could not be read."),
                          QStringLiteral("%1: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return storeError(ErrorKind::Io, DerivativeStore::tr("The made file could not be read."), path);
    const qint64 size = file.size();
    file.close();
    if (size == 0)
        return storeError(ErrorKind::Validation, DerivativeStore::tr("A derivative cannot be empty."), path);
    const QString sha = QString::fromLatin1(hash.result().toHex());
    const QString target = pathFor(sha, mimeType);
    if (target.isEmpty())
        return storeError(ErrorKind::Validation,
                          DerivativeStore::tr("Derivatives of type %1 are not kept.").arg(mimeType));
    if (QFileInfo(target).size() != size) {
        QFile::remove(target);
        if (!file.rename(target))
            return storeError(ErrorKind::Io,
                              DerivativeStore::tr("The derivative could not be moved into place."),
                              QStringLiteral("%1 -> %2: %3").arg(path, target, file.errorString()));
    }
    return StoredDerivativeFile{target, sha, size};
}

Result<QString> DerivativeStore::temporaryPath(const QString& mimeType) const
{
    const QString ext = extensionFor(mimeType);
    if (ext.isEmpty())
        return storeError(ErrorKind::Validation,
                          DerivativeStore::tr("Derivatives of type %1 are not kept.").arg(mimeType));
    if (Status s = ensureRoot(); !s)
        return s.error();
    return m_root + QStringLiteral("/.making-") + QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('.') + ext;
}

} // namespace AssetDesk
