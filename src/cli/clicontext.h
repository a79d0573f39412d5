#pragma once

#include "clioutput.h"

#include "core/result.h"
#include "core/service.h"

#include <QObject>

#include <functional>
#include <memory>

namespace AssetDesk {

class AccountService;
class ConnectorContext;
class ConnectorPool;
class ConnectorRegistry;
class DamSyncService;
class JobRunner;
class RateBudget;
class SecretVault;
class Storage;
class ThumbnailCache;

// What a command needs, built on first use: the workspace (opened with or without migrating),
// the keychain, and the same account service the workbench uses, all on the main thread (a
// command-line run has no GUI to keep free, so it is also the network thread).
class CliContext : public QObject
{
    Q_OBJECT
public:
    CliContext(QString workspace, CliOutput& out);
    ~CliContext() override;

    CliOutput& out() { return m_out; }
    const QString& workspace() const { return m_workspace; }

    // Opens the workspace and upgrades it (the normal way) or as it is (for `db check`).
    Result<Storage*> storage(bool migrate = true);
    // The keyring, seen through this workspace's prefix.
    Result<SecretVault*> vault();
    Result<AccountService*> accounts();
    // The connector pool behind accounts(): what the outbox publisher sends through.
    Result<ConnectorPool*> pool();
    // The rate budget every connector of the service shares (the metrics poller checks it).
    std::shared_ptr<RateBudget> budget(Service service);
    // DAM syncs through the same connector pool and job runner as accounts(); with `thumbnails`
    // they also fill the workspace-independent thumbnail cache the workbench uses.
    Result<DamSyncService*> damSync(bool thumbnails);
    JobRunner* jobs() { return m_jobs.get(); }

    // Runs the event loop until `done` returns true or `timeoutMs` passes; false on timeout.
    bool waitUntil(const std::function<bool()>& done, int timeoutMs);

private:
    QString m_workspace;
    CliOutput& m_out;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<SecretVault> m_keyring;
    std::unique_ptr<SecretVault> m_vault;
    std::unique_ptr<ConnectorContext> m_connectors;
    std::unique_ptr<ConnectorRegistry> m_registry;
    std::unique_ptr<JobRunner> m_jobs;
    std::unique_ptr<ConnectorPool> m_pool;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<ThumbnailCache> m_thumbnails;
    std::unique_ptr<DamSyncService> m_damSync;
};

} // namespace AssetDesk
