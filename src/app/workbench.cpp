#include "workbench.h"

#include "attachflow.h"
#include "attachmentopenflow.h"
#include "crmcollectionflows.h"
#include "gallerywatchflow.h"
#include "helpdeskflows.h"
#include "supportdesk.h"
#include "workspacelauncher.h"
#include "workspacesession.h"
#include "xdesk.h"

#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "media/thumbnailcache.h"
#include "media/thumbnailloader.h"
#include "models/accountsfeed.h"
#include "models/accountsmodel.h"
#include "models/assetdetailsloader.h"
#include "models/jobsmodel.h"
#include "models/librarymodel.h"
#include "models/librarysourcemodel.h"
#include "net/keychainsecretstore.h"
#include "net/memorysecretvault.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/accountservice.h"
#include "sync/attachmentfiles.h"
#include "sync/damsyncservice.h"
#include "sync/dynamicssyncservice.h"
#include "sync/jobrunner.h"
#include "sync/zendesksyncservice.h"
#include "widgets/accountspage.h"
#include "widgets/crmpane.h"
#include "widgets/damwritebacksettingspage.h"
#include "widgets/helpdeskpane.h"
#include "widgets/jobspane.h"
#include "widgets/libraryfacetbar.h"
#include "widgets/libraryinspector.h"
#include "widgets/librarypane.h"
#include "widgets/mainwindow.h"
#include "widgets/publishingsettingspage.h"
#include "widgets/servicepane.h"
#include "widgets/settingsdialog.h"
#include "widgets/syntaxrepository.h"
#include "widgets/xpane.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDockWidget>
#include <QLabel>
#include <QMessageBox>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QUrl>

#include <algorithm>

