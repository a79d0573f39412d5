#pragma once

#include <QObject>

#include <memory>

class QThread;

namespace AssetDesk {

class AccountService;
class AccountsFeed;
class AccountsModel;
class ConnectorContext;
class ConnectorPool;
class ConnectorRegistry;
class DamGalleryWatchers;
class DamSyncService;
class DynamicsSyncService;
class ZendeskSyncService;
class EventCollectionLinker;
class JobRunner;
class ScopedSecretVault;
class SecretVault;
class Storage;
class ThumbnailCache;
struct DamWriteBackSettings;
struct MetricsSettings;
class DamWriteBack;
class DerivativeService;
class XMetricsPoller;
class XPublisher;

// Everything that belongs to one open workspace, wired together: its storage, the vault holding
// its secrets, a connector pool on the network thread, the account service, and a feed keeping
// an accounts model current. The workbench holds one for the user's workspace and, while it
// shows the sandbox, one for the sandbox workspace.
class WorkspaceSession : public QObject
{
    Q_OBJECT
public:
    // `vault` is the keyring (or memory) shared by all workspaces; the session sees it through
    // the prefix of `workspaceId`.
    WorkspaceSession(std::shared_ptr<Storage> storage, const QString& workspaceId, SecretVault& vault,
                     const ConnectorRegistry& registry, ConnectorContext& connectors, QThread& networkThread,
                     JobRunner& jobs, ThumbnailCache* thumbnails = nullptr, QObject* parent = nullptr);
    ~WorkspaceSession() override;

    Storage& storage() { return *m_storage; }
    QString workspaceId() const { return m_workspaceId; }
    SecretVault& vault();
    AccountService& accounts() { return *m_accounts; }
    // Syncs the workspace's DAM accounts into its library (jobs), with thumbnails when a cache is given.
    DamSyncService& damSync() { return *m_damSync; }
    // Syncs the workspace's Dynamics 365 accounts into the CRM cache (jobs, delta links).
    DynamicsSyncService& dynamicsSync() { return *m_dynamicsSync; }
    // Syncs the workspace's Zendesk accounts into the helpdesk cache (jobs, incremental cursor) and
    // fetches a ticket's conversation when it is opened.
    ZendeskSyncService& zendeskSync() { return *m_zendeskSync; }
    // Dynamics events linked to DAM collections (DP7): after each DAM sync, the collection's new
    // uploads are associated back to the event.
    EventCollectionLinker& eventCollections() { return *m_eventCollections; }
    // The galleries watched for new uploads (PX4), each a job; they stop with the session.
    DamGalleryWatchers& galleryWatchers() { return *m_watchers; }

    // Keeps `model` in step with this workspace's accounts (several models may follow one session).
    AccountsFeed* follow(AccountsModel& model);

    // The connector pool (on the network thread) for services that read through it (X columns).
    ConnectorPool& pool() { return *m_pool; }
    // The X outbox's publisher, on the network thread. startPublishing() (when the session is
    // shown) recovers abandoned jobs and publishes due ones until the session ends; a job queued
    // for now wakes it at once (Storage::changed), so publishing does not wait for its next poll.
    XPublisher& publisher() { return *m_publisher; }
    // Engagement samples of the recent X posts (the inspector's Engagement tab), on the network
    // thread; and the DAM write-back worker (lifecycle status, archive, top performers) there too.
    // startPublishing() starts them with the publisher.
    XMetricsPoller& metricsPoller() { return *m_metrics; }
    DamWriteBack& damWriteBack() { return *m_writeBack; }
    // Derivatives (crops, resized copies, video clips) made as jobs and stored with their lineage.
    DerivativeService& derivatives() { return *m_derivatives; }
    void startPublishing();
    // Settings → DAM write-back changed: the publisher, the write-back worker and the metrics
    // poller use the new values from their next job or cycle, without a restart.
    void applySettings(const DamWriteBackSettings& writeBack, const MetricsSettings& metrics);

private:
    std::shared_ptr<Storage> m_storage;
    QString m_workspaceId;
    std::unique_ptr<ScopedSecretVault> m_vault;
    ConnectorPool* m_pool; // lives on the network thread; deleted there
    AccountService* m_accounts;
    DamSyncService* m_damSync;
    DynamicsSyncService* m_dynamicsSync;
    ZendeskSyncService* m_zendeskSync;
    EventCollectionLinker* m_eventCollections;
    DamGalleryWatchers* m_watchers;
    XPublisher* m_publisher = nullptr;   // lives on the network thread; deleted there
    XMetricsPoller* m_metrics = nullptr; // likewise
    DamWriteBack* m_writeBack = nullptr; // likewise
    DerivativeService* m_derivatives = nullptr;
};

} // namespace AssetDesk
