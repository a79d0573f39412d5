#include "connectors/sandboxmanifest.h"
#include "sandbox/sandboxserver.h"

#include <QJsonDocument>
#include <QTest>

using namespace AssetDesk;

class TestSandboxManifest : public QObject
{
    Q_OBJECT
private slots:
    void mapsEveryServiceOfARealSandbox()
    {
        Sandbox::SandboxServer server;
        QVERIFY(server.start().ok());
        const QByteArray line = QJsonDocument(server.startupJson()).toJson(QJsonDocument::Compact);
        const Result<SandboxManifest> manifest = SandboxManifest::parse(line);
        QVERIFY2(manifest.ok(), manifest ? "" : qPrintable(manifest.error().message()));
        QCOMPARE(manifest->adminUrl, server.adminUrl());

        QHash<Service, int> perService;
        for (const SandboxAccount& s : manifest->accounts) {
            ++perService[s.account.service];
            QVERIFY(s.account.sandbox);
            QVERIFY(!s.account.label.isEmpty());
            QVERIFY2(!s.credentials.isEmpty(), qPrintable(s.account.label));
            QVERIFY(s.account.baseUrl.isValid());
            QCOMPARE(s.account.baseUrl.host(), QStringLiteral("127.0.0.1"));
        }
        QCOMPARE(perService.value(Service::PhotoShelter), 1);
        QCOMPARE(perService.value(Service::Iconik), 1);
        QCOMPARE(perService.value(Service::X), 3); // regional accounts
        QCOMPARE(perService.value(Service::Dynamics), 1);
        QCOMPARE(perService.value(Service::Zendesk), 1);

        for (const SandboxAccount& s : manifest->accounts) {
            if (s.account.service == Service::X) {
                QCOMPARE(s.account.authMethod, AuthMethod::OAuth2Pkce);
                QCOMPARE(s.account.authUrl, server.serviceUrl(QStringLiteral("x")));
                QVERIFY(!s.credentials.refreshToken.isEmpty());
                QVERIFY(s.account.label.startsWith(u'@'));
            }
            if (s.account.service == Service::Dynamics) {
                QCOMPARE(s.account.authMethod, AuthMethod::ClientCredentials);
                QVERIFY(!s.account.organization.isEmpty()); // tenant
                QVERIFY(!s.credentials.clientSecret.isEmpty());
            }
            if (s.account.service == Service::Zendesk) {
                QCOMPARE(s.account.authMethod, AuthMethod::ApiToken);
                QVERIFY(s.account.login.contains(u'@'));
            }
        }
    }

    void refusesWhatIsNotAManifest_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("Listening on 127.0.0.1:4000");
        QTest::newRow("truncated") << QByteArray("{\"admin\":{\"url\":\"http://127.0.0.1:1\"},\"services\":{\"x\":{\"url\"");
        QTest::newRow("no known service") << QByteArray("{\"admin\":{\"url\":\"http://127.0.0.1:1\"},\"services\":{\"myspace\":{\"url\":\"http://127.0.0.1:2\"}}}");
        QTest::newRow("no url") << QByteArray(R"({"services":{"zendesk":{"credentials":{}}}})");
    }
    void refusesWhatIsNotAManifest()
    {
        QFETCH(QByteArray, line);
        const Result<SandboxManifest> manifest = SandboxManifest::parse(line);
        QVERIFY(!manifest.ok());
        QCOMPARE(manifest.error().kind(), ErrorKind::Parse);
        QVERIFY(!manifest.error().message().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxManifest)
#include "tst_sandboxmanifest.moc"
