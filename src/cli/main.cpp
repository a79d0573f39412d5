#include "accountscommand.h"
#include "attachcommand.h"
#include "casescommand.h"
#include "clicontext.h"
#include "clioutput.h"
#include "dbcommand.h"
#include "metricscommand.h"
#include "postcommand.h"
#include "queuecommand.h"
#include "searchcommand.h"
#include "synccommand.h"
#include "ticketscommand.h"

#include "core/translators.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <memory>
#include <vector>

using namespace AssetDesk;

namespace {
// lupdate files these strings under the same context the code looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(main)
};

void printHelp(CliOutput& out, const std::vector<std::unique_ptr<CliCommand>>& commands)
{
    out.line(Tr::tr("Usage: assetdesk-cli [--workspace URL] [--json] COMMAND [ARGUMENTS]"));
    out.line(QString());
    out.line(Tr::tr("AssetDesk without a window: the same workspace, accounts and keyring as the workbench."));
    out.line(QString());
    out.line(Tr::tr("Options:"));
    out.line(Tr::tr("  --workspace URL   SQLite file or postgresql://user@host:port/db URL (default: $ASSETDESK_WORKSPACE,"));
    out.line(Tr::tr("                    else the local workspace). Keep PostgreSQL passwords in ~/.pgpass."));
    out.line(Tr::tr("  --json            Print results as JSON"));
    out.line(Tr::tr("  --verbose         Log what happens (requests, storage) on standard error"));
    out.line(Tr::tr("  -h, --help        Show this help"));
    out.line(Tr::tr("  -v, --version     Show the version"));
    out.line(QString());
    out.line(Tr::tr("Commands:"));
    for (const auto& command : commands) {
        out.line(QStringLiteral("  %1  %2").arg(command->name().leftJustified(10), command->summary()));
        for (const QString& usage : command->usage()) {
            for (const QString& line : usage.split(QLatin1Char('\n')))
                out.line(QStringLiteral("    ") + line);
        }
    }
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("AssetDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("AssetDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASSETDESK_VERSION));
    const AssetDesk::Translators translators;

    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<DbCommand>());
    commands.push_back(std::make_unique<AccountsCommand>());
    commands.push_back(std::make_unique<SyncCommand>());
    commands.push_back(std::make_unique<SearchCommand>());
    commands.push_back(std::make_unique<MetricsCommand>());
    commands.push_back(std::make_unique<PostCommand>());
    commands.push_back(std::make_unique<QueueCommand>());
    commands.push_back(std::make_unique<CasesCommand>());
    commands.push_back(std::make_unique<TicketsCommand>());
    commands.push_back(std::make_unique<AttachCommand>());

    // Diagnostics stay quiet unless asked for (--verbose, or QT_LOGGING_RULES, which wins).
    QLoggingCategory::setFilterRules(
        QStringLiteral("assetdesk.*.debug=false\nassetdesk.*.info=false\nassetdesk.*.warning=false"));

    CliOutput out;
    QStringList args = app.arguments().mid(1);
    QString workspace = qEnvironmentVariable("ASSETDESK_WORKSPACE");
    // Global options come before the command.
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString option = args.takeFirst();
        if (option == u"--json") {
            out.setJson(true);
        } else if (option == u"--workspace" && !args.isEmpty()) {
            workspace = args.takeFirst();
        } else if (option.startsWith(QLatin1String("--workspace="))) {
            workspace = option.mid(12);
        } else if (option == u"--verbose") {
            QLoggingCategory::setFilterRules(QStringLiteral("assetdesk.*.debug=false"));
        } else if (option == u"-h" || option == u"--help") {
            printHelp(out, commands);
            return 0;
        } else if (option == u"-v" || option == u"--version") {
            out.line(QStringLiteral("assetdesk-cli ") + QCoreApplication::applicationVersion());
            return 0;
        } else {
            out.note(Tr::tr("Unknown option %1. See assetdesk-cli --help.").arg(option));
            return 2;
        }
    }
    if (args.isEmpty()) {
        printHelp(out, commands);
        return 2;
    }
    const QString name = args.takeFirst();
    for (const auto& command : commands) {
        if (command->name() == name) {
            CliContext context(workspace, out);
            return command->run(args, context);
        }
    }
    out.note(Tr::tr("Unknown command %1. See assetdesk-cli --help.").arg(name));
    return 2;
}
