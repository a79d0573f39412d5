#pragma once

#include "connectors/dynamics/dynamicsentity.h"
#include "connectors/dynamics/dynamicspage.h"
#include "core/result.h"
#include "sync/dynamicssyncsummary.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace AssetDesk {

class DynamicsWebApi;
class JobControl;
class Storage;

// Syncs the CRM cache of one Dynamics 365 account, table by table (DynamicsEntities order), with
// change tracking (dynamics.md §7):
//   - first run, `full`, or an expired delta token: the table is read in full with
//     Prefer: odata.track-changes, page by page (odata.maxpagesize, @odata.nextLink); the last
//     page brings the @odata.deltaLink, and local rows no page showed are removed;
//   - later runs GET the stored delta link: changed rows are upserted, $deletedEntity rows removed.
// Each page is written in one transaction; the delta link is saved with the table's last page,
// never before its rows, so a run that fails or is killed midway repeats the round next time
// (upserts are idempotent) instead of skipping changes. 429 + Retry-After and transient errors
// are retried by the HttpClient; a page that still fails ends the run with that error, keeping
// the tables and pages already written. Rows that cannot be read are skipped and reported.
// An organization without the event-management solution (404 on msevtmgt_events) syncs the rest.
//
// Lives on the connector's (network) thread; writes run on the writer thread and come back.
class DynamicsSyncEngine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool full = false;
        int pageSize = 500;
        QList<DynamicsEntity> entities; // empty: every table
    };
    using Done = std::function<void(Result<DynamicsSyncSummary>)>;

    DynamicsSyncEngine(Storage& storage, DynamicsWebApi& api, qint64 accountId, QString label,
                       QObject* parent = nullptr);

    // `control` may be null (tests, CLI); cancelling stops after the page being written.
    void run(const Options& options, std::shared_ptr<JobControl> control, Done done);
    bool isRunning() const { return static_cast<bool>(m_done); }

private:
    void nextTable();
    void startTable(bool full);
    void fetch(const QUrl& url);
    void onPage(Result<DynamicsPage> page);
    void fail(const Error& error);
    void finish(const Result<DynamicsSyncSummary>& result);

    Storage& m_storage;
    DynamicsWebApi& m_api;
    qint64 m_accountId;
    Options m_options;
    std::shared_ptr<JobControl> m_control;
    Done m_done;
    DynamicsSyncSummary m_summary;
    QElapsedTimer m_clock;
    int m_index = -1;        // into m_options.entities
    bool m_full = false;     // the table in progress is read in full
    QSet<QString> m_seen;    // remote ids of the full read in progress
};

} // namespace AssetDesk
