#pragma once

#include "clicommand.h"

namespace AssetDesk {

// `assetdesk-cli queue`: the X outbox as the X pane's queue shows it - list the jobs still to go
// (queued, scheduled, running, failed with the reason), cancel a queued one, retry a failed one
// (its attempts kept, so the publisher first checks whether an earlier attempt got through).
class QueueCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("queue"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList& arguments, CliContext& context) override;
};

} // namespace AssetDesk
