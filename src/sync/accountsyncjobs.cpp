#include "sync/accountsyncjobs.h"

#include "connectors/serviceconnector.h"
#include "core/whenfinished.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "sync/connectorpool.h"
#include "sync/jobcontrol.h"

namespace AssetDesk {

AccountSyncJobs::AccountSyncJobs(QObject& owner, Storage& storage, ConnectorPool& pool, JobRunner& runner)
    : m_owner(&owner)
    , m_storage(storage)
    , m_pool(pool)
    , m_runner(runner)
{}

QUuid AccountSyncJobs::startErased(qint64 accountId, const JobSpec& spec, const QString& labelledTitle,
                                   ErasedBody body, std::function<void(const Error&)> fail,
                                   std::function<void(const Error&)> refused)
{
    if (m_running.contains(accountId)) {
        const Error busy(ErrorKind::Conflict,
                         tr("This account is already being synced."));
        if (refused)
            QMetaObject::invokeMethod(m_owner.data(), [refused, busy] { refused(busy); }, Qt::QueuedConnection);
        return {};
    }
    m_running.insert(accountId);
    // Back on the owner's thread (and never after it is gone): the account may sync again, then
    // the owner hears the outcome. The frame is a member of its owner, so a live owner means a
    // live frame.
    const auto deliver = replyOn<std::function<void()>>(
        m_owner.data(), [running = &m_running, accountId](const std::function<void()>& handOver) {
            running->remove(accountId);
            handOver();
        });
    Storage* storage = &m_storage;
    ConnectorPool* pool = &m_pool;
    return m_runner.start(spec, pool, [storage, pool, accountId, labelledTitle, body, fail,
                                       deliver](std::shared_ptr<JobControl> control) {
        QString label = QString::number(accountId);
        const Result<std::optional<Account>> stored = AccountRepository(*storage).get(accountId);
        if (stored && stored->has_value()) {
            label = (*stored)->label;
            control->setTitle(labelledTitle.arg(label));
        }
        pool->acquire(accountId, [pool, body, fail, deliver, control, label](Result<ServiceConnector*> acquired) {
            if (!acquired) {
                control->finish(acquired.error());
                return deliver([fail, error = acquired.error()] { fail(error); });
            }
            ServiceConnector* connector = *acquired;
            // The engine belongs to the connector. If the pool drops the account meanwhile, this
            // watch goes with it and ends the job; when the job ends first, the watch goes.
            QPointer<QObject> watch = new QObject(connector);
            auto ended = std::make_shared<bool>(false);
            ErasedEnd end = [control, deliver, ended, watch](const Status& status, std::function<void()> handOver) {
                if (std::exchange(*ended, true))
                    return;
                control->finish(status);
                deliver(std::move(handOver));
                if (watch)
                    watch->deleteLater();
            };
            QObject::connect(watch.data(), &QObject::destroyed, pool, [end, fail] {
                const Error cancelled(ErrorKind::Cancelled,
                                      tr("The account changed during the sync; what was stored is kept."));
                end(cancelled, [fail, cancelled] { fail(cancelled); });
            });
            body(*connector, label, control, end);
        });
    });
}

} // namespace AssetDesk
