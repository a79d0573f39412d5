// The iconik module: App-ID + Auth-Token on every request, password login and token
// validation/revocation, the current user, strict trailing slashes and RateLimit-Remaining.
#include "support/sandboxfixture.h"
#include "support/testhttpclient.h"

#include "sandbox/iconik/iconikmodule.h"

#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;
using namespace std::chrono_literals;

class TestIconikModule : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;

    QJsonObject creds() const { return m_server->demoCredentials(QStringLiteral("iconik")); }
    QUrl url(const QString& path) const
    {
        return urlFor(m_server->serviceUrl(QStringLiteral("iconik")), path);
    }
    Headers auth(const QString& token = {}) const
    {
        return {
            {"App-ID", creds().value(QStringLiteral("app_id")).toString().toLatin1()},
            {"Auth-Token",
             (token.isEmpty() ? creds().value(QStringLiteral("auth_token")).toString() : token).toLatin1()}};
    }
    IconikModule* module() const
    {
        return static_cast<IconikModule*>(m_server->module(QStringLiteral("iconik")));
    }
    HttpResult login(const QString& password)
    {
        return m_client.postJson(
            url(QStringLiteral("/API/auth/v1/auth/simple/login/")),
            {{QStringLiteral("email"), creds().value(QStringLiteral("email")).toString()},
             {QStringLiteral("password"), password},
             {QStringLiteral("app_name"), QStringLiteral("AssetDesk")}});
    }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("iconik")}, 5);
        QVERIFY(m_server);
    }
    void cleanup() { m_server.reset(); }

    void applicationTokenReadsCurrentUser()
    {
        const HttpResult r = m_client.get(url(QStringLiteral("/API/users/v1/users/current/")), auth());
        QCOMPARE(r.status, 200);
        const QJsonObject u = r.json();
        QCOMPARE(u.value(QStringLiteral("email")).toString(),
                 creds().value(QStringLiteral("email")).toString());
        QCOMPARE(u.value(QStringLiteral("type")).toString(), QStringLiteral("ADMIN"));
        QVERIFY(!QUuid::fromString(u.value(QStringLiteral("id")).toString()).isNull());
        QCOMPARE(u.value(QStringLiteral("system_domain_id")).toString(),
                 creds().value(QStringLiteral("system_domain_id")).toString());
    }

    void rejectsBadCredentials_data()
    {
        QTest::addColumn<QByteArray>("appId");
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("nothing") << QByteArray() << QByteArray();
        QTest::newRow("no App-ID") << QByteArray() << QByteArray("demo");
        QTest::newRow("no Auth-Token") << QByteArray("demo") << QByteArray();
        QTest::newRow("unknown token") << QByteArray("demo") << QByteArray("eyJnope");
        QTest::newRow("other App-ID")
            << QByteArray("00000000-0000-4000-8000-000000000000") << QByteArray("demo");
    }

    void rejectsBadCredentials()
    {
        QFETCH(QByteArray, appId);
        QFETCH(QByteArray, token);
        Headers h;
        if (!appId.isEmpty())
            h.append({"App-ID", appId == "demo"
                                    ? creds().value(QStringLiteral("app_id")).toString().toLatin1()
                                    : appId});
        if (!token.isEmpty())
            h.append({"Auth-Token", token == "demo"
                                        ? creds().value(QStringLiteral("auth_token")).toString().toLatin1()
                                        : token});
        const HttpResult r = m_client.get(url(QStringLiteral("/API/users/v1/users/current/")), h);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("errors"), QJsonArray{QStringLiteral("Token is invalid")}}}));
    }

    void passwordLoginValidateRevoke()
    {
        const HttpResult r = login(creds().value(QStringLiteral("password")).toString());
        QCOMPARE(r.status, 201);
        const QJsonObject t = r.json();
        const QString token = t.value(QStringLiteral("auth_system_domains"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("token"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(t.value(QStringLiteral("token")).toString(), token); // the deprecated top-level copy
        QCOMPARE(t.value(QStringLiteral("app_id")).toString(),
                 creds().value(QStringLiteral("app_id")).toString());
        QVERIFY(t.value(QStringLiteral("expires")).isString());

        HttpResult v = m_client.get(url(QStringLiteral("/API/auth/v1/auth/token/")), auth(token));
        QCOMPARE(v.status, 200);
        QCOMPARE(v.json().value(QStringLiteral("token")).toString(), token);
        QCOMPARE(m_client.get(url(QStringLiteral("/API/users/v1/users/current/")), auth(token)).status, 200);
        QCOMPARE(
            m_client.send("DELETE", url(QStringLiteral("/API/auth/v1/auth/token/")), {}, auth(token)).status,
            200);
        QCOMPARE(m_client.get(url(QStringLiteral("/API/auth/v1/auth/token/")), auth(token)).status, 401);
    }

    void loginTokensExpire()
    {
        const QString token = login(creds().value(QStringLiteral("password")).toString())
                                  .json()
                                  .value(QStringLiteral("token"))
                                  .toString();
        m_server->clock().advance(std::chrono::seconds(IconikTokens::kLoginLifetimeSeconds + 1));
        QCOMPARE(m_client.get(url(QStringLiteral("/API/users/v1/users/current/")), auth(token)).status, 401);
        QCOMPARE(m_client.get(url(QStringLiteral("/API/users/v1/users/current/")), auth()).status,
                 200); // app tokens do not
    }

    void badLogins()
    {
        HttpResult r = login(QStringLiteral("wrong"));
        QCOMPARE(r.status, 401);
        QVERIFY(r.json().value(QStringLiteral("errors")).isArray());
        r = m_client.postJson(url(QStringLiteral("/API/auth/v1/auth/simple/login/")),
                              {{QStringLiteral("app_name"), QStringLiteral("x")}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(QStringLiteral("errors")).toObject().contains(QStringLiteral("email")));
    }

    void trailingSlashIsRequired()
    {
        const HttpResult r = m_client.get(url(QStringLiteral("/API/users/v1/users/current")), auth());
        QCOMPARE(r.status, 404);
        QVERIFY(r.json().value(QStringLiteral("errors")).isArray());
    }

    void rateLimitRemainingAndReal429()
    {
        HttpResult r = m_client.get(url(QStringLiteral("/API/users/v1/users/current/")), auth());
        QCOMPARE(r.header("RateLimit-Remaining"), QByteArray("999"));
        r = m_client.get(url(QStringLiteral("/API/users/v1/users/current/")), auth());
        QCOMPARE(r.header("RateLimit-Remaining"), QByteArray("998"));
        const SandboxRequest synthetic =
            syntheticRequest("GET", QStringLiteral("/API/users/v1/users/current/"),
                             {{"App-ID", creds().value(QStringLiteral("app_id")).toString().toLatin1()}});
        for (int i = 0; i < IconikModule::kRequestsPerWindow - 2; ++i)
            QVERIFY(!module()->admit(synthetic));
        r = m_client.get(url(QStringLiteral("/API/users/v1/users/current/")), auth());
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() >= 1);
        QCOMPARE(r.header("RateLimit-Remaining"), QByteArray("0"));
        m_server->clock().advance(21s);
        QCOMPARE(m_client.get(url(QStringLiteral("/API/users/v1/users/current/")), auth()).status, 200);
    }

    void injectedRateLimit()
    {
        QVERIFY(m_server->faults().add(faultSpec(QStringLiteral("iconik:GET:/API/*:rate-limit:1:3"))).ok());
        const HttpResult r = m_client.get(url(QStringLiteral("/API/users/v1/users/current/")), auth());
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("3"));
        QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("errors"),
                                         QJsonArray{QStringLiteral("Rate limit exceeded")}}}));
    }
};

QTEST_GUILESS_MAIN(TestIconikModule)
#include "tst_iconikmodule.moc"
