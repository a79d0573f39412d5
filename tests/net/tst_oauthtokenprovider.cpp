#include "testauthserver.h"

#include "net/httpclient.h"
#include "net/memorysecretvault.h"
#include "net/oauthtokenprovider.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;

namespace {

struct Outcome
{
    std::optional<Result<HttpResponse>> result;
    bool ok() const { return result && result->ok(); }
    QString text() const
    {
        if (!result)
            return QStringLiteral("(not finished)");
        return result->ok() ? QStringLiteral("(ok)") : result->error().toLogString();
    }
};

std::shared_ptr<Outcome> get(HttpClient& client, const QUrl& url)
{
    auto outcome = std::make_shared<Outcome>();
    HttpCall* call = client.send(HttpRequest::get(url));
    QObject::connect(call, &HttpCall::finished, call,
                     [outcome](const Result<HttpResponse>& r) { outcome->result.emplace(r); });
    return outcome;
}

// A connector's own renewal (PhotoShelter trades email + password for a session token): answers
// later, like a network call, with a token the test server knows, and counts its calls.
struct SessionRenewal
{
    explicit SessionRenewal(TestAuthorizationServer* s)
        : server(s)
    {}

    TestAuthorizationServer* server;
    int calls = 0;
    Credentials lastSeen;
    std::optional<Error> failWith;

    OAuthTokenProvider::Renewal renewal()
    {
        return
            [this](const Credentials& current, QObject* context, OAuthTokenProvider::CredentialsDone done) {
                ++calls;
                lastSeen = current;
                QTimer::singleShot(20, context, [this, current, done] {
                    if (failWith) {
                        done(*failWith);
                        return;
                    }
                    Credentials next = current;
                    next.accessToken = server->mint(3600).accessToken;
                    next.accessTokenExpiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
                    done(next);
                });
            };
    }
};

Result<QByteArray> readVault(SecretVault& vault, const QString& key)
{
    std::optional<Result<QByteArray>> stored;
    QObject context;
    vault.read(key, &context, [&stored](Result<QByteArray> r) { stored.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&stored] { return stored.has_value(); }, 5000))
        return Error(ErrorKind::Internal, QStringLiteral("the vault did not answer"));
    return *stored;
}

HttpClientOptions apiOptions(std::shared_ptr<OAuthTokenProvider> provider)
{
    HttpClientOptions o;
    o.serviceId = QStringLiteral("testauth");
    o.authenticator = std::move(provider);
    return o;
}

} // namespace

class TestOAuthTokenProvider : public QObject
{
    Q_OBJECT
private slots:
    void refreshesATokenExpiringWithinAMinute()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        const Credentials expiring = server.mint(30);
        auto provider = std::make_shared<OAuthTokenProvider>(server.config(), HttpClientOptions(), expiring);
        MemorySecretVault vault;
        provider->setVault(&vault, QStringLiteral("account/7"));
        QSignalSpy changed(provider.get(), &OAuthTokenProvider::credentialsChanged);
        HttpClient client(apiOptions(provider));

        auto outcome = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(outcome->result.has_value());
        QVERIFY2(outcome->ok(), qPrintable(outcome->text()));
        QCOMPARE(server.tokenRequests, 1);
        QCOMPARE(server.resourceRequests, 1); // refreshed before sending, not after a 401
        QCOMPARE(server.lastResourceToken, server.lastIssuedAccessToken);
        QCOMPARE(changed.count(), 1);
        const Credentials rotated = provider->credentials();
        QCOMPARE(rotated.refreshToken, server.lastIssuedRefreshToken);
        QVERIFY(rotated.refreshToken != expiring.refreshToken);

