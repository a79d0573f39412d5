#include "storage/migrationcatalog.h"

#include "storage/storagelog.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace AssetDesk {

QString MigrationCatalog::resourceDirectory(StorageBackend backend)
{
    return QStringLiteral(":/assetdesk/storage/migrations/") + storageBackendId(backend);
}

QList<Migration> MigrationCatalog::builtIn(StorageBackend backend)
{
    Result<QList<Migration>> migrations = fromDirectory(resourceDirectory(backend));
    if (!migrations) {
        // Resources are compiled in; this only happens to a broken build, which the catalog test catches.
        qCCritical(lcStorage).noquote()
            << "built-in migrations are unusable:" << migrations.error().toLogString();
        return {};
    }
    return migrations.value();
}

Result<QList<Migration>> MigrationCatalog::fromDirectory(const QString& directory)
{
    static const QRegularExpression nameRe(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    const QDir dir(directory);
    if (!dir.exists())
        return Error(ErrorKind::Io,
                     QStringLiteral("The migrations folder %1 does not exist.").arg(directory));
    QList<Migration> migrations;
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QRegularExpressionMatch match = nameRe.match(file);
        if (!match.hasMatch()) {
            return Error(ErrorKind::Validation,
                         QStringLiteral("Migration file %1 is not named NNNN_name.sql.").arg(file));
        }
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return Error(ErrorKind::Io, QStringLiteral("Cannot read migration %1.").arg(f.fileName()),
                         f.errorString());
        Migration m;
        m.version = match.captured(1).toInt();
        m.name = match.captured(2);
        m.sql = QString::fromUtf8(f.readAll());
        if (m.version <= 0)
            return Error(ErrorKind::Validation,
                         QStringLiteral("Migration %1 must have a number above 0.").arg(file));
        if (!migrations.isEmpty() && migrations.constLast().version == m.version) {
            return Error(ErrorKind::Validation,
                         QStringLiteral("Two migrations share the number %1.").arg(m.version));
        }
        migrations << m;
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return migrations;
}

} // namespace AssetDesk
