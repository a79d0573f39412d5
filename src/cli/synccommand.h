#pragma once

#include "clicommand.h"

#include "core/account.h"
#include "core/result.h"

namespace AssetDesk {

// `assetdesk-cli sync <service|account>... [--full] [--page-size N] [--thumbnails]`: the same
// DamSyncService (engine, checkpoints, jobs) the workbench runs, one account after the other.
// Progress goes to standard error, the summary to standard output (JSON with --json). A failed
// sync exits 1 with the error; what it stored is kept and the next run continues.
class SyncCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sync"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList& arguments, CliContext& context) override;

    // PhotoShelter and iconik accounts named by id, name, or service id (all of that service's).
    static Result<QList<Account>> resolve(const QStringList& names, CliContext& context);
};

} // namespace AssetDesk
