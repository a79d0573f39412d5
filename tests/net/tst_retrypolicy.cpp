#include "net/retrypolicy.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace AssetDesk;
using namespace std::chrono_literals;

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private slots:
    void capGrowsExponentiallyUntilMax_data()
    {
        QTest::addColumn<int>("retry");
        QTest::addColumn<qint64>("cap");
        QTest::newRow("first retry") << 0 << qint64(500);
        QTest::newRow("second") << 1 << qint64(1000);
        QTest::newRow("third") << 2 << qint64(2000);
        QTest::newRow("fifth") << 4 << qint64(8000);
        QTest::newRow("capped") << 7 << qint64(30000);
        QTest::newRow("huge exponent") << 500 << qint64(30000);
    }
    void capGrowsExponentiallyUntilMax()
    {
        QFETCH(int, retry);
        QFETCH(qint64, cap);
        RetryPolicy policy; // 500 ms base, 30 s max
        QCOMPARE(policy.backoffCap(retry).count(), cap);
    }

    void fullJitterSpansZeroToCap_data()
    {
        QTest::addColumn<double>("random");
        QTest::addColumn<qint64>("delay");
        QTest::newRow("zero") << 0.0 << qint64(0);
        QTest::newRow("half") << 0.5 << qint64(1000);
        QTest::newRow("almost one") << 0.9999 << qint64(1999);
    }
    void fullJitterSpansZeroToCap()
    {
        QFETCH(double, random);
        QFETCH(qint64, delay);
        RetryPolicy policy;
        QCOMPARE(policy.backoff(2, random).count(), delay);
    }

    void realRandomDelaysAreJitteredAndCapped()
    {
        RetryPolicy policy;
        policy.baseDelay = 100ms;
        policy.maxDelay = 1000ms;
        QSet<qint64> seen;
        for (int i = 0; i < 200; ++i) {
            const qint64 d = policy.backoff(10, QRandomGenerator::global()->generateDouble()).count();
            QVERIFY2(d >= 0 && d < 1000, qPrintable(QString::number(d)));
            seen.insert(d);
        }
        // Full jitter: many different delays, not one fixed value.
        QVERIFY2(seen.size() > 50, qPrintable(QString::number(seen.size())));
    }

    void retryableStatuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("408") << 408 << true;
        QTest::newRow("429") << 429 << true;
        QTest::newRow("500") << 500 << true;
        QTest::newRow("503") << 503 << true;
        QTest::newRow("400") << 400 << false;
        QTest::newRow("401") << 401 << false;
        QTest::newRow("404") << 404 << false;
        QTest::newRow("200") << 200 << false;
    }
    void retryableStatuses()
    {
        QFETCH(int, status);
        QFETCH(bool, retryable);
        QCOMPARE(RetryPolicy::isRetryableStatus(status), retryable);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
