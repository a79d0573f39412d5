#pragma once

#include "core/result.h"
#include "storage/migration.h"
#include "storage/sqlconnection.h"

#include <QList>

namespace AssetDesk {

// Brings a database to the newest schema this build knows, one numbered migration at a time.
//
// * Each migration runs in its own transaction together with its schema_migrations row
//   (version, name, checksum, applied_at): a failing statement rolls back every earlier statement
//   of the same migration and leaves the recorded version unchanged.
// * A migration that would end or escape that transaction (BEGIN, COMMIT, ROLLBACK, SAVEPOINT,
//   VACUUM, PRAGMA, ATTACH, CREATE/DROP INDEX CONCURRENTLY, ...) is refused before anything runs.
// * A database whose recorded schema is newer than the newest known migration is refused with
//   ErrorKind::Storage and a message telling the user to update AssetDesk.
// * Two processes migrating at once are serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: a
//   transaction-scoped advisory lock), and each re-checks whether its step is still pending.
// Runs on the thread that owns `connection` (the storage writer thread).
class Migrator
{
public:
    Migrator(SqlConnection connection, QList<Migration> migrations);

    const QList<Migration>& migrations() const { return m_migrations; }
    int latestKnownVersion() const;

    // The applied rows, ascending; empty for a database without schema_migrations.
    Result<QList<AppliedMigration>> applied() const;
    // The highest applied version; 0 for an empty database.
    Result<int> currentVersion() const;
    // Known migrations not applied yet, ascending.
    Result<QList<Migration>> pending() const;
    // Applied migrations whose recorded checksum differs from this build's file.
    Result<QList<Migration>> modified() const;

    Status checkCompatible() const;
    Status validate() const;
    // Applies every pending migration; returns how many were applied.
    Result<int> migrate();

    // The refusal message for a schema newer than `known`.
    static QString newerSchemaMessage(int found, int known);

private:
    Result<bool> hasMigrationsTable() const;
    Status ensureMigrationsTable();
    Status lockForMigration();
    Status apply(const Migration& migration, bool* skipped);

    SqlConnection m_connection;
    QList<Migration> m_migrations;
};

} // namespace AssetDesk
