// PendingShow: a row named from elsewhere is shown at once when its pane lists it, else after the
// feed's reads; one more read after a miss, then a reason; a newer request ends the older wait.
#include "pendingshow.h"

#include <QObject>
#include <QTest>

using namespace AssetDesk;

namespace {
// A feed as the panes have them: a read under way, and loaded() when it ends.
class FakeFeed : public QObject
{
    Q_OBJECT
public:
    bool isLoading() const { return m_loading; }
    void reload()
    {
        ++reloads;
        m_loading = true;
    }
    void finishRead()
    {
        m_loading = false;
        emit loaded();
    }

    int reloads = 0;

signals:
    void loaded();

private:
    bool m_loading = false;
};
} // namespace

class TestPendingShow : public QObject
{
    Q_OBJECT
private slots:
    void listedRowIsShownAtOnce()
    {
        FakeFeed feed;
        PendingShow pending;
        int tries = 0;
        int gaveUp = 0;
        pending.start(&feed, this, [&] { return ++tries > 0; }, PendingShow::readAgainOnce(&feed, [&] { ++gaveUp; }));
        QCOMPARE(tries, 1);
        QCOMPARE(feed.reloads, 0);
        feed.finishRead();
        QCOMPARE(tries, 1); // not waiting any more
        QCOMPARE(gaveUp, 0);
    }

    // A read under way is waited for; the row it brings is shown, and later reads change nothing.
    void aReadUnderWayIsWaitedFor()
    {
        FakeFeed feed;
        feed.reload();
        PendingShow pending;
        bool listed = false;
        int tries = 0;
        pending.start(&feed, this, [&] { ++tries; return listed; }, PendingShow::readAgainOnce(&feed, [] {}));
        QCOMPARE(tries, 0); // not before the read ends
        listed = true;
        feed.finishRead();
        QCOMPARE(tries, 1);
        QCOMPARE(feed.reloads, 1); // only the test's own
        feed.finishRead();
        QCOMPARE(tries, 1);
    }

    // Missing after a read: one more read (the first may have started before the row was stored),
    // then the reason, once.
    void oneMoreReadThenTheReason()
    {
        FakeFeed feed;
        PendingShow pending;
        int tries = 0;
        int gaveUp = 0;
        pending.start(&feed, this, [&] { ++tries; return false; }, PendingShow::readAgainOnce(&feed, [&] { ++gaveUp; }));
        QCOMPARE(tries, 1);
        QCOMPARE(feed.reloads, 1);
        QVERIFY(feed.isLoading());
        feed.finishRead();
        QCOMPARE(tries, 2);
        QCOMPARE(gaveUp, 1);
        QCOMPARE(feed.reloads, 1);
        feed.finishRead();
        QCOMPARE(tries, 2);
        QCOMPARE(gaveUp, 1);
    }

    // `next` may start something else that lists the row (another view) and keep waiting.
    void nextDecidesWhatToReadNext()
    {
        FakeFeed feed;
        PendingShow pending;
        QList<int> misses;
        bool listed = false;
        pending.start(&feed, this, [&] { return listed; }, [&](int miss) {
            misses << miss;
            feed.reload();
            return miss < 3;
        });
        feed.finishRead();
        feed.finishRead(); // the third miss gives up
        feed.finishRead();
        QCOMPARE(misses, (QList<int>{1, 2, 3}));
        listed = true;
        feed.finishRead();
        QCOMPARE(misses.size(), 3);
    }

    // A newer request (another row double-clicked) ends the older wait; so does cancel().
    void aNewerRequestEndsTheOlderWait()
    {
        FakeFeed feed;
        feed.reload();
        PendingShow pending;
        int first = 0;
        int second = 0;
        pending.start(&feed, this, [&] { ++first; return true; }, [](int) { return true; });
        pending.start(&feed, this, [&] { ++second; return true; }, [](int) { return true; });
        feed.finishRead();
        QCOMPARE(first, 0);
        QCOMPARE(second, 1);
        feed.reload();
        pending.start(&feed, this, [&] { ++second; return true; }, [](int) { return true; });
        pending.cancel();
        feed.finishRead();
        QCOMPARE(second, 1);
    }
};

QTEST_GUILESS_MAIN(TestPendingShow)
#include "tst_pendingshow.moc"
