#pragma once

#include <QString>

namespace AssetDesk {

// The two database engines one AssetDesk workspace can live in. Repositories and migrations are the
// same for both; dialect differences are spelled out where they occur.
enum class StorageBackend
{
    SQLite,
    PostgreSQL
};

// "sqlite" / "postgresql": used in reports, logs and the migration resource folders.
QString storageBackendId(StorageBackend backend);

} // namespace AssetDesk
