// OAuthAuthorizationFlow, OAuthTokenEndpoint and OAuthTokenProvider end to end against the
// sandbox's authorization servers: X (form bodies, public client with PKCE, rotating refresh
// tokens, revocation), Zendesk (JSON bodies, 201 answers), Dynamics 365 (Entra client
// credentials, then the Web API), and a forged state that must stop the flow before any token
// request. The test plays the browser (sandboxbrowser.h); the request journal shows what the
// client really sent.
#include "sandboxbrowser.h"

#include "net/httpclient.h"
#include "net/oauthauthorizationflow.h"
#include "net/oauthtokenprovider.h"
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;
using namespace std::chrono_literals;

namespace {

struct RawReply
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

HttpClientOptions httpOptions(const QString& serviceId, const QString& serviceName)
{
    HttpClientOptions o;
    o.serviceId = serviceId;
    o.serviceName = serviceName;
    o.retry.baseDelay = 50ms;
    return o;
}

QString text(const Status& s)
{
    return s.ok() ? QStringLiteral("(ok)") : s.error().toLogString();
}

template<typename T>
QString text(const Result<T>& r)
{
    return r.ok() ? QStringLiteral("(ok)") : r.error().toLogString();
}

QUrlQuery formOf(const Sandbox::JournalEntry& entry)
{
    return QUrlQuery(QString::fromUtf8(entry.body));
}

QString formValue(const Sandbox::JournalEntry& entry, const QString& name)
{
    return formOf(entry).queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

class TestOAuthSandbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<Sandbox::SandboxServer> m_server;

    QUrl url(const QString& service, const QString& path) const
    {
        QUrl u = m_server->serviceUrl(service);
        return u.resolved(QUrl(path));
    }
    QJsonObject credentials(const QString& service) const { return m_server->demoCredentials(service); }

    // Entries of `service` after `since`, optionally only `method` on paths starting with `path`.
    QList<Sandbox::JournalEntry> journal(const QString& service, quint64 since, const QByteArray& method = {},
                                         const QString& path = {}) const
    {
        QList<Sandbox::JournalEntry> out;
        for (const Sandbox::JournalEntry& e : m_server->journal().entries(service, since)) {
            if ((method.isEmpty() || e.method == method) && e.pathAndQuery.startsWith(path))
                out << e;
        }
        return out;
    }
    static QStringList summary(const QList<Sandbox::JournalEntry>& entries)
    {
        QStringList lines;
        for (const Sandbox::JournalEntry& e : entries)
            lines << QStringLiteral("%1 %2 -> %3")
                         .arg(QString::fromLatin1(e.method), e.pathAndQuery.section(QLatin1Char('?'), 0, 0))
                         .arg(e.status);
        return lines;
    }

    OAuthConfig xConfig() const
    {
        const QJsonObject c = credentials(QStringLiteral("x"));
        OAuthConfig config;
        config.serviceId = QStringLiteral("x");
        config.serviceName = QStringLiteral("X");
        config.authorizeUrl = url(QStringLiteral("x"), c.value(QStringLiteral("authorize_path")).toString());
        config.tokenUrl = url(QStringLiteral("x"), c.value(QStringLiteral("token_path")).toString());
        config.revokeUrl = url(QStringLiteral("x"), c.value(QStringLiteral("revoke_path")).toString());
        config.clientId = c.value(QStringLiteral("client_id")).toString();
        config.scopes = QStringList{QStringLiteral("tweet.read"), QStringLiteral("users.read"),
                                    QStringLiteral("offline.access")};
        // The sandbox's consent page signs in the account named here (a sandbox-only parameter).
        config.extraAuthorizeParameters = {{QStringLiteral("login_hint"), QStringLiteral("assetdesk_de")}};
        config.tokenBody = OAuthConfig::TokenBody::Form;
        config.flowTimeout = 20s;
        return config;
    }

    Result<Credentials> signIn(const OAuthConfig& config, SandboxBrowser& browser)
    {
        OAuthAuthorizationFlow flow(config, httpOptions(config.serviceId, config.serviceName),
                                    [&browser](const QUrl& u) { browser.open(u); });
        std::optional<Result<Credentials>> result;
        connect(&flow, &OAuthAuthorizationFlow::finished, this,
                [&result](const Result<Credentials>& r) { result.emplace(r); });
        flow.start();
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            return Error(ErrorKind::Internal,
                         QStringLiteral("the sign-in did not finish; browser: %1").arg(browser.failure));
        return *result;
    }

    Result<HttpResponse> send(HttpClient& client, const HttpRequest& request)
    {
        std::optional<Result<HttpResponse>> result;
        client.send(request, this, [&result](Result<HttpResponse> r) { result.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            return Error(ErrorKind::Internal, QStringLiteral("the request did not finish"));
        return *result;
    }

    Status wait(const std::function<void(QObject*, std::function<void(Status)>)>& start)
    {
        std::optional<Status> status;
        start(this, [&status](Status s) { status.emplace(s); });
        if (!QTest::qWaitFor([&status] { return status.has_value(); }, 20000))
            return Error(ErrorKind::Internal, QStringLiteral("no answer"));
        return *status;
    }

    RawReply rawPost(const QUrl& target, const QByteArray& body, const QByteArray& contentType)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(target);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
        QNetworkReply* reply = nam.post(request, body);
        RawReply answer;
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            return answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        delete reply;
        return answer;
    }

    // A refresh_token grant sent by hand, as a public X client.
    RawReply rawXRefresh(const QString& refreshToken)
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
        form.addQueryItem(QStringLiteral("client_id"), xConfig().clientId);
        return rawPost(xConfig().tokenUrl, HttpRequest::encodeForm(form),
                       "application/x-www-form-urlencoded");
    }

private slots:
    void init()
    {
        m_server = std::make_unique<Sandbox::SandboxServer>();
        Sandbox::SandboxOptions options;
        options.seed = 7;
        options.services =
            QStringList{QStringLiteral("x"), QStringLiteral("zendesk"), QStringLiteral("dynamics")};
        const Status started = m_server->start(options);
        QVERIFY2(started.ok(),
                 qPrintable(QStringLiteral("the in-process sandbox did not start: ") + text(started)));
    }
    void cleanup() { m_server.reset(); }

    void xSignInUseRefreshAndRevoke()
    {
        const OAuthConfig config = xConfig();
        SandboxBrowser browser;
        const Result<Credentials> signedIn = signIn(config, browser);
        QVERIFY2(signedIn.ok(), qPrintable(text(signedIn)));
        QCOMPARE(browser.authorizeStatus, 302);
        QCOMPARE(browser.callbackStatus, 200);
        const Credentials first = signedIn.value();
        QVERIFY(!first.accessToken.isEmpty());
        QVERIFY(!first.refreshToken.isEmpty()); // offline.access was granted
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(first.accessTokenExpiresAt);
        QVERIFY2(lifetime > 7100 && lifetime <= 7200, qPrintable(QString::number(lifetime)));

        // On the wire: an S256 challenge, then a form token request of a public client.
        const QList<Sandbox::JournalEntry> authorize =
            journal(QStringLiteral("x"), 0, "GET", QStringLiteral("/i/oauth2/authorize"));
        QCOMPARE(authorize.size(), 1);
        const QUrlQuery asked(QUrl(authorize.first().pathAndQuery).query());
        QCOMPARE(asked.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(asked.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
        const QList<Sandbox::JournalEntry> exchange =
            journal(QStringLiteral("x"), 0, "POST", QStringLiteral("/2/oauth2/token"));
        QCOMPARE(exchange.size(), 1);
        const Sandbox::JournalEntry& token = exchange.first();
        QCOMPARE(token.status, 200);
        QVERIFY(token.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        QVERIFY(!token.hasHeader("Authorization")); // a public client has nothing to authenticate with
        QCOMPARE(formValue(token, QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
        QCOMPARE(formValue(token, QStringLiteral("client_id")), config.clientId);
        QVERIFY(formValue(token, QStringLiteral("code_verifier")).size() >= 43);
        QCOMPARE(formValue(token, QStringLiteral("redirect_uri")),
                 asked.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));

        // The API through an HttpClient signed by the provider.
        auto provider = std::make_shared<OAuthTokenProvider>(
            config, httpOptions(QStringLiteral("x"), QStringLiteral("X")), first);
        QSignalSpy changed(provider.get(), &OAuthTokenProvider::credentialsChanged);
        HttpClientOptions api = httpOptions(QStringLiteral("x"), QStringLiteral("X"));
        api.authenticator = provider;
        HttpClient client(api);
        const HttpRequest me = HttpRequest::get(url(QStringLiteral("x"), QStringLiteral("/2/users/me")));
        Result<HttpResponse> answer = send(client, me);
        QVERIFY2(answer.ok(), qPrintable(text(answer)));
        QCOMPARE(jsonObject(answer.value())
                     .value()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("username"))
                     .toString(),
                 QStringLiteral("assetdesk_de"));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(journal(QStringLiteral("x"), 0, "GET", QStringLiteral("/2/users/me"))
                     .last()
                     .header("Authorization"),
                 "Bearer " + first.accessToken.toUtf8());

        // Two hours later on the sandbox's clock the access token has expired: the sandbox answers
        // 401, the provider refreshes once (a rotated refresh token) and the call is retried.
        m_server->clock().advance(7201s);
        const quint64 mark = m_server->journal().lastSequence();
        answer = send(client, me);
        QVERIFY2(answer.ok(), qPrintable(text(answer)));
        const QList<Sandbox::JournalEntry> renewal = journal(QStringLiteral("x"), mark);
        QCOMPARE(summary(renewal), (QStringList{QStringLiteral("GET /2/users/me -> 401"),
                                                QStringLiteral("POST /2/oauth2/token -> 200"),
                                                QStringLiteral("GET /2/users/me -> 200")}));
        QCOMPARE(formValue(renewal.at(1), QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
        QCOMPARE(formValue(renewal.at(1), QStringLiteral("refresh_token")), first.refreshToken);
        QCOMPARE(changed.count(), 1);
        const Credentials second = provider->credentials();
        QVERIFY(second.accessToken != first.accessToken);
        QVERIFY(second.refreshToken != first.refreshToken);
        QCOMPARE(renewal.at(2).header("Authorization"), "Bearer " + second.accessToken.toUtf8());

        // The old refresh token is dead at the sandbox, the new one is alive.
        RawReply replay = rawXRefresh(first.refreshToken);
        QCOMPARE(replay.status, 400);
        QCOMPARE(replay.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));

        // Revocation: the provider revokes its refresh token, which then stops working.
        const quint64 beforeRevoke = m_server->journal().lastSequence();
        const Status revoked = wait([&provider](QObject* context, std::function<void(Status)> done) {
            provider->revoke(context, done);
        });
        QVERIFY2(revoked.ok(), qPrintable(text(revoked)));
        const QList<Sandbox::JournalEntry> revocation =
            journal(QStringLiteral("x"), beforeRevoke, "POST", QStringLiteral("/2/oauth2/revoke"));
        QCOMPARE(revocation.size(), 1);
        QCOMPARE(revocation.first().status, 200);
        QCOMPARE(formValue(revocation.first(), QStringLiteral("token")), second.refreshToken);
        QCOMPARE(formValue(revocation.first(), QStringLiteral("token_type_hint")),
                 QStringLiteral("refresh_token"));
        replay = rawXRefresh(second.refreshToken);
        QCOMPARE(replay.status, 400);
        QCOMPARE(replay.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    }

    void zendeskSignInWithJsonTokenBodies()
    {
        const QJsonObject c = credentials(QStringLiteral("zendesk"));
        OAuthConfig config;
        config.serviceId = QStringLiteral("zendesk");
        config.serviceName = QStringLiteral("Zendesk");
        config.authorizeUrl =
            url(QStringLiteral("zendesk"), c.value(QStringLiteral("authorize_path")).toString());
        config.tokenUrl = url(QStringLiteral("zendesk"), c.value(QStringLiteral("token_path")).toString());
        config.clientId = c.value(QStringLiteral("oauth_public_client_id")).toString();
        config.scopes = QStringList{QStringLiteral("read")};
        config.tokenBody = OAuthConfig::TokenBody::Json;
        config.flowTimeout = 20s;

        SandboxBrowser browser;
        const Result<Credentials> signedIn = signIn(config, browser);
        QVERIFY2(signedIn.ok(), qPrintable(text(signedIn)));
        const Credentials first = signedIn.value();
        QVERIFY(!first.refreshToken.isEmpty());
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(first.accessTokenExpiresAt);
        QVERIFY2(lifetime > 172700 && lifetime <= 172800, qPrintable(QString::number(lifetime)));

        QList<Sandbox::JournalEntry> tokens =
            journal(QStringLiteral("zendesk"), 0, "POST", QStringLiteral("/oauth/tokens"));
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.first().status, 201); // Zendesk creates a token
        QVERIFY(tokens.first().header("Content-Type").startsWith("application/json"));
        QJsonObject body = QJsonDocument::fromJson(tokens.first().body).object();
        QCOMPARE(body.value(QStringLiteral("grant_type")).toString(), QStringLiteral("authorization_code"));
        QCOMPARE(body.value(QStringLiteral("client_id")).toString(), config.clientId);
        QVERIFY(body.value(QStringLiteral("code_verifier")).toString().size() >= 43);

        auto provider = std::make_shared<OAuthTokenProvider>(
            config, httpOptions(QStringLiteral("zendesk"), QStringLiteral("Zendesk")), first);
        HttpClientOptions api = httpOptions(QStringLiteral("zendesk"), QStringLiteral("Zendesk"));
        api.authenticator = provider;
        HttpClient client(api);
        const Result<HttpResponse> me =
            send(client,
                 HttpRequest::get(url(QStringLiteral("zendesk"), QStringLiteral("/api/v2/users/me.json"))));
        QVERIFY2(me.ok(), qPrintable(text(me)));
        QCOMPARE(jsonObject(me.value())
                     .value()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("email")),
                 c.value(QStringLiteral("email")));

        // A refresh speaks JSON too and is answered 201 with a rotated refresh token.
        const quint64 mark = m_server->journal().lastSequence();
        const Status refreshed = wait([&provider](QObject* context, std::function<void(Status)> done) {
            provider->refresh(context, done);
        });
        QVERIFY2(refreshed.ok(), qPrintable(text(refreshed)));
        tokens = journal(QStringLiteral("zendesk"), mark, "POST", QStringLiteral("/oauth/tokens"));
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.first().status, 201);
        body = QJsonDocument::fromJson(tokens.first().body).object();
        QCOMPARE(body.value(QStringLiteral("grant_type")).toString(), QStringLiteral("refresh_token"));
        QCOMPARE(body.value(QStringLiteral("refresh_token")).toString(), first.refreshToken);
        QVERIFY(provider->credentials().refreshToken != first.refreshToken);
        QVERIFY(provider->credentials().accessToken != first.accessToken);
    }

    void dynamicsClientCredentialsThenWhoAmI()
    {
        const QJsonObject c = credentials(QStringLiteral("dynamics"));
        OAuthConfig config;
        config.serviceId = QStringLiteral("dynamics");
        config.serviceName = QStringLiteral("Dynamics 365");
        config.tokenUrl = QUrl(c.value(QStringLiteral("token_url")).toString());
        config.clientId = c.value(QStringLiteral("client_id")).toString();
        config.clientSecret = c.value(QStringLiteral("client_secret")).toString();
        config.clientAuthentication = OAuthConfig::ClientAuthentication::RequestBody; // as Entra wants
        config.tokenBody = OAuthConfig::TokenBody::Form;
        const QString scope = c.value(QStringLiteral("scope")).toString(); // "<environment>/.default"
        QVERIFY(scope.endsWith(QLatin1String("/.default")));

        Credentials application;
        application.clientSecret = config.clientSecret;
        auto provider = std::make_shared<OAuthTokenProvider>(
            config, httpOptions(QStringLiteral("dynamics"), QStringLiteral("Dynamics 365")), application);
        provider->useClientCredentials({scope});
        HttpClientOptions api = httpOptions(QStringLiteral("dynamics"), QStringLiteral("Dynamics 365"));
        api.authenticator = provider;
        HttpClient client(api);
        HttpRequest whoAmI = HttpRequest::get(
            QUrl(c.value(QStringLiteral("web_api_url")).toString()).resolved(QUrl(QStringLiteral("WhoAmI"))));
        whoAmI.setHeader("Accept", "application/json");
        whoAmI.setHeader("OData-MaxVersion", "4.0");
        whoAmI.setHeader("OData-Version", "4.0");

        Result<HttpResponse> answer = send(client, whoAmI);
        QVERIFY2(answer.ok(), qPrintable(text(answer)));
        const QJsonObject who = jsonObject(answer.value()).value();
        QCOMPARE(who.value(QStringLiteral("UserId")), c.value(QStringLiteral("application_user_id")));
        QCOMPARE(who.value(QStringLiteral("OrganizationId")), c.value(QStringLiteral("organization_id")));
        QCOMPARE(answer->header("OData-Version"), QByteArray("4.0"));

        const QList<Sandbox::JournalEntry> first = journal(QStringLiteral("dynamics"), 0);
        QCOMPARE(summary(first), (QStringList{QStringLiteral("POST /%1/oauth2/v2.0/token -> 200")
                                                  .arg(c.value(QStringLiteral("tenant_id")).toString()),
                                              QStringLiteral("GET /api/data/v9.2/WhoAmI -> 200")}));
        const Sandbox::JournalEntry& token = first.first();
        QCOMPARE(formValue(token, QStringLiteral("grant_type")), QStringLiteral("client_credentials"));
        QCOMPARE(formValue(token, QStringLiteral("client_id")), config.clientId);
        QCOMPARE(formValue(token, QStringLiteral("client_secret")), config.clientSecret);
        QCOMPARE(formValue(token, QStringLiteral("scope")), scope);
        QVERIFY(!token.hasHeader("Authorization"));
        const Credentials issued = provider->credentials();
        QCOMPARE(first.last().header("Authorization"), "Bearer " + issued.accessToken.toUtf8());
        QCOMPARE(first.last().header("OData-MaxVersion"), QByteArray("4.0"));
        QCOMPARE(issued.clientSecret, config.clientSecret); // kept for the next grant
        QVERIFY(issued.refreshToken.isEmpty());
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(issued.accessTokenExpiresAt);
        QVERIFY2(lifetime > 3500 && lifetime <= 3599, qPrintable(QString::number(lifetime)));

        // An hour later the token has expired at the sandbox (401 ExpiredAuthTicket): the provider
        // asks for a new one with the same grant and the call goes through.
        m_server->clock().advance(3600s);
        const quint64 mark = m_server->journal().lastSequence();
        answer = send(client, whoAmI);
        QVERIFY2(answer.ok(), qPrintable(text(answer)));
        const QList<Sandbox::JournalEntry> later = journal(QStringLiteral("dynamics"), mark);
        QCOMPARE(summary(later), (QStringList{QStringLiteral("GET /api/data/v9.2/WhoAmI -> 401"),
                                              QStringLiteral("POST /%1/oauth2/v2.0/token -> 200")
                                                  .arg(c.value(QStringLiteral("tenant_id")).toString()),
                                              QStringLiteral("GET /api/data/v9.2/WhoAmI -> 200")}));
        QCOMPARE(formValue(later.at(1), QStringLiteral("grant_type")), QStringLiteral("client_credentials"));
        QVERIFY(provider->credentials().accessToken != issued.accessToken);
    }

    void forgedStateStopsTheFlowBeforeAnyTokenRequest()
    {
        SandboxBrowser browser;
        browser.tamper = [](const QUrl& location) {
            QUrl forged = location;
            QUrlQuery query(forged);
            query.removeAllQueryItems(QStringLiteral("state"));
            query.addQueryItem(QStringLiteral("state"), QStringLiteral("forged-by-someone-else"));
            forged.setQuery(query);
            return forged;
        };
        const Result<Credentials> signedIn = signIn(xConfig(), browser);
        QVERIFY(!signedIn.ok());
        QCOMPARE(signedIn.error().kind(), ErrorKind::Auth);
        QVERIFY2(signedIn.error().message().contains(QStringLiteral("state")),
                 qPrintable(signedIn.error().message()));
        // The sandbox did issue a code, and the loopback listener did receive the forged answer
        // (and still answers the browser, although the flow is gone)...
        QCOMPARE(browser.authorizeStatus, 302);
        QVERIFY(QUrlQuery(browser.location).hasQueryItem(QStringLiteral("code")));
        QTRY_COMPARE(browser.callbackStatus, 200);
        // ...but the client never tried to redeem it.
        QCOMPARE(summary(journal(QStringLiteral("x"), 0)),
                 QStringList{QStringLiteral("GET /i/oauth2/authorize -> 302")});
    }
};

QTEST_GUILESS_MAIN(TestOAuthSandbox)
#include "tst_oauthsandbox.moc"
