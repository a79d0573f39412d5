// OAuthAuthorizationServer end to end, with the test acting as the OAuth client against the
// modules that mount it: X (public client + PKCE, confidential client with Basic, rotation,
// revocation), Dynamics/Entra (client credentials, form bodies) and Zendesk (JSON token bodies).
#include "support/oauthtestclient.h"
#include "support/testhttpclient.h"

#include "sandbox/oauth/pkce.h"
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
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
            QStringLiteral("assetdesk"));
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

    // --- Dynamics 365 / Entra ---

    QUrl dyn() const { return m_server->serviceUrl(QStringLiteral("dynamics")); }
    QJsonObject dynCreds() const { return m_server->demoCredentials(QStringLiteral("dynamics")); }
    QString dynTokenPath(const QString& tenant = {}) const
    {
        return QStringLiteral("/%1/oauth2/v2.0/token")
            .arg(tenant.isEmpty() ? dynCreds().value(QStringLiteral("tenant_id")).toString() : tenant);
    }
    HttpResult whoAmI(const QString& token)
    {
        return m_client.get(urlFor(dyn(), QStringLiteral("/api/data/v9.2/WhoAmI")),
                            {{"Authorization", "Bearer " + token.toLatin1()},
                             {"OData-MaxVersion", "4.0"},
                             {"OData-Version", "4.0"},
                             {"Accept", "application/json"}});
    }
    HttpResult clientCredentials(const QString& secret, const QString& scope, const QString& tenant = {})
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("client_id"),
                          dynCreds().value(QStringLiteral("client_id")).toString());
        form.addQueryItem(QStringLiteral("client_secret"), secret);
        form.addQueryItem(QStringLiteral("scope"), scope);
        return m_client.postForm(urlFor(dyn(), dynTokenPath(tenant)), form);
    }

