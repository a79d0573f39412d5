#pragma once

#include "core/accountactions.h"
#include "core/result.h"

#include <memory>

namespace AssetDesk {

class ConnectorPool;
class JobRunner;
class SecretVault;
class Storage;
class JobControl;

// The AccountActions the widgets use, over one workspace: the account row in storage (with an
// audit entry), its credentials in the vault and nowhere else, and connection tests and browser
// sign-ins as background jobs run through the connector pool on the network thread.
//
// Lives on the GUI thread; never blocks it: storage writes are futures, vault calls callbacks,
// and everything that talks to a service runs in a job on the pool's thread.
class AccountService : public AccountActions
{
    Q_OBJECT
public:
    AccountService(Storage& storage, SecretVault& vault, ConnectorPool& pool, JobRunner& runner,
                   QObject* parent = nullptr);

    void add(const Account& account, const Credentials& credentials) override;
    void update(const Account& account, const Credentials& credentials) override;
    void remove(qint64 accountId) override;
    QUuid test(qint64 accountId) override;
    QUuid signIn(qint64 accountId) override;
    QUuid testDraft(const Account& account, const Credentials& credentials) override;

    // Tests every stored account, one job each (at start-up, so the panes show live state).
    void testAll(const QList<Account>& accounts);

    QString actor() const { return m_actor; }

signals:
    void testStarted(qint64 accountId);

private:
    enum class Mode { Test, SignIn };
    QUuid startConnectionJob(qint64 accountId, const QString& label, Mode mode);
    void recordVerified(qint64 accountId, const ConnectionInfo& info);
    void removeStored(const std::shared_ptr<JobControl>& control, const Account& account, const QString& revokeResult);
    void reportTest(const QUuid& request, qint64 accountId, const Result<ConnectionInfo>& result);

    Storage& m_storage;
    SecretVault& m_vault;
    ConnectorPool& m_pool;
    JobRunner& m_runner;
    QString m_actor;
};

} // namespace AssetDesk
