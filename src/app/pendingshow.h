#pragma once

#include <QObject>

#include <functional>
#include <memory>

namespace AssetDesk {

// Shows a row that a pane may not list yet: a post, ticket or record named from elsewhere (the
// library's "Where used"). The pane's feed reads on a pool thread, so the row can be missing
// because a read is under way, because the row came after the last read, or because another
// account or view is shown.
//
// start() tries `show` at once unless the feed is reading, and otherwise after each of the feed's
// reads (its loaded() signal). After every miss it calls `next(misses)`, which starts whatever
// should list the row (another read, another view) and returns true to keep waiting, or says why
// the row cannot be shown and returns false. A newer start() or cancel() ends the wait.
class PendingShow
{
public:
    PendingShow() = default;
    PendingShow(const PendingShow&) = delete;
    PendingShow& operator=(const PendingShow&) = delete;
    ~PendingShow() { cancel(); }

    template<typename Feed>
    void start(Feed* feed, QObject* context, std::function<bool()> show, std::function<bool(int misses)> next)
    {
        cancel();
        if (!feed->isLoading() && show())
            return;
        auto connection = std::make_shared<QMetaObject::Connection>();
        auto misses = std::make_shared<int>(0);
        m_connection = connection;
        *connection = QObject::connect(feed, &Feed::loaded, context, [connection, misses, show, next] {
            if (show() || !next(++*misses))
                QObject::disconnect(*connection);
        });
        // Tried above, and missed.
        if (!feed->isLoading() && !next(++*misses))
            cancel();
    }

    // The usual `next`: one more read after the first miss (a read under way may predate the
    // row), then `giveUp()`, which says why the row cannot be shown.
    template <typename Feed>
    static std::function<bool(int misses)> readAgainOnce(Feed* feed, std::function<void()> giveUp)
    {
        return [feed, giveUp](int misses) {
            if (misses < 2) {
                feed->reload();
                return true;
            }
            giveUp();
            return false;
        };
    }

    void cancel()
    {
        if (m_connection)
            QObject::disconnect(*m_connection);
        m_connection.reset();
    }

private:
    std::shared_ptr<QMetaObject::Connection> m_connection;
};

} // namespace AssetDesk
