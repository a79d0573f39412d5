#include "testauthserver.h"

#include "net/httpclient.h"
#include "net/memorysecretvault.h"
#include "net/oauthtokenprovider.h"

#include <QSignalSpy>
#include <QTest>

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
