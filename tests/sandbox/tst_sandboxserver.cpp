// SandboxServer end to end through a plain QNetworkAccessManager: routing, keep-alive,
// asynchronous handlers, every fault kind, probabilities and counts, the journal and the admin
// endpoints. Uses the EchoModule so it tests the framework, not a service.
#include "support/echomodule.h"
#include "support/testhttpclient.h"

#include "sandbox/sandboxserver.h"
#include "sandbox/servicemodulefactory.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

namespace {

std::unique_ptr<SandboxServer> startEcho(quint64 seed = 1, QList<FaultRule> faults = {}, quint16 basePort = 0)
{
    auto server = std::make_unique<SandboxServer>();
    server->addModule(std::make_unique<EchoModule>(server->clock()));
    SandboxOptions options;
    options.seed = seed;
    options.services = QStringList{};
    options.faults = std::move(faults);
    options.basePort = basePort;
    const Status started = server->start(options);
    if (!started.ok())
        qWarning("sandbox did not start: %s", qPrintable(started.error().toLogString()));
    return started.ok() ? std::move(server) : nullptr;
}

FaultRule spec(const QString& text)
{
    auto rule = FaultRule::parseSpec(text);
    if (!rule.ok())
        qFatal("bad spec in test: %s", qPrintable(text));
    return rule.value();
}

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT
private slots:
    void reportsUrlsAndStartupJson()
    {
        auto server = startEcho(5);
        QVERIFY(server);
        QVERIFY(server->isRunning());
        const QUrl echo = server->serviceUrl(QStringLiteral("echo"));
        QCOMPARE(echo.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(echo.port() > 0);
        QVERIFY(server->adminUrl().port() > 0);
        QVERIFY(server->adminUrl().port() != echo.port());
        QCOMPARE(server->serviceIds(), QStringList{QStringLiteral("echo")});
        QCOMPARE(static_cast<EchoModule*>(server->module(QStringLiteral("echo")))->seededWith(), quint64(5));

        const QJsonObject startup = server->startupJson();
        QCOMPARE(startup.value(QStringLiteral("seed")).toInteger(), 5);
        QCOMPARE(startup.value(QStringLiteral("size")).toInt(), 100);
        QCOMPARE(startup.value(QStringLiteral("admin")).toObject().value(QStringLiteral("url")).toString(),
                 server->adminUrl().toString());
        const QJsonObject svc =
            startup.value(QStringLiteral("services")).toObject().value(QStringLiteral("echo")).toObject();
        QCOMPARE(svc.value(QStringLiteral("url")).toString(), echo.toString());
        QCOMPARE(
            svc.value(QStringLiteral("credentials")).toObject().value(QStringLiteral("token")).toString(),
            QStringLiteral("good"));
    }

    void rejectsUnknownService()
    {
        SandboxServer server;
        SandboxOptions options;
        options.services = QStringList{QStringLiteral("myspace")};
        const Status s = server.start(options);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message().contains(QStringLiteral("myspace")));
        QVERIFY(!server.isRunning());
    }

