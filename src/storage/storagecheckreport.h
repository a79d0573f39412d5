#pragma once

#include "storage/migration.h"
#include "storage/storagebackend.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace AssetDesk {

// What `assetdesk-cli db check` prints: where the workspace is, which schema it has, and whether
// the database and its search index are sound.
struct StorageCheckReport
{
    StorageBackend backend = StorageBackend::SQLite;
    QString location;      // StorageConfig::displayString(): never a password
    QString serverVersion; // sqlite_version() / server_version
    int schemaVersion = 0;
    int latestKnownVersion = 0;
    QList<Migration> pending;  // known, not applied yet
    QList<Migration> modified; // applied, but this build's file has a different checksum
    bool integrityOk = false;  // SQLite: integrity_check + foreign_key_check; PostgreSQL: every
                               // index valid and ready, every constraint validated
    QStringList integrityProblems;
    qint64 assetRows = 0;
    qint64 searchIndexRows = -1; // rows the search index holds; -1 before schema 2
    bool searchIndexConsistent = false;

    bool ok() const { return integrityOk && searchIndexConsistent && pending.isEmpty(); }
};

} // namespace AssetDesk
