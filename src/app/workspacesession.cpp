#include "workspacesession.h"

#include "connectors/connectorcontext.h"
#include "core/damwritebacksettings.h"
#include "core/metricssettings.h"
#include "core/scopedsecretvault.h"
#include "models/accountsfeed.h"
#include "storage/storage.h"
#include "sync/accountservice.h"
#include "sync/connectorpool.h"
#include "sync/damgallerywatchers.h"
#include "sync/damsyncservice.h"
#include "sync/damwriteback.h"
#include "sync/derivativeservice.h"
#include "sync/dynamicssyncservice.h"
#include "sync/eventcollectionlinker.h"
#include "sync/zendesksyncservice.h"
#include "sync/xmetricspoller.h"
#include "sync/xpublisher.h"

#include <QSettings>
#include <QThread>

namespace AssetDesk {

WorkspaceSession::WorkspaceSession(std::shared_ptr<Storage> storage, const QString& workspaceId,
                                   SecretVault& vault, const ConnectorRegistry& registry,
                                   ConnectorContext& connectors, QThread& networkThread, JobRunner& jobs,
                                   ThumbnailCache* thumbnails, QObject* parent)
    : QObject(parent)
    , m_storage(std::move(storage))
    , m_workspaceId(workspaceId)
    , m_vault(std::make_unique<ScopedSecretVault>(vault, ScopedSecretVault::workspacePrefix(workspaceId)))
    , m_pool(new ConnectorPool(*m_storage, *m_vault, registry, connectors))
{
    m_pool->moveToThread(&networkThread);
    connect(m_storage.get(), &Storage::changed, m_pool, &ConnectorPool::applyChanges);
    m_accounts = new AccountService(*m_storage, *m_vault, *m_pool, jobs, this);
    m_damSync = new DamSyncService(*m_storage, *m_pool, jobs, thumbnails, this);
    m_dynamicsSync = new DynamicsSyncService(*m_storage, *m_pool, jobs, this);
    m_zendeskSync = new ZendeskSyncService(*m_storage, *m_pool, jobs, this);
    m_eventCollections = new EventCollectionLinker(*m_storage, this);
    connect(m_damSync, &DamSyncService::syncFinished, m_eventCollections,
            [linker = m_eventCollections](qint64 accountId, const Result<DamSyncSummary>& result) {
                linker->associateAfterSync(accountId, result.ok());
            });
    m_watchers = new DamGalleryWatchers(*m_storage, *m_pool, jobs, this);
    m_derivatives = new DerivativeService(*m_storage, jobs, QString(), this);
    connect(m_pool, &ConnectorPool::credentialsStoreFailed, m_accounts,
            [accounts = m_accounts](qint64, const Error& error) { emit accounts->failed(error); });
    // Created on the network thread so that its timer and its storage continuations run there.
    Storage* storageRef = m_storage.get();
    ConnectorPool* pool = m_pool;
    // What published posts write back into the DAM accounts and how long their metrics are
    // polled: the user's settings (Settings → DAM write-back), per workspace for the former.
    const DamWriteBackSettings writeBack = DamWriteBackSettings::load(QSettings(), workspaceId);
    const MetricsSettings metricsSettings = MetricsSettings::load(QSettings());
    std::shared_ptr<RateBudget> xBudget = connectors.budget(Service::X);
    QMetaObject::invokeMethod(
        pool,
        [this, storageRef, pool, writeBack, metricsSettings, xBudget] {
            XPublisher::Options publishing;
            publishing.writeBack = writeBack;
            m_publisher = new XPublisher(*storageRef, *pool, publishing);
            XMetricsPoller::Options polling;
            polling.days = metricsSettings.days;
            m_metrics = new XMetricsPoller(*storageRef, *pool, xBudget, polling);
            DamWriteBack::Options writing;
            writing.settings = writeBack;
            m_writeBack = new DamWriteBack(*storageRef, *pool, writing);
        },
        Qt::BlockingQueuedConnection);
    XPublisher* publisher = m_publisher;
    connect(m_storage.get(), &Storage::changed, publisher, [publisher](const ChangeSet& changes) {
        // Queued, retried or rescheduled jobs: look now. The publisher's own commits land here
        // too; a wake with nothing due costs one claim query.
        if (changes.touches(EntityKind::Job))
            publisher->wake();
    });
}

void WorkspaceSession::startPublishing()
{
    XPublisher* publisher = m_publisher;
    XMetricsPoller* metrics = m_metrics;
    DamWriteBack* writeBack = m_writeBack;
    QMetaObject::invokeMethod(publisher, [publisher, metrics, writeBack] {
        publisher->start();
        metrics->start();
        writeBack->start();
    });
}

void WorkspaceSession::applySettings(const DamWriteBackSettings& writeBack, const MetricsSettings& metrics)
{
    XPublisher* publisher = m_publisher;
    XMetricsPoller* poller = m_metrics;
    DamWriteBack* worker = m_writeBack;
    QMetaObject::invokeMethod(publisher, [publisher, poller, worker, writeBack, days = metrics.days] {
        publisher->setWriteBack(writeBack);
        worker->setSettings(writeBack);
        worker->wake(); // a lower top-performer threshold may tag assets now
        poller->setDays(days);
    });
}

WorkspaceSession::~WorkspaceSession()
{
    // A job in flight stays running in the outbox; the next start recovers it after the lease.
    XPublisher* publisher = m_publisher;
    XMetricsPoller* metrics = m_metrics;
    DamWriteBack* writeBack = m_writeBack;
    QMetaObject::invokeMethod(
        publisher,
        [publisher, metrics, writeBack] {
            publisher->stop();
            metrics->stop();
            writeBack->stop();
            delete writeBack;
            delete metrics;
            delete publisher;
        },
        Qt::BlockingQueuedConnection);
    delete m_watchers; // waits for its watchers to stop on the network thread
    delete m_damSync;
    delete m_dynamicsSync;
    delete m_zendeskSync;
    delete m_accounts;
    // The pool and its connectors belong to the network thread: end them there, and wait, since
    // they reference the storage and vault that go with this session.
    ConnectorPool* pool = m_pool;
    QMetaObject::invokeMethod(
        pool, [pool] { delete pool; }, Qt::BlockingQueuedConnection);
}

SecretVault& WorkspaceSession::vault()
{
    return *m_vault;
}

AccountsFeed* WorkspaceSession::follow(AccountsModel& model)
{
    auto* feed = new AccountsFeed(*m_storage, model, this);
    feed->reload();
    return feed;
}

} // namespace AssetDesk
