#include "storage/migrator.h"

#include "storage/sqlerror.h"
#include "storage/sqlscript.h"
#include "storage/sqlstatement.h"
#include "storage/sqltransaction.h"
#include "storage/sqlvalues.h"
#include "storage/storagelog.h"

#include <QSet>

#include <algorithm>

namespace AssetDesk {

namespace {

Error migrationError(const QString& message, const QString& detail = {})
{
    return Error(ErrorKind::Storage, message, detail).withOrigin(QStringLiteral("storage"));
}

// Why a statement cannot run inside the migration's transaction, or an empty string.
QString nonTransactionalReason(const QString& statement)
{
    const QStringList w = SqlScript::leadingWords(statement, 4);
    if (w.isEmpty())
        return {};
    static const QSet<QString> transactionControl{
        QStringLiteral("BEGIN"),    QStringLiteral("COMMIT"), QStringLiteral("END"),
        QStringLiteral("ROLLBACK"), QStringLiteral("ABORT"),  QStringLiteral("SAVEPOINT"),
        QStringLiteral("RELEASE"),  QStringLiteral("START"),  QStringLiteral("PREPARE"),
    };
    if (transactionControl.contains(w.first()))
        return QStringLiteral("%1 would end or nest the migration's own transaction").arg(w.first());
    static const QSet<QString> outsideTransaction{QStringLiteral("VACUUM"), QStringLiteral("PRAGMA"),
                                                  QStringLiteral("ATTACH"), QStringLiteral("DETACH")};
    if (outsideTransaction.contains(w.first()))
        return QStringLiteral("%1 cannot run (or has no effect) inside a transaction").arg(w.first());
    if (w.contains(QStringLiteral("CONCURRENTLY")))
        return QStringLiteral("CONCURRENTLY cannot run inside a transaction");
    if (w.size() >= 2 && (w.first() == u"CREATE" || w.first() == u"DROP") && w.at(1) == u"DATABASE")
        return QStringLiteral("%1 DATABASE cannot run inside a transaction").arg(w.first());
    if (w.size() >= 2 && w.first() == u"ALTER" && w.at(1) == u"SYSTEM")
        return QStringLiteral("ALTER SYSTEM cannot run inside a transaction");
    return {};
}

} // namespace

Migrator::Migrator(SqlConnection connection, QList<Migration> migrations)
    : m_connection(std::move(connection))
    , m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
}

int Migrator::latestKnownVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

QString Migrator::newerSchemaMessage(int found, int known)
{
    return QStringLiteral("This workspace was created by a newer AssetDesk (schema %1; this build knows up "
                          "to %2). Update AssetDesk to open it.")
        .arg(found)
        .arg(known);
}

Result<bool> Migrator::hasMigrationsTable() const
{
    SqlStatement q(
        m_connection,
        m_connection.isSQLite()
            ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                             "AND name = 'schema_migrations'")
            : QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables "
                             "WHERE schemaname = current_schema() AND tablename = 'schema_migrations'"));
    if (Status s = q.exec(); !s)
        return s.error();
    return q.next() && q.value(0).toInt() > 0;
}

Result<QList<AppliedMigration>> Migrator::applied() const
{
    Result<bool> exists = hasMigrationsTable();
    if (!exists)
        return exists.error();
    QList<AppliedMigration> rows;
    if (!exists.value())
        return rows;
    SqlStatement q(m_connection, QStringLiteral("SELECT version, name, checksum, applied_at "
                                                "FROM schema_migrations ORDER BY version"));
    if (Status s = q.exec(); !s)
        return s.error();
    while (q.next()) {
        rows << AppliedMigration{q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(),
                                 SqlValues::toDateTime(q.value(3))};
    }
    return rows;
}

Result<int> Migrator::currentVersion() const
{
    Result<QList<AppliedMigration>> rows = applied();
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? 0 : rows.value().constLast().version;
}

Result<QList<Migration>> Migrator::pending() const
{
    Result<QList<AppliedMigration>> rows = applied();
    if (!rows)
        return rows.error();
    QSet<int> done;
    for (const AppliedMigration& row : rows.value())
        done.insert(row.version);
    QList<Migration> result;
    for (const Migration& m : m_migrations) {
        if (!done.contains(m.version))
            result << m;
    }
    return result;
}

Result<QList<Migration>> Migrator::modified() const
{
    Result<QList<AppliedMigration>> rows = applied();
    if (!rows)
        return rows.error();
    QList<Migration> result;
    for (const AppliedMigration& row : rows.value()) {
        for (const Migration& m : m_migrations) {
            if (m.version == row.version && m.checksum() != row.checksum)
                result << m;
        }
    }
    return result;
}

Status Migrator::checkCompatible() const
{
    Result<int> version = currentVersion();
    if (!version)
        return version.error();
    if (version.value() > latestKnownVersion())
        return migrationError(newerSchemaMessage(version.value(), latestKnownVersion()));
    return {};
}

