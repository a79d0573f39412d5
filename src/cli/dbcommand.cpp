#include "dbcommand.h"

#include "clicontext.h"

#include "storage/storage.h"
#include "storage/storagecheckreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace AssetDesk {

namespace {
// lupdate files these strings under the same context the code looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::DbCommand)
};

QJsonArray migrationNames(const QList<Migration>& migrations)
{
    QJsonArray names;
    for (const Migration& m : migrations)
        names.append(m.label());
    return names;
}
} // namespace

QString DbCommand::summary() const
{
    return Tr::tr("Create, upgrade and check the workspace database");
}

QStringList DbCommand::usage() const
{
    return {Tr::tr("db migrate          Create the workspace or apply its pending migrations"),
            Tr::tr("db check            Report schema version, pending migrations, integrity and search index")};
}

int DbCommand::run(const QStringList& arguments, CliContext& context)
{
    const QString sub = arguments.value(0);
    if (sub == u"migrate" && arguments.size() == 1)
        return migrate(context);
    if (sub == u"check" && arguments.size() == 1)
        return check(context);
    context.out().note(Tr::tr("usage: assetdesk-cli db migrate | db check"));
    return 2;
}

int DbCommand::migrate(CliContext& context)
{
    const Result<Storage*> storage = context.storage(false);
    if (!storage && storage.error().kind() != ErrorKind::NotFound) {
        context.out().error(storage.error());
        return 1;
    }
    // A missing SQLite file is simply a workspace that does not exist yet: create it.
    Storage* opened = storage ? *storage : nullptr;
    if (!opened) {
        const Result<Storage*> created = context.storage(true);
        if (!created) {
            context.out().error(created.error());
            return 1;
        }
        const Result<int> version = (*created)->schemaVersion();
        if (context.out().isJson())
            context.out().json(QJsonObject{{QStringLiteral("created"), true},
                                           {QStringLiteral("schema"), version.valueOr(0)}});
        else
            context.out().line(Tr::tr("Created the workspace %1 at schema %2.")
                                   .arg((*created)->config().displayString())
                                   .arg(version.valueOr(0)));
        return 0;
    }
    const int before = opened->schemaVersion().valueOr(0);
    const Result<QList<Migration>> pending = opened->pendingMigrations();
    const Result<int> applied = opened->migrate();
    if (!applied) {
        context.out().error(applied.error());
        return 1;
    }
    const int after = opened->schemaVersion().valueOr(0);
    if (context.out().isJson()) {
        context.out().json(QJsonObject{{QStringLiteral("from"), before},
                                       {QStringLiteral("to"), after},
                                       {QStringLiteral("applied"), migrationNames(pending.valueOr({}))}});
    } else if (*applied == 0) {
        context.out().line(Tr::tr("The workspace %1 is up to date (schema %2).").arg(opened->config().displayString()).arg(after));
    } else {
        context.out().line(Tr::tr("Upgraded the workspace %1 from schema %2 to %3:")
                               .arg(opened->config().displayString())
                               .arg(before)
                               .arg(after));
        for (const Migration& m : pending.valueOr({}))
            context.out().line(QStringLiteral("  ") + m.label());
    }
    return 0;
}

int DbCommand::check(CliContext& context)
{
    const Result<Storage*> storage = context.storage(false);
    if (!storage) {
        context.out().error(storage.error());
        return 1;
    }
    const Result<StorageCheckReport> report = (*storage)->check();
    if (!report) {
        context.out().error(report.error());
        return 1;
    }
    const StorageCheckReport& r = *report;
    if (context.out().isJson()) {
        context.out().json(QJsonObject{
            {QStringLiteral("location"), r.location},
            {QStringLiteral("backend"), storageBackendId(r.backend)},
            {QStringLiteral("server_version"), r.serverVersion},
            {QStringLiteral("schema"), r.schemaVersion},
            {QStringLiteral("latest_known"), r.latestKnownVersion},
            {QStringLiteral("pending"), migrationNames(r.pending)},
            {QStringLiteral("modified"), migrationNames(r.modified)},
            {QStringLiteral("integrity_ok"), r.integrityOk},
            {QStringLiteral("integrity_problems"), QJsonArray::fromStringList(r.integrityProblems)},
            {QStringLiteral("assets"), r.assetRows},
            {QStringLiteral("search_index_rows"), r.searchIndexRows},
            {QStringLiteral("search_index_consistent"), r.searchIndexConsistent},
            {QStringLiteral("ok"), r.ok()},
        });
        return r.ok() ? 0 : 1;
    }
    context.out().table({Tr::tr("Check"), Tr::tr("Result")},
                        {{Tr::tr("Workspace"), r.location},
                         {Tr::tr("Database"), QStringLiteral("%1 %2").arg(storageBackendId(r.backend), r.serverVersion)},
                         {Tr::tr("Schema"), Tr::tr("%1 (this build knows up to %2)").arg(r.schemaVersion).arg(r.latestKnownVersion)},
                         {Tr::tr("Pending migrations"), r.pending.isEmpty() ? Tr::tr("none") : QString::number(r.pending.size())},
                         {Tr::tr("Integrity"), r.integrityOk ? Tr::tr("ok") : r.integrityProblems.join(QStringLiteral("; "))},
                         {Tr::tr("Assets"), QString::number(r.assetRows)},
                         {Tr::tr("Search index"), r.searchIndexConsistent ? Tr::tr("consistent (%1 rows)").arg(r.searchIndexRows)
                                                                      : Tr::tr("inconsistent (%1 rows for %2 assets)")
                                                                            .arg(r.searchIndexRows)
                                                                            .arg(r.assetRows)}});
    if (!r.pending.isEmpty())
        context.out().note(Tr::tr("Run `assetdesk-cli db migrate` to apply the pending migrations."));
    for (const Migration& m : r.modified)
        context.out().note(Tr::tr("Warning: migration %1 was applied from a different file than this build has.").arg(m.label()));
    return r.ok() ? 0 : 1;
}

} // namespace AssetDesk
