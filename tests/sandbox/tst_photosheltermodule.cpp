// The PhotoShelter module: API key on every call, v4 token sign-in and the four ways to send the
// token, session and organization authentication, OAuth, and v4 error bodies.
#include "support/oauthtestclient.h"
#include "support/sandboxfixture.h"
#include "support/testhttpclient.h"

#include "sandbox/photoshelter/photosheltermodule.h"

#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;

class TestPhotoShelterModule : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;

    QJsonObject creds() const { return m_server->demoCredentials(QStringLiteral("photoshelter")); }
    QUrl url(const QString& path) const
    {
        return urlFor(m_server->serviceUrl(QStringLiteral("photoshelter")), path);
    }
    QByteArray apiKey() const { return creds().value(QStringLiteral("api_key")).toString().toLatin1(); }

    QString signIn()
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("email"), creds().value(QStringLiteral("email")).toString());
        form.addQueryItem(QStringLiteral("password"), creds().value(QStringLiteral("password")).toString());
        form.addQueryItem(QStringLiteral("mode"), QStringLiteral("token"));
        const HttpResult r = m_client.postForm(url(QStringLiteral("/psapi/v4.0/authenticate")), form,
                                               {{"X-PS-Api-Key", apiKey()}});
        return r.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("token")).toString();
    }
    static QString firstErrorTitle(const HttpResult& r)
    {
        return r.json()
            .value(QStringLiteral("errors"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("title"))
            .toString();
    }

private slots:
    void init()
    {
        m_server = startSandbox({QStringLiteral("photoshelter")}, 12);
        QVERIFY(m_server);
    }
    void cleanup() { m_server.reset(); }

    void demoCredentialsLookRight()
    {
        QVERIFY(QRegularExpression(QStringLiteral("^[a-zA-Z0-9._]{11}$"))
                    .match(QString::fromLatin1(apiKey()))
                    .hasMatch());
        for (const QJsonValue& org : creds().value(QStringLiteral("organizations")).toArray())
            QVERIFY(QRegularExpression(QStringLiteral("^O0000[A-Z0-9]{11}$"))
                        .match(org.toObject().value(QStringLiteral("id")).toString())
                        .hasMatch());
    }

    void authenticateReturnsToken()
    {
        const QString token = signIn();
        QVERIFY(token.size() >= 20);
        // The same call with query parameters instead of a form body.
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("email"), creds().value(QStringLiteral("email")).toString());
        q.addQueryItem(QStringLiteral("password"), creds().value(QStringLiteral("password")).toString());
        q.addQueryItem(QStringLiteral("mode"), QStringLiteral("token"));
        q.addQueryItem(QStringLiteral("api_key"), QString::fromLatin1(apiKey()));
        QUrl u = url(QStringLiteral("/psapi/v4.0/authenticate"));
        u.setQuery(q);
        const HttpResult r = m_client.send("POST", u);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("meta")).isObject());
        QVERIFY(!r.json()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("token"))
                     .toString()
                     .isEmpty());
    }

    void tokenTransports_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("X-PS-Auth-Token") << "header";
        QTest::newRow("Bearer") << "bearer";
        QTest::newRow("auth_token query") << "auth_token";
        QTest::newRow("token query") << "token";
    }

    void tokenTransports()
    {
        QFETCH(QString, transport);
        const QString token = signIn();
        QUrl u = url(QStringLiteral("/psapi/v4.0/user/session"));
        Headers h{{"X-PS-Api-Key", apiKey()}};
        if (transport == QLatin1String("header"))
            h.append({"X-PS-Auth-Token", token.toLatin1()});
        else if (transport == QLatin1String("bearer"))
            h.append({"Authorization", "Bearer " + token.toLatin1()});
        else
            u.setQuery(transport + QLatin1Char('=') + token);
        const HttpResult r = m_client.get(u, h);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString(),
                 creds().value(QStringLiteral("user_id")).toString());
    }

    void sessionAndOrganization()
    {
        const QString token = signIn();
        const Headers h{{"X-PS-Api-Key", apiKey()}, {"X-PS-Auth-Token", token.toLatin1()}};
        HttpResult r = m_client.get(url(QStringLiteral("/psapi/v4.0/user/session?include=organizations")), h);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("included")).toArray().size(), 2);
        QVERIFY(r.json()
                    .value(QStringLiteral("data"))
                    .toObject()
                    .value(QStringLiteral("attributes"))
                    .toObject()
                    .value(QStringLiteral("organization_id"))
                    .isNull());
        QVERIFY(!m_client.get(url(QStringLiteral("/psapi/v4.0/user/session")), h)
                     .json()
                     .contains(QStringLiteral("included")));

        const QString org = creds()
                                .value(QStringLiteral("organizations"))
                                .toArray()
                                .at(1)
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toString();
        r = m_client.postJson(url(QStringLiteral("/psapi/v4.0/organization/authenticate")),
                              {{QStringLiteral("org_id"), org}}, h);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString(),
                 org);
        r = m_client.get(url(QStringLiteral("/psapi/v4.0/user/session")), h);
        QCOMPARE(r.json()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("attributes"))
                     .toObject()
                     .value(QStringLiteral("organization_id"))
                     .toString(),
                 org);

        r = m_client.send(
            "POST", url(QStringLiteral("/psapi/v4.0/organization/authenticate?org_id=O0000NOTAMEMBER1")), {},
            h);
        QCOMPARE(r.status, 403);
        QVERIFY(firstErrorTitle(r).contains(QStringLiteral("O0000NOTAMEMBER1")));
    }

    void rejections_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("withKey");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("title");
        QTest::newRow("no key") << "/psapi/v4.0/user/session" << false << QByteArray() << QByteArray() << 401
                                << "API key required";
        QTest::newRow("wrong key") << "/psapi/v4.0/user/session" << true << QByteArray("AAAAAAAAAAA")
                                   << QByteArray() << 401 << "Invalid API key";
        QTest::newRow("no token") << "/psapi/v4.0/user/session" << true << QByteArray() << QByteArray() << 401
                                  << "Authentication required";
        QTest::newRow("bad token") << "/psapi/v4.0/user/session" << true << QByteArray() << QByteArray("nope")
                                   << 401 << "Invalid or expired auth token";
    }

    void rejections()
    {
        QFETCH(QString, path);
        QFETCH(bool, withKey);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        QFETCH(QString, title);
        Headers h;
        if (withKey)
            h.append({"X-PS-Api-Key", key.isEmpty() ? apiKey() : key});
        if (!token.isEmpty())
            h.append({"X-PS-Auth-Token", token});
        const HttpResult r = m_client.get(url(path), h);
        QCOMPARE(r.status, status);
        QCOMPARE(firstErrorTitle(r), title);
    }

    void badSignIns()
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("email"), creds().value(QStringLiteral("email")).toString());
        form.addQueryItem(QStringLiteral("password"), QStringLiteral("wrong"));
        form.addQueryItem(QStringLiteral("mode"), QStringLiteral("token"));
        HttpResult r = m_client.postForm(url(QStringLiteral("/psapi/v4.0/authenticate")), form,
                                         {{"X-PS-Api-Key", apiKey()}});
        QCOMPARE(r.status, 401);
        QCOMPARE(firstErrorTitle(r), QStringLiteral("Invalid email or password"));
        form.removeAllQueryItems(QStringLiteral("mode"));
        r = m_client.postForm(url(QStringLiteral("/psapi/v4.0/authenticate")), form,
                              {{"X-PS-Api-Key", apiKey()}});
        QCOMPARE(r.status, 400);
    }

    void oauthCodeFlow()
    {
        const QString clientId = creds().value(QStringLiteral("oauth_client_id")).toString();
        const QString redirect = QStringLiteral("http://127.0.0.1:8123/ps");
        QUrlQuery params = authorizeParams(clientId, redirect, {}, PkcePair{});
        AuthorizeResult a = authorize(m_client, m_server->serviceUrl(QStringLiteral("photoshelter")),
                                      QStringLiteral("/psapi/v4.0/oauth/authorize"), params);
        QCOMPARE(a.status, 401); // the browser step needs the api_key
        params.addQueryItem(QStringLiteral("api_key"), QString::fromLatin1(apiKey()));
        a = authorize(m_client, m_server->serviceUrl(QStringLiteral("photoshelter")),
                      QStringLiteral("/psapi/v4.0/oauth/authorize"), params);
        QCOMPARE(a.status, 302);
        const HttpResult t =
            m_client.postJson(url(QStringLiteral("/psapi/v4.0/oauth/token")),
                              {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                               {QStringLiteral("code"), a.code()},
                               {QStringLiteral("client_id"), clientId},
                               {QStringLiteral("client_secret"),
                                creds().value(QStringLiteral("oauth_client_secret")).toString()},
                               {QStringLiteral("redirect_uri"), redirect}});
        QCOMPARE(t.status, 200);
        QVERIFY(t.json().contains(QStringLiteral("refresh_token")));
        const QByteArray access = t.json().value(QStringLiteral("access_token")).toString().toLatin1();
        HttpResult s = m_client.get(url(QStringLiteral("/psapi/v4.0/user/session")),
                                    {{"X-PS-Api-Key", apiKey()}, {"Authorization", "Bearer " + access}});
        QCOMPARE(s.status, 200);
        s = m_client.get(url(QStringLiteral("/psapi/v4.0/user/session")),
                         {{"Authorization", "Bearer " + access}});
        QCOMPARE(s.status, 401); // the API key is still required beside the bearer token
    }

    void injectedFaultsUseV4Errors()
    {
        QVERIFY(m_server->faults()
                    .add(faultSpec(QStringLiteral("photoshelter:*:*:rate-limit:1:9:count=1")))
                    .ok());
        HttpResult r = m_client.get(url(QStringLiteral("/psapi/v4.0/user/session")));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("9"));
        QCOMPARE(firstErrorTitle(r), QStringLiteral("Too Many Requests"));
        r = m_client.get(url(QStringLiteral("/psapi/v4.0/nothing")), {{"X-PS-Api-Key", apiKey()}});
        QCOMPARE(r.status, 404);
        QVERIFY(!firstErrorTitle(r).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPhotoShelterModule)
#include "tst_photosheltermodule.moc"
