#pragma once

#include <QString>
#include <QStringList>

namespace AssetDesk {

class CliContext;

// One top-level command of assetdesk-cli ("db", "accounts"), with its subcommands.
class CliCommand
{
public:
    virtual ~CliCommand() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // "migrate          Apply pending migrations" lines for --help.
    virtual QStringList usage() const = 0;
    // Exit status: 0 done, 1 the operation failed, 2 the command line was wrong.
    virtual int run(const QStringList& arguments, CliContext& context) = 0;
};

} // namespace AssetDesk
