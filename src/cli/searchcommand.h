#pragma once

#include "clicommand.h"

namespace AssetDesk {

// `assetdesk-cli search QUERY [--approved] [--service S] [--limit N]`: the local library's
// full-text search (AssetRepository::search, the same the library pane runs), without the network.
class SearchCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("search"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList& arguments, CliContext& context) override;
};

} // namespace AssetDesk
