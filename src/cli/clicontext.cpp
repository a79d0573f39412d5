#include "clicontext.h"

#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "core/scopedsecretvault.h"
#include "net/keychainsecretstore.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/accountservice.h"
#include "media/thumbnailcache.h"
#include "sync/connectorpool.h"
#include "sync/damsyncservice.h"
#include "sync/jobrunner.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>

namespace AssetDesk {

CliContext::CliContext(QString workspace, CliOutput& out)
    : m_workspace(std::move(workspace))
    , m_out(out)
{
}

CliContext::~CliContext()
{
    // Services first, then the pool, then what they use.
    m_damSync.reset();
    m_accounts.reset();
    m_pool.reset();
    m_jobs.reset();
    m_vault.reset();
}

Result<Storage*> CliContext::storage(bool migrate)
{
    if (m_storage)
        return m_storage.get();
    const Result<StorageConfig> config = StorageConfig::fromString(m_workspace);
    if (!config)
        return config.error();
    Result<std::unique_ptr<Storage>> opened =
        Storage::open(*config, migrate ? Storage::OpenMode::MigrateToLatest : Storage::OpenMode::NoMigrate);
    if (!opened)
        return opened.error();
    m_storage = std::move(opened).value();
    return m_storage.get();
}

Result<SecretVault*> CliContext::vault()
{
    if (m_vault)
        return m_vault.get();
    const Result<Storage*> opened = storage();
    if (!opened)
        return opened.error();
    const Result<QString> id = (*opened)->workspaceId();
    if (!id)
        return id.error();
    m_keyring = std::make_unique<KeychainSecretStore>();
    m_vault = std::make_unique<ScopedSecretVault>(*m_keyring, ScopedSecretVault::workspacePrefix(*id));
    return m_vault.get();
}

Result<AccountService*> CliContext::accounts()
{
    if (m_accounts)
        return m_accounts.get();
    const Result<Storage*> opened = storage();
    if (!opened)
        return opened.error();
    const Result<SecretVault*> secrets = vault();
    if (!secrets)
        return secrets.error();
    // A terminal cannot open a browser for an OAuth sign-in: say where to go instead.
    m_connectors = std::make_unique<ConnectorContext>([this](const QUrl& url) {
        m_out.note(tr("Open this address in your browser to sign in:"));
        m_out.note(url.toString());
    });
    m_registry = std::make_unique<ConnectorRegistry>(ConnectorRegistry::withBuiltinServices());
    m_jobs = std::make_unique<JobRunner>();
    m_pool = std::make_unique<ConnectorPool>(**opened, **secrets, *m_registry, *m_connectors);
    m_accounts = std::make_unique<AccountService>(**opened, **secrets, *m_pool, *m_jobs);
    return m_accounts.get();
}

Result<ConnectorPool*> CliContext::pool()
{
    if (const Result<AccountService*> service = accounts(); !service)
        return service.error();
    return m_pool.get();
}

std::shared_ptr<RateBudget> CliContext::budget(Service service)
{
    // The connector context is made by accounts(); null if the workspace cannot be opened.
    if (!m_connectors)
        (void)accounts();
    return m_connectors ? m_connectors->budget(service) : nullptr;
}

Result<DamSyncService*> CliContext::damSync(bool thumbnails)
{
    if (m_damSync)
        return m_damSync.get();
    const Result<AccountService*> service = accounts();
    if (!service)
        return service.error();
    if (thumbnails)
        m_thumbnails = std::make_unique<ThumbnailCache>();
    m_damSync = std::make_unique<DamSyncService>(*m_storage, *m_pool, *m_jobs, m_thumbnails.get());
    return m_damSync.get();
}

bool CliContext::waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

} // namespace AssetDesk
