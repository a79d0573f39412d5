#include "net/ratebudget.h"

#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;

namespace {

HttpResponse answer(int status, const HttpHeaders& headers)
{
    HttpResponse r;
    r.status = status;
    r.headers = headers;
    return r;
}

RateBudget::Options options(const NetClock& clock, int maxConcurrent = 4, bool perEndpoint = false)
{
    RateBudget::Options o;
    o.serviceId = QStringLiteral("x");
    o.serviceName = QStringLiteral("X");
    o.maxConcurrent = maxConcurrent;
    o.perEndpointBuckets = perEndpoint;
    o.clock = clock;
    return o;
}

} // namespace

class TestRateBudget : public QObject
{
    Q_OBJECT
private slots:
    void bucketNames_data()
    {
        QTest::addColumn<bool>("perEndpoint");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("explicitBucket");
        QTest::addColumn<QString>("bucket");
        QTest::newRow("service-wide") << false << "GET"
                                      << "https://z.example/api/v2/tickets/5"
                                      << ""
                                      << "*";
        QTest::newRow("explicit") << false << "GET"
                                  << "https://z.example/api/v2/search/export"
                                  << "export"
                                  << "export";
        QTest::newRow("x timeline") << true << "GET"
                                    << "https://api.x.com/2/users/1460323737035677698/tweets"
                                    << ""
                                    << "GET /2/users/{id}/tweets";
        QTest::newRow("x post") << true << "POST"
                                << "https://api.x.com/2/tweets"
                                << ""
                                << "POST /2/tweets";
        QTest::newRow("x delete") << true << "DELETE"
                                  << "https://api.x.com/2/tweets/1460323737035677698"
                                  << ""
                                  << "DELETE /2/tweets/{id}";
        QTest::newRow("uuid")
            << true << "GET"
            << "https://app.iconik.io/API/assets/v1/assets/1b2c3d4e-0000-4a4a-9b9b-123456789abc/"
            << ""
            << "GET /API/assets/v1/assets/{id}/";
        QTest::newRow("version kept") << true << "GET"
                                      << "https://ps.example/psapi/v4.0/media/M0000abc123"
                                      << ""
                                      << "GET /psapi/v4.0/media/{id}";
    }
    void bucketNames()
    {
        QFETCH(bool, perEndpoint);
        QFETCH(QString, method);
        QFETCH(QString, url);
        QFETCH(QString, explicitBucket);
        QFETCH(QString, bucket);
        RateBudget budget(options(NetClock(), 4, perEndpoint));
        HttpRequest request = HttpRequest::get(QUrl(url));
        request.method = method.toLatin1();
        request.rateBucket = explicitBucket;
        QCOMPARE(budget.bucketFor(request), bucket);
    }

    void concurrencyCapWithoutAnyInformation()
    {
        RateBudget budget(options(NetClock(), 3));
        QSignalSpy freed(&budget, &RateBudget::slotFreed);
        for (int i = 0; i < 3; ++i)
            QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        const RateBudget::Decision fourth = budget.acquire(QStringLiteral("*"));
        QVERIFY(!fourth.granted);
        QCOMPARE(fourth.retryAtMs, 0); // wait for a slot, not for a time
        budget.release(QStringLiteral("*"), {}, 200);
        QCOMPARE(freed.count(), 1);
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        QCOMPARE(budget.inFlight(), 3);
    }

