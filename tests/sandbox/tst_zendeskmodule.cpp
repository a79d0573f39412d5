// The Zendesk module: API-token and OAuth authentication with Zendesk's 401 body, /users/me
// with and without ".json", X-Rate-Limit headers and the text/plain 429.
#include "support/sandboxfixture.h"
#include "support/testhttpclient.h"

#include "sandbox/zendesk/zendeskmodule.h"

#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

class TestZendeskModule : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;

    QJsonObject creds() const { return m_server->demoCredentials(QStringLiteral("zendesk")); }
    QUrl url(const QString& path) const
    {
        return urlFor(m_server->serviceUrl(QStringLiteral("zendesk")), path);
    }
    QByteArray apiTokenAuth() const
    {
        return basicAuth(creds().value(QStringLiteral("email")).toString() + QStringLiteral("/token"),
                         creds().value(QStringLiteral("api_token")).toString());
    }
    ZendeskModule* module() const
    {
        return static_cast<ZendeskModule*>(m_server->module(QStringLiteral("zendesk")));
    }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("zendesk")}, 8);
        QVERIFY(m_server);
    }
    void cleanup() { m_server.reset(); }

    void apiTokenAuthenticates_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("plain") << "/api/v2/users/me";
        QTest::newRow(".json") << "/api/v2/users/me.json";
    }

    void apiTokenAuthenticates()
    {
        QFETCH(QString, path);
        const HttpResult r = m_client.get(url(path), {{"Authorization", apiTokenAuth()}});
        QCOMPARE(r.status, 200);
        const QJsonObject user = r.json().value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("email")).toString(),
                 creds().value(QStringLiteral("email")).toString());
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(user.value(QStringLiteral("id")).toInteger(), creds()
                                                                   .value(QStringLiteral("agents"))
                                                                   .toArray()
                                                                   .first()
                                                                   .toObject()
                                                                   .value(QStringLiteral("id"))
                                                                   .toInteger());
        QVERIFY(user.value(QStringLiteral("url")).toString().endsWith(QStringLiteral(".json")));
    }

    void rejectsBadCredentials_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("wrong token") << basicAuth(QStringLiteral("x@y.example/token"),
                                                  QStringLiteral("nope"));
        QTest::newRow("password form")
            << basicAuth(QStringLiteral("someone@assetdesk-demo.example"), QStringLiteral("pw"));
        QTest::newRow("unknown bearer") << QByteArray("Bearer abc");
    }

    void rejectsBadCredentials()
    {
        QFETCH(QByteArray, authorization);
        Headers headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const HttpResult r = m_client.get(url(QStringLiteral("/api/v2/users/me.json")), headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("error"), QStringLiteral("Couldn't authenticate you")}}));
    }

    void wrongTokenOfARealAgentIsRejected()
    {
        const HttpResult r =
            m_client.get(url(QStringLiteral("/api/v2/users/me")),
                         {{"Authorization", basicAuth(creds().value(QStringLiteral("email")).toString() +
                                                          QStringLiteral("/token"),
                                                      QStringLiteral("0000"))}});
        QCOMPARE(r.status, 401);
    }

    void oauthScopesApply()
    {
        const QString agent = QString::number(creds()
                                                  .value(QStringLiteral("agents"))
                                                  .toArray()
                                                  .first()
                                                  .toObject()
                                                  .value(QStringLiteral("id"))
                                                  .toInteger());
        const auto narrow =
            module()->oauth().issue(agent, creds().value(QStringLiteral("oauth_client_id")).toString(),
                                    {QStringLiteral("tickets:read")}, false);
        QCOMPARE(m_client
                     .get(url(QStringLiteral("/api/v2/users/me")),
                          {{"Authorization", "Bearer " + narrow.accessToken.toLatin1()}})
                     .status,
                 403);
        const auto wide =
            module()->oauth().issue(agent, creds().value(QStringLiteral("oauth_client_id")).toString(),
                                    {QStringLiteral("read")}, false);
        QCOMPARE(m_client
                     .get(url(QStringLiteral("/api/v2/users/me")),
                          {{"Authorization", "Bearer " + wide.accessToken.toLatin1()}})
                     .status,
                 200);
    }

    void rateLimitHeadersAndReal429()
    {
        HttpResult r =
            m_client.get(url(QStringLiteral("/api/v2/users/me")), {{"Authorization", apiTokenAuth()}});
        QCOMPARE(r.header("X-Rate-Limit"), QByteArray("700"));
        QCOMPARE(r.header("X-Rate-Limit-Remaining"), QByteArray("699"));
        r = m_client.get(url(QStringLiteral("/api/v2/users/me")));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("X-Rate-Limit-Remaining"), QByteArray("699")); // rejected requests are not counted
        const SandboxRequest synthetic = syntheticRequest("GET", QStringLiteral("/api/v2/users/me"));
        for (int i = 0; i < ZendeskModule::kRequestsPerMinute - 1; ++i)
            QVERIFY(!module()->admit(synthetic));
        r = m_client.get(url(QStringLiteral("/api/v2/users/me")), {{"Authorization", apiTokenAuth()}});
        QCOMPARE(r.status, 429);
        QCOMPARE(r.body, QByteArray("Rate limited"));
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        const int retryAfter = r.header("Retry-After").toInt();
        QVERIFY(retryAfter >= 1 && retryAfter <= 60);
        QCOMPARE(r.header("X-Rate-Limit-Remaining"), QByteArray("0"));
    }

    void injectedRateLimit()
    {
        QVERIFY(
            m_server->faults().add(faultSpec(QStringLiteral("zendesk:*:/api/v2/*:rate-limit:1:42"))).ok());
        const HttpResult r =
            m_client.get(url(QStringLiteral("/api/v2/users/me.json")), {{"Authorization", apiTokenAuth()}});
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("42"));
        QCOMPARE(r.body, QByteArray("Rate limited"));
        QCOMPARE(r.header("X-Rate-Limit"), QByteArray("700"));
    }

    void unknownRecordShape()
    {
        const HttpResult r =
            m_client.get(url(QStringLiteral("/api/v2/nothing.json")), {{"Authorization", apiTokenAuth()}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("error"), QStringLiteral("RecordNotFound")},
                                        {QStringLiteral("description"), QStringLiteral("Not found")}}));
    }
};

QTEST_GUILESS_MAIN(TestZendeskModule)
#include "tst_zendeskmodule.moc"
