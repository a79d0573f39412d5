// assetdesk-sandbox: the sandbox library behind a command line. Composition only: parse the
// options, start SandboxServer, print the start-up line, run until a signal or stdin EOF.
#include "sandboxdoptions.h"
#include "signalwatcher.h"
#include "stdinwatcher.h"

#include "sandbox/sandboxlogging.h"
#include "sandbox/sandboxserver.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <cstdio>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("assetdesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASSETDESK_VERSION));

    const auto parsed = SandboxdOptions::parse(QCoreApplication::arguments());
    if (!parsed.ok()) {
        std::fprintf(stderr, "assetdesk-sandbox: %s\nTry --help.\n", qPrintable(parsed.error().message()));
        return 2;
    }
    const SandboxdOptions& options = parsed.value();
    if (options.showHelp) {
        std::fputs(qPrintable(SandboxdOptions::helpText()), stdout);
        return 0;
    }
    if (options.showVersion) {
        std::printf("assetdesk-sandbox %s\n", ASSETDESK_VERSION);
        return 0;
    }
    // Debug lines are for QT_LOGGING_RULES=assetdesk.*.debug=true (the environment wins).
    QLoggingCategory::setFilterRules(options.quiet
                                         ? QStringLiteral("assetdesk.*.info=false\nassetdesk.*.debug=false")
                                         : QStringLiteral("assetdesk.*.debug=false"));

    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app, [](int signalNumber) {
        qCInfo(lcSandbox) << "signal" << signalNumber << "received, stopping";
        QCoreApplication::quit();
    });

    SandboxServer server;
    if (const Status started = server.start(options.sandbox); !started.ok()) {
        std::fprintf(stderr, "assetdesk-sandbox: %s\n", qPrintable(started.error().toLogString()));
        return 1;
    }

    StdinWatcher* stdinWatcher = nullptr;
    if (options.exitOnStdinClose) {
        stdinWatcher = new StdinWatcher(&app);
        QObject::connect(stdinWatcher, &StdinWatcher::closed, &app, [] {
            qCInfo(lcSandbox) << "stdin closed, stopping";
            QCoreApplication::quit();
        });
    }

    // Exactly one line, flushed: the parent reads it to learn ports and credentials.
    const QByteArray line = QJsonDocument(server.startupJson()).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);

    const int code = QCoreApplication::exec();
    server.stop();
    return code;
}
