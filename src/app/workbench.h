#pragma once

#include "workbenchoptions.h"

#include "core/result.h"
#include "models/assetdetails.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>

#include <memory>

class QLabel;

namespace AssetDesk {

class AccountsModel;
class ConnectorContext;
class CrmPane;
class HelpdeskPane;
class ConnectorRegistry;
class JobRunner;
class JobsModel;
class GalleryWatchFlow;
class KeychainSecretStore;
class LibraryPane;
class MainWindow;
class MemorySecretVault;
class Storage;
class SupportDesk;
class SyntaxRepository;
class ThumbnailCache;
class ThumbnailLoader;
class WorkspaceLauncher;
class WorkspaceSession;
class XDesk;
class XPane;

// The composition root of the desktop program: it owns the threads and every long-lived object,
// builds the panes and wires them to models and services. It decides nothing about data itself.
//
// Start-up never blocks the GUI thread: the window shows at once, and the WorkspaceLauncher brings
// up the workspace to show (the user's, or with no account configured the embedded sandbox's).
class Workbench : public QObject
{
    Q_OBJECT
public:
    explicit Workbench(WorkbenchOptions options, QObject* parent = nullptr);
    ~Workbench() override;

    void start();
    MainWindow* window() const;
    LibraryPane* libraryPane() const { return m_libraryPane; }
    XPane* xPane() const { return m_xPane; }
    HelpdeskPane* helpdeskPane() const { return m_helpdeskPane; }
    CrmPane* crmPane() const { return m_crmPane; }
    // The helpdesk and CRM side of the workspace on screen; null until one is active.
    SupportDesk* supportDesk() const;
    // The X side of the workspace on screen; null until one is active.
    XDesk* xDesk() const;
    bool isShowingSandbox() const { return m_showingSandbox; }
    // The embedded sandbox's admin address once it runs (tests drive its live event through it).
    QUrl sandboxAdminUrl() const;

signals:
    // The panes show a workspace (the user's or the sandbox's) and its accounts are being tested.
    void workspaceActive(bool sandbox);
    // A workspace became active and its SupportDesk exists (flows connect to its requests).
    void supportDeskCreated(AssetDesk::SupportDesk* desk);

private:
    void buildWindow();
    void onUserSessionOpened(WorkspaceSession& session);
    void activate(WorkspaceSession& session, bool sandbox);
    void showLibrary(WorkspaceSession& session);
    void showSupportDesk(WorkspaceSession& session);
    void syncLibraries(WorkspaceSession& session);
    void showSettings();
    void showAbout();
    void showUse(const AssetDetails::Use::Location& location);
    void bringToFront(const QString& dockName);
    void showFatal(const QString& title, const Error& error);
    void setStatus(const QString& badge, const QString& tooltip);

    WorkbenchOptions m_options;
    QThread m_networkThread;
    std::unique_ptr<ConnectorContext> m_connectors;
    std::unique_ptr<ConnectorRegistry> m_registry;
    std::unique_ptr<JobRunner> m_jobs;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<MemorySecretVault> m_sandboxVault;
    std::unique_ptr<SyntaxRepository> m_syntax;
    // Decoded thumbnails outlive the workspace sessions whose library models use them.
    std::unique_ptr<ThumbnailLoader> m_thumbnails;
    std::unique_ptr<ThumbnailCache> m_thumbnailCache; // files; used by sync threads, never the GUI thread
    JobsModel* m_jobsModel = nullptr;
    AccountsModel* m_activeAccounts = nullptr;   // what the panes show
    AccountsModel* m_settingsAccounts = nullptr; // the user's own accounts, for Settings
    std::unique_ptr<WorkspaceLauncher> m_launcher; // owns the sessions and the sandbox process
    WorkspaceSession* m_activeSession = nullptr;
    QPointer<MainWindow> m_window;
    QLabel* m_badge = nullptr;
    LibraryPane* m_libraryPane = nullptr;
    XPane* m_xPane = nullptr;
    QPointer<XDesk> m_xDesk; // a child of the active session
    QPointer<GalleryWatchFlow> m_galleryWatch; // a child of the active session
    HelpdeskPane* m_helpdeskPane = nullptr;
    CrmPane* m_crmPane = nullptr;
    QPointer<SupportDesk> m_supportDesk; // a child of the active session
    bool m_showingSandbox = false;
    bool m_testedActive = false;
};

} // namespace AssetDesk
