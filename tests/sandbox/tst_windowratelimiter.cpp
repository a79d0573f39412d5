// WindowRateLimiter on the sandbox clock: counting, exhaustion, per-key windows, reset.
#include "sandbox/sandboxclock.h"
#include "sandbox/windowratelimiter.h"

#include <QTest>

using namespace AssetDesk::Sandbox;
using namespace std::chrono_literals;

class TestWindowRateLimiter : public QObject
{
    Q_OBJECT
private slots:
    void countsAndResets()
    {
        SandboxClock clock;
        WindowRateLimiter limiter(clock);
        QCOMPARE(limiter.peek(QStringLiteral("u"), 3, 60s).remaining, 3);
        for (int i = 2; i >= 0; --i) {
            const auto o = limiter.consume(QStringLiteral("u"), 3, 60s);
            QVERIFY(o.allowed);
            QCOMPARE(o.state.remaining, i);
        }
        auto o = limiter.consume(QStringLiteral("u"), 3, 60s);
        QVERIFY(!o.allowed);
        QCOMPARE(o.state.remaining, 0);
        QVERIFY(o.state.secondsUntilReset(clock.now()) >= 59);
        QVERIFY(limiter.consume(QStringLiteral("other"), 3, 60s).allowed); // windows are per key

        clock.advance(59s);
        QVERIFY(!limiter.consume(QStringLiteral("u"), 3, 60s).allowed);
        QCOMPARE(limiter.peek(QStringLiteral("u"), 3, 60s).secondsUntilReset(clock.now()), 1);
        clock.advance(1s);
        o = limiter.consume(QStringLiteral("u"), 3, 60s);
        QVERIFY(o.allowed);
        QCOMPARE(o.state.remaining, 2);
        limiter.reset();
        QCOMPARE(limiter.peek(QStringLiteral("u"), 3, 60s).remaining, 3);
    }

    void clockOffsetMovesNow()
    {
        SandboxClock clock;
        const QDateTime before = clock.now();
        clock.advance(3600s);
        QVERIFY(clock.now() >= before.addSecs(3600));
        QCOMPARE(clock.offset(), std::chrono::milliseconds(3600000));
    }
};

QTEST_GUILESS_MAIN(TestWindowRateLimiter)
#include "tst_windowratelimiter.moc"
