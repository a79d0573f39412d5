#include "models/helpdeskfeed.h"

#include "core/result.h"
#include "core/whenfinished.h"
#include "models/ticketqueuemodel.h"
#include "storage/storage.h"
#include "storage/ticketrepository.h"

#include <QtConcurrent>

namespace AssetDesk {

namespace {
struct QueueData
{
    qint64 accountId = 0;
    qint64 viewId = 0;
    QList<ZendeskView> views;
    QList<Ticket> tickets;
};
} // namespace

HelpdeskFeed::HelpdeskFeed(Storage& storage, TicketQueueModel* queue, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_queue(queue)
{
    connect(&storage, &Storage::changed, this, &HelpdeskFeed::applyChanges);
    // Which tickets make the capped list depends on the order: read again.
    if (queue)
        connect(queue, &TicketQueueModel::orderChanged, this, &HelpdeskFeed::reload);
}

void HelpdeskFeed::show(qint64 accountId, qint64 viewId)
{
    if (accountId != m_accountId) {
        // Another account's tickets and views are not this one's.
        if (m_queue)
            m_queue->clear();
        m_views.clear();
    }
    m_accountId = accountId;
    m_viewId = viewId;
    reload();
}

void HelpdeskFeed::reload()
{
    if (m_reload.deferIfLoading())
        return;
    if (m_accountId <= 0)
        return;
    m_reload.start();
    Storage* storage = &m_storage;
    const qint64 accountId = m_accountId;
    const qint64 viewId = m_viewId;
    const TicketQuery::Sort sort = m_queue && m_queue->order() == TicketQueueModel::Order::Fulfilment
        ? TicketQuery::Sort::UrgentFirst
        : TicketQuery::Sort::UpdatedNewest;
    const int limit = m_limit;
    whenFinished(QtConcurrent::run([storage, accountId, viewId, sort, limit]() -> Result<QueueData> {
                     const TicketRepository tickets(*storage);
                     QueueData data{accountId, viewId, {}, {}};
                     Result<QList<ZendeskView>> views = tickets.views(accountId);
                     if (!views)
                         return views.error();
                     data.views = std::move(views).value();
                     TicketQuery query;
                     query.viewId = viewId;
                     query.limit = limit;
                     query.sort = sort;
                     Result<QList<Ticket>> rows = tickets.tickets(accountId, query);
                     if (!rows)
                         return rows.error();
                     data.tickets = std::move(rows).value();
                     return data;
                 }),
                 this, [this](const Result<QueueData>& data) {
                     if (m_reload.end())
                         reload();
                     if (!data) {
                         emit loadFailed(data.error());
                         return;
                     }
                     // A read for an account or view no longer shown is dropped (the next one is under way).
                     if (data->accountId != m_accountId || data->viewId != m_viewId)
                         return;
                     if (data->views != m_views || m_views.isEmpty()) {
                         m_views = data->views;
                         emit viewsLoaded(data->accountId, data->views);
                     }
                     if (m_queue)
                         m_queue->setTickets(data->tickets);
                     emit loaded();
                 });
}

void HelpdeskFeed::applyChanges(const ChangeSet& changes)
{
    for (EntityKind kind : {EntityKind::Ticket, EntityKind::TicketView, EntityKind::HelpdeskOrganization,
                            EntityKind::HelpdeskUser}) {
        if (changes.touches(kind)) {
            reload();
            return;
        }
    }
}

} // namespace AssetDesk
