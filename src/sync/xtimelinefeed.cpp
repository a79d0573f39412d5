#include "sync/xtimelinefeed.h"

#include "connectors/x/xconnector.h"
#include "connectors/x/xposts.h"
#include "net/contextrelay.h"
#include "storage/storage.h"
#include "sync/connectorpool.h"

#include <QLoggingCategory>

#include <algorithm>

namespace AssetDesk {

namespace {
Q_LOGGING_CATEGORY(lcTimeline, "assetdesk.sync.xtimeline")

// What one refresh read, carried back to the feed's thread in one piece.
struct Fetched
{
    std::optional<Result<XPostPage>> posts;
    std::optional<Result<XPostPage>> mentions;
};
} // namespace

struct XTimelineFeed::Followed
{
    QTimer timer;
    bool busy = false;
    bool again = false;
};

XTimelineFeed::XTimelineFeed(Storage& storage, ConnectorPool& pool, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_pool(pool)
{
    // A publish commits the post and its job in one write, then the metrics poller may follow:
    // one refresh for a burst of changes.
    m_changedDebounce.setSingleShot(true);
    m_changedDebounce.setInterval(300);
    connect(&m_changedDebounce, &QTimer::timeout, this, [this] {
        for (auto it = m_accounts.cbegin(); it != m_accounts.cend(); ++it)
            refresh(it.key());
    });
    connect(&m_storage, &Storage::changed, this, &XTimelineFeed::applyChanges);
}

XTimelineFeed::~XTimelineFeed() = default;

void XTimelineFeed::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, kMinimumInterval);
    for (const std::shared_ptr<Followed>& followed : std::as_const(m_accounts))
        followed->timer.setInterval(m_interval);
}

void XTimelineFeed::follow(qint64 accountId)
{
    if (m_accounts.contains(accountId))
        return;
    auto followed = std::make_shared<Followed>();
    followed->timer.setInterval(m_interval);
    connect(&followed->timer, &QTimer::timeout, this, [this, accountId] { refresh(accountId); });
    followed->timer.start();
    m_accounts.insert(accountId, followed);
    refresh(accountId);
}

void XTimelineFeed::unfollow(qint64 accountId)
{
    // A refresh in flight still lands in finished(), which finds the account gone.
    m_accounts.remove(accountId);
}

void XTimelineFeed::refresh(qint64 accountId)
{
    const std::shared_ptr<Followed> followed = m_accounts.value(accountId);
    if (!followed)
        return;
    if (followed->busy) {
        followed->again = true;
        return;
    }
    followed->busy = true;
    fetch(accountId);
}

void XTimelineFeed::applyChanges(const ChangeSet& changes)
{
    if (changes.touches(EntityKind::Post) && !m_accounts.isEmpty())
        m_changedDebounce.start();
}

void XTimelineFeed::fetch(qint64 accountId)
{
    XTimelineQuery query;
    query.maxResults = std::clamp(m_pageSize, 5, 100);
    ConnectorPool* pool = &m_pool;
    std::shared_ptr<ContextRelay> relay = ContextRelay::create(this);
    // Delivered once, when both reads answered or the connector went away (its account changed
    // or was removed; then the reads never answer and their context dies with the connector).
    auto fetched = std::make_shared<Fetched>();
    auto deliver = [this, relay, fetched, accountId] {
        relay->post([this, fetched, accountId] {
            for (const auto* read : {&fetched->posts, &fetched->mentions}) {
                if (*read && !**read)
                    qCDebug(lcTimeline) << "reading account" << accountId << "failed:" << (*read)->error().toLogString();
            }
            if (fetched->posts && !*fetched->posts)
                emit fetchFailed(accountId, fetched->posts->error());
            else if (fetched->posts && m_accounts.contains(accountId))
                emit postsFetched(accountId, (*fetched->posts)->posts);
            if (fetched->mentions && !*fetched->mentions)
                emit fetchFailed(accountId, fetched->mentions->error());
            else if (fetched->mentions && m_accounts.contains(accountId))
                emit mentionsFetched(accountId, (*fetched->mentions)->posts);
            finished(accountId);
        });
    };
    QMetaObject::invokeMethod(pool, [pool, accountId, query, fetched, deliver] {
        pool->acquire(accountId, [pool, query, fetched, deliver](Result<ServiceConnector*> connector) {
            if (!connector) {
                fetched->posts = connector.error();
                deliver();
                return;
            }
            auto* x = qobject_cast<XConnector*>(connector.value());
            if (!x) {
                fetched->posts = Error(ErrorKind::Validation, tr("This account is not an X account."));
                deliver();
                return;
            }
            // Owned by the connector, so the reads end with it; its destruction is the one place
            // that delivers, whether both reads answered (then it is deleted) or not.
            auto* context = new QObject(x);
            QObject::connect(context, &QObject::destroyed, pool, [deliver] { deliver(); });
            auto answered = [fetched, context] {
                if (fetched->posts && fetched->mentions)
                    context->deleteLater();
            };
            x->posts().timeline(query, context, [fetched, answered](Result<XPostPage> page) {
                fetched->posts = std::move(page);
                answered();
            });
            x->posts().mentions(query, context, [fetched, answered](Result<XPostPage> page) {
                fetched->mentions = std::move(page);
                answered();
            });
        });
    });
}

void XTimelineFeed::finished(qint64 accountId)
{
    const std::shared_ptr<Followed> followed = m_accounts.value(accountId);
    if (!followed)
        return;
    followed->busy = false;
    if (std::exchange(followed->again, false))
        refresh(accountId);
}

} // namespace AssetDesk
