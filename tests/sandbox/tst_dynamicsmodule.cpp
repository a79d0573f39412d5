// The Dynamics 365 module: Bearer authentication against its Entra server, WhoAmI with the
// OData headers, Dataverse error bodies, and the service-protection limit and its headers.
#include "support/sandboxfixture.h"
#include "support/testhttpclient.h"

#include "sandbox/dynamics/dynamicsmodule.h"

#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

class TestDynamicsModule : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;
    QString m_appToken;

    QJsonObject creds() const { return m_server->demoCredentials(QStringLiteral("dynamics")); }
    QUrl url(const QString& path) const
    {
        return urlFor(m_server->serviceUrl(QStringLiteral("dynamics")), path);
    }
    DynamicsModule* module() const
    {
        return static_cast<DynamicsModule*>(m_server->module(QStringLiteral("dynamics")));
    }

    static Headers odata(const QString& token)
    {
        Headers h{{"OData-MaxVersion", "4.0"}, {"OData-Version", "4.0"}, {"Accept", "application/json"}};
        if (!token.isEmpty())
            h.append({"Authorization", "Bearer " + token.toLatin1()});
        return h;
    }
    HttpResult whoAmI(const QString& token)
    {
        return m_client.get(url(QStringLiteral("/api/data/v9.2/WhoAmI")), odata(token));
    }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("dynamics")}, 4);
        QVERIFY(m_server);
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("client_id"), creds().value(QStringLiteral("client_id")).toString());
        form.addQueryItem(QStringLiteral("client_secret"),
                          creds().value(QStringLiteral("client_secret")).toString());
        form.addQueryItem(QStringLiteral("scope"), creds().value(QStringLiteral("scope")).toString());
        const HttpResult token =
            m_client.postForm(QUrl(creds().value(QStringLiteral("token_url")).toString()), form);
        QCOMPARE(token.status, 200);
        m_appToken = token.json().value(QStringLiteral("access_token")).toString();
    }
    void cleanup() { m_server.reset(); }

    void whoAmIAnswersForTheApplicationUser()
    {
        const HttpResult r = whoAmI(m_appToken);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("OData-Version"), QByteArray("4.0"));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("@odata.context")).toString(),
                 creds().value(QStringLiteral("environment_url")).toString() +
                     QStringLiteral("/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse"));
        QCOMPARE(o.value(QStringLiteral("UserId")).toString(),
                 creds().value(QStringLiteral("application_user_id")).toString());
        QCOMPARE(o.value(QStringLiteral("BusinessUnitId")).toString(),
                 creds().value(QStringLiteral("business_unit_id")).toString());
        QCOMPARE(o.value(QStringLiteral("OrganizationId")).toString(),
                 creds().value(QStringLiteral("organization_id")).toString());
    }

    void rejectsBadCredentials_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("messageStart");
        QTest::newRow("missing") << QString() << "MissingCrmAuthenticationToken";
        QTest::newRow("unknown") << "eyJ0eXAiOiJKV1QifQ.e30.c2ln"
                                 << "InvalidAuthTicket";
    }

    void rejectsBadCredentials()
    {
        QFETCH(QString, token);
        QFETCH(QString, messageStart);
        const HttpResult r = whoAmI(token);
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("WWW-Authenticate")
                    .startsWith("Bearer authorization_uri=" +
                                creds().value(QStringLiteral("environment_url")).toString().toLatin1()));
        const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
        QVERIFY(error.contains(QStringLiteral("code")));
        QVERIFY(error.value(QStringLiteral("message")).toString().startsWith(messageStart));
    }

    void odataHeadersAreRequired_data()
    {
        QTest::addColumn<QByteArray>("maxVersion");
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<int>("status");
        QTest::newRow("both") << QByteArray("4.0") << QByteArray("4.0") << 200;
        QTest::newRow("none") << QByteArray() << QByteArray() << 400;
        QTest::newRow("no max version") << QByteArray() << QByteArray("4.0") << 400;
        QTest::newRow("old version") << QByteArray("3.0") << QByteArray("3.0") << 400;
    }

    void odataHeadersAreRequired()
    {
        QFETCH(QByteArray, maxVersion);
        QFETCH(QByteArray, version);
        QFETCH(int, status);
        Headers h{{"Authorization", "Bearer " + m_appToken.toLatin1()}};
        if (!maxVersion.isEmpty())
            h.append({"OData-MaxVersion", maxVersion});
        if (!version.isEmpty())
            h.append({"OData-Version", version});
        const HttpResult r = m_client.get(url(QStringLiteral("/api/data/v9.2/WhoAmI")), h);
        QCOMPARE(r.status, status);
        if (status == 400)
            QVERIFY(r.json()
                        .value(QStringLiteral("error"))
                        .toObject()
                        .value(QStringLiteral("message"))
                        .toString()
                        .contains(QStringLiteral("OData-MaxVersion")));
    }

    void serviceProtectionHeadersCountDown()
    {
        HttpResult r = whoAmI(m_appToken);
        QCOMPARE(r.header("x-ms-ratelimit-burst-remaining-xrm-requests"), QByteArray("5999"));
        QCOMPARE(r.header("x-ms-ratelimit-time-remaining-xrm-requests"), QByteArray("1199980.00"));
        r = whoAmI(m_appToken);
        QCOMPARE(r.header("x-ms-ratelimit-burst-remaining-xrm-requests"), QByteArray("5998"));
    }

    void serviceProtectionLimitGives429()
    {
        // Use up the window in process (6000 HTTP round trips would only slow the test down).
        Principal app{
            Principal::Kind::App, creds().value(QStringLiteral("client_id")).toString(), {}, {}, {}};
        const SandboxRequest synthetic =
            syntheticRequest("GET", QStringLiteral("/api/data/v9.2/WhoAmI"),
                             {{"OData-MaxVersion", "4.0"}, {"OData-Version", "4.0"}}, app);
        for (int i = 0; i < DynamicsModule::kRequestLimit; ++i)
            QVERIFY(!module()->admit(synthetic));
        const HttpResult r = whoAmI(m_appToken);
        QCOMPARE(r.status, 429);
        const int retryAfter = r.header("Retry-After").toInt();
        QVERIFY(retryAfter >= 1 && retryAfter <= DynamicsModule::kWindowSeconds);
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("0x80072322"));
        QCOMPARE(r.header("x-ms-ratelimit-burst-remaining-xrm-requests"), QByteArray("0"));
    }

    void injectedFaultsSpeakDataverse()
    {
        QVERIFY(m_server->faults()
                    .add(faultSpec(QStringLiteral("dynamics:GET:/api/data/*:rate-limit:1:retry=17:count=1")))
                    .ok());
        QVERIFY(m_server->faults()
                    .add(faultSpec(QStringLiteral("dynamics:GET:/api/data/*:server-error:1:500:count=1")))
                    .ok());
        HttpResult r = whoAmI(m_appToken);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("17"));
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("0x80072322"));
        QCOMPARE(
            r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
            QStringLiteral("Number of requests exceeded the limit of 6000 over time window of 300 seconds."));
        r = whoAmI(m_appToken);
        QCOMPARE(r.status, 500);
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("0x80040216"));
        QCOMPARE(whoAmI(m_appToken).status, 200);
    }

    void unknownResourceIs404()
    {
        const HttpResult r =
            m_client.get(url(QStringLiteral("/api/data/v9.2/nosuchtables")), odata(m_appToken));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("0x80060888"));
    }
};

QTEST_GUILESS_MAIN(TestDynamicsModule)
#include "tst_dynamicsmodule.moc"
