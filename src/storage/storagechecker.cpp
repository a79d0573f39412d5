#include "storage/storagechecker.h"

#include "storage/sqlstatement.h"

namespace AssetDesk {

namespace {

Result<qint64> scalar(const SqlConnection& connection, const QString& sql)
{
    SqlStatement q(connection, sql);
    if (Status s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QStringList> column(const SqlConnection& connection, const QString& sql)
{
    SqlStatement q(connection, sql);
    if (Status s = q.exec(); !s)
        return s.error();
    QStringList rows;
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < q.record().count(); ++i)
            fields << q.value(i).toString();
        rows << fields.join(QLatin1Char(' '));
    }
    return rows;
}

} // namespace

Result<StorageCheckReport> StorageChecker::run(const SqlConnection& connection, const Migrator& migrator,
                                               const StorageConfig& config)
{
    StorageCheckReport report;
    report.backend = config.backend();
    report.location = config.displayString();
    report.latestKnownVersion = migrator.latestKnownVersion();
    Result<int> version = migrator.currentVersion();
    if (!version)
        return version.error();
    report.schemaVersion = version.value();
    Result<QList<Migration>> pending = migrator.pending();
    if (!pending)
        return pending.error();
    report.pending = pending.value();
    Result<QList<Migration>> modified = migrator.modified();
    if (!modified)
        return modified.error();
    report.modified = modified.value();

    const Status checked =
        connection.isSQLite() ? checkSQLite(connection, report) : checkPostgres(connection, report);
    if (!checked)
        return checked.error();
    report.integrityOk = report.integrityProblems.isEmpty();
    return report;
}

Status StorageChecker::checkSQLite(const SqlConnection& connection, StorageCheckReport& report)
{
    SqlStatement v(connection, QStringLiteral("SELECT sqlite_version()"));
    if (Status s = v.exec(); !s)
        return s;
    report.serverVersion = v.next() ? QStringLiteral("SQLite ") + v.value(0).toString() : QString();
    v.finish();

    Result<QStringList> integrity = column(connection, QStringLiteral("PRAGMA integrity_check"));
    if (!integrity)
        return integrity.error();
    for (const QString& line : integrity.value()) {
        if (line != u"ok")
            report.integrityProblems << line;
    }
    Result<QStringList> foreignKeys = column(connection, QStringLiteral("PRAGMA foreign_key_check"));
    if (!foreignKeys)
        return foreignKeys.error();
    for (const QString& line : foreignKeys.value())
        report.integrityProblems << QStringLiteral("foreign key violation (table rowid parent fk): ") + line;

    const Result<qint64> hasAssets =
        scalar(connection,
               QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'assets'"));
    const Result<qint64> hasIndex = scalar(
        connection,
        QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'assets_fts'"));
    if (!hasAssets || !hasIndex)
        return hasAssets ? hasIndex.error() : hasAssets.error();
    if (hasAssets.value() > 0) {
        Result<qint64> rows = scalar(connection, QStringLiteral("SELECT count(*) FROM assets"));
        if (!rows)
            return rows.error();
        report.assetRows = rows.value();
    }
    if (hasIndex.value() == 0) {
        report.searchIndexConsistent = true; // nothing to be inconsistent yet; `pending` says why
        return {};
    }
    // The docsize shadow table has one row per indexed document; counting assets_fts itself would
    // count the external content table (assets), not the index.
    Result<qint64> indexed = scalar(connection, QStringLiteral("SELECT count(*) FROM assets_fts_docsize"));
    if (!indexed)
        return indexed.error();
    report.searchIndexRows = indexed.value();
    report.searchIndexConsistent = report.searchIndexRows == report.assetRows;
    const Status ftsCheck = connection.exec(
        QStringLiteral("INSERT INTO assets_fts (assets_fts, rank) VALUES ('integrity-check', 1)"));
    if (!ftsCheck) {
        report.searchIndexConsistent = false;
        report.integrityProblems << QStringLiteral("search index does not match the assets: ") +
                                        ftsCheck.error().detail();
    }
    return {};
}

Status StorageChecker::checkPostgres(const SqlConnection& connection, StorageCheckReport& report)
{
    SqlStatement v(connection, QStringLiteral("SELECT version()"));
    if (Status s = v.exec(); !s)
        return s;
    report.serverVersion = v.next() ? v.value(0).toString().section(QLatin1Char(' '), 0, 1) : QString();
    v.finish();

    // PostgreSQL has no integrity_check; what can go wrong at our level is an index left invalid
    // by a failed build and a constraint added NOT VALID and never validated.
    Result<QStringList> badIndexes = column(
        connection,
        QStringLiteral("SELECT c.relname FROM pg_catalog.pg_index i "
                       "JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid "
                       "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = current_schema() AND (NOT i.indisvalid OR NOT i.indisready)"));
    if (!badIndexes)
        return badIndexes.error();
    for (const QString& name : badIndexes.value())
        report.integrityProblems << QStringLiteral("index %1 is not valid").arg(name);
    Result<QStringList> badConstraints =
        column(connection, QStringLiteral("SELECT con.conname FROM pg_catalog.pg_constraint con "
                                          "JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace "
                                          "WHERE n.nspname = current_schema() AND NOT con.convalidated"));
    if (!badConstraints)
        return badConstraints.error();
    for (const QString& name : badConstraints.value())
        report.integrityProblems << QStringLiteral("constraint %1 is not validated").arg(name);

    const Result<qint64> hasAssets =
        scalar(connection, QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables "
                                          "WHERE schemaname = current_schema() AND tablename = 'assets'"));
    const Result<qint64> hasVector = scalar(
        connection,
        QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                       "current_schema() AND table_name = 'assets' AND column_name = 'search_vector'"));
    const Result<qint64> hasIndex = scalar(
        connection, QStringLiteral("SELECT count(*) FROM pg_catalog.pg_indexes "
                                   "WHERE schemaname = current_schema() AND indexname = 'assets_search'"));
    if (!hasAssets || !hasVector || !hasIndex)
        return !hasAssets ? hasAssets.error() : !hasVector ? hasVector.error() : hasIndex.error();
    if (hasAssets.value() > 0) {
        Result<qint64> rows = scalar(connection, QStringLiteral("SELECT count(*) FROM assets"));
        if (!rows)
            return rows.error();
        report.assetRows = rows.value();
    }
    if (hasVector.value() == 0) {
        report.searchIndexConsistent = true; // nothing to be inconsistent yet; `pending` says why
        return {};
    }
    Result<qint64> indexed =
        scalar(connection, QStringLiteral("SELECT count(*) FROM assets WHERE search_vector IS NOT NULL"));
    if (!indexed)
        return indexed.error();
    report.searchIndexRows = indexed.value();
    report.searchIndexConsistent = hasIndex.value() > 0 && report.searchIndexRows == report.assetRows;
    if (hasIndex.value() == 0)
        report.integrityProblems << QStringLiteral("the GIN index assets_search is missing");
    return {};
}

} // namespace AssetDesk