namespace AssetDesk {

namespace {
// Connects an account service's outcomes to the model that shows those accounts.
void showConnectionState(AccountService& service, AccountsModel& model)
{
    QObject::connect(&service, &AccountService::testStarted, &model, &AccountsModel::setTesting);
    QObject::connect(&service, &AccountActions::testSucceeded, &model,
                     [&model](const QUuid&, qint64 id, const ConnectionInfo& info) { model.setConnected(id, info); });
    QObject::connect(&service, &AccountActions::testFailed, &model,
                     [&model](const QUuid&, qint64 id, const Error& error) { model.setFailed(id, error); });
}
} // namespace

Workbench::Workbench(WorkbenchOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_connectors(std::make_unique<ConnectorContext>([](const QUrl& url) { QDesktopServices::openUrl(url); }))
    , m_registry(std::make_unique<ConnectorRegistry>(ConnectorRegistry::withBuiltinServices()))
    , m_jobs(std::make_unique<JobRunner>())
    , m_keychain(std::make_unique<KeychainSecretStore>())
    , m_sandboxVault(std::make_unique<MemorySecretVault>())
    , m_syntax(std::make_unique<SyntaxRepository>())
    , m_thumbnails(std::make_unique<ThumbnailLoader>())
    , m_thumbnailCache(std::make_unique<ThumbnailCache>())
    , m_jobsModel(new JobsModel(this))
    , m_activeAccounts(new AccountsModel(this))
    , m_settingsAccounts(new AccountsModel(this))
{
    m_launcher = std::make_unique<WorkspaceLauncher>(
        m_options, WorkspaceLauncher::Shared{*m_keychain, *m_sandboxVault, *m_registry, *m_connectors,
                                             m_networkThread, *m_jobs, m_thumbnailCache.get()});
    // All service traffic and its parsing happens here, never on the GUI thread.
    m_networkThread.setObjectName(QStringLiteral("network"));
    m_networkThread.start();

    connect(m_jobs.get(), &JobRunner::jobUpdated, m_jobsModel, &JobsModel::apply);
    connect(m_jobs.get(), &JobRunner::jobRemoved, m_jobsModel, &JobsModel::remove);
    connect(m_jobsModel, &JobsModel::cancelRequested, m_jobs.get(), &JobRunner::cancel);
    connect(m_jobsModel, &JobsModel::retryRequested, m_jobs.get(), [this](const QUuid& id) { m_jobs->retry(id); });
    connect(m_jobsModel, &JobsModel::clearFinishedRequested, m_jobs.get(), &JobRunner::clearFinished);
}

Workbench::~Workbench()
{
    delete m_window.data();
    m_activeSession = nullptr;
    m_launcher.reset(); // the sessions, then the sandbox process
    m_jobs.reset(); // cancels what still runs and waits for its pool
    m_networkThread.quit();
    m_networkThread.wait();
}

QUrl Workbench::sandboxAdminUrl() const
{
    return m_launcher->sandboxAdminUrl();
}

XDesk* Workbench::xDesk() const
{
    return m_xDesk.data();
}

SupportDesk* Workbench::supportDesk() const
{
    return m_supportDesk.data();
}

MainWindow* Workbench::window() const
{
    return m_window.data();
}

void Workbench::start()
{
    buildWindow();
    connect(m_launcher.get(), &WorkspaceLauncher::stateChanged, this, &Workbench::setStatus);
    connect(m_launcher.get(), &WorkspaceLauncher::failed, this, &Workbench::showFatal);
    connect(m_launcher.get(), &WorkspaceLauncher::userSessionOpened, this,
            [this](WorkspaceSession* session) { onUserSessionOpened(*session); });
    connect(m_launcher.get(), &WorkspaceLauncher::ready, this,
            [this](WorkspaceSession* session, bool sandbox) { activate(*session, sandbox); });
    m_launcher->start();
}

void Workbench::buildWindow()
{
    m_window = new MainWindow;
    auto* library = new ServicePane(ServiceCategory::Dam, tr("Library"), m_activeAccounts);
    auto* x = new ServicePane(ServiceCategory::Social, tr("X"), m_activeAccounts);
    auto* crm = new ServicePane(ServiceCategory::Crm, tr("CRM"), m_activeAccounts);
    auto* helpdesk = new ServicePane(ServiceCategory::Helpdesk, tr("Helpdesk"), m_activeAccounts);
    auto* jobs = new JobsPane(m_jobsModel, m_syntax.get());
    m_libraryPane = new LibraryPane(m_syntax.get());
    library->setContent(m_libraryPane);
    m_xPane = new XPane(m_activeAccounts);
    x->setContent(m_xPane);
    m_helpdeskPane = new HelpdeskPane(m_activeAccounts);
    helpdesk->setContent(m_helpdeskPane);
    m_crmPane = new CrmPane(m_activeAccounts);
    crm->setContent(m_crmPane);
    connect(m_libraryPane, &LibraryPane::openRequested, this,
            [](const QString& file) { QDesktopServices::openUrl(QUrl::fromLocalFile(file)); });
    connect(m_libraryPane->inspector(), &LibraryInspector::useShowRequested, this, &Workbench::showUse);

    QDockWidget* libraryDock =
        m_window->addPane(library, QStringLiteral("libraryDock"), Qt::LeftDockWidgetArea, QKeySequence(tr("Alt+1")));
    QDockWidget* xDock = m_window->addPane(x, QStringLiteral("xDock"), Qt::RightDockWidgetArea, QKeySequence(tr("Alt+2")));
    QDockWidget* crmDock =
        m_window->addPane(crm, QStringLiteral("crmDock"), Qt::RightDockWidgetArea, QKeySequence(tr("Alt+3")));
    QDockWidget* helpdeskDock =
        m_window->addPane(helpdesk, QStringLiteral("helpdeskDock"), Qt::RightDockWidgetArea, QKeySequence(tr("Alt+4")));
    // Helpdesk and CRM need the height for a queue and a conversation: they share the right
    // side with the X columns as tabs.
    m_window->tabifyPanes(xDock, helpdeskDock);
    m_window->tabifyPanes(helpdeskDock, crmDock);
    xDock->raise();
    QDockWidget* jobsDock =
        m_window->addPane(jobs, QStringLiteral("jobsDock"), Qt::BottomDockWidgetArea, QKeySequence(tr("Alt+5")));

    for (ServicePane* pane : {library, x, crm, helpdesk}) {
        connect(pane, &ServicePane::testRequested, this, [this](qint64 id) {
            if (m_activeSession)
                m_activeSession->accounts().test(id);
        });
        connect(pane, &ServicePane::settingsRequested, this, &Workbench::showSettings);
    }
    connect(m_window, &MainWindow::settingsRequested, this, &Workbench::showSettings);
    connect(m_window, &MainWindow::aboutRequested, this, &Workbench::showAbout);

    m_badge = new QLabel;
    m_badge->setTextFormat(Qt::PlainText);
    m_window->addPermanentStatusWidget(m_badge);
    m_window->show();
    // Dock sizes only take once the window is laid out; then the saved layout, if any, wins.
    QTimer::singleShot(0, m_window, [window = m_window.data(), libraryDock, xDock, jobsDock] {
        // The X side gets room for two account columns where the window allows it (2 x 260 px
        // plus frame and scroll bar), but never more than 40 % of the width: the library's grid
        // and inspector need the rest.
        const int width = window->width();
        const int xWidth = std::clamp(int(width * 0.4), std::min(420, width / 3), 580);
        window->resizeDocks({libraryDock, xDock}, {width - xWidth, xWidth}, Qt::Horizontal);
        // Without a central widget the bottom area would take every spare pixel: size both rows.
        const int jobsHeight = window->height() < 800 ? 140 : 180;
        window->resizeDocks({libraryDock, jobsDock}, {window->height() - jobsHeight, jobsHeight}, Qt::Vertical);
        window->restoreLayout();
    });
}

void Workbench::onUserSessionOpened(WorkspaceSession& session)
{
    session.follow(*m_settingsAccounts);
    showConnectionState(session.accounts(), *m_settingsAccounts);
    connect(&session.accounts(), &AccountActions::saved, this, [this] {
        if (m_showingSandbox)
            m_window->statusBar()->showMessage(
                tr("Your account is saved. Restart AssetDesk to leave the sandbox and use your own accounts."));
    });
}

void Workbench::activate(WorkspaceSession& session, bool sandbox)
{
    m_activeSession = &session;
    m_showingSandbox = sandbox;
    AccountsFeed* feed = session.follow(*m_activeAccounts);
    showLibrary(session);
    m_xDesk = new XDesk(session, m_xPane, m_activeAccounts, m_window, &session);
    connect(m_xDesk, &XDesk::statusMessage, this,
            [this](const QString& text) { m_window->statusBar()->showMessage(text, 15000); });
    showSupportDesk(session);
    session.startPublishing();
    showConnectionState(session.accounts(), *m_activeAccounts);
    // Once the accounts are on screen, find out whether each one really works.
    connect(feed, &AccountsFeed::loaded, this, [this, &session] {
        if (m_testedActive)
            return;
        m_testedActive = true;
        session.accounts().testAll(m_activeAccounts->accounts());
        m_xDesk->showColumns();
        m_supportDesk->show();
        syncLibraries(session);
        if (m_galleryWatch)
            m_galleryWatch->restore(m_activeAccounts->accounts());
    });
    if (sandbox) {
        setStatus(tr("Local sandbox · demo data"),
                  tr("No account is configured, so AssetDesk shows its built-in sandbox: local emulators of "
                     "PhotoShelter, iconik, X, Dynamics 365 and Zendesk with demo content (seed %1). "
                     "Add your own accounts in Settings → Accounts.")
                      .arg(m_options.sandboxSeed));
        m_window->statusBar()->showMessage(tr("Showing the local sandbox: no account is configured yet."), 15000);
    } else {
        setStatus(tr("Workspace: %1").arg(session.storage().config().displayString()), QString());
    }
    emit workspaceActive(sandbox);
}

// The helpdesk and CRM models read the session's storage and die with it (SupportDesk); a
// library search in a ticket's or case's context brings the library to the front.
void Workbench::showSupportDesk(WorkspaceSession& session)
{
    m_supportDesk = new SupportDesk(session, m_helpdeskPane, m_crmPane, &session);
    connect(m_supportDesk, &SupportDesk::statusMessage, this,
            [this](const QString& text) { m_window->statusBar()->showMessage(text, 15000); });
    connect(m_supportDesk, &SupportDesk::findAssetsRequested, this, [this](const QStringList& terms) {
        bringToFront(QStringLiteral("libraryDock"));
        m_libraryPane->searchInContext(terms, true);
    });
    // Assets dropped on a ticket, case or customer record: dialog, then an attach job.
    auto* attach = new AttachFlow(session, *m_jobs, m_window, m_supportDesk);
    attach->follow(*m_supportDesk);
    connect(attach, &AttachFlow::statusMessage, this,
            [this](const QString& text) { m_window->statusBar()->showMessage(text, 15000); });
    // Gallery access (ZP3) and follow-up delivery (ZP7) from the ticket queue's context menu.
    auto* helpdesk = new HelpdeskFlows(session, attach->service(), m_window, [pane = QPointer<LibraryPane>(m_libraryPane)] {
        return pane ? pane->selectedAssetIds() : QList<qint64>();
    }, m_supportDesk);
    helpdesk->follow(*m_supportDesk);
    connect(helpdesk, &HelpdeskFlows::statusMessage, this,
            [this](const QString& text) { m_window->statusBar()->showMessage(text, 15000); });
    // Files attached to ticket comments and case notes, opened from the panes.
    auto* attachments = new AttachmentOpenFlow(session, AttachmentFiles::defaultFolder(), m_supportDesk);
    attachments->follow(*m_supportDesk);
    connect(attachments, &AttachmentOpenFlow::statusMessage, this,
            [this](const QString& text) { m_window->statusBar()->showMessage(text, 15000); });
    // Campaign collections (DP3) and event links (DP7) from the CRM pane's context menu; an
    // existing collection is shown in the library's source tree.
    auto* crmCollections = new CrmCollectionFlows(session, m_window, m_supportDesk);
    crmCollections->follow(*m_supportDesk);
    connect(crmCollections, &CrmCollectionFlows::statusMessage, this,
            [this](const QString& text) { m_window->statusBar()->showMessage(text, 15000); });
    connect(crmCollections, &CrmCollectionFlows::showCollectionRequested, this, [this](qint64 account, const QString& id) {
        if (auto* sources = qobject_cast<LibrarySourceModel*>(m_libraryPane->sourceView()->model()))
            m_libraryPane->sourceView()->setCurrentIndex(sources->indexOfKey(LibrarySourceModel::collectionKey(account, id)));
    });
    emit supportDeskCreated(m_supportDesk);
}

// The library models read the session's storage and die with it; the pane only shows them.
void Workbench::showLibrary(WorkspaceSession& session)
{
    auto* assets = new LibraryModel(session.storage(), m_thumbnails.get(), &session);
    // Shown assets without a cached thumbnail (evicted, or stored before thumbnails were fetched).
    connect(assets, &LibraryModel::thumbnailsWanted, &session.damSync(), &DamSyncService::fetchThumbnails);
    auto* sources = new LibrarySourceModel(session.storage(), &session);
    auto* details = new AssetDetailsLoader(session.storage(), &session);
    m_libraryPane->setModels(assets, sources, details);
    m_galleryWatch = new GalleryWatchFlow(session, m_libraryPane, sources, &session);
    connect(m_galleryWatch, &GalleryWatchFlow::statusMessage, this,
            [this](const QString& text, int timeoutMs) { m_window->statusBar()->showMessage(text, timeoutMs); });
}

// Brings every DAM library, CRM and helpdesk cache up to date (incrementally once synced); progress
// shows in the Jobs pane.
void Workbench::syncLibraries(WorkspaceSession& session)
{
    for (const Account& account : m_activeAccounts->accounts()) {
        if (serviceInfo(account.service).category == ServiceCategory::Dam)
            session.damSync().sync({account.id});
        else if (account.service == Service::Dynamics)
            session.dynamicsSync().sync({account.id});
        else if (account.service == Service::Zendesk)
            session.zendeskSync().sync({account.id});
    }
}

void Workbench::showSettings()
{
    WorkspaceSession* session = m_launcher->userSession();
    if (!session) {
        m_window->statusBar()->showMessage(tr("The workspace is still opening; try again in a moment."), 5000);
        return;
    }
    auto* dialog = new SettingsDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* accounts = new AccountsPage(m_settingsAccounts, &session->accounts(), m_syntax.get());
    if (m_showingSandbox)
        accounts->setSandboxNote(tr("AssetDesk is showing the local sandbox because no account is configured. "
                                    "The accounts you add here are your own; restart AssetDesk to use them."));
    dialog->addPage(accounts, tr("Accounts"));
    dialog->addPage(new PublishingSettingsPage, tr("Publishing"));
    // The archive targets are chosen from the library's source tree of the user's workspace.
    auto* writeBack = new DamWriteBackSettingsPage(
        session->workspaceId(), session->findChild<LibrarySourceModel*>(QString(), Qt::FindDirectChildrenOnly));
    connect(writeBack, &DamWriteBackSettingsPage::writeBackChanged, session, [session, writeBack](const DamWriteBackSettings& s) {
        session->applySettings(s, writeBack->metricsSettings());
    });
    connect(writeBack, &DamWriteBackSettingsPage::metricsChanged, session,
            [this, session, writeBack](const MetricsSettings& m) {
                session->applySettings(writeBack->writeBackSettings(), m);
                if (m_libraryPane && m_libraryPane->facets())
                    m_libraryPane->facets()->overuseBox()->setValue(m.overuseThreshold);
            });
    dialog->addPage(writeBack, tr("DAM write-back"));
    dialog->open();
}

void Workbench::showAbout()
{
    QMessageBox::about(m_window, tr("About AssetDesk"),
                       tr("<h3>AssetDesk %1</h3><p>DAM libraries beside X accounts, CRM cases and helpdesk "
                          "tickets, in one window.</p><p>Built with Qt %2.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

// A use from the library's "Where used": its pane in front, the post, ticket or record current.
void Workbench::showUse(const AssetDetails::Use::Location& location)
{
    using Pane = AssetDetails::Use::Location::Pane;
    switch (location.pane) {
    case Pane::X:
        if (m_xDesk) {
            bringToFront(QStringLiteral("xDock"));
            m_xDesk->showPost(location.accountId, location.postRemoteId);
        }
        break;
    case Pane::Helpdesk:
        if (m_supportDesk) {
            bringToFront(QStringLiteral("helpdeskDock"));
            m_supportDesk->showTicket(location.accountId, location.localId);
        }
        break;
    case Pane::Crm:
        if (m_supportDesk) {
            bringToFront(QStringLiteral("crmDock"));
            m_supportDesk->showCrmRecord(location.accountId, location.crmKind, location.localId);
        }
        break;
    case Pane::None:
        break;
    }
}

void Workbench::bringToFront(const QString& dockName)
{
    if (auto* dock = m_window->findChild<QDockWidget*>(dockName)) {
        dock->show();
        dock->raise();
    }
}

void Workbench::showFatal(const QString& title, const Error& error)
{
    setStatus(title, error.message());
    auto* box = new QMessageBox(QMessageBox::Warning, title, error.message(), QMessageBox::Close, m_window);
    box->setTextFormat(Qt::PlainText);
    box->setDetailedText(error.detail());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void Workbench::setStatus(const QString& badge, const QString& tooltip)
{
    m_badge->setText(badge);
    m_badge->setToolTip(tooltip);
}

} // namespace AssetDesk
