#pragma once

#include "clicommand.h"

namespace AssetDesk {

// `assetdesk-cli db migrate | check`: upgrade the workspace's schema, or report on its health.
class DbCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("db"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList& arguments, CliContext& context) override;

private:
    int migrate(CliContext& context);
    int check(CliContext& context);
};

} // namespace AssetDesk
