// FaultRule: the compact spec syntax (including ':' inside paths), JSON round trips, the
// fixture file, validation, and glob/regex path matching.
#include "sandbox/faultrule.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace AssetDesk::Sandbox;

class TestFaultRule : public QObject
{
    Q_OBJECT
private slots:
    void parsesSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("probability");
        QTest::addColumn<int>("param"); // retry, status or delay, by kind
        QTest::addColumn<int>("count");
        QTest::newRow("rate-limit") << "x:GET:/2/users/me:rate-limit:1:retry=60:count=1"
                                    << "x"
                                    << "GET"
                                    << "/2/users/me" << int(FaultKind::RateLimit) << 1.0 << 60 << 1;
        QTest::newRow("bare status") << "*:*:*:server-error:0.05:502"
                                     << "*"
                                     << "*"
                                     << "*" << int(FaultKind::ServerError) << 0.05 << 502 << -1;
        QTest::newRow("delay") << "zendesk:post:/oauth/tokens:delay:0.5:250"
                               << "zendesk"
                               << "POST"
                               << "/oauth/tokens" << int(FaultKind::Delay) << 0.5 << 250 << -1;
        QTest::newRow("colon in path") << "x:GET:/2/users/:id/tweets:drop:1"
                                       << "x"
                                       << "GET"
                                       << "/2/users/:id/tweets" << int(FaultKind::Drop) << 1.0 << 0 << -1;
        QTest::newRow("named status") << "iconik:*:/API/*:server-error:1:status=504:count=2"
                                      << "iconik"
                                      << "*"
                                      << "/API/*" << int(FaultKind::ServerError) << 1.0 << 504 << 2;
        QTest::newRow("truncate") << "photoshelter:GET:*:truncate:0.1"
                                  << "photoshelter"
                                  << "GET"
                                  << "*" << int(FaultKind::Truncate) << 0.1 << 0 << -1;
        QTest::newRow("malformed") << "dynamics:GET:/api/*:malformed:1"
                                   << "dynamics"
                                   << "GET"
                                   << "/api/*" << int(FaultKind::Malformed) << 1.0 << 0 << -1;
    }

    void parsesSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(QString, service);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(int, kind);
        QFETCH(double, probability);
        QFETCH(int, param);
        QFETCH(int, count);
        const auto rule = FaultRule::parseSpec(spec);
        QVERIFY2(rule.ok(), qPrintable(rule.ok() ? QString() : rule.error().message()));
        QCOMPARE(rule->service, service);
        QCOMPARE(rule->method, method);
        QCOMPARE(rule->path, path);
        QCOMPARE(int(rule->kind), kind);
        QCOMPARE(rule->probability, probability);
        QCOMPARE(rule->count, count);
        switch (rule->kind) {
        case FaultKind::RateLimit:
            QCOMPARE(rule->retryAfterSeconds, param);
            break;
        case FaultKind::ServerError:
            QCOMPARE(rule->status, param);
            break;
        case FaultKind::Delay:
            QCOMPARE(rule->delayMs, param);
            break;
        default:
            break;
        }
    }

    void rejectsBadSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("too short") << "x:GET:/2:drop";
        QTest::newRow("unknown kind") << "x:GET:/2:explode:1";
        QTest::newRow("probability above 1") << "x:GET:/2:drop:1.5";
        QTest::newRow("probability not a number") << "x:GET:/2:drop:often";
        QTest::newRow("status not 5xx") << "x:GET:/2:server-error:1:404";
        QTest::newRow("bare param on drop") << "x:GET:/2:drop:1:5";
        QTest::newRow("unknown param") << "x:GET:/2:delay:1:speed=3";
        QTest::newRow("negative delay") << "x:GET:/2:delay:1:-5";
        QTest::newRow("bad regex") << "x:GET:~/2/(:drop:1";
    }

    void rejectsBadSpecs()
    {
        QFETCH(QString, spec);
        const auto rule = FaultRule::parseSpec(spec);
        QVERIFY(!rule.ok());
        QVERIFY(!rule.error().message().isEmpty());
    }

    void jsonRoundTrip()
    {
        auto rule =
            FaultRule::parseSpec(QStringLiteral("x:POST:/2/oauth2/token:rate-limit:0.25:retry=30:count=4"));
        QVERIFY(rule.ok());
        rule.value().id = QStringLiteral("r1");
        const QJsonObject json = rule->toJson();
        QCOMPARE(json.value(QStringLiteral("retry_after_seconds")).toInt(), 30);
        const auto back = FaultRule::fromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), rule.value());
        QVERIFY(!FaultRule::fromJson(QJsonObject{{QStringLiteral("kind"), QStringLiteral("drop")},
                                                 {QStringLiteral("probability"), QStringLiteral("high")}})
                     .ok());
        QVERIFY(!FaultRule::fromJson(QJsonObject{{QStringLiteral("path"), QStringLiteral("/x")}}).ok());
    }

    void readsFixtureFile()
    {
        QFile file(QStringLiteral(ASSETDESK_TEST_DATA_DIR "/sandbox/faults.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), "tests/data/sandbox/faults.json is missing");
        const QJsonArray rules =
            QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("faults")).toArray();
        QCOMPARE(rules.size(), 2);
        const auto slow = FaultRule::fromJson(rules.at(0).toObject());
        QVERIFY(slow.ok());
        QCOMPARE(slow->kind, FaultKind::Delay);
        QCOMPARE(slow->delayMs, 50);
        const auto busy = FaultRule::fromJson(rules.at(1).toObject());
        QVERIFY(busy.ok());
        QCOMPARE(busy->id, QStringLiteral("zendesk-busy"));
        QCOMPARE(busy->probability, 0.25);
        QCOMPARE(busy->retryAfterSeconds, 30);
    }

    void matching_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::newRow("glob spans slashes") << "x:*:/2/*:drop:1"
                                            << "x" << QByteArray("GET") << "/2/users/me" << true;
        QTest::newRow("other service") << "x:*:/2/*:drop:1"
                                       << "zendesk" << QByteArray("GET") << "/2/users/me" << false;
        QTest::newRow("method case") << "x:get:/2/*:drop:1"
                                     << "x" << QByteArray("GET") << "/2/a" << true;
        QTest::newRow("other method") << "x:POST:/2/*:drop:1"
                                      << "x" << QByteArray("GET") << "/2/a" << false;
        QTest::newRow("anchored") << "x:*:/2/users:drop:1"
                                  << "x" << QByteArray("GET") << "/2/users/me" << false;
        QTest::newRow("question mark") << "x:*:/2/tweets/?:drop:1"
                                       << "x" << QByteArray("GET") << "/2/tweets/7" << true;
        QTest::newRow("dots are literal")
            << "zendesk:*:/api/v2/users/me.json:drop:1"
            << "zendesk" << QByteArray("GET") << "/api/v2/users/meXjson" << false;
        QTest::newRow("regex") << "x:*:~/2/users/[0-9]+:drop:1"
                               << "x" << QByteArray("GET") << "/2/users/123" << true;
        QTest::newRow("regex anchored") << "x:*:~/2/users/[0-9]+:drop:1"
                                        << "x" << QByteArray("GET") << "/2/users/me" << false;
    }

    void matching()
    {
        QFETCH(QString, spec);
        QFETCH(QString, service);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        const auto rule = FaultRule::parseSpec(spec);
        QVERIFY(rule.ok());
        QCOMPARE(rule->matches(service, method, path), matches);
    }
};

QTEST_GUILESS_MAIN(TestFaultRule)
#include "tst_faultrule.moc"
