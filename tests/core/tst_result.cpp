#include "core/credentials.h"
#include "core/result.h"
#include "core/service.h"

#include <QTest>

using namespace AssetDesk;

class TestResult : public QObject
{
    Q_OBJECT
private slots:
    void valueAndError()
    {
        Result<int> good(4);
        QVERIFY(good.ok());
        QCOMPARE(good.value(), 4);
        QCOMPARE(good.map([](int v) { return v * 2; }).value(), 8);

        Result<int> bad(Error(ErrorKind::Parse, QStringLiteral("Not JSON")));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind(), ErrorKind::Parse);
        QCOMPARE(bad.valueOr(9), 9);
        QVERIFY(!bad.map([](int v) { return v * 2; }).ok());
    }

    void voidResult()
    {
        Status fine;
        QVERIFY(fine.ok());
        Status failed(Error(ErrorKind::Storage, QStringLiteral("Disk full")));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().message(), QStringLiteral("Disk full"));
    }

    void transientClassification_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("transient");
        QTest::newRow("transport") << int(ErrorKind::Transport) << 0 << true;
        QTest::newRow("503") << int(ErrorKind::HttpStatus) << 503 << true;
        QTest::newRow("429 body") << int(ErrorKind::ApiError) << 429 << true;
        QTest::newRow("404") << int(ErrorKind::HttpStatus) << 404 << false;
        QTest::newRow("parse") << int(ErrorKind::Parse) << 200 << false;
    }
    void transientClassification()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(bool, transient);
        Error e(ErrorKind(kind), QStringLiteral("x"));
        e.withHttpStatus(status);
        QCOMPARE(e.isTransient(), transient);
    }

    void credentialsJsonRoundTrip()
    {
        Credentials c;
        c.apiKey = QStringLiteral("k");
        c.refreshToken = QStringLiteral("r");
        c.accessTokenExpiresAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QCOMPARE(Credentials::fromJson(c.toJson()), c);
        QVERIFY(Credentials::fromJson("not json").isEmpty());
    }

    void serviceIds()
    {
        for (const ServiceInfo& info : allServices())
            QCOMPARE(serviceFromId(info.id), std::optional<Service>(info.service));
        QCOMPARE(serviceFromId(QStringLiteral("ZENDESK")), std::optional<Service>(Service::Zendesk));
        QVERIFY(!serviceFromId(QStringLiteral("myspace")));
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
