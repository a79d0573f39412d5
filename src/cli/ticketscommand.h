#pragma once

#include "clicommand.h"

namespace AssetDesk {

// `assetdesk-cli tickets [--view NAME] [--status S[,S]] [--priority P[,P]] [--tag T] [--text T]
// [--urgent-first] [--limit N] [--sync [--full]] [--json]` and `tickets --show N`: the Zendesk
// tickets of the local helpdesk cache (every Zendesk account), newest changed first or as the
// fulfilment queue (--urgent-first: priority urgent or a press tag first). --sync first runs the
// same incremental sync as the workbench (ZendeskSyncService); --full restarts the export.
// --show N prints ticket N with its conversation as plain text, fetching the conversation first
// when it was never fetched or the ticket changed since.
class TicketsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("tickets"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList& arguments, CliContext& context) override;
};

} // namespace AssetDesk
