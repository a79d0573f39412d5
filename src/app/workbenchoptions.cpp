#include "workbenchoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace AssetDesk {

Result<WorkbenchOptions> WorkbenchOptions::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "AssetDesk: DAM libraries, X accounts, CRM cases and helpdesk tickets in one window."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(
        QStringLiteral("workspace"),
        QCoreApplication::translate("main", "Workspace to open: a SQLite file or a postgresql:// URL "
                                            "(default: $ASSETDESK_WORKSPACE, else the local workspace)."),
        QStringLiteral("url"));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
                                     QCoreApplication::translate("main", "Show the local sandbox even if accounts are configured."));
    const QCommandLineOption noSandbox(QStringLiteral("no-sandbox"),
                                       QCoreApplication::translate("main", "Never start the local sandbox."));
    const QCommandLineOption seed(QStringLiteral("sandbox-seed"),
                                  QCoreApplication::translate("main", "Seed of the sandbox's demo data."), QStringLiteral("n"),
                                  QStringLiteral("1"));
    const QCommandLineOption size(QStringLiteral("sandbox-size"),
                                  QCoreApplication::translate("main", "Number of demo assets in the sandbox."),
                                  QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption exe(QStringLiteral("sandbox-executable"),
                                 QCoreApplication::translate("main", "Path of assetdesk-sandbox (default: next to AssetDesk)."),
                                 QStringLiteral("path"));
    const QCommandLineOption liveEvent(
        QStringLiteral("sandbox-live-event"),
        QCoreApplication::translate("main", "Let the sandbox's PhotoShelter add a new upload to a gallery (its id, name "
                                            "or number from 0) every few seconds, as at a live event."),
        QStringLiteral("gallery[:seconds]"));
    parser.addOptions({workspace, sandbox, noSandbox, seed, size, exe, liveEvent});
    parser.process(arguments);

    WorkbenchOptions options;
    options.workspace = parser.isSet(workspace) ? parser.value(workspace) : qEnvironmentVariable("ASSETDESK_WORKSPACE");
    if (parser.isSet(sandbox) && parser.isSet(noSandbox))
        return Error(ErrorKind::Validation, QCoreApplication::translate("main", "--sandbox and --no-sandbox exclude each other."));
    options.sandbox = parser.isSet(sandbox) ? SandboxMode::Always
        : parser.isSet(noSandbox)           ? SandboxMode::Never
                                            : SandboxMode::Automatic;
    bool ok = false;
    options.sandboxSeed = parser.value(seed).toInt(&ok);
    if (!ok)
        return Error(ErrorKind::Validation, QCoreApplication::translate("main", "--sandbox-seed needs a whole number."));
    options.sandboxSize = parser.value(size).toInt(&ok);
    if (!ok || options.sandboxSize < 1)
        return Error(ErrorKind::Validation, QCoreApplication::translate("main", "--sandbox-size needs a positive number."));
    options.sandboxExecutable = parser.value(exe);
    options.sandboxLiveEvent = parser.value(liveEvent);
    return options;
}

} // namespace AssetDesk