        // The rotated refresh token is what the vault now holds (the old one is dead on the server).
        QTRY_VERIFY(vault.contains(QStringLiteral("account/7")));
        std::optional<Result<QByteArray>> stored;
        QObject context;
        vault.read(QStringLiteral("account/7"), &context,
                   [&stored](Result<QByteArray> r) { stored.emplace(std::move(r)); });
        QTRY_VERIFY(stored.has_value());
        QCOMPARE(Credentials::fromJson(stored->value()).refreshToken, rotated.refreshToken);
    }

    void keepsAValidToken()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        const Credentials fresh = server.mint(3600);
        auto provider = std::make_shared<OAuthTokenProvider>(server.config(), HttpClientOptions(), fresh);
        HttpClient client(apiOptions(provider));
        auto outcome = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(outcome->result.has_value());
        QVERIFY(outcome->ok());
        QCOMPARE(server.tokenRequests, 0);
        QCOMPARE(server.lastResourceToken, fresh.accessToken);
    }

    void refreshesOnceAfterA401()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        const Credentials credentials = server.mint(3600);
        server.invalidateAccessToken(credentials.accessToken); // revoked behind our back
        auto provider =
            std::make_shared<OAuthTokenProvider>(server.config(), HttpClientOptions(), credentials);
        HttpClient client(apiOptions(provider));
        auto outcome = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(outcome->result.has_value());
        QVERIFY2(outcome->ok(), qPrintable(outcome->text()));
        QCOMPARE(server.resourceRequests, 2);
        QCOMPARE(server.tokenRequests, 1);
    }

    void callsRefusedWithTheSameStaleTokenShareOneRefresh()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        const Credentials credentials = server.mint(3600);
        server.invalidateAccessToken(credentials.accessToken);
        auto provider =
            std::make_shared<OAuthTokenProvider>(server.config(), HttpClientOptions(), credentials);
        HttpClient client(apiOptions(provider));
        QList<std::shared_ptr<Outcome>> outcomes;
        for (int i = 0; i < 3; ++i)
            outcomes << get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(std::all_of(outcomes.cbegin(), outcomes.cend(),
                                [](const auto& o) { return o->result.has_value(); }));
        for (const auto& o : std::as_const(outcomes))
            QVERIFY2(o->ok(), qPrintable(o->text()));
        QCOMPARE(server.tokenRequests, 1);
        QCOMPARE(server.resourceRequests, 6);
    }

    void a401ForAJustRefreshedTokenRefreshesAgain()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        auto provider =
            std::make_shared<OAuthTokenProvider>(server.config(), HttpClientOptions(), server.mint(5));
        HttpClient client(apiOptions(provider));
        auto first = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(first->result.has_value());
        QVERIFY2(first->ok(), qPrintable(first->text()));
        QCOMPARE(server.tokenRequests, 1); // refreshed before sending
        // The brand-new token is refused (revoked at the service, or the service's clock is ahead):
        // the request carried the current token, so a retry with it would be refused again.
        server.invalidateAccessToken(provider->credentials().accessToken);
        auto second = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(second->result.has_value());
        QVERIFY2(second->ok(), qPrintable(second->text()));
        QCOMPARE(server.tokenRequests, 2);
        QCOMPARE(server.resourceRequests, 3);
    }

    void concurrentRefreshesAreOne()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        auto provider =
            std::make_shared<OAuthTokenProvider>(server.config(), HttpClientOptions(), server.mint(5));
        HttpClient client(apiOptions(provider));
        QList<std::shared_ptr<Outcome>> outcomes;
        for (int i = 0; i < 4; ++i)
            outcomes << get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(std::all_of(outcomes.cbegin(), outcomes.cend(),
                                [](const auto& o) { return o->result.has_value(); }));
        for (const auto& o : std::as_const(outcomes))
            QVERIFY2(o->ok(), qPrintable(o->text()));
        // One single-use refresh token, one refresh.
        QCOMPARE(server.tokenRequests, 1);
    }

    void failedRefreshFailsTheCallWithoutSendingIt()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        Credentials dead = server.mint(5);
        dead.refreshToken = QStringLiteral("rt-revoked-long-ago");
        auto provider = std::make_shared<OAuthTokenProvider>(server.config(), HttpClientOptions(), dead);
        QSignalSpy failed(provider.get(), &OAuthTokenProvider::refreshFailed);
        HttpClient client(apiOptions(provider));
        auto outcome = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(outcome->result.has_value());
        QVERIFY(!outcome->ok());
        QCOMPARE(outcome->result->error().kind(), ErrorKind::Auth);
        QCOMPARE(server.resourceRequests, 0);
        QCOMPARE(failed.count(), 1);
    }

    void withoutARenewalNoTokenFailsWithoutSending()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        auto provider =
            std::make_shared<OAuthTokenProvider>(server.config(), HttpClientOptions(), Credentials());
        HttpClient client(apiOptions(provider));
        auto outcome = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(outcome->result.has_value());
        QCOMPARE(outcome->result->error().kind(), ErrorKind::Auth);
        QCOMPARE(server.resourceRequests, 0);
        QCOMPARE(server.tokenRequests, 0);
    }

    void customRenewalRunsOnFirstUseAndIsShared()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        Credentials login;
        login.apiKey = QStringLiteral("ps-api-key");
        login.password = QStringLiteral("ps-password");
        auto provider = std::make_shared<OAuthTokenProvider>(OAuthConfig(), HttpClientOptions(), login);
        SessionRenewal session(&server);
        provider->setRenewal(session.renewal());
        QVERIFY(provider->hasCustomRenewal());
        MemorySecretVault vault;
        provider->setVault(&vault, QStringLiteral("account/3"));
        QSignalSpy changed(provider.get(), &OAuthTokenProvider::credentialsChanged);
        HttpClient client(apiOptions(provider));

        QList<std::shared_ptr<Outcome>> outcomes;
        for (int i = 0; i < 3; ++i)
            outcomes << get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(std::all_of(outcomes.cbegin(), outcomes.cend(),
                                [](const auto& o) { return o->result.has_value(); }));
        for (const auto& o : std::as_const(outcomes))
            QVERIFY2(o->ok(), qPrintable(o->text()));
        QCOMPARE(session.calls, 1); // three callers, one renewal
        QCOMPARE(session.lastSeen, login);
        QCOMPARE(server.tokenRequests, 0); // the refresh_token grant was not used
        QCOMPARE(server.resourceRequests, 3);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(server.lastResourceToken, provider->credentials().accessToken);

        // What the renewal kept (the password for the next exchange) is what the vault keeps.
        QTRY_VERIFY(vault.contains(QStringLiteral("account/3")));
        const Result<QByteArray> stored = readVault(vault, QStringLiteral("account/3"));
        QVERIFY(stored.ok());
        const Credentials kept = Credentials::fromJson(stored.value());
        QCOMPARE(kept.password, login.password);
        QCOMPARE(kept.apiKey, login.apiKey);
        QCOMPARE(kept.accessToken, provider->credentials().accessToken);
    }

    void customRenewalOnceAfterA401()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        Credentials stale;
        stale.password = QStringLiteral("pw");
        stale.accessToken = QStringLiteral("session-that-the-server-forgot"); // no expiry known
        auto provider = std::make_shared<OAuthTokenProvider>(OAuthConfig(), HttpClientOptions(), stale);
        SessionRenewal session(&server);
        provider->setRenewal(session.renewal());
        HttpClient client(apiOptions(provider));
        auto outcome = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(outcome->result.has_value());
        QVERIFY2(outcome->ok(), qPrintable(outcome->text()));
        QCOMPARE(server.resourceRequests, 2); // 401, then the retry with the new session
        QCOMPARE(session.calls, 1);
    }

    void failingCustomRenewalFailsTheCallWithoutSendingIt()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        auto provider =
            std::make_shared<OAuthTokenProvider>(OAuthConfig(), HttpClientOptions(), Credentials());
        SessionRenewal session(&server);
        session.failWith = Error(ErrorKind::Auth, QStringLiteral("Wrong email or password."));
        provider->setRenewal(session.renewal());
        QSignalSpy failed(provider.get(), &OAuthTokenProvider::refreshFailed);
        HttpClient client(apiOptions(provider));
        auto outcome = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(outcome->result.has_value());
        QCOMPARE(outcome->result->error().kind(), ErrorKind::Auth);
        QCOMPARE(outcome->result->error().message(), QStringLiteral("Wrong email or password."));
        QCOMPARE(server.resourceRequests, 0);
        QCOMPARE(failed.count(), 1);

        // The next call tries again (a renewal is not a one-shot).
        session.failWith.reset();
        auto again = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(again->result.has_value());
        QVERIFY2(again->ok(), qPrintable(again->text()));
        QCOMPARE(session.calls, 2);
    }

    void clientCredentialsRenewOnFirstUseAndBeforeExpiry()
    {
        TestAuthorizationServer::Options options;
        options.clientSecret = QStringLiteral("app-s3cret");
        options.clientAuthentication = OAuthConfig::ClientAuthentication::RequestBody;
        options.expiresIn = 30; // inside the 60 s margin: every call renews
        TestAuthorizationServer server(options);
        QVERIFY(server.listen());
        Credentials app;
        app.clientSecret = options.clientSecret;
        auto provider = std::make_shared<OAuthTokenProvider>(server.config(), HttpClientOptions(), app);
        const QString scope = QStringLiteral("https://contoso.crm4.dynamics.com/.default");
        provider->useClientCredentials({scope});
        MemorySecretVault vault;
        provider->setVault(&vault, QStringLiteral("account/9"));
        HttpClient client(apiOptions(provider));

        auto first = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(first->result.has_value());
        QVERIFY2(first->ok(), qPrintable(first->text() + server.tokenProblem));
        QCOMPARE(server.clientCredentialsGrants, 1);
        QCOMPARE(server.lastTokenScope, scope);
        const Credentials afterFirst = provider->credentials();
        QCOMPARE(afterFirst.clientSecret, app.clientSecret); // kept for the next grant
        QVERIFY(afterFirst.refreshToken.isEmpty());
        QCOMPARE(server.lastResourceToken, afterFirst.accessToken);

        auto second = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(second->result.has_value());
        QVERIFY2(second->ok(), qPrintable(second->text()));
        QCOMPARE(server.clientCredentialsGrants, 2);
        QCOMPARE(server.tokenRequests, 2); // never a refresh_token grant
        QVERIFY(provider->credentials().accessToken != afterFirst.accessToken);

        QTRY_VERIFY(vault.contains(QStringLiteral("account/9")));
        const Result<QByteArray> stored = readVault(vault, QStringLiteral("account/9"));
        QVERIFY(stored.ok());
        QCOMPARE(Credentials::fromJson(stored.value()).clientSecret, app.clientSecret);
    }

    void signerIsPluggable()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        server.recordHeader = "X-PS-Auth-Token";
        const Credentials fresh = server.mint(3600);
        auto provider = std::make_shared<OAuthTokenProvider>(server.config(), HttpClientOptions(), fresh);
        provider->setSigner([](HttpRequest request, const Credentials& credentials) {
            request = OAuthTokenProvider::bearerSigner(std::move(request), credentials);
            request.setHeader("X-PS-Auth-Token", credentials.accessToken.toUtf8());
            return request;
        });
        HttpClient client(apiOptions(provider));
        auto outcome = get(client, server.url(QStringLiteral("/me")));
        QTRY_VERIFY(outcome->result.has_value());
        QVERIFY2(outcome->ok(), qPrintable(outcome->text()));
        QCOMPARE(server.lastRecordedHeader, fresh.accessToken.toUtf8());
        QCOMPARE(server.lastResourceToken, fresh.accessToken);
    }

    void revokeUsesTheRefreshToken()
    {
        TestAuthorizationServer server;
        QVERIFY(server.listen());
        const Credentials credentials = server.mint(3600);
        OAuthTokenProvider provider(server.config(), HttpClientOptions(), credentials);
        std::optional<Status> revoked;
        QObject context;
        provider.revoke(&context, [&revoked](Status s) { revoked.emplace(s); });
        QTRY_VERIFY(revoked.has_value());
        QVERIFY(revoked->ok());
        QVERIFY(!server.isLiveRefreshToken(credentials.refreshToken));
    }
};

QTEST_GUILESS_MAIN(TestOAuthTokenProvider)
#include "tst_oauthtokenprovider.moc"
