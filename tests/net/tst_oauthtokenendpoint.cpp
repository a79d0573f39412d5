#include "testauthserver.h"

#include "net/oauthtokenendpoint.h"
#include "net/pkce.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;

Q_DECLARE_METATYPE(AssetDesk::OAuthConfig::ClientAuthentication)

namespace {

template<typename T>
struct Answer
{
    std::optional<Result<T>> result;
    QString text() const
    {
        if (!result)
            return QStringLiteral("(not finished)");
        return result->ok() ? QStringLiteral("(ok)") : result->error().toLogString();
    }
};

HttpClientOptions httpOptions()
{
    HttpClientOptions o;
    o.serviceId = QStringLiteral("testauth");
    o.redactor = std::make_shared<Redactor>();
    return o;
}

Result<Credentials> refreshWith(OAuthTokenEndpoint& endpoint, const Credentials& credentials)
{
    Answer<Credentials> answer;
    QObject context;
    endpoint.refresh(credentials, &context,
                     [&answer](Result<Credentials> r) { answer.result.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&answer] { return answer.result.has_value(); }, 10000))
        return Error(ErrorKind::Internal, QStringLiteral("refresh did not finish"));
    return *answer.result;
}

Result<Credentials> clientCredentialsWith(OAuthTokenEndpoint& endpoint, const QStringList& scopes)
{
    Answer<Credentials> answer;
    QObject context;
    endpoint.requestClientCredentials(
        scopes, &context, [&answer](Result<Credentials> r) { answer.result.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&answer] { return answer.result.has_value(); }, 10000))
        return Error(ErrorKind::Internal, QStringLiteral("the client credentials grant did not finish"));
    return *answer.result;
}

} // namespace

class TestOAuthTokenEndpoint : public QObject
{
    Q_OBJECT
private slots:
    void refreshRotatesAndTheOldTokenDies_data()
    {
        QTest::addColumn<bool>("json");
        QTest::addColumn<QString>("secret");
        QTest::newRow("form, public") << false << QString();
        QTest::newRow("form, Basic") << false << QStringLiteral("client-s3cret");
        QTest::newRow("json, public") << true << QString();
    }
    void refreshRotatesAndTheOldTokenDies()
    {
        QFETCH(bool, json);
        QFETCH(QString, secret);
        TestAuthorizationServer::Options options;
        options.jsonBody = json;
        options.clientSecret = secret;
        TestAuthorizationServer server(options);
        QVERIFY(server.listen());
        const Credentials original = server.mint(10);
        OAuthTokenEndpoint endpoint(server.config(), httpOptions());

        const Result<Credentials> first = refreshWith(endpoint, original);
        QVERIFY2(first.ok(),
                 qPrintable(first.ok() ? QString() : first.error().toLogString() + server.tokenProblem));
        QVERIFY(first->refreshToken != original.refreshToken); // rotated...
        QVERIFY(first->accessToken != original.accessToken);
        QVERIFY(!server.isLiveRefreshToken(original.refreshToken)); // ...and the old one is dead
        QVERIFY(first->accessTokenExpiresAt > QDateTime::currentDateTimeUtc().addSecs(7000));

        const Result<Credentials> replay = refreshWith(endpoint, original);
        QVERIFY(!replay.ok());
        QCOMPARE(replay.error().kind(), ErrorKind::Auth);
        QVERIFY2(replay.error().message().contains(QStringLiteral("Value passed for the token was invalid.")),
                 qPrintable(replay.error().message()));

        const Result<Credentials> second = refreshWith(endpoint, first.value());
        QVERIFY(second.ok());
        QVERIFY(second->refreshToken != first->refreshToken);
        QCOMPARE(server.tokenRequests, 3);
    }

    void refreshKeepsAnUnrotatedRefreshToken()
    {
        TestAuthorizationServer::Options options;
        options.rotateRefreshTokens = false;
        TestAuthorizationServer server(options);
        QVERIFY(server.listen());
        const Credentials original = server.mint(10);
        OAuthTokenEndpoint endpoint(server.config(), httpOptions());
        const Result<Credentials> refreshed = refreshWith(endpoint, original);
        QVERIFY(refreshed.ok());
        QCOMPARE(refreshed->refreshToken, original.refreshToken);
        QVERIFY(refreshed->accessToken != original.accessToken);
    }

