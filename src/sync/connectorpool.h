#pragma once

#include "core/changeset.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace AssetDesk {

class ConnectorContext;
class ConnectorRegistry;
class SecretVault;
class ServiceConnector;
class Storage;
struct Account;
struct Credentials;

// One live connector per account. Lives on the network thread and owns its connectors there.
// A connector is created on first use from the stored account and its keychain credentials,
// kept (so OAuth refreshes, session tokens and rate budgets carry over between jobs; X refresh
// tokens are single-use, two connectors for one account would burn each other's), its new
// credentials are written back to the vault, and it is dropped when its account changes or
// disappears.
class ConnectorPool : public QObject
{
    Q_OBJECT
public:
    using ConnectorCallback = std::function<void(Result<ServiceConnector*>)>;

    ConnectorPool(Storage& storage, SecretVault& vault, const ConnectorRegistry& registry,
                  ConnectorContext& context, QObject* parent = nullptr);
    ~ConnectorPool() override;

    // On the pool's thread. `done` runs on that thread too; the connector stays owned by the pool
    // and may be dropped after the current event (hold a QPointer across callbacks).
    void acquire(qint64 accountId, ConnectorCallback done);
    // A connector for an unsaved account (the account dialog's "Test Connection"); the caller
    // owns it and deletes it (deleteLater) when done. On the pool's thread.
    Result<std::unique_ptr<ServiceConnector>> createDraft(const Account& account, const Credentials& credentials);
    void drop(qint64 accountId);
    bool holds(qint64 accountId) const { return m_connectors.contains(accountId); }

    // Drops connectors of accounts that were updated or removed (queued from Storage::changed).
    void applyChanges(const AssetDesk::ChangeSet& changes);

signals:
    // Storing refreshed credentials failed: the user must hear about it (the next start would
    // use a refresh token that no longer works).
    void credentialsStoreFailed(qint64 accountId, const AssetDesk::Error& error);

private:
    void create(qint64 accountId);
    void finishPending(qint64 accountId, const Result<ServiceConnector*>& result);

    Storage& m_storage;
    SecretVault& m_vault;
    const ConnectorRegistry& m_registry;
    ConnectorContext& m_context;
    QHash<qint64, QPointer<ServiceConnector>> m_connectors;
    QHash<qint64, QList<ConnectorCallback>> m_pending;
};

} // namespace AssetDesk
