#include "storage/storagebackend.h"

namespace AssetDesk {

QString storageBackendId(StorageBackend backend)
{
    switch (backend) {
    case StorageBackend::SQLite:
        return QStringLiteral("sqlite");
    case StorageBackend::PostgreSQL:
        return QStringLiteral("postgresql");
    }
    return QStringLiteral("sqlite");
}

} // namespace AssetDesk
