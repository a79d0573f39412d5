// OAuthAuthorizationServer end to end, with the test acting as the OAuth client against the
// modules that mount it: X (public client + PKCE, confidential client with Basic, rotation,
// revocation), Dynamics/Entra (client credentials, form bodies) and Zendesk (JSON token bodies).
#include "support/oauthtestclient.h"
#include "support/testhttpclient.h"

#include "sandbox/oauth/pkce.h"
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;
using namespace std::chrono_literals;

namespace {

const QString kRedirect = QStringLiteral("http://127.0.0.1:53682/callback");
const QString kXScopes = QStringLiteral("tweet.read users.read offline.access");

} // namespace

class TestOAuthAuthorizationServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    TestHttpClient m_client;

    QUrl x() const { return m_server->serviceUrl(QStringLiteral("x")); }
    QJsonObject xCreds() const { return m_server->demoCredentials(QStringLiteral("x")); }
    QString xClient() const { return xCreds().value(QStringLiteral("client_id")).toString(); }

    QString xCode(const PkcePair& pkce, const QString& scope = kXScopes, const QString& redirect = kRedirect)
    {
        const AuthorizeResult a = authorize(m_client, x(), QStringLiteral("/i/oauth2/authorize"),
                                            authorizeParams(xClient(), redirect, scope, pkce));
        if (a.status != 302 || a.code().isEmpty())
            qWarning("authorize failed: %d %s", a.status, qPrintable(a.location.toString()));
        return a.code();
    }

    HttpResult xExchange(const QString& code, const QString& verifier, const QString& redirect = kRedirect)
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        form.addQueryItem(QStringLiteral("code"), code);
        form.addQueryItem(QStringLiteral("redirect_uri"), redirect);
        form.addQueryItem(QStringLiteral("client_id"), xClient());
        form.addQueryItem(QStringLiteral("code_verifier"), verifier);
        return m_client.postForm(urlFor(x(), QStringLiteral("/2/oauth2/token")), form);
    }

    HttpResult xMe(const QString& accessToken)
    {
        return m_client.get(urlFor(x(), QStringLiteral("/2/users/me")),
                            {{"Authorization", "Bearer " + accessToken.toLatin1()}});
    }

