#pragma once

#include "core/result.h"
#include "storage/migrator.h"
#include "storage/sqlconnection.h"
#include "storage/storagecheckreport.h"
#include "storage/storageconfig.h"

namespace AssetDesk {

// Builds a StorageCheckReport on the writer connection (the FTS5 integrity command is formally a
// write, so it cannot run on a read-only connection). Runs on the writer thread and holds up
// other writes while it reads the whole database.
class StorageChecker
{
public:
    static Result<StorageCheckReport> run(const SqlConnection& connection, const Migrator& migrator,
                                          const StorageConfig& config);

private:
    static Status checkSQLite(const SqlConnection& connection, StorageCheckReport& report);
    static Status checkPostgres(const SqlConnection& connection, StorageCheckReport& report);
};

} // namespace AssetDesk
