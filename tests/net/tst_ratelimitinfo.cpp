#include "net/ratelimitinfo.h"

#include <QTest>

using namespace AssetDesk;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC);
const qint64 kNowMs = kNow.toMSecsSinceEpoch();

HttpResponse responseWith(int status, const HttpHeaders& headers)
{
    HttpResponse r;
    r.status = status;
    r.headers = headers;
    return r;
}
} // namespace

Q_DECLARE_METATYPE(AssetDesk::HttpHeaders)

class TestRateLimitInfo : public QObject
{
    Q_OBJECT
private slots:
    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expectedOffsetMs"); // -1 = not understood
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 7 ") << qint64(7000);
        QTest::newRow("imf-fixdate") << QByteArray("Sun, 01 Mar 2026 12:00:30 GMT") << qint64(30000);
        QTest::newRow("rfc850") << QByteArray("Sunday, 01-Mar-26 12:01:00 GMT") << qint64(60000);
        QTest::newRow("asctime") << QByteArray("Sun Mar  1 12:00:05 2026") << qint64(5000);
        QTest::newRow("date in the past") << QByteArray("Sun, 01 Mar 2026 11:00:00 GMT") << qint64(0);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    }
    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expectedOffsetMs);
        const auto at = RateLimitInfo::parseRetryAfter(value, kNowMs);
        if (expectedOffsetMs < 0) {
            QVERIFY(!at);
            return;
        }
        QVERIFY(at);
        QCOMPARE(*at - kNowMs, expectedOffsetMs);
    }

    void dialects_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<HttpHeaders>("headers");
        QTest::addColumn<qint64>("limit");             // -1 = absent
        QTest::addColumn<qint64>("remaining");         // -1 = absent
        QTest::addColumn<qint64>("resetOffsetMs");     // -1 = absent
        QTest::addColumn<qint64>("notBeforeOffsetMs"); // -1 = absent
        const QByteArray resetEpoch = QByteArray::number(kNowMs / 1000 + 900);
        QTest::newRow("x") << 200
                           << HttpHeaders{{"x-rate-limit-limit", "450"},
                                          {"x-rate-limit-remaining", "449"},
                                          {"x-rate-limit-reset", resetEpoch}}
                           << qint64(450) << qint64(449) << qint64(900000) << qint64(-1);
        QTest::newRow("x exhausted") << 200
                                     << HttpHeaders{{"x-rate-limit-limit", "450"},
                                                    {"x-rate-limit-remaining", "0"},
                                                    {"x-rate-limit-reset", resetEpoch}}
                                     << qint64(450) << qint64(0) << qint64(900000) << qint64(900000);
        QTest::newRow("x 429") << 429
                               << HttpHeaders{{"X-Rate-Limit-Limit", "450"},
                                              {"X-Rate-Limit-Remaining", "3"},
                                              {"X-Rate-Limit-Reset", resetEpoch}}
                               << qint64(450) << qint64(3) << qint64(900000) << qint64(900000);
        QTest::newRow("zendesk account")
            << 200 << HttpHeaders{{"X-Rate-Limit", "700"}, {"X-Rate-Limit-Remaining", "699"}} << qint64(700)
            << qint64(699) << qint64(-1) << qint64(-1);
        QTest::newRow("zendesk list") << 200
                                      << HttpHeaders{{"X-Rate-Limit", "700"},
                                                     {"X-Rate-Limit-Remaining", "650"},
                                                     {"ratelimit-limit", "100"},
                                                     {"ratelimit-remaining", "0"},
                                                     {"ratelimit-reset", "41"}}
                                      << qint64(100) << qint64(0) << qint64(41000) << qint64(41000);
        QTest::newRow("zendesk 429") << 429 << HttpHeaders{{"Retry-After", "93"}} << qint64(-1) << qint64(-1)
                                     << qint64(-1) << qint64(93000);
        QTest::newRow("iconik") << 200 << HttpHeaders{{"RateLimit-Remaining", "17"}} << qint64(-1)
                                << qint64(17) << qint64(-1) << qint64(-1);
        QTest::newRow("dynamics") << 200
                                  << HttpHeaders{{"x-ms-ratelimit-burst-remaining-xrm-requests", "5,999"},
                                                 {"x-ms-ratelimit-time-remaining-xrm-requests",
                                                  "1,199,985.00"}}
                                  << qint64(-1) << qint64(5999) << qint64(-1) << qint64(-1);
        QTest::newRow("dynamics time exhausted")
            << 200
            << HttpHeaders{{"x-ms-ratelimit-burst-remaining-xrm-requests", "120"},
                           {"x-ms-ratelimit-time-remaining-xrm-requests", "0.00"}}
            << qint64(-1) << qint64(0) << qint64(-1) << qint64(-1);
        QTest::newRow("dynamics 429") << 429 << HttpHeaders{{"Retry-After", "8"}} << qint64(-1) << qint64(-1)
                                      << qint64(-1) << qint64(8000);
        QTest::newRow("retry-after and later reset")
            << 429 << HttpHeaders{{"Retry-After", "2"}, {"x-rate-limit-reset", resetEpoch}} << qint64(-1)
            << qint64(-1) << qint64(900000) << qint64(900000);
        QTest::newRow("nothing") << 200 << HttpHeaders{{"Content-Type", "application/json"}} << qint64(-1)
                                 << qint64(-1) << qint64(-1) << qint64(-1);
    }
    void dialects()
    {
        QFETCH(int, status);
        QFETCH(HttpHeaders, headers);
        QFETCH(qint64, limit);
        QFETCH(qint64, remaining);
        QFETCH(qint64, resetOffsetMs);
        QFETCH(qint64, notBeforeOffsetMs);
        const NetClock clock = NetClock::accelerated(1e-9, kNow); // frozen at kNow for the test's duration
        const RateLimitInfo info = RateLimitInfo::fromResponse(responseWith(status, headers), clock);
        QCOMPARE(info.limit.value_or(-1), limit);
        QCOMPARE(info.remaining.value_or(-1), remaining);
        QCOMPARE(info.resetAtMs ? *info.resetAtMs - kNowMs : -1, resetOffsetMs);
        const auto notBefore = info.notBeforeMs(status);
        QCOMPARE(notBefore ? *notBefore - kNowMs : -1, notBeforeOffsetMs);
    }
};

QTEST_GUILESS_MAIN(TestRateLimitInfo)
#include "tst_ratelimitinfo.moc"