    void refreshWithoutRefreshTokenIsAnAuthError()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        OAuthTokenEndpoint endpoint(server.config(), httpOptions());
        Credentials onlyAccess;
        onlyAccess.accessToken = QStringLiteral("at-only");
        const Result<Credentials> refreshed = refreshWith(endpoint, onlyAccess);
        QCOMPARE(refreshed.error().kind(), ErrorKind::Auth);
        QCOMPARE(server.tokenRequests, 0);
    }

    void wrongClientSecretIsAnAuthError()
    {
        TestAuthorizationServer::Options options;
        options.clientSecret = QStringLiteral("the-real-secret");
        TestAuthorizationServer server(options);
        QVERIFY(server.listen());
        const Credentials original = server.mint(10);
        OAuthConfig config = server.config();
        config.clientSecret = QStringLiteral("a-wrong-secret");
        OAuthTokenEndpoint endpoint(config, httpOptions());
        const Result<Credentials> refreshed = refreshWith(endpoint, original);
        QCOMPARE(refreshed.error().kind(), ErrorKind::Auth);
        QCOMPARE(refreshed.error().apiCode(), QStringLiteral("invalid_client"));
        QVERIFY(!refreshed.error().message().contains(QStringLiteral("a-wrong-secret")));
    }

    void clientCredentials_data()
    {
        QTest::addColumn<bool>("json");
        QTest::addColumn<OAuthConfig::ClientAuthentication>("authentication");
        QTest::addColumn<QStringList>("configScopes");
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<bool>("sendsScope");
        QTest::addColumn<QString>("expectedScope");
        using A = OAuthConfig::ClientAuthentication;
        const QString dotDefault = QStringLiteral("https://contoso.crm4.dynamics.com/.default");
        QTest::newRow("Entra: form, secret in the body, .default scope")
            << false << A::RequestBody << QStringList() << QStringList{dotDefault} << true << dotDefault;
        QTest::newRow("form, Basic, the configured scopes")
            << false << A::BasicHeader
            << QStringList{QStringLiteral("tweet.read"), QStringLiteral("users.read")} << QStringList()
            << true << QStringLiteral("tweet.read users.read");
        QTest::newRow("json, secret in the body, given scopes win")
            << true << A::RequestBody << QStringList{QStringLiteral("write")}
            << QStringList{QStringLiteral("read"), QStringLiteral("users:read")} << true
            << QStringLiteral("read users:read");
        QTest::newRow("no scope at all")
            << false << A::BasicHeader << QStringList() << QStringList() << false << QString();
    }
    void clientCredentials()
    {
        QFETCH(bool, json);
        QFETCH(OAuthConfig::ClientAuthentication, authentication);
        QFETCH(QStringList, configScopes);
        QFETCH(QStringList, scopes);
        QFETCH(bool, sendsScope);
        QFETCH(QString, expectedScope);
        TestAuthorizationServer::Options options;
        options.jsonBody = json;
        options.clientSecret = QStringLiteral("app-s3cret");
        options.clientAuthentication = authentication;
        options.expiresIn = 3599;
        TestAuthorizationServer server(options);
        QVERIFY(server.listen());
        OAuthConfig config = server.config();
        config.scopes = configScopes;
        OAuthTokenEndpoint endpoint(config, httpOptions());

        const Result<Credentials> issued = clientCredentialsWith(endpoint, scopes);
        QVERIFY2(issued.ok(),
                 qPrintable(issued.ok() ? QString() : issued.error().toLogString() + server.tokenProblem));
        QCOMPARE(server.lastGrantType, QStringLiteral("client_credentials"));
        QCOMPARE(server.clientCredentialsGrants, 1);
        QCOMPARE(server.lastTokenBodyHadScope, sendsScope);
        QCOMPARE(server.lastTokenScope, expectedScope);
        QCOMPARE(issued->accessToken, server.lastIssuedAccessToken);
        QVERIFY(issued->refreshToken.isEmpty());
        QVERIFY(issued->clientSecret.isEmpty()); // the secret is the config's, not handed around
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(issued->accessTokenExpiresAt);
        QVERIFY2(lifetime > 3590 && lifetime <= 3599, qPrintable(QString::number(lifetime)));
    }

    void clientCredentialsNeedAClientSecret()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        OAuthTokenEndpoint endpoint(server.config(), httpOptions()); // a public client
        const Result<Credentials> issued = clientCredentialsWith(endpoint, {});
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().kind(), ErrorKind::Validation);
        QCOMPARE(server.tokenRequests, 0);
    }

    void clientCredentialsWithAWrongSecretAreAnAuthError()
    {
        TestAuthorizationServer::Options options;
        options.clientSecret = QStringLiteral("the-real-secret");
        options.clientAuthentication = OAuthConfig::ClientAuthentication::RequestBody;
        TestAuthorizationServer server(options);
        QVERIFY(server.listen());
        OAuthConfig config = server.config();
        config.clientSecret = QStringLiteral("a-wrong-secret");
        OAuthTokenEndpoint endpoint(config, httpOptions());
        const Result<Credentials> issued = clientCredentialsWith(endpoint, {});
        QCOMPARE(issued.error().kind(), ErrorKind::Auth);
        QCOMPARE(issued.error().apiCode(), QStringLiteral("invalid_client"));
        QVERIFY(!issued.error().toLogString().contains(QStringLiteral("a-wrong-secret")));
    }

    void revokeKillsTheRefreshToken()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        const Credentials credentials = server.mint(3600);
        OAuthTokenEndpoint endpoint(server.config(), httpOptions());
        Answer<void> revoked;
        QObject context;
        endpoint.revoke(credentials.refreshToken, QStringLiteral("refresh_token"), &context,
                        [&revoked](Status s) { revoked.result.emplace(s); });
        QTRY_VERIFY(revoked.result.has_value());
        QVERIFY(revoked.result->ok());
        QCOMPARE(server.revokeRequests, 1);
        QVERIFY(!server.isLiveRefreshToken(credentials.refreshToken));
        QCOMPARE(refreshWith(endpoint, credentials).error().kind(), ErrorKind::Auth);
    }

    void codesAreSingleUse()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        // Play the browser by hand: ask for a code, read it from the redirect without following it.
        const QByteArray verifier = Pkce::generateVerifier();
        const QUrl redirect(QStringLiteral("http://127.0.0.1:45678/callback"));
        QUrl authorize = server.config().authorizeUrl;
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        query.addQueryItem(QStringLiteral("client_id"), server.config().clientId);
        query.addQueryItem(QStringLiteral("redirect_uri"), redirect.toString());
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("s"));
        query.addQueryItem(QStringLiteral("code_challenge"),
                           QString::fromLatin1(Pkce::challengeS256(verifier)));
        query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        authorize.setQuery(query);
        QNetworkAccessManager nam;
        QNetworkRequest request(authorize);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply* reply = nam.get(request);
        QTRY_VERIFY(reply->isFinished());
        const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location"));
        reply->deleteLater();
        const QString code = QUrlQuery(location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        QVERIFY2(!code.isEmpty(), qPrintable(location.toString()));

        OAuthTokenEndpoint endpoint(server.config(), httpOptions());
        auto exchange = [&]() -> Result<Credentials> {
            Answer<Credentials> answer;
            QObject context;
            endpoint.exchangeCode(code, verifier, redirect, &context,
                                  [&answer](Result<Credentials> r) { answer.result.emplace(std::move(r)); });
            if (!QTest::qWaitFor([&answer] { return answer.result.has_value(); }, 10000))
                return Error(ErrorKind::Internal, QStringLiteral("no answer"));
            return *answer.result;
        };
        const Result<Credentials> first = exchange();
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toLogString()));
        QCOMPARE(server.pkceVerified, 1);
        const Result<Credentials> again = exchange();
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind(), ErrorKind::Auth);
        QCOMPARE(server.tokenRequests, 2);
    }

    void oauthErrorBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("recognised");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("x")
            << QByteArray(
                   R"({"error":"invalid_request","error_description":"Value passed for the authorization code was invalid.","errors":[]})")
            << true << QStringLiteral("Value passed for the authorization code was invalid.")
            << QStringLiteral("invalid_request");
        QTest::newRow("no description") << QByteArray(R"({"error":"invalid_grant"})") << true
                                        << QStringLiteral("invalid_grant") << QStringLiteral("invalid_grant");
        QTest::newRow("not oauth") << QByteArray(R"({"title":"Unauthorized"})") << false << QString()
                                   << QString();
        QTest::newRow("html") << QByteArray("<html>502</html>") << false << QString() << QString();
    }
    void oauthErrorBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, recognised);
        QFETCH(QString, message);
        QFETCH(QString, code);
        HttpResponse response;
        response.status = 400;
        response.body = body;
        const std::optional<Error> error = OAuthTokenEndpoint::parseOAuthError(response);
        QCOMPARE(error.has_value(), recognised);
        if (recognised) {
            QCOMPARE(error->message(), message);
            QCOMPARE(error->apiCode(), code);
        }
    }
};

QTEST_GUILESS_MAIN(TestOAuthTokenEndpoint)
#include "tst_oauthtokenendpoint.moc"
