#pragma once

#include "clicommand.h"

namespace AssetDesk {

// `assetdesk-cli metrics [--account ID|NAME] [--days N] [--asset ID] [--json]`: reads the X
// metrics of the recent posts once, through the same XMetricsPoller the workbench runs, then
// prints each post's newest engagement - or, with --asset, the asset's posts and their sum.
class MetricsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("metrics"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList& arguments, CliContext& context) override;
};

} // namespace AssetDesk
