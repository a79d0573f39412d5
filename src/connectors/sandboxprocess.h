#pragma once

#include "connectors/sandboxmanifest.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

class QProcess;

namespace AssetDesk {

// Runs `assetdesk-sandbox` as a child process: the embedded default when no account is
// configured. The child is started with --exit-on-stdin-close, so it ends with us even when we
// are killed; it is terminated when this object goes. ready() carries the manifest it printed.
class SandboxProcess : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString executable;             // empty: locateExecutable()
        int seed = 1;
        int size = 100;
        QStringList extraArguments;
        std::chrono::milliseconds startTimeout = std::chrono::seconds(20);
    };

    explicit SandboxProcess(Options options, QObject* parent = nullptr);
    ~SandboxProcess() override;

    // Looks next to the running executable (installed layout and the build tree's bin/), then
    // on PATH. Empty when not found.
    static QString locateExecutable();

    void start();
    void stop();
    bool isReady() const { return m_ready; }
    const SandboxManifest& manifest() const { return m_manifest; }

signals:
    void ready(const AssetDesk::SandboxManifest& manifest);
    // Start-up failed, or the sandbox ended while we were using it.
    void failed(const AssetDesk::Error& error);

private:
    void onStdout();
    void onFinished();
    void fail(const Error& error);
    QString stderrTail() const;

    Options m_options;
    QProcess* m_process = nullptr;
    QTimer m_timeout;
    QByteArray m_stdout;
    QByteArray m_stderr;
    SandboxManifest m_manifest;
    bool m_ready = false;
    bool m_stopping = false;
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::SandboxManifest)
