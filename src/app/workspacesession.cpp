#include "workspacesession.h"

#include "connectors/connectorcontext.h"
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
#include "sync/xmetricspoller.h"
#include "sync/xpublisher.h"

#include <QJsonDocument>
#include <QSettings>
#include <QThread>

namespace AssetDesk {

namespace {
// What published posts write back into the DAM accounts (archive gallery or collection, iconik
// metadata view, top-performer threshold), per workspace in the settings as JSON, like the
// workspace's other desktop choices. Empty: nothing is written back.
DamWriteBackSettings writeBackSettings(const QString& workspaceId)
{
    const QByteArray json =
        QSettings().value(QStringLiteral("publishing/damWriteBack/") + workspaceId).toByteArray();
    return DamWriteBackSettings::fromJson(QJsonDocument::fromJson(json).object());
}
} // namespace

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
    m_watchers = new DamGalleryWatchers(*m_storage, *m_pool, jobs, this);
    m_derivatives = new DerivativeService(*m_storage, jobs, QString(), this);
    connect(m_pool, &ConnectorPool::credentialsStoreFailed, m_accounts,
            [accounts = m_accounts](qint64, const Error& error) { emit accounts->failed(error); });
    // Created on the network thread so that its timer and its storage continuations run there.
    Storage* storageRef = m_storage.get();
    ConnectorPool* pool = m_pool;
    const DamWriteBackSettings writeBack = writeBackSettings(workspaceId);
    std::shared_ptr<RateBudget> xBudget = connectors.budget(Service::X);
    QMetaObject::invokeMethod(
        pool,
        [this, storageRef, pool, writeBack, xBudget] {
            XPublisher::Options publishing;
            publishing.writeBack = writeBack;
            m_publisher = new XPublisher(*storageRef, *pool, publishing);
            m_metrics = new XMetricsPoller(*storageRef, *pool, xBudget, XMetricsPoller::Options{});
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
