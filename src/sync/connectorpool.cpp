#include "sync/connectorpool.h"

#include "connectors/connectorregistry.h"
#include "connectors/serviceconnector.h"
#include "core/secretvault.h"
#include "core/serviceauthprofile.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPool, "assetdesk.sync.connectors")

namespace AssetDesk {


ConnectorPool::ConnectorPool(Storage& storage, SecretVault& vault, const ConnectorRegistry& registry,
                             ConnectorContext& context, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_vault(vault)
    , m_registry(registry)
    , m_context(context)
{
}

ConnectorPool::~ConnectorPool()
{
    for (const QPointer<ServiceConnector>& connector : std::as_const(m_connectors))
        delete connector.data();
}

void ConnectorPool::acquire(qint64 accountId, ConnectorCallback done)
{
    if (ServiceConnector* existing = m_connectors.value(accountId)) {
        QPointer<ServiceConnector> guard(existing);
        // Always asynchronous, so callers never see their callback run inside acquire().
        QMetaObject::invokeMethod(
            this,
            [this, guard, accountId, done] {
                if (guard)
                    done(guard.data());
                else
                    acquire(accountId, done);
            },
            Qt::QueuedConnection);
        return;
    }
    QList<ConnectorCallback>& waiting = m_pending[accountId];
    waiting.append(std::move(done));
    if (waiting.size() == 1)
        create(accountId);
}

void ConnectorPool::create(qint64 accountId)
{
    const Result<std::optional<Account>> stored = AccountRepository(m_storage).get(accountId);
    if (!stored)
        return finishPending(accountId, stored.error());
    if (!stored->has_value())
        return finishPending(accountId, Error(ErrorKind::NotFound, tr("This account no longer exists.")));
    const Account account = **stored;

    m_vault.read(account.secretKey(), this, [this, account](Result<QByteArray> secret) {
        Credentials credentials;
        if (secret) {
            credentials = Credentials::fromJson(*secret);
        } else if (secret.error().kind() != ErrorKind::NotFound) {
            return finishPending(account.id, secret.error());
        } else if (account.sandbox) {
            // The sandbox's keys are handed to the workbench that started it and kept in its memory
            // only; another process (the CLI on the sandbox workspace) has none, and no sign-in or
            // key entry would help: the sandbox and its port are gone with that workbench.
            return finishPending(account.id,
                                 Error(ErrorKind::Auth,
                                       tr("“%1” is a demo account of the built-in sandbox: its keys exist only in "
                                          "the AssetDesk window that started the sandbox. Use a workspace with your "
                                          "own accounts here.")
                                           .arg(account.label)));
        } else if (!usesBrowserSignIn(account)) {
            // A browser sign-in account simply is not signed in yet; a key account cannot work.
            return finishPending(account.id,
                                 Error(ErrorKind::Auth, tr("The key of “%1” is not in the keyring. Edit the account "
                                                           "in Settings → Accounts to enter it again.")
                                                            .arg(account.label)));
        }
        Result<std::unique_ptr<ServiceConnector>> created = m_registry.create(account, credentials, m_context);
        if (!created)
            return finishPending(account.id, created.error());
        ServiceConnector* connector = created.value().release();
        connector->setParent(this);
        const qint64 id = account.id;
        const QString key = account.secretKey();
        connect(connector, &ServiceConnector::credentialsChanged, this, [this, id, key](const Credentials& c) {
            m_vault.write(key, c.toJson(), this, [this, id](Status written) {
                if (!written) {
                    qCWarning(lcPool) << "storing refreshed credentials failed" << written.error().toLogString();
                    emit credentialsStoreFailed(id, written.error());
                }
            });
        });
        m_connectors.insert(id, connector);
        finishPending(id, connector);
    });
}

void ConnectorPool::finishPending(qint64 accountId, const Result<ServiceConnector*>& result)
{
    const QList<ConnectorCallback> waiting = m_pending.take(accountId);
    for (const ConnectorCallback& done : waiting)
        done(result);
}

Result<std::unique_ptr<ServiceConnector>> ConnectorPool::createDraft(const Account& account,
                                                                     const Credentials& credentials)
{
    return m_registry.create(account, credentials, m_context);
}

void ConnectorPool::drop(qint64 accountId)
{
    if (ServiceConnector* connector = m_connectors.take(accountId))
        connector->deleteLater();
}

void ConnectorPool::applyChanges(const ChangeSet& changes)
{
    for (qint64 id : changes.ids(EntityKind::Account, ChangeSet::Op::Removed))
        drop(id);
    // Recording a successful test also updates the account; only a change of where or how it
    // connects makes its connector stale.
    for (qint64 id : changes.ids(EntityKind::Account, ChangeSet::Op::Updated)) {
        const ServiceConnector* connector = m_connectors.value(id);
        if (!connector)
            continue;
        const Result<std::optional<Account>> stored = AccountRepository(m_storage).get(id);
        if (!stored || !stored->has_value()) {
            drop(id);
            continue;
        }
        const Account& now = **stored;
        const Account& used = connector->account();
        if (now.baseUrl != used.baseUrl || now.authUrl != used.authUrl || now.authMethod != used.authMethod
            || now.login != used.login || now.organization != used.organization)
            drop(id);
    }
}

} // namespace AssetDesk
