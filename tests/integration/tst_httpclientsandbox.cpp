// HttpClient against the sandbox's fault injection: a 429 storm on X (x-rate-limit-reset and the
// shared RateBudget honoured, checked window by window in the request journal), dropped
// connections and 5xx on idempotent GETs (retried), a POST that is never repeated, truncated
// bodies (never a short success) and malformed JSON (a Parse error). The client runs on an
// accelerated NetClock and the sandbox clock follows it (sandboxclockbridge.h), so minute-long
// waits take a fraction of a second and both sides agree on every instant.
#include "sandboxclockbridge.h"

#include "net/headerauthenticator.h"
#include "net/httpclient.h"
#include "sandbox/sandboxserver.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;
using namespace std::chrono_literals;

namespace {

// How far the sandbox clock may lag the client's between two synchronisations (clock time).
constexpr qint64 kClockSlackMs = 1500;
constexpr double kSpeedup = 100;

QString text(const Result<HttpResponse>& r)
{
    return r.ok() ? QStringLiteral("(ok)") : r.error().toLogString();
}

} // namespace

class TestHttpClientSandbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<Sandbox::SandboxServer> m_server;
    std::unique_ptr<SandboxClockBridge> m_bridge;

    QUrl url(const QString& service, const QString& path) const
    {
        return m_server->serviceUrl(service).resolved(QUrl(path));
    }
    void addFault(const QString& spec)
    {
        const auto rule = Sandbox::FaultRule::parseSpec(spec);
        QVERIFY2(rule.ok(), qPrintable(spec));
        QVERIFY(m_server->faults().add(rule.value()).ok());
    }
    std::shared_ptr<Authenticator> authenticatorFor(const QString& service) const
    {
        const QJsonObject c = m_server->demoCredentials(service);
        if (service == QLatin1String("x")) {
            const QString token = c.value(QStringLiteral("users"))
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value(QStringLiteral("access_token"))
                                      .toString();
            return std::make_shared<HeaderAuthenticator>(
                HttpHeaders{HeaderAuthenticator::bearerAuthorization(token)});
        }
        return std::make_shared<HeaderAuthenticator>(HttpHeaders{HeaderAuthenticator::basicAuthorization(
            c.value(QStringLiteral("email")).toString() + QStringLiteral("/token"),
            c.value(QStringLiteral("api_token")).toString())});
    }
    HttpClientOptions options(const QString& service, int maxAttempts = 4) const
    {
        HttpClientOptions o;
        o.serviceId = service;
        o.serviceName = service == QLatin1String("x") ? QStringLiteral("X") : QStringLiteral("Zendesk");
        o.retry.maxAttempts = maxAttempts;
        o.retry.baseDelay = 1s;
        o.retry.maxDelay = 10s;
        o.clock = m_bridge->clock();
        o.authenticator = authenticatorFor(service);
        return o;
    }
    struct Sent
    {
        std::optional<Result<HttpResponse>> result;
        QList<qint64> retryDelaysMs;
    };
    // Waits in a real event loop (not QTest::qWaitFor, which sleeps 10 ms between passes), so the
    // clock bridge's timer and the sockets are served as they become ready.
    Sent send(HttpClient& client, const HttpRequest& request)
    {
        Sent sent;
        QEventLoop loop;
        HttpCall* call = client.send(request);
        connect(call, &HttpCall::retryScheduled, this,
                [&sent](int, qint64 delayMs, const Error&) { sent.retryDelaysMs << delayMs; });
        connect(call, &HttpCall::finished, &loop, [&sent, &loop](const Result<HttpResponse>& r) {
            sent.result.emplace(r);
            loop.quit();
        });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        if (!sent.result)
            sent.result.emplace(Error(ErrorKind::Internal, QStringLiteral("the call did not finish")));
        return sent;
    }
    QList<Sandbox::JournalEntry> journal(const QString& service, const QString& path) const
    {
        QList<Sandbox::JournalEntry> out;
        for (const Sandbox::JournalEntry& e : m_server->journal().entries(service)) {
            if (e.pathAndQuery.section(QLatin1Char('?'), 0, 0) == path)
                out << e;
        }
        return out;
    }
    static QList<int> statuses(const QList<Sandbox::JournalEntry>& entries)
    {
        QList<int> out;
        for (const Sandbox::JournalEntry& e : entries)
            out << e.status;
        return out;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<Sandbox::SandboxServer>();
        Sandbox::SandboxOptions o;
        o.seed = 11;
        o.services = QStringList{QStringLiteral("x"), QStringLiteral("zendesk")};
        const Status started = m_server->start(o);
        QVERIFY2(started.ok(), qPrintable(QStringLiteral("the in-process sandbox did not start: ") +
                                          (started.ok() ? QString() : started.error().toLogString())));
        m_bridge = std::make_unique<SandboxClockBridge>(*m_server, kSpeedup);
    }
    void cleanup()
    {
        m_bridge.reset();
        m_server.reset();
    }

    void rateLimitStormOnXHonoursTheReset()
    {
        // Three 429s in a row, each "window exhausted, resets in 60 s" (X sends no Retry-After).
        addFault(QStringLiteral("x:GET:/2/users/me:rate-limit:1:retry=60:count=3"));
        HttpClientOptions o = options(QStringLiteral("x"), 5);
        o.budget = std::make_shared<RateBudget>(RateBudget::Options{
            QStringLiteral("x"), QStringLiteral("X"), 6, /*perEndpointBuckets=*/true, m_bridge->clock()});
        QSignalSpy budgetStatus(o.budget.get(), &RateBudget::statusChanged);
        HttpClient client(o);
        const HttpRequest me = HttpRequest::get(url(QStringLiteral("x"), QStringLiteral("/2/users/me")));

        // A second caller turns up once the first has hit the limit: the shared budget must hold
        // it until the window resets instead of letting it spend another request.
        QList<Result<HttpResponse>> results;
        QList<qint64> retryDelays;
        QEventLoop loop;
        auto start = [&](HttpCall* call) {
            connect(call, &HttpCall::retryScheduled, this,
                    [&retryDelays](int, qint64 delayMs, const Error&) { retryDelays << delayMs; });
            connect(call, &HttpCall::finished, &loop, [&results, &loop](const Result<HttpResponse>& r) {
                results << r;
                if (results.size() == 2)
                    loop.quit();
            });
        };
        HttpCall* first = client.send(me);
        start(first);
        connect(
            first, &HttpCall::retryScheduled, this, [&] { start(client.send(me)); },
            Qt::SingleShotConnection);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(results.size(), 2);
        for (const Result<HttpResponse>& r : std::as_const(results)) {
            QVERIFY2(r.ok(), qPrintable(text(r)));
            QCOMPARE(r.value().status, 200);
        }

        const QList<Sandbox::JournalEntry> entries =
            journal(QStringLiteral("x"), QStringLiteral("/2/users/me"));
        QCOMPARE(statuses(entries), (QList<int>{429, 429, 429, 200, 200}));
        for (int i = 0; i < 3; ++i) {
            QVERIFY(entries.at(i).fault.has_value());
            // The sandbox stamped x-rate-limit-reset = now + 60 s in whole epoch seconds.
            const qint64 at = entries.at(i).time.toMSecsSinceEpoch();
            const qint64 resetMs = (at + 60'000) / 1000 * 1000;
            const qint64 next = entries.at(i + 1).time.toMSecsSinceEpoch();
            QVERIFY2(
                next >= resetMs - kClockSlackMs,
                qPrintable(
                    QStringLiteral("request %1 came %2 ms before the reset").arg(i + 2).arg(resetMs - next)));
            // One request per exhausted window, although two callers were waiting.
            int inWindow = 0;
            for (const Sandbox::JournalEntry& e : entries) {
                const qint64 t = e.time.toMSecsSinceEpoch();
                inWindow += t >= at && t < resetMs - kClockSlackMs;
            }
            QCOMPARE(inWindow, 1);
        }
        QVERIFY(entries.at(3).time.toMSecsSinceEpoch() - entries.first().time.toMSecsSinceEpoch() >=
                3 * 59'000 - kClockSlackMs);
        // Every retry waited for the window, never for a mere backoff.
        QVERIFY(!retryDelays.isEmpty());
        for (const qint64 delay : std::as_const(retryDelays))
            QVERIFY2(delay >= 58'000 - kClockSlackMs && delay <= 61'000, qPrintable(QString::number(delay)));

        // The budget told the Jobs pane why the second caller waited, learnt the window from the
        // final answer, and is quiet again.
        bool announced = false;
        for (const QList<QVariant>& args : std::as_const(budgetStatus))
            announced =
                announced || QRegularExpression(QStringLiteral("^Waiting (59|60) s for the X rate limit$"))
                                 .match(args.first().toString())
                                 .hasMatch();
        QVERIFY2(announced, qPrintable(budgetStatus.isEmpty() ? QStringLiteral("(no status)")
                                                              : budgetStatus.first().first().toString()));
        QCOMPARE(o.budget->remaining(QStringLiteral("GET /2/users/me")), std::optional<qint64>(73));
        QVERIFY(o.budget->statusText().isEmpty());
    }

    void transientFailuresOfAnIdempotentGetAreRetried_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QStringList>("faults");
        QTest::addColumn<QList<int>>("expected");
        QTest::addColumn<int>("httpErrors"); // 5xx answers, which only HttpClient itself retries
        // A connection closed before any answer may also be repaired by Qt, which sends an
        // idempotent request once more by itself (a stale keep-alive connection, it assumes).
        QTest::newRow("X: connection dropped twice")
            << QStringLiteral("x") << QStringList{QStringLiteral("x:GET:/2/users/me:drop:1:count=2")}
            << QList<int>{0, 0, 200} << 0;
        QTest::newRow("X: 503 twice")
            << QStringLiteral("x")
            << QStringList{QStringLiteral("x:GET:/2/users/me:server-error:1:503:count=2")}
            << QList<int>{503, 503, 200} << 2;
        QTest::newRow("Zendesk: 502, then a dropped connection")
            << QStringLiteral("zendesk")
            << QStringList{QStringLiteral("zendesk:GET:/api/v2/users/me:server-error:1:502:count=1"),
                           QStringLiteral("zendesk:GET:/api/v2/users/me:drop:1:count=1")}
            << QList<int>{502, 0, 200} << 1;
    }
    void transientFailuresOfAnIdempotentGetAreRetried()
    {
        QFETCH(QString, service);
        QFETCH(QStringList, faults);
        QFETCH(QList<int>, expected);
        QFETCH(int, httpErrors);
        for (const QString& fault : std::as_const(faults))
            addFault(fault);
        const QString path = service == QLatin1String("x") ? QStringLiteral("/2/users/me")
                                                           : QStringLiteral("/api/v2/users/me");
        HttpClient client(options(service));
        const Sent sent = send(client, HttpRequest::get(url(service, path)));
        QVERIFY2(sent.result->ok(), qPrintable(text(*sent.result)));
        QVERIFY(jsonObject(sent.result->value()).ok());
        QCOMPARE(statuses(journal(service, path)), expected);
        QVERIFY(sent.retryDelaysMs.size() >= httpErrors);
        QVERIFY(sent.retryDelaysMs.size() <= expected.size() - 1);
    }

    void aPostIsNotRepeatedAfterADroppedConnection()
    {
        addFault(QStringLiteral("x:POST:/2/oauth2/revoke:drop:1"));
        HttpClient client(options(QStringLiteral("x")));
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("token"), QStringLiteral("some-token"));
        const Sent sent =
            send(client,
                 HttpRequest::postForm(url(QStringLiteral("x"), QStringLiteral("/2/oauth2/revoke")), form));
        QVERIFY(!sent.result->ok());
        QCOMPARE(sent.result->error().kind(), ErrorKind::Transport);
        QCOMPARE(statuses(journal(QStringLiteral("x"), QStringLiteral("/2/oauth2/revoke"))), QList<int>{0});
        QVERIFY(sent.retryDelaysMs.isEmpty());
    }

    void aTruncatedBodyIsNeverAShortSuccess()
    {
        addFault(QStringLiteral("x:GET:/2/users/me:truncate:1"));
        HttpClient client(options(QStringLiteral("x"), 3));
        const Sent sent =
            send(client, HttpRequest::get(url(QStringLiteral("x"), QStringLiteral("/2/users/me"))));
        QVERIFY2(!sent.result->ok(), "a truncated body was delivered as a success");
        const ErrorKind kind = sent.result->error().kind();
        QVERIFY2(kind == ErrorKind::Transport || kind == ErrorKind::Parse, qPrintable(text(*sent.result)));
        // A body cut off in transit is a transient failure of an idempotent GET: it was tried again.
        QCOMPARE(journal(QStringLiteral("x"), QStringLiteral("/2/users/me")).size(), 3);
    }

    void aTruncatedBodyOnceIsRetriedToTheFullBody()
    {
        addFault(QStringLiteral("x:GET:/2/users/me:truncate:1:count=1"));
        HttpClient client(options(QStringLiteral("x")));
        const Sent sent =
            send(client, HttpRequest::get(url(QStringLiteral("x"), QStringLiteral("/2/users/me"))));
        QVERIFY2(sent.result->ok(), qPrintable(text(*sent.result)));
        const Result<QJsonObject> json = jsonObject(sent.result->value());
        QVERIFY2(json.ok(), qPrintable(json.ok() ? QString() : json.error().toLogString()));
        QCOMPARE(json->value(QStringLiteral("data")).toObject().value(QStringLiteral("username")).toString(),
                 QStringLiteral("assetdesk"));
        QCOMPARE(journal(QStringLiteral("x"), QStringLiteral("/2/users/me")).size(), 2);
    }

    void malformedJsonIsAParseError()
    {
        addFault(QStringLiteral("x:GET:/2/users/me:malformed:1:count=1"));
        HttpClient client(options(QStringLiteral("x")));
        const Sent sent =
            send(client, HttpRequest::get(url(QStringLiteral("x"), QStringLiteral("/2/users/me"))));
        // The HTTP exchange itself is complete and 200; the content is what is wrong.
        QVERIFY2(sent.result->ok(), qPrintable(text(*sent.result)));
        const Result<QJsonObject> json = jsonObject(sent.result->value());
        QVERIFY(!json.ok());
        QCOMPARE(json.error().kind(), ErrorKind::Parse);
        QCOMPARE(json.error().httpStatus(), 200);
        QCOMPARE(json.error().origin(), QStringLiteral("x"));
        QCOMPARE(journal(QStringLiteral("x"), QStringLiteral("/2/users/me")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpClientSandbox)
#include "tst_httpclientsandbox.moc"
