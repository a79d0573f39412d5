// The X module through a plain HTTP client: Bearer authentication and Problem errors, the
// /2/users/me fields, scope checks, and x-rate-limit-* headers counting down to a real 429.
#include "support/sandboxfixture.h"
#include "support/testhttpclient.h"

#include "sandbox/x/xmodule.h"

#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;
using namespace std::chrono_literals;

class TestXModule : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;

    QUrl url(const QString& path) const { return urlFor(m_server->serviceUrl(QStringLiteral("x")), path); }
    QJsonObject user(int i) const
    {
        return m_server->demoCredentials(QStringLiteral("x"))
            .value(QStringLiteral("users"))
            .toArray()
            .at(i)
            .toObject();
    }
    static QByteArray bearer(const QString& token) { return "Bearer " + token.toLatin1(); }
    HttpResult me(const QString& token, const QString& query = {})
    {
        return m_client.get(url(QStringLiteral("/2/users/me") + query), {{"Authorization", bearer(token)}});
    }
    XModule* module() const { return static_cast<XModule*>(m_server->module(QStringLiteral("x"))); }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("x")}, 21);
        QVERIFY(m_server);
    }
    void cleanup() { m_server.reset(); }

    void demoAccountsAuthenticate()
    {
        const QStringList expected{QStringLiteral("assetdesk"), QStringLiteral("assetdesk_de"),
                                   QStringLiteral("assetdesk_jp")};
        for (int i = 0; i < 3; ++i) {
            const HttpResult r = me(user(i).value(QStringLiteral("access_token")).toString());
            QCOMPARE(r.status, 200);
            const QJsonObject data = r.json().value(QStringLiteral("data")).toObject();
            QCOMPARE(data.value(QStringLiteral("username")).toString(), expected.at(i));
            QCOMPARE(data.value(QStringLiteral("id")).toString(),
                     user(i).value(QStringLiteral("id")).toString());
            QCOMPARE(data.keys(),
                     (QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("username")}));
            QVERIFY(data.value(QStringLiteral("id")).toString().size() <= 19);
        }
    }

    void credentialsAreDeterministic()
    {
        const QJsonObject first = m_server->demoCredentials(QStringLiteral("x"));
        auto again = startSandbox({QStringLiteral("x")}, 21);
        QVERIFY(again);
        QCOMPARE(again->demoCredentials(QStringLiteral("x")), first);
        auto other = startSandbox({QStringLiteral("x")}, 22);
        QVERIFY(other);
        QVERIFY(other->demoCredentials(QStringLiteral("x")) != first);
    }

    void rejectsBadCredentials_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("unknown bearer") << QByteArray("Bearer not-a-token");
        QTest::newRow("empty bearer") << QByteArray("Bearer ");
        QTest::newRow("basic") << basicAuth(QStringLiteral("assetdesk"), QStringLiteral("secret"));
    }

    void rejectsBadCredentials()
    {
        QFETCH(QByteArray, authorization);
        Headers headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const HttpResult r = m_client.get(url(QStringLiteral("/2/users/me")), headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("title"), QStringLiteral("Unauthorized")},
                                        {QStringLiteral("type"), QStringLiteral("about:blank")},
                                        {QStringLiteral("status"), 401},
                                        {QStringLiteral("detail"), QStringLiteral("Unauthorized")}}));
        QVERIFY(r.hasHeader("x-rate-limit-limit")); // on every response, errors included
    }

    void appOnlyBearerIsNotAUserContext()
    {
        const QString app = m_server->demoCredentials(QStringLiteral("x"))
                                .value(QStringLiteral("app_bearer_token"))
                                .toString();
        const HttpResult r = me(app);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://api.twitter.com/2/problems/unsupported-authentication"));
    }

    void userFields()
    {
        const QString token = user(1).value(QStringLiteral("access_token")).toString();
        HttpResult r =
            me(token, QStringLiteral("?user.fields=created_at,public_metrics,description,pinned_tweet_id"));
        QCOMPARE(r.status, 200);
        const QJsonObject data = r.json().value(QStringLiteral("data")).toObject();
        QVERIFY(data.value(QStringLiteral("created_at")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(!data.value(QStringLiteral("description")).toString().isEmpty());
        QVERIFY(data.value(QStringLiteral("public_metrics"))
                    .toObject()
                    .value(QStringLiteral("followers_count"))
                    .toInt() > 0);
        QVERIFY(!data.contains(QStringLiteral("pinned_tweet_id"))); // valid, but these accounts have none

        r = me(token, QStringLiteral("?user.fields=created_at,bogus"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://api.twitter.com/2/problems/invalid-request"));
        const QJsonObject error = r.json().value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(error.value(QStringLiteral("parameters"))
                     .toObject()
                     .value(QStringLiteral("user.fields"))
                     .toArray(),
                 QJsonArray{QStringLiteral("bogus")});
    }

    void scopesAreEnforced()
    {
        const auto tokens = module()->oauth().issue(
            user(0).value(QStringLiteral("id")).toString(),
            m_server->demoCredentials(QStringLiteral("x")).value(QStringLiteral("client_id")).toString(),
            {QStringLiteral("tweet.read")}, false);
        const HttpResult r = me(tokens.accessToken);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(QStringLiteral("title")).toString(), QStringLiteral("Forbidden"));
    }

    void rateLimitCountsDownToA429()
    {
        const QString token = user(0).value(QStringLiteral("access_token")).toString();
        const qint64 start = m_server->clock().nowSecsSinceEpoch();
        qint64 reset = 0;
        for (int i = 1; i <= 75; ++i) {
            const HttpResult r = me(token);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("x-rate-limit-limit"), QByteArray("75"));
            QCOMPARE(r.header("x-rate-limit-remaining").toInt(), 75 - i);
            if (i == 1) {
                reset = r.header("x-rate-limit-reset").toLongLong();
                QVERIFY(reset >= start + 899 && reset <= start + 901); // 15-minute window, epoch seconds
            }
            QCOMPARE(r.header("x-rate-limit-reset").toLongLong(), reset);
        }
        const HttpResult limited = me(token);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.json().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Too Many Requests"));
        QCOMPARE(limited.json().value(QStringLiteral("status")).toInt(), 429);
        QCOMPARE(limited.header("x-rate-limit-remaining"), QByteArray("0"));
        QCOMPARE(limited.header("x-rate-limit-reset").toLongLong(), reset);
        QVERIFY(!m_server->journal().entries(QStringLiteral("x")).last().fault); // a real limit, not a fault

        // Windows are per user: another account still has its full budget.
        QCOMPARE(
            me(user(1).value(QStringLiteral("access_token")).toString()).header("x-rate-limit-remaining"),
            QByteArray("74"));

        m_server->clock().advance(901s);
        const HttpResult later = me(token);
        QCOMPARE(later.status, 200);
        QCOMPARE(later.header("x-rate-limit-remaining"), QByteArray("74"));
    }

    void injectedRateLimitUsesXHeaders()
    {
        QVERIFY(m_server->faults()
                    .add(faultSpec(QStringLiteral("x:GET:/2/users/me:rate-limit:1:retry=60:count=1")))
                    .ok());
        const HttpResult r = me(user(0).value(QStringLiteral("access_token")).toString());
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(r.json().value(QStringLiteral("title")).toString(), QStringLiteral("Too Many Requests"));
        QCOMPARE(r.header("x-rate-limit-limit"), QByteArray("75"));
        QCOMPARE(r.header("x-rate-limit-remaining"), QByteArray("0"));
        const qint64 reset = r.header("x-rate-limit-reset").toLongLong();
        const qint64 now = m_server->clock().nowSecsSinceEpoch();
        QVERIFY2(reset >= now + 58 && reset <= now + 61, qPrintable(QString::number(reset - now)));
        QVERIFY(!r.hasHeader("Retry-After")); // X signals the wait with x-rate-limit-reset only
        QCOMPARE(me(user(0).value(QStringLiteral("access_token")).toString()).status, 200);
    }

    void injectedServerErrorIsAProblem()
    {
        QVERIFY(m_server->faults().add(faultSpec(QStringLiteral("x:*:/2/*:server-error:1:503"))).ok());
        const HttpResult r = me(user(0).value(QStringLiteral("access_token")).toString());
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(QStringLiteral("title")).toString(), QStringLiteral("Service Unavailable"));
        QCOMPARE(r.json().value(QStringLiteral("status")).toInt(), 503);
    }

    void unknownEndpointIsAProblem()
    {
        const HttpResult r = m_client.get(url(QStringLiteral("/2/nothing/here")));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("type")).toString(), QStringLiteral("about:blank"));
        QVERIFY(r.hasHeader("x-rate-limit-remaining"));
    }
};

QTEST_GUILESS_MAIN(TestXModule)
#include "tst_xmodule.moc"
