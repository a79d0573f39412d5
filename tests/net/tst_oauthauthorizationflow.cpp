#include "testauthserver.h"

#include "net/oauthauthorizationflow.h"
#include "net/pkce.h"

#include <QTcpSocket>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;
using namespace std::chrono_literals;

namespace {

struct FlowRun
{
    std::optional<Result<Credentials>> result;
};

std::shared_ptr<FlowRun> watch(OAuthAuthorizationFlow& flow)
{
    auto run = std::make_shared<FlowRun>();
    QObject::connect(&flow, &OAuthAuthorizationFlow::finished, &flow,
                     [run](const Result<Credentials>& r) { run->result.emplace(r); });
    return run;
}

QString describe(const std::optional<Result<Credentials>>& r)
{
    if (!r)
        return QStringLiteral("(not finished)");
    return r->ok() ? QStringLiteral("(ok)") : r->error().toLogString();
}

bool portAccepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(500);
}

HttpClientOptions httpOptions()
{
    HttpClientOptions o;
    o.serviceId = QStringLiteral("testauth");
    return o;
}

} // namespace

class TestOAuthAuthorizationFlow : public QObject
{
    Q_OBJECT
private slots:
    void happyPath_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<int>("clientAuth");
        QTest::addColumn<bool>("json");
        QTest::newRow("public client, form (X)")
            << QString() << int(OAuthConfig::ClientAuthentication::BasicHeader) << false;
        QTest::newRow("confidential, Basic (X)")
            << QStringLiteral("s3cret-client") << int(OAuthConfig::ClientAuthentication::BasicHeader)
            << false;
        QTest::newRow("confidential, secret in body (PhotoShelter)")
            << QStringLiteral("s3cret-client") << int(OAuthConfig::ClientAuthentication::RequestBody)
            << false;
        QTest::newRow("confidential, JSON body (Zendesk)")
            << QStringLiteral("s3cret-client") << int(OAuthConfig::ClientAuthentication::RequestBody) << true;
    }
    void happyPath()
    {
        QFETCH(QString, secret);
        QFETCH(int, clientAuth);
        QFETCH(bool, json);
        TestAuthorizationServer::Options serverOptions;
        serverOptions.clientSecret = secret;
        serverOptions.clientAuthentication = OAuthConfig::ClientAuthentication(clientAuth);
        serverOptions.jsonBody = json;
        TestAuthorizationServer server(serverOptions);
        QVERIFY(server.listen());
        TestBrowser browser;
        OAuthConfig config = server.config();
        config.extraAuthorizeParameters = {{QStringLiteral("prompt"), QStringLiteral("consent")}};
        OAuthAuthorizationFlow flow(config, httpOptions(),
                                    [&browser](const QUrl& url) { browser.open(url); });
        auto run = watch(flow);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(run->result.has_value(), 10000);
        QVERIFY2(run->result->ok(), qPrintable(describe(run->result) + QStringLiteral(" server: ") +
                                               server.tokenProblem + server.authorizeProblem));

        const Credentials& credentials = run->result->value();
        QCOMPARE(credentials.accessToken, server.lastIssuedAccessToken);
        QCOMPARE(credentials.refreshToken, server.lastIssuedRefreshToken);
        QVERIFY(qAbs(before.addSecs(7200).secsTo(credentials.accessTokenExpiresAt)) < 10);
        QCOMPARE(server.pkceVerified, 1); // S256(verifier) == challenge, checked by the server
        QCOMPARE(server.tokenRequests, 1);
        QCOMPARE(browser.opened, 1);
        QCOMPARE(browser.lastStatus, 200); // the loopback page

        // The redirect is http://127.0.0.1:<ephemeral>/callback, the same at both steps.
        const QUrl redirect = flow.redirectUri();
        QCOMPARE(redirect.scheme(), QStringLiteral("http"));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(redirect.port() > 1024);
        QCOMPARE(redirect.path(), QStringLiteral("/callback"));
        const QUrlQuery& authorize = server.lastAuthorize;
        QCOMPARE(QUrl(authorize.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)),
                 redirect);
        QCOMPARE(QUrl(server.lastTokenRedirectUri), redirect);
        QCOMPARE(authorize.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(authorize.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
                 QStringLiteral("tweet.read users.read offline.access"));
        QCOMPARE(authorize.queryItemValue(QStringLiteral("prompt")), QStringLiteral("consent"));
        QVERIFY(authorize.queryItemValue(QStringLiteral("state")).size() >= 43);
        QVERIFY(!authorize.hasQueryItem(QStringLiteral("client_secret")));
        // The listener is gone once the flow is over.
        QTRY_VERIFY(!portAccepts(quint16(redirect.port())));
    }

    void stateMismatchFailsWithoutTokenRequest()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        server.tamper = TestAuthorizationServer::Tamper::State;
        TestBrowser browser;
        OAuthAuthorizationFlow flow(server.config(), httpOptions(),
                                    [&browser](const QUrl& url) { browser.open(url); });
        auto run = watch(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(run->result.has_value(), 10000);
        QVERIFY(!run->result->ok());
        QCOMPARE(run->result->error().kind(), ErrorKind::Auth);
        QCOMPARE(run->result->error().message(),
                 QStringLiteral(
                     "The sign-in answer did not match this request (state mismatch); nothing was stored."));
        QTest::qWait(300); // give a stray token request every chance to show up
        QCOMPARE(server.authorizeRequests, 1);
        QCOMPARE(server.tokenRequests, 0);
    }

    void invalidCodeCarriesTheServersDescription()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        server.tamper = TestAuthorizationServer::Tamper::Code;
        TestBrowser browser;
        OAuthAuthorizationFlow flow(server.config(), httpOptions(),
                                    [&browser](const QUrl& url) { browser.open(url); });
        auto run = watch(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(run->result.has_value(), 10000);
        QVERIFY(!run->result->ok());
        const Error& error = run->result->error();
        QCOMPARE(error.kind(), ErrorKind::Auth);
        QVERIFY2(
            error.message().contains(QStringLiteral("Value passed for the authorization code was invalid.")),
            qPrintable(error.message()));
        QCOMPARE(error.apiCode(), QStringLiteral("invalid_request"));
        QCOMPARE(error.httpStatus(), 400);
        QCOMPARE(server.tokenRequests, 1);
    }

    void declinedInTheBrowser()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        server.tamper = TestAuthorizationServer::Tamper::Deny;
        TestBrowser browser;
        OAuthAuthorizationFlow flow(server.config(), httpOptions(),
                                    [&browser](const QUrl& url) { browser.open(url); });
        auto run = watch(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(run->result.has_value(), 10000);
        QCOMPARE(run->result->error().kind(), ErrorKind::Auth);
        QCOMPARE(run->result->error().apiCode(), QStringLiteral("access_denied"));
        QCOMPARE(server.tokenRequests, 0);
    }

    void unfinishedSignInTimesOut()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        OAuthConfig config = server.config();
        config.flowTimeout = 300ms;
        QUrl opened;
        OAuthAuthorizationFlow flow(config, httpOptions(),
                                    [&opened](const QUrl& url) { opened = url; }); // user walks away
        auto run = watch(flow);
        flow.start();
        QVERIFY(opened.isValid());
        QCOMPARE(opened, flow.authorizationUrl());
        const quint16 port = quint16(flow.redirectUri().port());
        QVERIFY(portAccepts(port));
        QTRY_VERIFY_WITH_TIMEOUT(run->result.has_value(), 5000);
        QCOMPARE(run->result->error().kind(), ErrorKind::Auth);
        QVERIFY2(run->result->error().message().contains(QStringLiteral("not completed")),
                 qPrintable(run->result->error().message()));
        QTRY_VERIFY(!portAccepts(port));
        QCOMPARE(server.tokenRequests, 0);
    }

    void cancel()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        OAuthAuthorizationFlow flow(server.config(), httpOptions(), [](const QUrl&) {});
        auto run = watch(flow);
        flow.start();
        QVERIFY(flow.isRunning());
        flow.cancel();
        QVERIFY(run->result.has_value());
        QCOMPARE(run->result->error().kind(), ErrorKind::Cancelled);
        QVERIFY(!flow.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestOAuthAuthorizationFlow)
#include "tst_oauthauthorizationflow.moc"