private slots:
    void clientCredentialsForDynamics()
    {
        const QJsonObject creds = dynCreds();
        const HttpResult r = clientCredentials(creds.value(QStringLiteral("client_secret")).toString(),
                                               creds.value(QStringLiteral("scope")).toString());
        QCOMPARE(r.status, 200);
        const QJsonObject t = r.json();
        QCOMPARE(t.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(t.value(QStringLiteral("expires_in")).toInt(), 3599);
        QCOMPARE(t.value(QStringLiteral("ext_expires_in")).toInt(), 3599);
        QVERIFY(!t.contains(QStringLiteral("refresh_token")));
        const QString token = t.value(QStringLiteral("access_token")).toString();
        const QStringList jwt = token.split(QLatin1Char('.'));
        QCOMPARE(jwt.size(), 3);
        const QJsonObject claims =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(jwt.at(1).toLatin1(),
                                       QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
                .object();
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(),
                 creds.value(QStringLiteral("environment_url")).toString());
        QCOMPARE(claims.value(QStringLiteral("tid")).toString(),
                 creds.value(QStringLiteral("tenant_id")).toString());
        QVERIFY(claims.value(QStringLiteral("exp")).toInteger() >
                claims.value(QStringLiteral("iat")).toInteger());

        const HttpResult who = whoAmI(token);
        QCOMPARE(who.status, 200);
        QCOMPARE(who.header("OData-Version"), QByteArray("4.0"));
        QCOMPARE(who.json().value(QStringLiteral("UserId")).toString(),
                 creds.value(QStringLiteral("application_user_id")).toString());
    }

    void dynamicsTokenErrorsSpeakEntra_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("aadsts");
        QTest::newRow("wrong secret") << "nope"
                                      << ""
                                      << "" << 401 << "invalid_client" << 7000215;
        QTest::newRow("foreign resource") << ""
                                          << "https://contoso.crm.dynamics.com/.default"
                                          << "" << 400 << "invalid_scope" << 70011;
        QTest::newRow("unknown tenant") << ""
                                        << ""
                                        << "not-a-tenant" << 400 << "invalid_request" << 90002;
        QTest::newRow("common tenant works") << ""
                                             << ""
                                             << "common" << 200 << "" << 0;
    }

    void dynamicsTokenErrorsSpeakEntra()
    {
        QFETCH(QString, secret);
        QFETCH(QString, scope);
        QFETCH(QString, tenant);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(int, aadsts);
        const QJsonObject creds = dynCreds();
        const HttpResult r = clientCredentials(
            secret.isEmpty() ? creds.value(QStringLiteral("client_secret")).toString() : secret,
            scope.isEmpty() ? creds.value(QStringLiteral("scope")).toString() : scope, tenant);
        QCOMPARE(r.status, status);
        if (status == 200)
            return;
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), error);
        QCOMPARE(r.json().value(QStringLiteral("error_codes")).toArray().first().toInt(), aadsts);
        QVERIFY(r.json()
                    .value(QStringLiteral("error_description"))
                    .toString()
                    .startsWith(QStringLiteral("AADSTS%1:").arg(aadsts)));
    }

    void dynamicsCodeFlowWithPkceAndExpiry()
    {
        const QJsonObject creds = dynCreds();
        const QString user = creds.value(QStringLiteral("users"))
                                 .toArray()
                                 .at(1)
                                 .toObject()
                                 .value(QStringLiteral("username"))
                                 .toString();
        const PkcePair pkce = PkcePair::make(20);
        QUrlQuery params =
            authorizeParams(creds.value(QStringLiteral("public_client_id")).toString(), kRedirect,
                            creds.value(QStringLiteral("environment_url")).toString() +
                                QStringLiteral("/user_impersonation offline_access"),
                            pkce);
        params.addQueryItem(QStringLiteral("login_hint"), user);
        const AuthorizeResult a = authorize(m_client, dyn(),
                                            QStringLiteral("/%1/oauth2/v2.0/authorize")
                                                .arg(creds.value(QStringLiteral("tenant_id")).toString()),
                                            params);
        QCOMPARE(a.status, 302);
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        form.addQueryItem(QStringLiteral("code"), a.code());
        form.addQueryItem(QStringLiteral("redirect_uri"), kRedirect);
        form.addQueryItem(QStringLiteral("client_id"),
                          creds.value(QStringLiteral("public_client_id")).toString());
        form.addQueryItem(QStringLiteral("code_verifier"), pkce.verifier);
        const HttpResult t = m_client.postForm(urlFor(dyn(), dynTokenPath()), form);
        QCOMPARE(t.status, 200);
        QVERIFY(!t.json().value(QStringLiteral("refresh_token")).toString().isEmpty());
        const QString token = t.json().value(QStringLiteral("access_token")).toString();
        const HttpResult who = whoAmI(token);
        QCOMPARE(who.status, 200);
        QCOMPARE(who.json().value(QStringLiteral("UserId")).toString(),
                 creds.value(QStringLiteral("users"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("systemuser_id"))
                     .toString());

        m_server->clock().advance(3600s);
        const HttpResult expired = whoAmI(token);
        QCOMPARE(expired.status, 401);
        QVERIFY(expired.header("WWW-Authenticate").startsWith("Bearer authorization_uri="));
        QVERIFY(expired.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("ExpiredAuthTicket")));
    }

    // --- Zendesk ---

    void zendeskTokenEndpointTakesJson()
    {
        const QUrl zd = m_server->serviceUrl(QStringLiteral("zendesk"));
        const QJsonObject creds = m_server->demoCredentials(QStringLiteral("zendesk"));
        const QString clientId = creds.value(QStringLiteral("oauth_client_id")).toString();
        const QString secret = creds.value(QStringLiteral("oauth_client_secret")).toString();
        auto code = [&] {
            return authorize(m_client, zd, QStringLiteral("/oauth/authorizations/new"),
                             authorizeParams(clientId, kRedirect, QStringLiteral("read write"), PkcePair{},
                                             QString()))
                .code();
        };
        auto exchange = [&](const QString& c, QJsonObject extra = {}) {
            QJsonObject body{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                             {QStringLiteral("code"), c},
                             {QStringLiteral("client_id"), clientId},
                             {QStringLiteral("client_secret"), secret},
                             {QStringLiteral("redirect_uri"), kRedirect},
                             {QStringLiteral("scope"), QStringLiteral("read write")}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                body.insert(it.key(), it.value());
            return m_client.postJson(urlFor(zd, QStringLiteral("/oauth/tokens")), body);
        };

        const QString first = code();
        QVERIFY(!first.isEmpty()); // state is optional for Zendesk
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        form.addQueryItem(QStringLiteral("code"), first);
        form.addQueryItem(QStringLiteral("client_id"), clientId);
        form.addQueryItem(QStringLiteral("client_secret"), secret);
        const HttpResult formAttempt = m_client.postForm(urlFor(zd, QStringLiteral("/oauth/tokens")), form);
        QCOMPARE(formAttempt.status, 400);
        QCOMPARE(formAttempt.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_request"));

        const HttpResult t = exchange(first);
        QCOMPARE(t.status, 201);
        QCOMPARE(t.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
        QCOMPARE(t.json().value(QStringLiteral("expires_in")).toInt(), 172800);
        QCOMPARE(t.json().value(QStringLiteral("refresh_token_expires_in")).toInt(), 2592000);
        const HttpResult me = m_client.get(
            urlFor(zd, QStringLiteral("/api/v2/users/me.json")),
            {{"Authorization",
              "Bearer " + t.json().value(QStringLiteral("access_token")).toString().toLatin1()}});
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
                 creds.value(QStringLiteral("email")).toString());

        // Codes live 120 s; a requested lifetime is honoured and then enforced.
        const QString late = code();
        const QString shortLived = code();
        const HttpResult shortToken = exchange(shortLived, {{QStringLiteral("expires_in"), 300}});
        QCOMPARE(shortToken.status, 201);
        QCOMPARE(shortToken.json().value(QStringLiteral("expires_in")).toInt(), 300);
        QCOMPARE(exchange(code(), {{QStringLiteral("expires_in"), 10}}).status, 400);
        m_server->clock().advance(121s);
        QCOMPARE(exchange(late).json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_grant"));
        m_server->clock().advance(180s);
        const HttpResult expired = m_client.get(
            urlFor(zd, QStringLiteral("/api/v2/users/me")),
            {{"Authorization",
              "Bearer " + shortToken.json().value(QStringLiteral("access_token")).toString().toLatin1()}});
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.json(),
                 (QJsonObject{{QStringLiteral("error"), QStringLiteral("Couldn't authenticate you")}}));
    }

    void zendeskPublicClientNeedsPkce()
    {
        const QUrl zd = m_server->serviceUrl(QStringLiteral("zendesk"));
        const QString clientId = m_server->demoCredentials(QStringLiteral("zendesk"))
                                     .value(QStringLiteral("oauth_public_client_id"))
                                     .toString();
        AuthorizeResult a =
            authorize(m_client, zd, QStringLiteral("/oauth/authorizations/new"),
                      authorizeParams(clientId, kRedirect, QStringLiteral("read"), PkcePair{}));
        QCOMPARE(a.error(), QStringLiteral("invalid_request"));
        const PkcePair pkce = PkcePair::make(30);
        a = authorize(m_client, zd, QStringLiteral("/oauth/authorizations/new"),
                      authorizeParams(clientId, kRedirect, QStringLiteral("read"), pkce));
        QVERIFY(!a.code().isEmpty());
        const HttpResult t =
            m_client.postJson(urlFor(zd, QStringLiteral("/oauth/tokens")),
                              {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                               {QStringLiteral("code"), a.code()},
                               {QStringLiteral("client_id"), clientId},
                               {QStringLiteral("redirect_uri"), kRedirect},
                               {QStringLiteral("code_verifier"), pkce.verifier}});
        QCOMPARE(t.status, 201);
        const QString refresh = t.json().value(QStringLiteral("refresh_token")).toString();
        auto refreshWith = [&](const QString& token) {
            return m_client.postJson(urlFor(zd, QStringLiteral("/oauth/tokens")),
                                     {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                      {QStringLiteral("refresh_token"), token},
                                      {QStringLiteral("client_id"), clientId}});
        };
        QCOMPARE(refreshWith(refresh).status, 201);
        QCOMPARE(refreshWith(refresh).json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_grant"));
    }
};

QTEST_GUILESS_MAIN(TestOAuthAuthorizationServer)
#include "tst_oauthauthorizationserver.moc"
