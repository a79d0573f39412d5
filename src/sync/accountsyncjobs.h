#pragma once

#include "core/error.h"
#include "core/result.h"
#include "sync/jobcontrol.h"
#include "sync/jobrunner.h"
#include "sync/syncoutcometext.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>

namespace AssetDesk {

class ConnectorPool;
class JobControl;
class ServiceConnector;
class Storage;

// The frame every account sync (DAM library, CRM, tickets) runs in, so each service only says
// how its engine is set up: one sync per account at a time; a job in the Jobs pane, titled with
// the account's label once it is read; the connector acquired on the pool's (network) thread;
// the job ended exactly once - also when the pool drops the account mid-sync, keeping what was
// stored; the outcome handed back on the owner's thread, and said in the job's details
// (syncOutcomeText of the summary).
//
// Held by value in its owner (a service on the GUI or CLI main thread) and used on that thread.
class AccountSyncJobs
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::AccountSyncJobs)

public:
    template<typename Summary>
    using End = std::function<void(const Result<Summary>&)>;
    // Runs on the pool's thread with the account's connector and label; calls `end` once.
    template<typename Summary>
    using Body = std::function<void(ServiceConnector& connector, const QString& label,
                                    const std::shared_ptr<JobControl>& control, End<Summary> end)>;

    AccountSyncJobs(QObject& owner, Storage& storage, ConnectorPool& pool, JobRunner& runner);

    bool isRunning(qint64 accountId) const { return m_running.contains(accountId); }

    // Starts the job; `finished` runs on the owner's thread when it ends. A second sync of an
    // account already syncing is refused: `refused` gets the Conflict (queued), the id is null.
    // `labelledTitle` has "%1" for the account's label.
    template<typename Summary>
    QUuid start(qint64 accountId, const JobSpec& spec, const QString& labelledTitle, Body<Summary> body,
                std::function<void(const Result<Summary>&)> finished, std::function<void(const Error&)> refused)
    {
        auto fail = [finished](const Error& error) { finished(Result<Summary>(error)); };
        ErasedBody erased = [body = std::move(body), finished](ServiceConnector& connector, const QString& label,
                                                               const std::shared_ptr<JobControl>& control,
                                                               ErasedEnd end) {
            body(connector, label, control, [end, finished, control](const Result<Summary>& result) {
                if (result)
                    control->setStatus(syncOutcomeText(*result));
                end(result ? Status{} : Status(result.error()), [finished, result] { finished(result); });
            });
        };
        return startErased(accountId, spec, labelledTitle, std::move(erased), std::move(fail), std::move(refused));
    }

private:
    // The job's status, and what hands the typed outcome to its owner.
    using ErasedEnd = std::function<void(const Status& status, std::function<void()> deliver)>;
    using ErasedBody = std::function<void(ServiceConnector&, const QString&, const std::shared_ptr<JobControl>&, ErasedEnd)>;

    QUuid startErased(qint64 accountId, const JobSpec& spec, const QString& labelledTitle, ErasedBody body,
                      std::function<void(const Error&)> fail, std::function<void(const Error&)> refused);

    QPointer<QObject> m_owner;
    Storage& m_storage;
    ConnectorPool& m_pool;
    JobRunner& m_runner;
    QSet<qint64> m_running;
};

} // namespace AssetDesk
