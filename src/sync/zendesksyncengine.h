#pragma once

#include "connectors/zendesk/zendeskincremental.h"
#include "core/helpdeskuser.h"
#include "core/result.h"
#include "sync/zendesksyncsummary.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>

#include <deque>
#include <functional>
#include <memory>

namespace AssetDesk {

class JobControl;
class Storage;
class ZendeskConnector;

// Syncs one Zendesk account's tickets into the helpdesk cache through the incremental ticket
// export (zendesk.md §9).
//
// A run: organizations (all, with their fields), then the export from the stored position (the
// first run starts at start_time 0, i.e. every ticket) page by page until end_of_stream. Each
// page is written in one transaction with the users it introduced (requesters not cached yet,
// fetched with users/show_many) and the export cursor after it, so a run killed at any point
// resumes at the first page not committed; tickets are upserted by remote id, so a page seen
// twice changes nothing. Tickets the export marks "deleted" are removed. While a page is written
// the next one is fetched. Last, the views and the tickets each lists (its first
// `viewPageLimit` pages of 100).
//
// Comments are not part of the export and are not fetched here: one request per changed ticket
// would make the first sync of 100,000 tickets cost 100,000 requests (hours at 700/min). They are
// fetched on demand when a ticket is opened (ZendeskSyncService::refreshTicket) and kept with
// the time they were fetched; a ticket updated since then shows them as stale and refetches.
//
// 429 + Retry-After is handled below us: the HttpClient waits as told and repeats the GET. A
// failure after its retries ends the run with the error, keeping every committed page.
// Lives on the connector's (network) thread; `done` runs once, on this thread.
class ZendeskSyncEngine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool full = false;       // start the export again at start_time 0
        int perPage = ZendeskIncremental::kMaxPerPage;
        bool organizations = true;
        bool views = true;
        int viewPageLimit = 10;
    };
    using Done = std::function<void(Result<ZendeskSyncSummary>)>;

    ZendeskSyncEngine(Storage& storage, ZendeskConnector& connector, qint64 accountId, QString label,
                      QObject* parent = nullptr);

    void run(const Options& options, std::shared_ptr<JobControl> control, Done done);
    bool isRunning() const { return static_cast<bool>(m_done); }

private:
    struct Prepared
    {
        ZendeskIncrementalPage page;
        QList<HelpdeskUser> users;
        QString position; // to commit with the page
    };

    void syncOrganizations();
    void fetchNext();
    void onPage(Result<ZendeskIncrementalPage> page);
    void queue(Prepared prepared);
    void writeNext();
    void syncViews();
    void fail(const Error& error);
    void finish();
    void progress(const QString& status);

    Storage& m_storage;
    ZendeskConnector& m_connector;
    const qint64 m_accountId;
    const QString m_label;

    Options m_options;
    std::shared_ptr<JobControl> m_control;
    Done m_done;
    ZendeskSyncSummary m_summary;
    ZendeskExportPosition m_fetchPosition;
    std::deque<Prepared> m_toWrite;
    bool m_fetching = false;
    bool m_writing = false;
    bool m_exportDone = false;
    QSet<qint64> m_knownUsers;   // fetched (or found missing) during this run
    QElapsedTimer m_clock;
    QObject* m_requests = nullptr; // context of the connector calls; deleted to abandon them
};

} // namespace AssetDesk
