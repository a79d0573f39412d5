#include "sync/dynamicssyncservice.h"

#include "connectors/dynamics/dynamicsconnector.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "sync/connectorpool.h"
#include "sync/dynamicssyncengine.h"
#include "sync/jobcontrol.h"
#include "sync/jobrunner.h"

#include <QPointer>

namespace AssetDesk {

DynamicsSyncService::DynamicsSyncService(Storage& storage, ConnectorPool& pool, JobRunner& runner, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
    , m_runner(runner)
{
}

QUuid DynamicsSyncService::sync(const Request& request, Done done)
{
    if (m_running.contains(request.accountId)) {
        const Error busy(ErrorKind::Conflict, tr("This account is already being synced."));
        if (done)
            QMetaObject::invokeMethod(this, [done, busy] { done(busy); }, Qt::QueuedConnection);
        return {};
    }
    m_running.insert(request.accountId);
    QPointer<DynamicsSyncService> self(this);
    Storage* storage = &m_storage;
    ConnectorPool* pool = &m_pool;
    auto report = [self, done, accountId = request.accountId](const Result<DynamicsSyncSummary>& result) {
        QMetaObject::invokeMethod(self.data(), [self, done, accountId, result] {
            if (self)
                self->finished(accountId, result, done);
        });
    };
    return m_runner.start(
        {QStringLiteral("crm-sync"), request.full ? tr("Full CRM sync") : tr("CRM sync"), true, true}, pool,
        [storage, pool, request, report](std::shared_ptr<JobControl> control) {
            QString label = QString::number(request.accountId);
            const Result<std::optional<Account>> stored = AccountRepository(*storage).get(request.accountId);
            if (stored && stored->has_value()) {
                label = (*stored)->label;
                control->setTitle((request.full ? tr("Full CRM sync: %1") : tr("CRM sync: %1")).arg(label));
            }
            pool->acquire(request.accountId, [storage, pool, request, report, control,
                                              label](Result<ServiceConnector*> acquired) {
                auto ended = std::make_shared<bool>(false);
                auto end = [control, report, ended](const Result<DynamicsSyncSummary>& result) {
                    if (std::exchange(*ended, true))
                        return;
                    control->finish(result ? Status{} : Status(result.error()));
                    report(result);
                };
                if (!acquired)
                    return end(acquired.error());
                QPointer<ServiceConnector> connector = *acquired;
                auto* dynamics = qobject_cast<DynamicsConnector*>(connector.data());
                if (!dynamics)
                    return end(Error(ErrorKind::Validation,
                                     tr("%1 is not a Dynamics 365 account; only those have a CRM to sync.").arg(label)));
                // Owned by the connector: it goes with it if the pool drops the account meanwhile.
                auto* engine = new DynamicsSyncEngine(*storage, dynamics->webApi(), request.accountId, label, dynamics);
                QObject::connect(dynamics, &QObject::destroyed, pool, [end, watched = QPointer(engine)]() {
                    if (watched && watched->isRunning())
                        end(Error(ErrorKind::Cancelled,
                                  tr("The account changed during the sync; what was stored is kept.")));
                });
                DynamicsSyncEngine::Options options;
                options.full = request.full;
                options.pageSize = request.pageSize;
                engine->run(options, control, [engine, end](Result<DynamicsSyncSummary> result) {
                    engine->deleteLater();
                    end(result);
                });
            });
        });
}

void DynamicsSyncService::finished(qint64 accountId, const Result<DynamicsSyncSummary>& result, const Done& done)
{
    m_running.remove(accountId);
    emit syncFinished(accountId, result);
    if (done)
        done(result);
}

} // namespace AssetDesk
