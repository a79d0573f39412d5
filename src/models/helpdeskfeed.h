#pragma once

#include "core/changeset.h"
#include "core/error.h"
#include "core/zendeskview.h"
#include "models/reloadgate.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace AssetDesk {

class Storage;
class TicketQueueModel;

// Keeps the helpdesk queue current for the Zendesk account and view on screen: the account's
// views (viewsLoaded) and the view's tickets (merged into the queue model). Reads on a pool
// thread, never the GUI thread, and again after each committed change to tickets, views,
// organizations or users (whose names the rows show); a change during a read leads to one more
// read after it. View 0 is every cached ticket of the account.
class HelpdeskFeed : public QObject
{
    Q_OBJECT
public:
    // At most this many tickets of a view are listed (a queue is worked from the top): the top
    // in the queue model's order, so the fulfilment queue leads with the same urgent tickets as
    // `assetdesk-cli tickets --urgent-first` however large the cache.
    static constexpr int kMaxTickets = 5000;

    HelpdeskFeed(Storage& storage, TicketQueueModel* queue, QObject* parent = nullptr);

    void show(qint64 accountId, qint64 viewId);
    qint64 accountId() const { return m_accountId; }
    qint64 viewId() const { return m_viewId; }
    void reload();
    // How many tickets of a view are listed: kMaxTickets, unless a test wants fewer.
    int limit() const { return m_limit; }
    void setLimit(int tickets) { m_limit = qMax(1, tickets); }
    bool isLoading() const { return m_reload.isLoading(); }

signals:
    void viewsLoaded(qint64 accountId, const QList<AssetDesk::ZendeskView>& views);
    void loaded();
    void loadFailed(const AssetDesk::Error& error);

private:
    void applyChanges(const ChangeSet& changes);

    Storage& m_storage;
    QPointer<TicketQueueModel> m_queue;
    qint64 m_accountId = 0;
    qint64 m_viewId = 0;
    int m_limit = kMaxTickets;
    ReloadGate m_reload;
    QList<ZendeskView> m_views;
};

} // namespace AssetDesk
