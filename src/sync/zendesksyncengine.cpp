#include "core/whenfinished.h"
#include "sync/zendesksyncengine.h"

#include "connectors/zendesk/zendeskconnector.h"
#include "connectors/zendesk/zendeskhelpdesk.h"
#include "storage/helpdeskrepository.h"
#include "storage/storage.h"
#include "storage/syncstaterepository.h"
#include "storage/ticketrepository.h"
#include "sync/jobcontrol.h"
#include "sync/zendesksyncwriter.h"

#include <QLoggingCategory>

namespace AssetDesk {

namespace {
Q_LOGGING_CATEGORY(lcZendeskSync, "assetdesk.sync.zendesk")
} // namespace

ZendeskSyncEngine::ZendeskSyncEngine(Storage& storage, ZendeskConnector& connector, qint64 accountId, QString label,
                                     QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_connector(connector)
    , m_accountId(accountId)
    , m_label(std::move(label))
{}

void ZendeskSyncEngine::run(const Options& options, std::shared_ptr<JobControl> control, Done done)
{
    Q_ASSERT(!m_done);
    m_options = options;
    m_control = std::move(control);
    m_done = std::move(done);
    m_summary = ZendeskSyncSummary{};
    m_summary.accountId = m_accountId;
    m_summary.accountLabel = m_label;
    m_toWrite.clear();
    m_fetching = m_writing = m_exportDone = false;
    m_knownUsers.clear();
    m_clock.start();
    m_requests = new QObject(this);
    if (m_control)
        m_control->onCancel(this, [this] { fail(Error(ErrorKind::Cancelled, tr("The sync was cancelled; what was stored is kept."))); });

    const Result<std::optional<SyncState>> stored =
        SyncStateRepository(m_storage).get(m_accountId, ZendeskSyncWriter::kTicketsResource);
    if (!stored)
        return fail(stored.error());
    m_fetchPosition = (*stored && !m_options.full) ? ZendeskExportPosition::fromString((*stored)->cursor)
                                                   : ZendeskExportPosition{};
    m_summary.initial = m_fetchPosition.cursor.isEmpty();
    m_summary.resumed = !m_summary.initial;
    if (m_options.organizations)
        syncOrganizations();
    else
        fetchNext();
}

void ZendeskSyncEngine::syncOrganizations()
{
    progress(tr("Organizations…"));
    m_connector.helpdesk().organizations(m_requests, [this](Result<QList<HelpdeskOrganization>> organizations) {
        if (!m_done)
            return;
        if (!organizations)
            return fail(organizations.error());
        m_summary.organizations = organizations->size();
        whenFinished(ZendeskSyncWriter::writeDirectory(m_storage, m_accountId, *organizations), this,
                     [this](Status s) {
                         if (!m_done)
                             return;
                         if (!s)
                             return fail(s.error());
                         fetchNext();
                     });
    });
}

void ZendeskSyncEngine::fetchNext()
{
    if (!m_done || m_fetching || m_exportDone)
        return;
    m_fetching = true;
    progress(tr("Tickets: %1 so far…").arg(m_summary.ticketsSeen));
    m_connector.incremental().page(m_fetchPosition, m_options.perPage, m_requests,
                                   [this](Result<ZendeskIncrementalPage> page) { onPage(std::move(page)); });
}

void ZendeskSyncEngine::onPage(Result<ZendeskIncrementalPage> page)
{
    if (!m_done)
        return;
    if (!page)
        return fail(page.error());
    Prepared prepared;
    prepared.page = std::move(page).value();
    // The export's cursor after an empty last page may be empty: keep the position then.
    prepared.position = prepared.page.afterCursor.isEmpty() ? m_fetchPosition.toString()
                                                            : ZendeskExportPosition{0, prepared.page.afterCursor}.toString();

    // Requesters this cache has not seen: fetched now, written with the page.
    QList<qint64> referenced;
    QSet<qint64> seen;
    for (const Ticket& t : std::as_const(prepared.page.tickets)) {
        if (t.requesterId > 0 && !m_knownUsers.contains(t.requesterId) && !seen.contains(t.requesterId)) {
            seen.insert(t.requesterId);
            referenced << t.requesterId;
        }
    }
    const Result<QSet<qint64>> cached = HelpdeskRepository(m_storage).knownUserIds(m_accountId, referenced);
    if (!cached)
        return fail(cached.error());
    QList<qint64> unknown;
    for (qint64 id : std::as_const(referenced)) {
        m_knownUsers.insert(id); // asked once per run, even if Zendesk does not know it
        if (!cached->contains(id))
            unknown << id;
    }
    if (unknown.isEmpty())
        return queue(std::move(prepared));
    auto shared = std::make_shared<Prepared>(std::move(prepared));
    m_connector.helpdesk().users(unknown, m_requests, [this, shared](Result<QList<HelpdeskUser>> users) {
        if (!m_done)
            return;
        if (!users)
            return fail(users.error());
        m_summary.usersFetched += users->size();
        shared->users = *users;
        queue(std::move(*shared));
    });
}

void ZendeskSyncEngine::queue(Prepared prepared)
{
    m_fetching = false;
    m_summary.pages += 1;
    m_exportDone = prepared.page.endOfStream;
    if (!prepared.page.afterCursor.isEmpty())
        m_fetchPosition = ZendeskExportPosition{0, prepared.page.afterCursor};
    m_toWrite.push_back(std::move(prepared));
    writeNext();
    // One page ahead: fetched while this one is written.
    if (m_toWrite.size() < 2)
        fetchNext();
}

void ZendeskSyncEngine::writeNext()
{
    if (!m_done || m_writing || m_toWrite.empty())
        return;
    m_writing = true;
    Prepared next = std::move(m_toWrite.front());
    m_toWrite.pop_front();
    const qint64 changed = next.page.tickets.size();
    whenFinished(ZendeskSyncWriter::writePage(m_storage, m_accountId, next.page.tickets, next.page.deletedIds,
                                              next.users, next.position),
                 this, [this, changed](Result<ZendeskSyncWriter::PageResult> written) {
                     m_writing = false;
                     if (!m_done)
                         return;
                     if (!written)
                         return fail(written.error());
                     m_summary.ticketsSeen += changed;
                     m_summary.ticketsRemoved += written->removed;
                     m_summary.writeMs += written->writeMs;
                     if (!m_toWrite.empty())
                         return writeNext();
                     if (!m_exportDone)
                         return fetchNext();
                     if (!m_fetching)
                         m_options.views ? syncViews() : finish();
                 });
}

void ZendeskSyncEngine::syncViews()
{
    progress(tr("Views…"));
    m_connector.helpdesk().views(m_requests, [this](Result<QList<ZendeskView>> views) {
        if (!m_done)
            return;
        if (!views)
            return fail(views.error());
        m_summary.views = views->size();
        auto members = std::make_shared<QHash<qint64, QList<qint64>>>();
        auto pending = std::make_shared<QList<ZendeskView>>();
        for (const ZendeskView& v : std::as_const(*views)) {
            if (v.active)
                *pending << v;
        }
        auto all = *views;
        auto step = std::make_shared<std::function<void()>>();
        *step = [this, members, pending, all, weak = std::weak_ptr(step)]() {
            if (pending->isEmpty()) {
                whenFinished(ZendeskSyncWriter::writeViews(m_storage, m_accountId, all, *members), this,
                             [this](Status s) {
                                 if (!m_done)
                                     return;
                                 s ? finish() : fail(s.error());
                             });
                return;
            }
            const ZendeskView view = pending->takeFirst();
            auto self = weak.lock();
            m_connector.helpdesk().viewTicketIds(view.remoteId, m_options.viewPageLimit, m_requests,
                                                 [this, members, view, self](Result<QList<qint64>> ids) {
                if (!m_done)
                    return;
                if (!ids)
                    return fail(ids.error());
                members->insert(view.remoteId, *ids);
                (*self)();
            });
        };
        (*step)();
    });
}

void ZendeskSyncEngine::progress(const QString& status)
{
    if (m_control) {
        m_control->setStatus(status);
        m_control->setProgress(m_summary.ticketsSeen, -1);
    }
}

void ZendeskSyncEngine::fail(const Error& error)
{
    if (!m_done)
        return;
    qCWarning(lcZendeskSync).noquote() << m_label << "sync failed:" << error.toLogString();
    // Abandons the calls in flight; deleteLater: this may run inside a callback it is delivering.
    if (m_requests)
        m_requests->deleteLater();
    m_requests = nullptr;
    m_toWrite.clear();
    Done done = std::exchange(m_done, nullptr);
    done(error);
}

void ZendeskSyncEngine::finish()
{
    if (!m_done)
        return;
    const Result<qint64> total = TicketRepository(m_storage).count(m_accountId);
    m_summary.totalLocal = total ? *total : -1;
    m_summary.elapsedMs = m_clock.elapsed();
    qCInfo(lcZendeskSync).noquote() << m_label << "synced:" << m_summary.ticketsSeen << "tickets," << m_summary.ticketsRemoved
                                    << "removed," << m_summary.pages << "pages in" << m_summary.elapsedMs << "ms";
    if (m_requests)
        m_requests->deleteLater();
    m_requests = nullptr;
    Done done = std::exchange(m_done, nullptr);
    done(m_summary);
}

} // namespace AssetDesk
