#pragma once

// Running the real assetdesk-cli binary from a test, the way a person or a script would.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace AssetDesk::CliTest {

// What one run left: its exit code and both streams.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// Runs ASSETDESK_CLI_EXE with `arguments` on the workspace file `workspace`, with its settings and
// data under `home` (so nothing of the user's leaks in), `input` on stdin and `extraEnv`
// ("NAME=value") on top. The event loop runs meanwhile: an in-process sandbox answers the CLI from
// this thread. A run past `timeoutMs` is killed.
inline CliRun runCli(const QTemporaryDir& home, const QString& workspace, const QStringList& arguments,
                     const QByteArray& input = {}, const QStringList& extraEnv = {}, int timeoutMs = 90000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("ASSETDESK_WORKSPACE"), workspace);
    for (const QString& pair : extraEnv)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("ASSETDESK_CLI_EXE"), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace AssetDesk::CliTest