    void exhaustedWindowWaitsForReset()
    {
        const NetClock clock = NetClock::accelerated(100);
        RateBudget budget(options(clock));
        QSignalSpy status(&budget, &RateBudget::statusChanged);
        const qint64 resetSeconds = clock.nowMs() / 1000 + 3;
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        budget.release(QStringLiteral("*"),
                       RateLimitInfo::fromResponse(
                           answer(200, {{"x-rate-limit-limit", "2"},
                                        {"x-rate-limit-remaining", "0"},
                                        {"x-rate-limit-reset", QByteArray::number(resetSeconds)}}),
                           clock),
                       200);
        const RateBudget::Decision refused = budget.acquire(QStringLiteral("*"));
        QVERIFY(!refused.granted);
        QCOMPARE(refused.retryAtMs, resetSeconds * 1000);
        QVERIFY2(refused.status.startsWith(QStringLiteral("Waiting ")) &&
                     refused.status.endsWith(QStringLiteral("s for the X rate limit")),
                 qPrintable(refused.status));
        QCOMPARE(status.count(), 1);
        QCOMPARE(budget.statusText(), refused.status);

        // After the reset the full limit (2) is available again, and no more.
        QTRY_VERIFY_WITH_TIMEOUT(clock.nowMs() >= resetSeconds * 1000, 1000);
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        QVERIFY(!budget.acquire(QStringLiteral("*")).granted);
        QVERIFY(budget.statusText().isEmpty());
    }

    void remainingCountsRequestsInFlight()
    {
        RateBudget budget(options(NetClock(), 10));
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        budget.release(
            QStringLiteral("*"),
            RateLimitInfo::fromResponse(
                answer(200, {{"X-Rate-Limit", "700"}, {"X-Rate-Limit-Remaining", "2"}}), NetClock()),
            200);
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        const RateBudget::Decision third = budget.acquire(QStringLiteral("*"));
        QVERIFY(!third.granted);
        QCOMPARE(third.retryAtMs, 0); // the answers in flight will tell what is left
    }

    void retryAfterBlocksThenOneAtATime()
    {
        const NetClock clock = NetClock::accelerated(100);
        RateBudget budget(options(clock));
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        budget.release(QStringLiteral("*"),
                       RateLimitInfo::fromResponse(answer(429, {{"Retry-After", "2"}}), clock), 429);
        const RateBudget::Decision blocked = budget.acquire(QStringLiteral("*"));
        QVERIFY(!blocked.granted);
        QVERIFY(blocked.retryAtMs >= clock.nowMs() + 1000);
        QVERIFY(budget.blockedUntilMs(QStringLiteral("*")).has_value());

        budget.release(QStringLiteral("*"), {}, 0); // the other request failed without an answer
        QTRY_VERIFY_WITH_TIMEOUT(clock.nowMs() >= blocked.retryAtMs, 1000);
        // After a 429 the service is probed with one request at a time...
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        QVERIFY(!budget.acquire(QStringLiteral("*")).granted);
        // ...until it answers normally again.
        budget.release(QStringLiteral("*"), {}, 200);
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
        QVERIFY(budget.acquire(QStringLiteral("*")).granted);
    }

    void bucketsAreIndependent()
    {
        const NetClock clock = NetClock::accelerated(1.0);
        RateBudget budget(options(clock, 10, true));
        const QString timeline = QStringLiteral("GET /2/users/{id}/tweets");
        const QString lookup = QStringLiteral("GET /2/tweets");
        QVERIFY(budget.acquire(timeline).granted);
        budget.release(
            timeline,
            RateLimitInfo::fromResponse(
                answer(200, {{"x-rate-limit-limit", "900"},
                             {"x-rate-limit-remaining", "0"},
                             {"x-rate-limit-reset", QByteArray::number(clock.nowMs() / 1000 + 600)}}),
                clock),
            200);
        QVERIFY(!budget.acquire(timeline).granted);
        QVERIFY(budget.acquire(lookup).granted);
    }

    void waitTexts_data()
    {
        QTest::addColumn<qint64>("waitMs");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds round up")
            << qint64(11200) << QStringLiteral("Waiting 12 s for the X rate limit");
        QTest::newRow("minutes") << qint64(14 * 60 * 1000 + 1)
                                 << QStringLiteral("Waiting 15 min for the X rate limit");
    }
    void waitTexts()
    {
        QFETCH(qint64, waitMs);
        QFETCH(QString, text);
        QCOMPARE(RateBudget::waitText(QStringLiteral("X"), waitMs), text);
    }
};

QTEST_GUILESS_MAIN(TestRateBudget)
#include "tst_ratebudget.moc"
