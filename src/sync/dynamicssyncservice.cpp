#include "sync/dynamicssyncservice.h"

#include "connectors/dynamics/dynamicsconnector.h"
#include "storage/storage.h"
#include "sync/dynamicssyncengine.h"
#include "sync/jobcontrol.h"

namespace AssetDesk {

DynamicsSyncService::DynamicsSyncService(Storage& storage, ConnectorPool& pool, JobRunner& runner, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_jobs(*this, storage, pool, runner)
{
}

QUuid DynamicsSyncService::sync(const Request& request, Done done)
{
    Storage* storage = &m_storage;
    auto run = [storage, request](ServiceConnector& connector, const QString& label,
                                  const std::shared_ptr<JobControl>& control,
                                  AccountSyncJobs::End<DynamicsSyncSummary> end) {
        auto* dynamics = qobject_cast<DynamicsConnector*>(&connector);
        if (!dynamics)
            return end(Error(ErrorKind::Validation,
                             tr("%1 is not a Dynamics 365 account; only those have a CRM to sync.").arg(label)));
        auto* engine = new DynamicsSyncEngine(*storage, dynamics->webApi(), request.accountId, label, dynamics);
        DynamicsSyncEngine::Options options;
        options.full = request.full;
        options.pageSize = request.pageSize;
        engine->run(options, control, [engine, end](Result<DynamicsSyncSummary> result) {
            engine->deleteLater();
            end(result);
        });
    };
    auto finished = [this, accountId = request.accountId, done](const Result<DynamicsSyncSummary>& result) {
        emit syncFinished(accountId, result);
        if (done)
            done(result);
    };
    return m_jobs.start<DynamicsSyncSummary>(
        request.accountId, {QStringLiteral("crm-sync"), request.full ? tr("Full CRM sync") : tr("CRM sync"), true, true},
        request.full ? tr("Full CRM sync: %1") : tr("CRM sync: %1"), run, finished, [done](const Error& busy) {
            if (done)
                done(busy);
        });
}

} // namespace AssetDesk
