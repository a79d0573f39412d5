#pragma once

#include "clicommand.h"

namespace AssetDesk {

// `assetdesk-cli cases [--account NAME] [--priority high|normal|low] [--state active|resolved|canceled]
// [--sync] [--full] [--json]`: the Dynamics 365 cases of the local CRM cache, High first, newest
// changed first. --account keeps the cases of the CRM accounts whose name contains NAME (theirs
// and their contacts'). --sync first syncs every Dynamics account (the same DynamicsSyncService
// and delta links as the workbench; --full reads every table again).
class CasesCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("cases"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList& arguments, CliContext& context) override;
};

} // namespace AssetDesk
