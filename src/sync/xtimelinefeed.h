#pragma once

#include "core/changeset.h"
#include "core/error.h"
#include "core/publishedpost.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace AssetDesk {

class ConnectorPool;
class Storage;

// Keeps the X pane's columns fed from X: for every followed account, the newest page of its own
// posts (with their public metrics) and of its mentions, read through XPosts on the connector
// pool's (network) thread every interval, and again soon after a post of the workspace was
// published (a Post change), so a new post's counters follow it into its column.
//
// Rate budget (x.md §7, per user per 15 min): timeline 900, mentions 300 requests. One refresh is
// one request of each, so the interval is held at or above kMinimumInterval (5 s: 180 per window,
// well inside both); the connector's RateBudget still waits out a window that another reader (the
// metrics poller) exhausted. At most one refresh per account is in flight.
//
// Lives on the GUI thread (or a CLI's main thread) and never blocks it; results arrive as signals
// there.
class XTimelineFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kMinimumInterval{5000};

    XTimelineFeed(Storage& storage, ConnectorPool& pool, QObject* parent = nullptr);
    ~XTimelineFeed() override;

    // For accounts followed from now on, and those already followed at their next refresh.
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    // How many posts and mentions each refresh reads (X allows 5..100).
    void setPageSize(int posts) { m_pageSize = posts; }

    // Refreshes the account now and then every interval until unfollow().
    void follow(qint64 accountId);
    void unfollow(qint64 accountId);
    bool isFollowing(qint64 accountId) const { return m_accounts.contains(accountId); }
    // Now, unless a refresh of the account is in flight (then once more right after it).
    void refresh(qint64 accountId);

signals:
    // Newest first, as X returned them.
    void postsFetched(qint64 accountId, const QList<AssetDesk::PublishedPost>& posts);
    void mentionsFetched(qint64 accountId, const QList<AssetDesk::PublishedPost>& posts);
    // One read failed; the next interval tries again.
    void fetchFailed(qint64 accountId, const AssetDesk::Error& error);

private:
    struct Followed;
    void applyChanges(const ChangeSet& changes);
    void fetch(qint64 accountId);
    void finished(qint64 accountId);

    Storage& m_storage;
    ConnectorPool& m_pool;
    std::chrono::milliseconds m_interval{30000};
    int m_pageSize = 50;
    QHash<qint64, std::shared_ptr<Followed>> m_accounts;
    QTimer m_changedDebounce;
};

} // namespace AssetDesk
