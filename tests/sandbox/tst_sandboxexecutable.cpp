// The assetdesk-sandbox executable (ASSETDESK_SANDBOX_EXE): its one JSON start-up line, flags
// that reach the server (seed, size, services, faults, port), clean exit on SIGTERM and on stdin
// EOF, and refusal of bad arguments.
#include "support/testhttpclient.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTest>

using namespace AssetDesk::SandboxTest;

namespace {

struct Launched
{
    std::unique_ptr<QProcess> process;
    QJsonObject startup;
    QByteArray firstLine;
};

} // namespace

class TestSandboxExecutable : public QObject
{
    Q_OBJECT

    QString m_exe;
    TestHttpClient m_client;

    Launched launch(const QStringList& arguments)
    {
        Launched l;
        l.process = std::make_unique<QProcess>();
        l.process->setProgram(m_exe);
        l.process->setArguments(arguments);
        l.process->start();
        if (!l.process->waitForStarted(10000))
            return l;
        QElapsedTimer timer;
        timer.start();
        while (!l.process->canReadLine() && timer.elapsed() < 15000 &&
               l.process->state() == QProcess::Running)
            l.process->waitForReadyRead(500);
        if (l.process->canReadLine()) {
            l.firstLine = l.process->readLine();
            l.startup = QJsonDocument::fromJson(l.firstLine).object();
        }
        return l;
    }

    static bool stop(Launched& l)
    {
        l.process->terminate(); // SIGTERM
        return l.process->waitForFinished(10000) && l.process->exitStatus() == QProcess::NormalExit &&
               l.process->exitCode() == 0;
    }

    static QUrl serviceUrl(const Launched& l, const QString& id)
    {
        return QUrl(l.startup.value(QStringLiteral("services"))
                        .toObject()
                        .value(id)
                        .toObject()
                        .value(QStringLiteral("url"))
                        .toString());
    }
    static QJsonObject credentials(const Launched& l, const QString& id)
    {
        return l.startup.value(QStringLiteral("services"))
            .toObject()
            .value(id)
            .toObject()
            .value(QStringLiteral("credentials"))
            .toObject();
    }
    static QUrl adminUrl(const Launched& l)
    {
        return QUrl(
            l.startup.value(QStringLiteral("admin")).toObject().value(QStringLiteral("url")).toString());
    }

private slots:
    void initTestCase()
    {
        m_exe = qEnvironmentVariable("ASSETDESK_SANDBOX_EXE");
        if (m_exe.isEmpty())
            QFAIL(
                "ASSETDESK_SANDBOX_EXE is not set: build the assetdesk-sandbox target and run through ctest");
        if (!QFileInfo(m_exe).isExecutable())
            QFAIL(qPrintable(QStringLiteral("ASSETDESK_SANDBOX_EXE=%1 is not an executable").arg(m_exe)));
    }