private slots:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        SandboxOptions options;
        options.seed = 3;
        const Status s = m_server->start(options);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toLogString()));
    }

    void cleanup() { m_server.reset(); }

    void pkceChallengeMatchesRfc7636Example()
    {
        // RFC 7636 appendix B.
        QCOMPARE(Pkce::s256Challenge(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
                 QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        QVERIFY(!Pkce::isWellFormed(QStringLiteral("short")));
        QVERIFY(!Pkce::verify(QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("S512")));
    }

    void fullCodeFlowWithPkce()
    {
        const PkcePair pkce = PkcePair::make(1);
        const AuthorizeResult a =
            authorize(m_client, x(), QStringLiteral("/i/oauth2/authorize"),
                      authorizeParams(xClient(), kRedirect, kXScopes, pkce, QStringLiteral("a b&c=d")));
        QCOMPARE(a.status, 302);
        QCOMPARE(a.location.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(a.location.port(), 53682);
        QCOMPARE(a.location.path(), QStringLiteral("/callback"));
        QCOMPARE(a.state(), QStringLiteral("a b&c=d")); // returned exactly, however awkward
        QVERIFY(!a.code().isEmpty());

        const HttpResult token = xExchange(a.code(), pkce.verifier);
        QCOMPARE(token.status, 200);
        const QJsonObject t = token.json();
        QCOMPARE(t.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
        QCOMPARE(t.value(QStringLiteral("expires_in")).toInt(), 7200);
        QCOMPARE(t.value(QStringLiteral("scope")).toString(), kXScopes);
        QVERIFY(!t.value(QStringLiteral("access_token")).toString().isEmpty());
        QVERIFY(!t.value(QStringLiteral("refresh_token")).toString().isEmpty());
        QCOMPARE(token.header("Cache-Control"), QByteArray("no-store"));

        const HttpResult me = xMe(t.value(QStringLiteral("access_token")).toString());
        QCOMPARE(me.status, 200);
        QCOMPARE(
            me.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("username")).toString(),
            QStringLiteral("assetdesk_global"));
    }

    void alternateAuthorizePathAndLoginHint()
    {
        const PkcePair pkce = PkcePair::make(2);
        QUrlQuery params =
            authorizeParams(xClient(), QStringLiteral("http://localhost:9/cb"), kXScopes, pkce);
        params.addQueryItem(QStringLiteral("login_hint"), QStringLiteral("assetdesk_jp"));
        const AuthorizeResult a = authorize(m_client, x(), QStringLiteral("/2/oauth2/authorize"), params);
        QCOMPARE(a.status, 302);
        const HttpResult token = xExchange(a.code(), pkce.verifier, QStringLiteral("http://localhost:9/cb"));
        QCOMPARE(token.status, 200);
        const HttpResult me = xMe(token.json().value(QStringLiteral("access_token")).toString());
        QCOMPARE(
            me.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("username")).toString(),
            QStringLiteral("assetdesk_jp"));
    }

    void authorizeRejections_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("redirects");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing state") << "state"
                                       << "" << true << "invalid_request";
        QTest::newRow("missing challenge") << "code_challenge"
                                           << "" << true << "invalid_request";
        QTest::newRow("unsupported method") << "code_challenge_method"
                                            << "S512" << true << "invalid_request";
        QTest::newRow("implicit flow") << "response_type"
                                       << "token" << true << "unsupported_response_type";
        QTest::newRow("unknown scope") << "scope"
                                       << "tweet.read launch.rockets" << true << "invalid_scope";
        QTest::newRow("remote redirect") << "redirect_uri"
                                         << "https://evil.example/cb" << false << "invalid_request";
        QTest::newRow("https loopback") << "redirect_uri"
                                        << "https://127.0.0.1:8/cb" << false << "invalid_request";
        QTest::newRow("unknown client") << "client_id"
                                        << "nobody" << false << "invalid_request";
    }

    void authorizeRejections()
    {
        QFETCH(QString, change);
        QFETCH(QString, value);
        QFETCH(bool, redirects);
        QFETCH(QString, error);
        QUrlQuery params = authorizeParams(xClient(), kRedirect, kXScopes, PkcePair::make(3));
        params.removeAllQueryItems(change);
        if (!value.isEmpty())
            params.addQueryItem(change, value);
        const AuthorizeResult a = authorize(m_client, x(), QStringLiteral("/i/oauth2/authorize"), params);
        if (redirects) {
            QCOMPARE(a.status, 302);
            QVERIFY(a.code().isEmpty());
            QCOMPARE(a.error(), error);
            QCOMPARE(a.location.toString(QUrl::RemoveQuery), kRedirect);
        } else {
            QCOMPARE(a.status, 400);
            QCOMPARE(a.errorBody.value(QStringLiteral("error")).toString(), error);
            QVERIFY(!a.errorBody.value(QStringLiteral("error_description")).toString().isEmpty());
        }
    }

    void ipv6LoopbackRedirectAccepted()
    {
        const AuthorizeResult a = authorize(
            m_client, x(), QStringLiteral("/i/oauth2/authorize"),
            authorizeParams(xClient(), QStringLiteral("http://[::1]:4711/cb"), kXScopes, PkcePair::make(4)));
        QCOMPARE(a.status, 302);
        QVERIFY(!a.code().isEmpty());
    }

    void wrongVerifierRejected()
    {
        const PkcePair pkce = PkcePair::make(5);
        const QString code = xCode(pkce);
        HttpResult r = xExchange(code, PkcePair::make(6).verifier);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
        r = xExchange(code, QString());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
        QCOMPARE(xExchange(code, pkce.verifier).status, 200); // a failed attempt does not burn the code
    }

    void codeReuseRejectedAndRevokesTokens()
    {
        const PkcePair pkce = PkcePair::make(7);
        const QString code = xCode(pkce);
        const HttpResult first = xExchange(code, pkce.verifier);
        QCOMPARE(first.status, 200);
        const QString access = first.json().value(QStringLiteral("access_token")).toString();
        QCOMPARE(xMe(access).status, 200);
        const HttpResult second = xExchange(code, pkce.verifier);
        QCOMPARE(second.status, 400);
        QCOMPARE(second.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
        QCOMPARE(xMe(access).status, 401); // RFC 6749 §4.1.2: tokens of a replayed code are revoked
    }

    void expiredCodeRejected()
    {
        const PkcePair pkce = PkcePair::make(8);
        const QString fresh = xCode(pkce);
        const QString stale = xCode(pkce);
        m_server->clock().advance(29s);
        QCOMPARE(xExchange(fresh, pkce.verifier).status, 200);
        m_server->clock().advance(2s); // 31 s: X codes live 30 s
        const HttpResult r = xExchange(stale, pkce.verifier);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
        QVERIFY(r.json()
                    .value(QStringLiteral("error_description"))
                    .toString()
                    .contains(QStringLiteral("expired")));
    }

    void redirectUriMismatchRejected()
    {
        const PkcePair pkce = PkcePair::make(9);
        const QString code = xCode(pkce);
        const HttpResult r =
            xExchange(code, pkce.verifier, QStringLiteral("http://127.0.0.1:53683/callback"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    }

    void refreshRotatesTokens()
    {
        const PkcePair pkce = PkcePair::make(10);
        const HttpResult first = xExchange(xCode(pkce), pkce.verifier);
        const QString refresh1 = first.json().value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!refresh1.isEmpty());
        auto refresh = [this](const QString& token) {
            QUrlQuery form;
            form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
            form.addQueryItem(QStringLiteral("refresh_token"), token);
            form.addQueryItem(QStringLiteral("client_id"), xClient());
            return m_client.postForm(urlFor(x(), QStringLiteral("/2/oauth2/token")), form);
        };
        const HttpResult second = refresh(refresh1);
        QCOMPARE(second.status, 200);
        const QString refresh2 = second.json().value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!refresh2.isEmpty());
        QVERIFY(refresh2 != refresh1);
        QCOMPARE(xMe(second.json().value(QStringLiteral("access_token")).toString()).status, 200);

        const HttpResult replay = refresh(refresh1);
        QCOMPARE(replay.status, 400);
        QCOMPARE(replay.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
        QCOMPARE(refresh(refresh2).status, 200);
    }

    void noRefreshTokenWithoutOfflineAccess()
    {
        const PkcePair pkce = PkcePair::make(11);
        const HttpResult r = xExchange(xCode(pkce, QStringLiteral("tweet.read users.read")), pkce.verifier);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().contains(QStringLiteral("refresh_token")));
    }

    void confidentialClientUsesBasic()
    {
        const QString id = xCreds().value(QStringLiteral("confidential_client_id")).toString();
        const QString secret = xCreds().value(QStringLiteral("confidential_client_secret")).toString();
        const PkcePair pkce = PkcePair::make(12);
        auto codeFor = [&] {
            return authorize(m_client, x(), QStringLiteral("/i/oauth2/authorize"),
                             authorizeParams(id, kRedirect, kXScopes, pkce))
                .code();
        };
        auto exchange = [&](const QString& code, const QByteArray& authorization, bool bodyClientId) {
            QUrlQuery form;
            form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
            form.addQueryItem(QStringLiteral("code"), code);
            form.addQueryItem(QStringLiteral("redirect_uri"), kRedirect);
            form.addQueryItem(QStringLiteral("code_verifier"), pkce.verifier);
            if (bodyClientId)
                form.addQueryItem(QStringLiteral("client_id"), id);
            Headers headers;
            if (!authorization.isEmpty())
                headers.append({"Authorization", authorization});
            return m_client.postForm(urlFor(x(), QStringLiteral("/2/oauth2/token")), form, headers);
        };
        const QString code = codeFor();
        HttpResult r = exchange(code, basicAuth(id, QStringLiteral("wrong")), false);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
        r = exchange(code, {}, true); // a confidential client must authenticate
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
        r = exchange(code, basicAuth(id, secret), false);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().value(QStringLiteral("access_token")).toString().isEmpty());
    }

    void revokeStopsAccessToken()
    {
        const PkcePair pkce = PkcePair::make(13);
        const QString access =
            xExchange(xCode(pkce), pkce.verifier).json().value(QStringLiteral("access_token")).toString();
        QCOMPARE(xMe(access).status, 200);
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("token"), access);
        form.addQueryItem(QStringLiteral("token_type_hint"), QStringLiteral("access_token"));
        form.addQueryItem(QStringLiteral("client_id"), xClient());
        const HttpResult r = m_client.postForm(urlFor(x(), QStringLiteral("/2/oauth2/revoke")), form);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("revoked")).toBool(), true);
        const HttpResult me = xMe(access);
        QCOMPARE(me.status, 401);
        QCOMPARE(me.json().value(QStringLiteral("title")).toString(), QStringLiteral("Unauthorized"));
    }

    void expiredAccessTokenGetsModule401()
    {
        const PkcePair pkce = PkcePair::make(14);
        const QString access =
            xExchange(xCode(pkce), pkce.verifier).json().value(QStringLiteral("access_token")).toString();
        m_server->clock().advance(7199s);
        QCOMPARE(xMe(access).status, 200);
        m_server->clock().advance(2s);
        const HttpResult me = xMe(access);
        QCOMPARE(me.status, 401);
        QCOMPARE(me.json(), (QJsonObject{{QStringLiteral("title"), QStringLiteral("Unauthorized")},
                                         {QStringLiteral("type"), QStringLiteral("about:blank")},
                                         {QStringLiteral("status"), 401},
                                         {QStringLiteral("detail"), QStringLiteral("Unauthorized")}}));
    }

    void xTokenEndpointWantsAForm()
    {
        const PkcePair pkce = PkcePair::make(15);
        const HttpResult r =
            m_client.postJson(urlFor(x(), QStringLiteral("/2/oauth2/token")),
                              {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                               {QStringLiteral("code"), xCode(pkce)},
                               {QStringLiteral("client_id"), xClient()}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("password"));
        form.addQueryItem(QStringLiteral("client_id"), xClient());
        const HttpResult unsupported =
            m_client.postForm(urlFor(x(), QStringLiteral("/2/oauth2/token")), form);
        QCOMPARE(unsupported.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("unsupported_grant_type"));
    }

    void demoTokensArePreAuthorized()
    {
        const QJsonArray users = xCreds().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 3);
        for (const QJsonValue& v : users) {
            const QJsonObject u = v.toObject();
            const HttpResult me = xMe(u.value(QStringLiteral("access_token")).toString());
            QCOMPARE(me.status, 200);
            QCOMPARE(
                me.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString(),
                u.value(QStringLiteral("id")).toString());
        }
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("refresh_token"),
                          users.first().toObject().value(QStringLiteral("refresh_token")).toString());
        form.addQueryItem(QStringLiteral("client_id"), xClient());
        QCOMPARE(m_client.postForm(urlFor(x(), QStringLiteral("/2/oauth2/token")), form).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestOAuthAuthorizationServer)
#include "tst_oauthauthorizationserver.moc"