    void basePortAssignsFixedPorts()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 base = probe.serverPort();
        probe.close();
        auto server = startEcho(1, {}, base);
        QVERIFY2(server, "could not listen on the probed base port");
        QCOMPARE(server->adminUrl().port(), int(base));
        QCOMPARE(server->serviceUrl(QStringLiteral("echo")).port(),
                 int(base + 1 + ServiceModuleFactory::builtInIds().size()));
    }

    void routing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("param") << QByteArray("GET") << "/items/42" << 200 << "id"
                               << "42";
        QTest::newRow("literal wins over param") << QByteArray("GET") << "/items/special" << 200 << "special"
                                                 << "true";
        QTest::newRow("nested") << QByteArray("GET") << "/items/7/tags" << 200 << "id"
                                << "7";
        QTest::newRow("rest") << QByteArray("GET") << "/files/a/b/c.txt" << 200 << "rest"
                              << "a/b/c.txt";
        QTest::newRow("encoded param") << QByteArray("GET") << "/items/a%20b" << 200 << "id"
                                       << "a b";
        QTest::newRow("delete") << QByteArray("DELETE") << "/items/7" << 204 << ""
                                << "";
        QTest::newRow("unknown path") << QByteArray("GET") << "/nope" << 404 << "echo_error"
                                      << "Not found";
        QTest::newRow("wrong method") << QByteArray("PUT") << "/items/7" << 405 << "echo_error"
                                      << "Method not allowed";
    }

    void routing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, key);
        QFETCH(QString, value);
        auto server = startEcho();
        QVERIFY(server);
        TestHttpClient client;
        const HttpResult r = client.send(method, urlFor(server->serviceUrl(QStringLiteral("echo")), path));
        QCOMPARE(r.status, status);
        if (!key.isEmpty())
            QCOMPARE(r.json().value(key).toVariant().toString(), value);
        if (status == 405)
            QCOMPARE(r.header("Allow"), QByteArray("GET, DELETE"));
    }

    void keepAliveServesSequentialRequests()
    {
        auto server = startEcho();
        QVERIFY(server);
        TestHttpClient client;
        for (int i = 0; i < 25; ++i) {
            const HttpResult r = client.get(
                urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo?i=%1").arg(i)));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("Connection").toLower(), QByteArray("keep-alive"));
            QCOMPARE(r.json().value(QStringLiteral("query")).toString(), QStringLiteral("i=%1").arg(i));
        }
        QCOMPARE(server->journal().entries(QStringLiteral("echo")).size(), 25);
    }

    void connectionCloseIsHonoured()
    {
        auto server = startEcho();
        QVERIFY(server);
        TestHttpClient client;
        const HttpResult r =
            client.get(urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo")),
                       {{"Connection", "close"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Connection").toLower(), QByteArray("close"));
    }

    void asynchronousHandlerDoesNotBlockOthers()
    {
        auto server = startEcho();
        QVERIFY(server);
        QNetworkAccessManager nam;
        const QUrl base = server->serviceUrl(QStringLiteral("echo"));
        QNetworkReply* slow = nam.get(QNetworkRequest(urlFor(base, QStringLiteral("/async?ms=400"))));
        QNetworkReply* fast = nam.get(QNetworkRequest(urlFor(base, QStringLiteral("/echo"))));
        QSignalSpy slowDone(slow, &QNetworkReply::finished);
        QSignalSpy fastDone(fast, &QNetworkReply::finished);
        QVERIFY(fastDone.wait(5000));
        QCOMPARE(slowDone.count(), 0); // the fast one overtook the pending asynchronous one
        QVERIFY(slowDone.wait(5000));
        QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(QJsonDocument::fromJson(slow->readAll()).object().value(QStringLiteral("waited_ms")).toInt(),
                 400);
        delete slow;
        delete fast;
    }

    void lateResponseAfterClientLeftIsHarmless()
    {
        auto server = startEcho();
        QVERIFY(server);
        const QUrl base = server->serviceUrl(QStringLiteral("echo"));
        {
            QNetworkAccessManager nam;
            QNetworkReply* reply = nam.get(QNetworkRequest(urlFor(base, QStringLiteral("/async?ms=300"))));
            QTest::qWait(80);
            reply->abort();
            delete reply;
        }
        QSignalSpy completed(&server->journal(), &RequestJournal::entryCompleted);
        QVERIFY(completed.wait(3000));
        const auto entries = server->journal().entries(QStringLiteral("echo"));
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().completed);
        QCOMPARE(entries.first().status, 0); // nobody left to answer
        TestHttpClient client;
        QCOMPARE(client.get(urlFor(base, QStringLiteral("/echo"))).status, 200);
    }

    void authenticationUsesModule()
    {
        auto server = startEcho();
        QVERIFY(server);
        TestHttpClient client;
        const QUrl url = urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/private"));
        HttpResult r = client.get(url);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("echo_error")).toString(), QStringLiteral("bad token"));
        r = client.get(url, {{"Authorization", "Bearer good"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("principal")).toString(), QStringLiteral("user-1"));
        QCOMPARE(server->journal().entries().last().principal, QStringLiteral("user-1"));
    }

    void rateLimitFault()
    {
        auto server = startEcho(1, {spec(QStringLiteral("echo:GET:/echo:rate-limit:1:retry=7"))});
        QVERIFY(server);
        TestHttpClient client;
        const HttpResult r =
            client.get(urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo")));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("7"));
        QCOMPARE(r.json().value(QStringLiteral("echo_error")).toString(), QStringLiteral("slow down"));
        const JournalEntry e = server->journal().entries().last();
        QVERIFY(e.fault);
        QCOMPARE(e.fault->kind, FaultKind::RateLimit);
        QCOMPARE(e.status, 429);
    }

    void serverErrorFault()
    {
        auto server = startEcho(1, {spec(QStringLiteral("*:*:/items/*:server-error:1:502"))});
        QVERIFY(server);
        TestHttpClient client;
        const QUrl base = server->serviceUrl(QStringLiteral("echo"));
        const HttpResult r = client.get(urlFor(base, QStringLiteral("/items/3")));
        QCOMPARE(r.status, 502);
        QCOMPARE(r.json().value(QStringLiteral("echo_error")).toString(), QStringLiteral("Bad Gateway"));
        QCOMPARE(client.get(urlFor(base, QStringLiteral("/echo"))).status, 200); // other paths untouched
    }

    void delayFault()
    {
        auto server = startEcho(1, {spec(QStringLiteral("echo:GET:/echo:delay:1:350"))});
        QVERIFY(server);
        TestHttpClient client;
        const HttpResult r =
            client.get(urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo")));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.elapsedMs >= 340, qPrintable(QString::number(r.elapsedMs)));
        QCOMPARE(server->journal().entries().last().fault->delayMs, 350);
    }

    void dropFault()
    {
        auto server = startEcho(1, {spec(QStringLiteral("echo:GET:/echo:drop:1"))});
        QVERIFY(server);
        TestHttpClient client;
        const HttpResult r =
            client.get(urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo")));
        QVERIFY(!r.timedOut);
        QCOMPARE(r.status, 0);
        QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError, qPrintable(r.errorString));
        const auto entries = server->journal().entries();
        QVERIFY(!entries.isEmpty()); // QNAM may retry a closed request once; every try was dropped
        for (const JournalEntry& e : entries) {
            QCOMPARE(e.status, 0);
            QCOMPARE(e.fault->kind, FaultKind::Drop);
        }
    }

    void truncateFault()
    {
        auto server = startEcho(1, {spec(QStringLiteral("echo:GET:/echo:truncate:1"))});
        QVERIFY(server);
        TestHttpClient client;
        const HttpResult r =
            client.get(urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo")));
        QVERIFY(!r.timedOut);
        const qint64 advertised = r.header("Content-Length").toLongLong();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
        QVERIFY2(r.body.size() < advertised,
                 qPrintable(QStringLiteral("%1 of %2 bytes").arg(r.body.size()).arg(advertised)));
        QVERIFY(!r.isJson());
        QCOMPARE(server->journal().entries().last().fault->kind, FaultKind::Truncate);
    }

    void malformedFault()
    {
        auto server = startEcho(1, {spec(QStringLiteral("echo:GET:/echo:malformed:1"))});
        QVERIFY(server);
        TestHttpClient client;
        const HttpResult r =
            client.get(urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.error, QNetworkReply::NoError);
        QVERIFY(!r.body.isEmpty());
        QVERIFY(!r.isJson());
        QCOMPARE(r.header("Content-Length").toLongLong(), r.body.size());
    }

    void probabilityIsHonoured()
    {
        auto server = startEcho(11, {spec(QStringLiteral("echo:GET:/echo:server-error:0.5:503"))});
        QVERIFY(server);
        TestHttpClient client;
        const QUrl url = urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo"));
        int failures = 0;
        for (int i = 0; i < 200; ++i) {
            const int status = client.get(url).status;
            QVERIFY(status == 200 || status == 503);
            failures += status == 503;
        }
        // Binomial(200, 0.5): sd ~7; 70..130 is more than four sd either side.
        QVERIFY2(failures >= 70 && failures <= 130, qPrintable(QString::number(failures)));
        QCOMPARE(server->faults().appliedCount(QStringLiteral("f1")), failures);
    }

    void countLimitIsHonoured()
    {
        auto server = startEcho(1, {spec(QStringLiteral("echo:*:*:server-error:1:500:count=3"))});
        QVERIFY(server);
        TestHttpClient client;
        const QUrl url = urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo"));
        QList<int> statuses;
        for (int i = 0; i < 6; ++i)
            statuses << client.get(url).status;
        QCOMPARE(statuses, (QList<int>{500, 500, 500, 200, 200, 200}));
    }

    void sameSeedSameFaultSequence()
    {
        auto run = [](quint64 seed) {
            auto server = startEcho(seed, {spec(QStringLiteral("echo:GET:/echo:server-error:0.3"))});
            TestHttpClient client;
            const QUrl url = urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo"));
            QList<int> statuses;
            for (int i = 0; i < 60; ++i)
                statuses << client.get(url).status;
            return statuses;
        };
        const QList<int> first = run(42);
        QCOMPARE(run(42), first);
        QVERIFY(run(43) != first);
        QVERIFY(first.contains(503) && first.contains(200));
    }

    void journalRecordsWhatTheClientSent()
    {
        auto server = startEcho();
        QVERIFY(server);
        TestHttpClient client;
        const QByteArray body("{\"hello\":\"sandbox\"}");
        const HttpResult r = client.send(
            "POST", urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/echo?a=1&b=x%20y")),
            body, {{"X-Test", "abc"}, {"Content-Type", "application/json"}});
        QCOMPARE(r.status, 200);
        const JournalEntry e = server->journal().entries(QStringLiteral("echo")).last();
        QCOMPARE(e.method, QByteArray("POST"));
        QCOMPARE(e.pathAndQuery, QStringLiteral("/echo?a=1&b=x%20y"));
        QCOMPARE(e.header("x-test"), QByteArray("abc"));
        QCOMPARE(e.bodySize, body.size());
        QCOMPARE(e.bodySha256, QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
        QCOMPARE(e.body, body);
        QCOMPARE(e.status, 200);
        QVERIFY(!e.fault);
        QVERIFY(e.completed);
        QCOMPARE(e.service, QStringLiteral("echo"));
    }

    void adminManagesFaults()
    {
        auto server = startEcho();
        QVERIFY(server);
        TestHttpClient client;
        const QUrl admin = server->adminUrl();
        const QUrl item = urlFor(server->serviceUrl(QStringLiteral("echo")), QStringLiteral("/items/1"));

        HttpResult r = client.postJson(
            urlFor(admin, QStringLiteral("/admin/faults")),
            {{QStringLiteral("spec"), QStringLiteral("echo:GET:/items/*:server-error:1:500")}});
        QCOMPARE(r.status, 201);
        const QString id =
            r.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(client.get(item).status, 500);

        r = client.get(urlFor(admin, QStringLiteral("/admin/faults")));
        QCOMPARE(r.status, 200);
        const QJsonArray listed = r.json().value(QStringLiteral("faults")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().toObject().value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(listed.first().toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("server-error"));

        QCOMPARE(client.send("DELETE", urlFor(admin, QStringLiteral("/admin/faults/") + id)).status, 204);
        QCOMPARE(client.send("DELETE", urlFor(admin, QStringLiteral("/admin/faults/") + id)).status, 404);
        QCOMPARE(client.get(item).status, 200);

        const QJsonArray replacement{
            QJsonObject{{QStringLiteral("service"), QStringLiteral("echo")},
                        {QStringLiteral("path"), QStringLiteral("/items/*")},
                        {QStringLiteral("kind"), QStringLiteral("rate-limit")},
                        {QStringLiteral("retry_after_seconds"), 3}},
            QJsonObject{{QStringLiteral("spec"), QStringLiteral("echo:GET:/echo:delay:1:10")}},
        };
        r = client.sendJson("PUT", urlFor(admin, QStringLiteral("/admin/faults")),
                            QJsonDocument(QJsonObject{{QStringLiteral("faults"), replacement}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("faults")).toArray().size(), 2);
        const HttpResult limited = client.get(item);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), QByteArray("3"));

        r = client.postJson(
            urlFor(admin, QStringLiteral("/admin/faults")),
            {{QStringLiteral("kind"), QStringLiteral("server-error")}, {QStringLiteral("status"), 200}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_rule"));

        r = client.send("DELETE", urlFor(admin, QStringLiteral("/admin/faults")));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("faults")).toArray().isEmpty());
        QVERIFY(server->faults().isEmpty());
        QCOMPARE(client.get(item).status, 200);
    }

    void adminServesAndClearsJournal()
    {
        auto server = startEcho();
        QVERIFY(server);
        TestHttpClient client;
        const QUrl base = server->serviceUrl(QStringLiteral("echo"));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(client.get(urlFor(base, QStringLiteral("/items/%1").arg(i))).status, 200);
        const QUrl journal = urlFor(server->adminUrl(), QStringLiteral("/admin/journal"));

        HttpResult r = client.get(
            urlFor(server->adminUrl(), QStringLiteral("/admin/journal?service=echo&since=1&limit=2")));
        QCOMPARE(r.status, 200);
        const QJsonArray entries = r.json().value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toObject().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/items/2"));
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("sequence")).toInt(), 4);
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(r.json().value(QStringLiteral("last_sequence")).toInt(), 4);
        QVERIFY(
            server->journal().entries(QStringLiteral("admin")).isEmpty()); // admin calls are not journaled

        QCOMPARE(client.send("DELETE", journal).status, 204);
        r = client.get(journal);
        QVERIFY(r.json().value(QStringLiteral("entries")).toArray().isEmpty());
        QCOMPARE(client.get(urlFor(server->adminUrl(), QStringLiteral("/admin/journal?since=x"))).status,
                 400);
    }

    void adminHealthServicesAndClock()
    {
        auto server = startEcho(9);
        QVERIFY(server);
        TestHttpClient client;
        const QUrl admin = server->adminUrl();
        HttpResult r = client.get(urlFor(admin, QStringLiteral("/admin/health")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.json().value(QStringLiteral("seed")).toInt(), 9);

        r = client.get(urlFor(admin, QStringLiteral("/admin/services")));
        QCOMPARE(r.json()
                     .value(QStringLiteral("services"))
                     .toObject()
                     .value(QStringLiteral("echo"))
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString(),
                 server->serviceUrl(QStringLiteral("echo")).toString());

        const QDateTime before = server->clock().now();
        r = client.postJson(urlFor(admin, QStringLiteral("/admin/clock")),
                            {{QStringLiteral("advance_seconds"), 90}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("offset_ms")).toInteger(), 90000);
        QVERIFY(server->clock().now() >= before.addSecs(90));
        QCOMPARE(client.postJson(urlFor(admin, QStringLiteral("/admin/clock")), {}).status, 400);
        QCOMPARE(client.get(urlFor(admin, QStringLiteral("/admin/nothing"))).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