    void printsOneJsonLineAndServes()
    {
        Launched l =
            launch({QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--size"),
                    QStringLiteral("10"), QStringLiteral("--services"), QStringLiteral("x,zendesk"),
                    QStringLiteral("--fault"), QStringLiteral("x:GET:/2/users/me:server-error:1:502")});
        QVERIFY2(!l.startup.isEmpty(), l.firstLine.constData());
        QVERIFY(l.firstLine.endsWith('\n'));
        QCOMPARE(l.startup.value(QStringLiteral("seed")).toInt(), 7);
        QCOMPARE(l.startup.value(QStringLiteral("size")).toInt(), 10);
        QCOMPARE(l.startup.value(QStringLiteral("services")).toObject().keys(),
                 (QStringList{QStringLiteral("x"), QStringLiteral("zendesk")}));
        QCOMPARE(adminUrl(l).host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(serviceUrl(l, QStringLiteral("x")).host(), QStringLiteral("127.0.0.1"));

        QCOMPARE(m_client.get(urlFor(adminUrl(l), QStringLiteral("/admin/health")))
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("ok"));
        const QString token = credentials(l, QStringLiteral("x"))
                                  .value(QStringLiteral("users"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("access_token"))
                                  .toString();
        const HttpResult me =
            m_client.get(urlFor(serviceUrl(l, QStringLiteral("x")), QStringLiteral("/2/users/me")),
                         {{"Authorization", "Bearer " + token.toLatin1()}});
        QCOMPARE(me.status, 502); // the --fault flag reached the injector
        const QJsonObject zd = credentials(l, QStringLiteral("zendesk"));
        const HttpResult zme = m_client.get(
            urlFor(serviceUrl(l, QStringLiteral("zendesk")), QStringLiteral("/api/v2/users/me.json")),
            {{"Authorization",
              basicAuth(zd.value(QStringLiteral("email")).toString() + QStringLiteral("/token"),
                        zd.value(QStringLiteral("api_token")).toString())}});
        QCOMPARE(zme.status, 200);
        const HttpResult journal =
            m_client.get(urlFor(adminUrl(l), QStringLiteral("/admin/journal?service=x")));
        QCOMPARE(journal.json().value(QStringLiteral("entries")).toArray().size(), 1);

        QVERIFY(stop(l));
        QCOMPARE(l.process->readAllStandardOutput(), QByteArray()); // nothing after the one line
    }

    void sameSeedSameCredentials()
    {
        Launched a = launch({QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--quiet")});
        Launched b = launch({QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--quiet")});
        QVERIFY(!a.startup.isEmpty() && !b.startup.isEmpty());
        QCOMPARE(a.startup.value(QStringLiteral("services")).toObject().keys().size(), 5);
        for (const QString& id : a.startup.value(QStringLiteral("services")).toObject().keys()) {
            if (id == QLatin1String("dynamics"))
                continue; // its credentials name the environment URL, which carries the port
            QCOMPARE(credentials(a, id), credentials(b, id));
        }
        QVERIFY(stop(a));
        QVERIFY(stop(b));
        QCOMPARE(a.process->readAllStandardError(), QByteArray()); // --quiet
    }

    void exitsWhenStdinCloses()
    {
        Launched l = launch({QStringLiteral("--exit-on-stdin-close"), QStringLiteral("--services"),
                             QStringLiteral("iconik")});
        QVERIFY(!l.startup.isEmpty());
        QTest::qWait(100);
        QCOMPARE(l.process->state(), QProcess::Running);
        l.process->closeWriteChannel();
        QVERIFY(l.process->waitForFinished(10000));
        QCOMPARE(l.process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(l.process->exitCode(), 0);
    }

    void readsFaultFile()
    {
        Launched l = launch({QStringLiteral("--fault-file"),
                             QStringLiteral(ASSETDESK_TEST_DATA_DIR "/sandbox/faults.json"),
                             QStringLiteral("--fault"), QStringLiteral("*:*:*:drop:0")});
        QVERIFY(!l.startup.isEmpty());
        const QJsonArray faults = m_client.get(urlFor(adminUrl(l), QStringLiteral("/admin/faults")))
                                      .json()
                                      .value(QStringLiteral("faults"))
                                      .toArray();
        QCOMPARE(faults.size(), 3);
        QCOMPARE(faults.at(0).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("slow-token"));
        QCOMPARE(faults.at(1).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("zendesk-busy"));
        QCOMPARE(faults.at(1).toObject().value(QStringLiteral("retry_after_seconds")).toInt(), 30);
        QCOMPARE(faults.at(2).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("drop"));
        QVERIFY(stop(l));
    }

    void basePortFixesPorts()
    {
        // A fixed base is inherently racy with other tests opening sockets: pick bases below the
        // ephemeral range whose six ports are free right now, and try again if one was taken
        // between the check and the sandbox binding it.
        Launched l;
        quint16 base = 0;
        for (int attempt = 0; attempt < 8 && l.startup.isEmpty(); ++attempt) {
            base = quint16(20000 + QRandomGenerator::global()->bounded(10000));
            bool free = true;
            for (int offset = 0; offset < 6 && free; ++offset) {
                QTcpServer probe;
                free = probe.listen(QHostAddress::LocalHost, quint16(base + offset));
            }
            if (!free)
                continue;
            l = launch({QStringLiteral("--port"), QString::number(base), QStringLiteral("--services"),
                        QStringLiteral("iconik,zendesk")});
        }
        QVERIFY2(!l.startup.isEmpty(), "no free block of six ports found in eight tries");
        QCOMPARE(adminUrl(l).port(), int(base));
        QCOMPARE(serviceUrl(l, QStringLiteral("iconik")).port(), int(base) + 2);
        QCOMPARE(serviceUrl(l, QStringLiteral("zendesk")).port(), int(base) + 5);
        QVERIFY(stop(l));
    }

    void refusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown service")
            << QStringList{QStringLiteral("--services"), QStringLiteral("myspace")};
        QTest::newRow("bad fault") << QStringList{QStringLiteral("--fault"),
                                                  QStringLiteral("x:GET:/2:explode:1")};
        QTest::newRow("bad probability")
            << QStringList{QStringLiteral("--fault"), QStringLiteral("x:GET:/2:drop:2")};
        QTest::newRow("negative size") << QStringList{QStringLiteral("--size"), QStringLiteral("-1")};
        QTest::newRow("missing fault file")
            << QStringList{QStringLiteral("--fault-file"), QStringLiteral("/nonexistent/faults.json")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--live-events")};
        QTest::newRow("live event without gallery") << QStringList{QStringLiteral("--live-event"), QStringLiteral(":5")};
    }

    void refusesBadArguments()
    {
        QFETCH(QStringList, arguments);
        QProcess p;
        p.start(m_exe, arguments);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        QCOMPARE(p.readAllStandardOutput(), QByteArray());
        QVERIFY(!p.readAllStandardError().isEmpty());
    }

    void helpDocumentsFaultSyntax()
    {
        QProcess p;
        p.start(m_exe, {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray help = p.readAllStandardOutput();
        QVERIFY(help.contains("service:METHOD:path:kind:probability"));
        QVERIFY(help.contains("--exit-on-stdin-close"));
        QVERIFY(help.contains("--live-event GALLERY[:SECONDS]"));
        QVERIFY(help.contains("--bad-input"));
        QVERIFY(help.contains("/admin/services/<id>/settings"));
    }

    void liveEventAndBadInputFromTheCommandLine()
    {
        Launched l = launch({QStringLiteral("--services"), QStringLiteral("photoshelter"), QStringLiteral("--size"),
                             QStringLiteral("200"), QStringLiteral("--bad-input"), QStringLiteral("--live-event"),
                             QStringLiteral("0:0.2"), QStringLiteral("--quiet")});
        QVERIFY(!l.startup.isEmpty());
        const QUrl settingsUrl = urlFor(adminUrl(l), QStringLiteral("/admin/services/photoshelter/settings"));
        QJsonObject settings = m_client.get(settingsUrl).json().value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("bad_input")).toBool(), true);
        QVERIFY(settings.value(QStringLiteral("live_event")).toObject().value(QStringLiteral("gallery")).toString().startsWith(
            QLatin1String("G0000")));
        QTRY_VERIFY_WITH_TIMEOUT(m_client.get(settingsUrl).json().value(QStringLiteral("settings")).toObject()
                                         .value(QStringLiteral("live_event")).toObject().value(QStringLiteral("uploads")).toInt() >= 2,
                                 5000);
        // Stopped through the admin endpoint; bad input switched off the same way.
        const HttpResult patched = m_client.sendJson(
            "PATCH", settingsUrl,
            QJsonDocument(QJsonObject{{QStringLiteral("live_event"), QJsonValue()}, {QStringLiteral("bad_input"), false}}));
        QCOMPARE(patched.status, 200);
        settings = patched.json().value(QStringLiteral("settings")).toObject();
        QVERIFY(settings.value(QStringLiteral("live_event")).isNull());
        QCOMPARE(settings.value(QStringLiteral("bad_input")).toBool(), false);
        QCOMPARE(m_client.sendJson("PATCH", settingsUrl, QJsonDocument(QJsonObject{{QStringLiteral("colour"), 1}})).status, 400);
        // Content changes for sync tests.
        const HttpResult changed = m_client.postJson(urlFor(adminUrl(l), QStringLiteral("/admin/services/photoshelter/changes")),
                                                     QJsonObject{{QStringLiteral("remove"), 2}, {QStringLiteral("add"), 1}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json().value(QStringLiteral("deleted")).toArray().size(), 2);
        QCOMPARE(changed.json().value(QStringLiteral("added")).toArray().size(), 1);
        QVERIFY(stop(l));
    }
};

QTEST_GUILESS_MAIN(TestSandboxExecutable)
#include "tst_sandboxexecutable.moc"
