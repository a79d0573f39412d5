#pragma once

#include "core/result.h"
#include "storage/migration.h"
#include "storage/storagebackend.h"

#include <QList>
#include <QString>

namespace AssetDesk {

// The migrations this build knows. Each backend has its own folder of SQL files with the same
// numbers and names (tst_migrationcatalog checks that), so both reach the same logical schema.
class MigrationCatalog
{
public:
    // :/assetdesk/storage/migrations/<sqlite|postgresql>/NNNN_name.sql, ascending.
    static QList<Migration> builtIn(StorageBackend backend);
    static QString resourceDirectory(StorageBackend backend);
    // Every *.sql file named NNNN_name.sql in `directory`, ascending; a misnamed file, a duplicate
    // number or an unreadable file is an Error.
    static Result<QList<Migration>> fromDirectory(const QString& directory);
};

} // namespace AssetDesk