Status Migrator::validate() const
{
    QSet<int> seen;
    for (const Migration& m : m_migrations) {
        if (m.version <= 0 || seen.contains(m.version))
            return migrationError(
                QStringLiteral("Migration %1 has an invalid or duplicate number.").arg(m.label()));
        seen.insert(m.version);
        Result<QStringList> statements = SqlScript::split(m.sql);
        if (!statements)
            return migrationError(QStringLiteral("Migration %1 cannot be read.").arg(m.label()),
                                  statements.error().message());
        if (statements.value().isEmpty())
            return migrationError(QStringLiteral("Migration %1 has no statements.").arg(m.label()));
        for (qsizetype i = 0; i < statements.value().size(); ++i) {
            const QString reason = nonTransactionalReason(statements.value().at(i));
            if (!reason.isEmpty()) {
                return migrationError(QStringLiteral("Migration %1 is not transactional: statement %2: %3.")
                                          .arg(m.label())
                                          .arg(i + 1)
                                          .arg(reason));
            }
        }
    }
    return {};
}

Status Migrator::lockForMigration()
{
    if (m_connection.isSQLite())
        return {}; // BEGIN IMMEDIATE already holds the database's single write lock
    return m_connection.exec(
        QStringLiteral("SELECT pg_advisory_xact_lock(1095975, hashtext(coalesce(current_schema(), '')))"));
}

Status Migrator::ensureMigrationsTable()
{
    SqlTransaction tx(m_connection);
    if (Status s = tx.begin(); !s)
        return s;
    if (Status s = lockForMigration(); !s)
        return s;
    if (Status s = m_connection.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                                    "version INTEGER PRIMARY KEY, "
                                                    "name TEXT NOT NULL, "
                                                    "checksum TEXT NOT NULL, "
                                                    "applied_at BIGINT NOT NULL)"));
        !s)
        return s;
    return tx.commit();
}

Status Migrator::apply(const Migration& migration, bool* skipped)
{
    *skipped = false;
    Result<QStringList> statements = SqlScript::split(migration.sql);
    if (!statements)
        return statements.error();

    SqlTransaction tx(m_connection);
    if (Status s = tx.begin(); !s)
        return s;
    if (Status s = lockForMigration(); !s)
        return s;
    // Another process may have applied it while we waited for the lock.
    SqlStatement check(m_connection,
                       QStringLiteral("SELECT count(*) FROM schema_migrations WHERE version = :v"));
    check.bind(QStringLiteral("v"), migration.version);
    if (Status s = check.exec(); !s)
        return s;
    if (check.next() && check.value(0).toInt() > 0) {
        check.finish();
        *skipped = true;
        return tx.commit();
    }
    check.finish();

    const QStringList& list = statements.value();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (Status s = m_connection.exec(list.at(i)); !s) {
            tx.rollback();
            return migrationError(
                QStringLiteral("Migration %1 failed at statement %2 of %3; it was rolled back "
                               "and the database is unchanged.")
                    .arg(migration.label())
                    .arg(i + 1)
                    .arg(list.size()),
                s.error().detail());
        }
    }
    SqlStatement record(m_connection,
                        QStringLiteral("INSERT INTO schema_migrations (version, name, checksum, "
                                       "applied_at) VALUES (:version, :name, :checksum, :at)"));
    record.bind(QStringLiteral("version"), migration.version)
        .bind(QStringLiteral("name"), migration.name)
        .bind(QStringLiteral("checksum"), migration.checksum())
        .bind(QStringLiteral("at"), QDateTime::currentMSecsSinceEpoch());
    if (Status s = record.exec(); !s)
        return s;
    if (Status s = tx.commit(); !s) {
        return migrationError(
            QStringLiteral("Migration %1 could not be committed; the database is unchanged.")
                .arg(migration.label()),
            s.error().detail());
    }
    return {};
}

Result<int> Migrator::migrate()
{
    if (Status s = validate(); !s)
        return s.error();
    if (Status s = checkCompatible(); !s)
        return s.error();
    if (Status s = ensureMigrationsTable(); !s)
        return s.error();
    Result<QList<Migration>> todo = pending();
    if (!todo)
        return todo.error();
    int count = 0;
    for (const Migration& m : todo.value()) {
        bool skipped = false;
        if (Status s = apply(m, &skipped); !s) {
            qCWarning(lcStorage).noquote()
                << "migration" << m.label() << "failed:" << s.error().toLogString();
            return s.error();
        }
        if (!skipped) {
            ++count;
            qCInfo(lcStorage).noquote() << "applied migration" << m.label();
        }
    }
    if (Result<QList<Migration>> changed = modified(); changed && !changed.value().isEmpty()) {
        for (const Migration& m : changed.value())
            qCWarning(lcStorage).noquote()
                << "applied migration" << m.label() << "differs from this build's file";
    }
    // A concurrent newer build may have moved past us while we migrated.
    if (Status s = checkCompatible(); !s)
        return s.error();
    return count;
}

} // namespace AssetDesk
