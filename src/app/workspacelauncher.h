#pragma once

#include "workbenchoptions.h"

#include "core/error.h"
#include "core/result.h"

#include <QFuture>
#include <QObject>
#include <QUrl>

#include <memory>

class QThread;

namespace AssetDesk {

class ConnectorContext;
class ConnectorRegistry;
class JobRunner;
class MemorySecretVault;
class SandboxProcess;
class SecretVault;
class Storage;
class ThumbnailCache;
class WorkspaceSession;
struct SandboxManifest;

// Brings up the workspace the window shows, without blocking the GUI thread: the user's own
// workspace opens on a pool thread; with no account configured (or as WorkbenchOptions ask) the
// embedded sandbox starts as a child process (a job, so the Jobs pane shows it), its own workspace
// opens and its demo accounts are imported into it. Owns both sessions and the sandbox process.
//
// It decides which workspace to show and nothing else; the Workbench wires what it is given.
class WorkspaceLauncher : public QObject
{
    Q_OBJECT
public:
    // What every session shares; all outlive the launcher.
    struct Shared
    {
        SecretVault& keychain;
        MemorySecretVault& sandboxVault;
        const ConnectorRegistry& registry;
        ConnectorContext& connectors;
        QThread& networkThread;
        JobRunner& jobs;
        ThumbnailCache* thumbnails = nullptr;
    };

    WorkspaceLauncher(WorkbenchOptions options, Shared shared, QObject* parent = nullptr);
    ~WorkspaceLauncher() override;

    void start();
    // The user's own workspace once it is open (Settings edits its accounts even while the
    // sandbox is on screen); null before.
    WorkspaceSession* userSession() const { return m_userSession.get(); }
    // The embedded sandbox's admin address once it runs.
    QUrl sandboxAdminUrl() const;

signals:
    // A short state for the status bar badge, and its longer explanation.
    void stateChanged(const QString& badge, const QString& detail);
    void userSessionOpened(AssetDesk::WorkspaceSession* session);
    // The workspace to show is ready (the sandbox's with `sandbox`); emitted once.
    void ready(AssetDesk::WorkspaceSession* session, bool sandbox);
    void failed(const QString& title, const AssetDesk::Error& error);

private:
    struct OpenedWorkspace
    {
        std::shared_ptr<Storage> storage;
        QString workspaceId;
        qsizetype accountCount = 0;
    };
    // Opens (creating or upgrading) a workspace on a pool thread.
    QFuture<Result<OpenedWorkspace>> openWorkspace(const QString& configText);
    void onUserWorkspaceOpened(const Result<OpenedWorkspace>& opened);
    void startSandbox();
    void onSandboxReady(const SandboxManifest& manifest);

    WorkbenchOptions m_options;
    Shared m_shared;
    std::unique_ptr<WorkspaceSession> m_userSession;
    std::unique_ptr<WorkspaceSession> m_sandboxSession;
    SandboxProcess* m_sandbox = nullptr;
};

} // namespace AssetDesk
