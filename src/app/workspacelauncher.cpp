#include "workspacelauncher.h"

#include "workspacesession.h"

#include "connectors/sandboxprocess.h"
#include "core/whenfinished.h"
#include "net/memorysecretvault.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/jobrunner.h"
#include "sync/sandboxaccountimporter.h"

#include <QDir>
#include <QPointer>
#include <QStandardPaths>
#include <QtConcurrent>

namespace AssetDesk {

namespace {
QString sandboxWorkspacePath()
{
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sandbox");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/assetdesk-sandbox.sqlite3");
}
} // namespace

WorkspaceLauncher::WorkspaceLauncher(WorkbenchOptions options, Shared shared, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_shared(shared)
{}

WorkspaceLauncher::~WorkspaceLauncher()
{
    m_sandboxSession.reset();
    m_userSession.reset();
    delete m_sandbox;
}

QUrl WorkspaceLauncher::sandboxAdminUrl() const
{
    return m_sandbox && m_sandbox->isReady() ? m_sandbox->manifest().adminUrl : QUrl();
}

void WorkspaceLauncher::start()
{
    emit stateChanged(tr("Opening the workspace…"), QString());
    whenFinished(openWorkspace(m_options.workspace), this,
                 [this](const Result<OpenedWorkspace>& opened) { onUserWorkspaceOpened(opened); });
}

QFuture<Result<WorkspaceLauncher::OpenedWorkspace>>
WorkspaceLauncher::openWorkspace(const QString& configText)
{
    QThread* gui = thread();
    return QtConcurrent::run([configText, gui]() -> Result<OpenedWorkspace> {
        const Result<StorageConfig> config = StorageConfig::fromString(configText);
        if (!config)
            return config.error();
        Result<std::unique_ptr<Storage>> storage = Storage::open(*config);
        if (!storage)
            return storage.error();
        const Result<QList<Account>> accounts = AccountRepository(**storage).list();
        if (!accounts)
            return accounts.error();
        const Result<QString> id = (*storage)->workspaceId();
        if (!id)
            return id.error();
        // Created here, used and destroyed on the GUI thread.
        storage.value()->moveToThread(gui);
        return OpenedWorkspace{std::shared_ptr<Storage>(std::move(storage).value()), *id, accounts->size()};
    });
}

void WorkspaceLauncher::onUserWorkspaceOpened(const Result<OpenedWorkspace>& opened)
{
    if (!opened) {
        emit failed(tr("The workspace could not be opened"), opened.error());
        if (m_options.sandbox != WorkbenchOptions::SandboxMode::Never)
            startSandbox();
        return;
    }
    m_userSession = std::make_unique<WorkspaceSession>(
        opened->storage, opened->workspaceId, m_shared.keychain, m_shared.registry, m_shared.connectors,
        m_shared.networkThread, m_shared.jobs, m_shared.thumbnails);
    emit userSessionOpened(m_userSession.get());

    const bool sandbox =
        m_options.sandbox == WorkbenchOptions::SandboxMode::Always ||
        (m_options.sandbox == WorkbenchOptions::SandboxMode::Automatic && opened->accountCount == 0);
    if (sandbox)
        startSandbox();
    else
        emit ready(m_userSession.get(), false);
}

void WorkspaceLauncher::startSandbox()
{
    emit stateChanged(tr("Starting the local sandbox…"), QString());
    SandboxProcess::Options options;
    options.executable = m_options.sandboxExecutable;
    options.seed = m_options.sandboxSeed;
    options.size = m_options.sandboxSize;
    if (!m_options.sandboxLiveEvent.isEmpty())
        options.extraArguments << QStringLiteral("--live-event") << m_options.sandboxLiveEvent;
    m_sandbox = new SandboxProcess(options, this);
    connect(m_sandbox, &SandboxProcess::ready, this, &WorkspaceLauncher::onSandboxReady);
    connect(m_sandbox, &SandboxProcess::failed, this,
            [this](const Error& error) { emit stateChanged(tr("Sandbox unavailable"), error.message()); });
    // The start-up is a job like any other, so its progress and failure show in the Jobs pane.
    QPointer<SandboxProcess> sandbox = m_sandbox;
    m_shared.jobs.start(
        {QStringLiteral("sandbox"), tr("Start the local sandbox"), false, false}, this,
        [sandbox](std::shared_ptr<JobControl> control) {
            if (!sandbox)
                return control->finish(Error(ErrorKind::Cancelled, tr("AssetDesk is closing.")));
            control->setStatus(tr("Seeding demo data…"));
            QObject::connect(sandbox, &SandboxProcess::ready, sandbox,
                             [control](const SandboxManifest& manifest) {
                                 control->setStatus(
                                     tr("%n demo account(s) ready", nullptr, int(manifest.accounts.size())));
                                 control->finish({});
                             });
            QObject::connect(sandbox, &SandboxProcess::failed, sandbox,
                             [control](const Error& error) { control->finish(error); });
            sandbox->start();
        });
}

void WorkspaceLauncher::onSandboxReady(const SandboxManifest& manifest)
{
    whenFinished(
        openWorkspace(sandboxWorkspacePath()), this, [this, manifest](const Result<OpenedWorkspace>& opened) {
            if (!opened)
                return emit failed(tr("The sandbox workspace could not be opened"), opened.error());
            m_sandboxSession = std::make_unique<WorkspaceSession>(
                opened->storage, opened->workspaceId, m_shared.sandboxVault, m_shared.registry,
                m_shared.connectors, m_shared.networkThread, m_shared.jobs, m_shared.thumbnails);
            auto* importer =
                new SandboxAccountImporter(m_sandboxSession->storage(), m_sandboxSession->vault(), this);
            importer->import(manifest, [this, importer](const Result<QList<Account>>& imported) {
                importer->deleteLater();
                if (!imported)
                    return emit failed(tr("The sandbox's demo accounts could not be set up"),
                                       imported.error());
                emit ready(m_sandboxSession.get(), true);
            });
        });
}

} // namespace AssetDesk
