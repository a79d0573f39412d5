#include "sync/attachservice.h"

#include "core/whenfinished.h"
#include "sync/attachjob.h"
#include "sync/connectorpool.h"
#include "sync/jobcontrol.h"
#include "sync/jobrunner.h"

#include <utility>

namespace AssetDesk {

AttachService::AttachService(Storage& storage, ConnectorPool& pool, JobRunner& runner, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
    , m_runner(runner)
{
    qRegisterMetaType<AttachOutcome>();
    qRegisterMetaType<AttachTarget>();
}

QString AttachService::jobTitle(const AttachRequest& request)
{
    const int n = int(request.assetIds.size());
    switch (request.target.kind) {
    case AttachTarget::Kind::Ticket:
        return tr("Attach %n asset(s) to ticket %1", nullptr, n).arg(request.target.label);
    case AttachTarget::Kind::Case:
        return tr("Attach %n asset(s) to case %1", nullptr, n).arg(request.target.label);
    case AttachTarget::Kind::CrmAccount:
    case AttachTarget::Kind::Opportunity:
        break;
    }
    return tr("Associate %n asset(s) with %1", nullptr, n).arg(request.target.label);
}

QUuid AttachService::attach(const AttachRequest& request, Done done)
{
    JobSpec spec;
    spec.kind = QStringLiteral("attach");
    spec.title = jobTitle(request);
    spec.cancellable = true;
    spec.retryable = false; // see the class comment
    Storage* storage = &m_storage;
    ConnectorPool* pool = &m_pool;
    QThreadPool* workers = m_runner.pool();
    // The job's outcome, back on this object's thread and never after it is gone.
    using Outcome = std::pair<QUuid, Result<AttachOutcome>>;
    const auto reportBack =
        replyOn<Outcome>(this, [this, done, target = request.target](const Outcome& outcome) {
            const auto& [id, result] = outcome;
            if (result)
                emit attached(id, *result);
            else
                emit attachFailed(id, target, result.error());
            if (done)
                done(result);
        });
    return m_runner.start(
        spec, pool, [storage, pool, workers, request, reportBack](std::shared_ptr<JobControl> control) {
            auto report = [reportBack, id = control->id()](const Result<AttachOutcome>& result) {
                reportBack({id, result});
            };
            auto* job = new AttachJob(*storage, *pool, *workers, request, control, report);
            job->start();
        });
}

} // namespace AssetDesk
