#include "testservers.h"

#include "net/headerauthenticator.h"
#include "net/httpclient.h"
#include "net/ratebudget.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslKey>
#include <QSslServer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <map>
#include <optional>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;
using namespace std::chrono_literals;
using Code = QHttpServerResponse::StatusCode;

namespace {

struct Outcome
{
    std::optional<Result<HttpResponse>> result;
    QList<qint64> retryDelays;
    QStringList statuses;
    qint64 lastReceived = 0;

    bool done() const { return result.has_value(); }
    // Safe to call on any outcome, so that failure messages never throw.
    Error error() const
    {
        if (!result)
            return Error(ErrorKind::Internal, QStringLiteral("(not finished)"));
        return result->ok() ? Error(ErrorKind::Internal, QStringLiteral("(succeeded)")) : result->error();
    }
    QString text() const { return error().toLogString(); }
};

std::shared_ptr<Outcome> watch(HttpCall* call)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(call, &HttpCall::finished, call,
                     [outcome](const Result<HttpResponse>& r) { outcome->result.emplace(r); });
    QObject::connect(call, &HttpCall::retryScheduled, call,
                     [outcome](int, qint64 delayMs, const Error&) { outcome->retryDelays.append(delayMs); });
    QObject::connect(call, &HttpCall::statusChanged, call,
                     [outcome](const QString& s) { outcome->statuses.append(s); });
    QObject::connect(call, &HttpCall::downloadProgress, call,
                     [outcome](qint64 received, qint64) { outcome->lastReceived = received; });
    return outcome;
}

HttpClientOptions testOptions(const NetClock& clock = {})
{
    HttpClientOptions o;
    o.serviceId = QStringLiteral("test");
    o.serviceName = QStringLiteral("Test");
    o.retry.maxAttempts = 4;
    o.retry.baseDelay = 1ms;
    o.retry.maxDelay = 5ms;
    o.clock = clock;
    return o;
}

QHttpServerResponse json(const QByteArray& body, Code status = Code::Ok)
{
    return QHttpServerResponse("application/json", body, status);
}

// Captured output of the message handler, for the secrets-in-log test.
QStringList* g_captured = nullptr;
QtMessageHandler g_previousHandler = nullptr;
QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (g_captured)
        g_captured->append(QString::fromLatin1(context.category) + QStringLiteral(": ") + message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

void enableNetDebug(QLoggingCategory* category)
{
    if (qstrcmp(category->categoryName(), "assetdesk.net") == 0) {
        category->setEnabled(QtDebugMsg, true);
        category->setEnabled(QtInfoMsg, true);
    } else if (g_previousFilter) {
        g_previousFilter(category);
    }
}

// Captures every message while alive, with assetdesk.net debug and info output enabled.
class NetLogCapture
{
public:
    NetLogCapture()
    {
        g_captured = &m_lines;
        g_previousHandler = qInstallMessageHandler(captureMessage);
        g_previousFilter = QLoggingCategory::installFilter(enableNetDebug);
    }
    ~NetLogCapture()
    {
        QLoggingCategory::installFilter(g_previousFilter);
        qInstallMessageHandler(g_previousHandler);
        g_captured = nullptr;
    }
    NetLogCapture(const NetLogCapture&) = delete;
    NetLogCapture& operator=(const NetLogCapture&) = delete;

    QString text() const { return m_lines.join(QLatin1Char('\n')); }

private:
    QStringList m_lines;
};

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT
private slots:
    void successAndCaseInsensitiveHeaders()
    {
        QHttpServer server;
        server.route(QStringLiteral("/thing"), [](const QHttpServerRequest&) {
            QHttpServerResponse r = json(R"({"id":"42","name":"thing"})");
            r.setHeader("X-Custom-Header", "yes");
            return r;
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpClient client(testOptions());
        auto outcome =
            watch(client.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/thing").arg(port)))));
        QTRY_VERIFY(outcome->done());
        QVERIFY2(outcome->result->ok(), qPrintable(outcome->text()));
        const HttpResponse& response = outcome->result->value();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("x-custom-header"), QByteArray("yes"));
        QCOMPARE(response.serviceId, QStringLiteral("test"));
        const Result<QJsonObject> object = jsonObject(response);
        QVERIFY(object.ok());
        QCOMPARE(object->value(QStringLiteral("name")).toString(), QStringLiteral("thing"));
    }

    // A retry must never come earlier than the server asked.
    void retryWaitsForServerRequestedTime_data()
    {
        QTest::addColumn<int>("firstStatus");
        QTest::addColumn<QString>("header"); // Retry-After seconds, Retry-After date, x-rate-limit-reset
        QTest::newRow("Retry-After seconds on 503") << 503 << QStringLiteral("retry-after-seconds");
        QTest::newRow("Retry-After seconds on 429") << 429 << QStringLiteral("retry-after-seconds");
        QTest::newRow("Retry-After HTTP-date") << 429 << QStringLiteral("retry-after-date");
        QTest::newRow("x-rate-limit-reset") << 429 << QStringLiteral("x-rate-limit-reset");
    }
    void retryWaitsForServerRequestedTime()
    {
        QFETCH(int, firstStatus);
        QFETCH(QString, header);
        const NetClock clock = NetClock::accelerated(50);
        Journal journal(clock);
        qint64 notBeforeMs = 0;
        QHttpServer server;
        server.route(QStringLiteral("/flaky"), [&](const QHttpServerRequest& request) {
            journal.record(request);
            if (journal.count() > 1)
                return json(R"({"ok":true})");
            QHttpServerResponse r = json(R"({"error":"later"})", Code(firstStatus));
            const qint64 now = clock.nowMs();
            if (header == QLatin1String("retry-after-seconds")) {
                r.setHeader("Retry-After", "3");
                notBeforeMs = now + 3000;
            } else if (header == QLatin1String("retry-after-date")) {
                const QDateTime at = QDateTime::fromMSecsSinceEpoch((now / 1000 + 4) * 1000, Qt::UTC);
                r.setHeader(
                    "Retry-After",
                    QLocale::c().toString(at, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1());
                notBeforeMs = at.toMSecsSinceEpoch();
            } else {
                const qint64 reset = now / 1000 + 4;
                r.setHeader("x-rate-limit-limit", "15");
                r.setHeader("x-rate-limit-remaining", "0");
                r.setHeader("x-rate-limit-reset", QByteArray::number(reset));
                notBeforeMs = reset * 1000;
            }
            return r;
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpClient client(testOptions(clock)); // backoff alone would wait at most 5 ms
        auto outcome =
            watch(client.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/flaky").arg(port)))));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), 10000);
        QVERIFY2(outcome->result->ok(), qPrintable(outcome->text()));
        QCOMPARE(journal.count(), 2);
        QVERIFY2(journal.hits().at(1).atMs >= notBeforeMs,
                 qPrintable(
                     QStringLiteral("retried %1 ms too early").arg(notBeforeMs - journal.hits().at(1).atMs)));
        QCOMPARE(outcome->retryDelays.size(), 1);
        QVERIFY2(outcome->retryDelays.first() > 100,
                 qPrintable(QString::number(outcome->retryDelays.first())));
    }

    void postIsNeverRetried()
    {
        QHttpServer server;
        int hits = 0;
        server.route(QStringLiteral("/tweets"), [&](const QHttpServerRequest&) {
            ++hits;
            return json(R"({"title":"Service Unavailable"})", Code::ServiceUnavailable);
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpClient client(testOptions());
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/tweets").arg(port));
        auto post = watch(client.send(HttpRequest::postJson(
            url, QJsonDocument(QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}}))));
        QTRY_VERIFY(post->done());
        QVERIFY(!post->result->ok());
        QCOMPARE(post->error().httpStatus(), 503);
        QVERIFY(post->error().isTransient()); // the outbox decides what to do with it
        QCOMPARE(hits, 1);
        QVERIFY(post->retryDelays.isEmpty());

        // The same POST, declared idempotent by the caller, is retried.
        hits = 0;
        HttpRequest flagged = HttpRequest::postJson(url, QJsonDocument(QJsonObject{}));
        flagged.idempotent = true;
        auto retried = watch(client.send(flagged));
        QTRY_VERIFY(retried->done());
        QCOMPARE(hits, 4);
    }

    void aPostWhoseConnectionDropsIsNotSentAgainByQt_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("json body") << QByteArray(R"({"text":"hello"})");
        QTest::newRow("empty body") << QByteArray();
    }
    void aPostWhoseConnectionDropsIsNotSentAgainByQt()
    {
        // Qt's HTTP stack repeats a request by itself when the connection closes before an answer;
        // for a POST that may already have taken effect that would be a duplicate.
        QFETCH(QByteArray, body);
        RawHttpServer server([](QTcpSocket* socket, const QByteArray&) { socket->abort(); });
        QVERIFY(server.listen());
        HttpClient client(testOptions());
        auto post = watch(
            client.send(HttpRequest::post(server.url(QStringLiteral("/tweets")), body, "application/json")));
        QTRY_VERIFY(post->done());
        QCOMPARE(post->error().kind(), ErrorKind::Transport);
        QVERIFY2(post->error().message().contains(QStringLiteral("not sent again")) ||
                     post->error().message().contains(QStringLiteral("closed")),
                 qPrintable(post->error().message()));
        QTest::qWait(100); // nothing else arrives later either
        QCOMPARE(server.requests(), 1);
        QVERIFY(post->retryDelays.isEmpty());

        // A GET to the same server is repeated (by Qt and by the client's own retries).
        auto get = watch(client.send(HttpRequest::get(server.url(QStringLiteral("/tweets")))));
        QTRY_VERIFY(get->done());
        QVERIFY(server.requests() >= 1 + testOptions().retry.maxAttempts);
    }

    void backoffIsFullJitterAndCapped()
    {
        QHttpServer server;
        server.route(QStringLiteral("/down"),
                     [](const QHttpServerRequest&) { return json("{}", Code::BadGateway); });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpClientOptions options = testOptions(NetClock::accelerated(100));
        options.retry.maxAttempts = 5;
        options.retry.baseDelay = 100ms;
        options.retry.maxDelay = 300ms;
        const QList<double> randoms{0.5, 0.99, 0.25, 0.75};
        auto next = std::make_shared<int>(0);
        options.random = [randoms, next] {
            return randoms.at((*next)++ % randoms.size());
        };
        HttpClient client(options);
        auto outcome =
            watch(client.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/down").arg(port)))));
        QTRY_VERIFY(outcome->done());
        QCOMPARE(outcome->error().httpStatus(), 502);
        // caps 100, 200, 400->300, 800->300 times the injected randoms
        QCOMPARE(outcome->retryDelays, (QList<qint64>{50, 198, 75, 225}));
    }

    void stormNeverExceedsTheBudget_data()
    {
        QTest::addColumn<bool>("rateLimitHeaders"); // true: x-rate-limit-*, false: Retry-After only
        QTest::newRow("x-rate-limit-remaining 0 with reset") << true;
        QTest::newRow("Retry-After") << false;
    }
    void stormNeverExceedsTheBudget()
    {
        QFETCH(bool, rateLimitHeaders);
        constexpr qint64 kWindowMs = 2000;
        constexpr int kLimit = 2;
        constexpr int kMaxConcurrent = 3;
        constexpr int kCalls = 5;
        const NetClock clock = NetClock::accelerated(10);
        Journal journal(clock);
        QHttpServer server;
        server.route(QStringLiteral("/storm"), [&](const QHttpServerRequest& request) {
            const Hit& hit = journal.record(request);
            QHttpServerResponse r("text/plain", "Rate limit exceeded", Code::TooManyRequests);
            if (rateLimitHeaders) {
                const qint64 windowEnd = (hit.atMs / kWindowMs + 1) * kWindowMs;
                r.setHeader("x-rate-limit-limit", QByteArray::number(kLimit));
                r.setHeader("x-rate-limit-remaining", "0");
                r.setHeader("x-rate-limit-reset", QByteArray::number(windowEnd / 1000));
            } else {
                r.setHeader("Retry-After", QByteArray::number(kWindowMs / 1000));
            }
            return r;
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);

        HttpClientOptions options = testOptions(clock);
        options.budget = std::make_shared<RateBudget>(RateBudget::Options{
            QStringLiteral("test"), QStringLiteral("Test"), kMaxConcurrent, false, clock});
        QStringList budgetStatus;
        connect(options.budget.get(), &RateBudget::statusChanged, this,
                [&](const QString& s) { budgetStatus << s; });
        HttpClient client(options);
        QList<std::shared_ptr<Outcome>> outcomes;
        for (int i = 0; i < kCalls; ++i)
            outcomes << watch(
                client.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/storm").arg(port)))));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(outcomes.cbegin(), outcomes.cend(), [](const auto& o) { return o->done(); }), 30000);
        for (const auto& o : std::as_const(outcomes)) {
            QVERIFY(!o->result->ok());
            QCOMPARE(o->error().kind(), ErrorKind::RateLimited);
        }
        QVERIFY(journal.count() <= kCalls * 4);

        const QList<Hit>& hits = journal.hits();
        if (rateLimitHeaders) {
            // Count per server window: the blind first burst is capped by the concurrency limit,
            // every later window by the advertised limit.
            std::map<qint64, int> perWindow;
            for (const Hit& h : hits)
                ++perWindow[h.atMs / kWindowMs];
            const qint64 firstWindow = perWindow.begin()->first;
            for (const auto& [window, count] : perWindow) {
                const int allowed = window == firstWindow ? kMaxConcurrent : kLimit;
                QVERIFY2(count <= allowed,
                         qPrintable(QStringLiteral("window %1: %2 requests").arg(window).arg(count)));
            }
        } else {
            // Requests closer together than this were on the wire at the same time.
            constexpr qint64 kOnTheWireMs = 800;
            QList<QList<qint64>> bursts;
            for (const Hit& h : hits) {
                if (bursts.isEmpty() || h.atMs - bursts.last().first() > kOnTheWireMs)
                    bursts.append(QList<qint64>());
                bursts.last().append(h.atMs);
            }
            // Only the blind first burst may hold several requests; after each Retry-After the
            // client probes with one request, never a burst.
            QVERIFY2(bursts.first().size() <= kMaxConcurrent,
                     qPrintable(QString::number(bursts.first().size())));
            for (qsizetype i = 1; i < bursts.size(); ++i) {
                QVERIFY2(
                    bursts.at(i).size() == 1,
                    qPrintable(QStringLiteral("burst %1 has %2 requests").arg(i).arg(bursts.at(i).size())));
                const qint64 gap = bursts.at(i).first() - bursts.at(i - 1).last();
                QVERIFY2(gap >= kWindowMs,
                         qPrintable(QStringLiteral("request %1 ms after a Retry-After of %2 ms")
                                        .arg(gap)
                                        .arg(kWindowMs)));
            }
        }
        // The Jobs pane can say why nothing moves.
        QVERIFY2(std::any_of(
                     budgetStatus.cbegin(), budgetStatus.cend(),
                     [](const QString& s) { return s.contains(QStringLiteral("for the Test rate limit")); }),
                 qPrintable(budgetStatus.join(QLatin1Char('|'))));
    }

    void streamedResponseStopsAtTheCap()
    {
        constexpr qint64 k50MB = 50LL * 1024 * 1024;
        constexpr qint64 kCap = 1024 * 1024;
        auto written = std::make_shared<qint64>(0);
        auto peerGone = std::make_shared<bool>(false);
        RawHttpServer server([&](QTcpSocket* socket, const QByteArray&) {
            RawHttpServer::stream(
                socket,
                "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
                k50MB, written, peerGone);
        });
        QVERIFY(server.listen());
        HttpClient client(testOptions());
        HttpRequest request = HttpRequest::get(server.url(QStringLiteral("/huge")));
        request.maxResponseBytes = kCap;
        auto outcome = watch(client.send(request));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), 20000);
        QVERIFY(!outcome->result->ok());
        QCOMPARE(outcome->error().kind(), ErrorKind::TooLarge);
        QVERIFY2(outcome->error().message().contains(QStringLiteral("1.0 MiB")),
                 qPrintable(outcome->error().message()));
        QCOMPARE(server.requests(), 1); // size errors are not retried
        QTRY_VERIFY_WITH_TIMEOUT(*peerGone, 5000);
        qInfo("server wrote %lld bytes before the client hung up", *written);
        QVERIFY2(*written < k50MB / 4, qPrintable(QStringLiteral("server wrote %1 bytes").arg(*written)));
        QVERIFY2(outcome->lastReceived <= 3 * kCap, qPrintable(QString::number(outcome->lastReceived)));
    }

    // A server that promises 100 bytes, sends 40 and closes. Whether Qt itself reports that varies
    // with how the close arrives (with "Connection: close" it can take it for the end of the body),
    // so the client counts: every round must end in a transport error, tried again as a GET, never
    // in a 40-byte success; the same body with the whole promise kept succeeds.
    void aBodyCutShortOfItsContentLengthIsNeverASuccess()
    {
        const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                                "Content-Length: 100\r\nConnection: close\r\n\r\n";
        RawHttpServer cut([&head](QTcpSocket* socket, const QByteArray&) {
            socket->write(head + QByteArray(40, 'x'));
            socket->flush();
            socket->disconnectFromHost();
        });
        QVERIFY(cut.listen());
        HttpClientOptions options = testOptions();
        options.retry.maxAttempts = 2;
        HttpClient client(options);
        for (int round = 0; round < 10; ++round) {
            auto outcome = watch(client.send(HttpRequest::get(cut.url(QStringLiteral("/image.jpg")))));
            QTRY_VERIFY(outcome->done());
            QVERIFY2(!outcome->result->ok(),
                     qPrintable(QStringLiteral("round %1: a cut-off body was a success").arg(round)));
            QCOMPARE(outcome->error().kind(), ErrorKind::Transport);
            QCOMPARE(outcome->retryDelays.size(), 1);
        }
        QCOMPARE(cut.requests(), 20);

        RawHttpServer whole([&head](QTcpSocket* socket, const QByteArray&) {
            socket->write(head + QByteArray(100, 'x'));
            socket->flush();
            socket->disconnectFromHost();
        });
        QVERIFY(whole.listen());
        auto outcome = watch(client.send(HttpRequest::get(whole.url(QStringLiteral("/image.jpg")))));
        QTRY_VERIFY(outcome->done());
        QVERIFY2(outcome->result->ok(), qPrintable(outcome->text()));
        QCOMPARE(outcome->result->value().body.size(), 100);
    }

    // Qt decompresses a gzip body; its Content-Length counts the compressed bytes, which for a
    // small document are more than the document itself. That is not a cut-off body.
    void aSmallCompressedBodyIsNotMistakenForACutOne()
    {
        // gzip of "{}" (22 bytes for 2), made with Python's gzip module, mtime 0.
        const QByteArray gzipped = QByteArray::fromHex("1f8b08000000000002ffabae050043bfa6a302000000");
        RawHttpServer server([&gzipped](QTcpSocket* socket, const QByteArray&) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                          "Content-Length: " +
                          QByteArray::number(gzipped.size()) + "\r\nConnection: close\r\n\r\n" + gzipped);
            socket->flush();
            socket->disconnectFromHost();
        });
        QVERIFY(server.listen());
        HttpClient client(testOptions());
        auto outcome = watch(client.send(HttpRequest::get(server.url(QStringLiteral("/small.json")))));
        QTRY_VERIFY(outcome->done());
        QVERIFY2(outcome->result->ok(), qPrintable(outcome->text()));
        QCOMPARE(outcome->result->value().body, QByteArray("{}"));
    }

    // A redirect's own body (a short HTML page, with its Content-Length) is skipped, not counted:
    // it is no cut-off body, and the redirect is followed.
    void aRedirectWithABodyIsFollowed()
    {
        RawHttpServer server([](QTcpSocket* socket, const QByteArray& head) {
            const QByteArray page = "<a href=\"/to\">Moved</a>";
            if (head.startsWith("GET /from "))
                socket->write("HTTP/1.1 302 Found\r\nLocation: /to\r\nConnection: close\r\nContent-Type: "
                              "text/html\r\nContent-Length: " +
                              QByteArray::number(page.size()) + "\r\n\r\n" + page);
            else
                socket->write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: "
                              "application/json\r\nContent-Length: 2\r\n\r\n{}");
            socket->flush();
            socket->disconnectFromHost();
        });
        QVERIFY(server.listen());
        HttpClient client(testOptions());
        auto outcome = watch(client.send(HttpRequest::get(server.url(QStringLiteral("/from")))));
        QTRY_VERIFY(outcome->done());
        QVERIFY2(outcome->result->ok(), qPrintable(outcome->text()));
        QCOMPARE(outcome->result->value().body, QByteArray("{}"));
        QCOMPARE(server.requests(), 2);
    }

    void contentLengthOverTheCapIsRefusedUpFront()
    {
        constexpr qint64 k50MB = 50LL * 1024 * 1024;
        auto written = std::make_shared<qint64>(0);
        auto peerGone = std::make_shared<bool>(false);
        RawHttpServer server([&](QTcpSocket* socket, const QByteArray&) {
            RawHttpServer::stream(socket,
                                  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                      QByteArray::number(k50MB) + "\r\n\r\n",
                                  k50MB, written, peerGone);
        });
        QVERIFY(server.listen());
        HttpClient client(testOptions());
        HttpRequest request = HttpRequest::get(server.url(QStringLiteral("/big.json")));
        request.maxResponseBytes = 4 * 1024 * 1024;
        auto outcome = watch(client.send(request));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), 20000);
        QCOMPARE(outcome->error().kind(), ErrorKind::TooLarge);
        QVERIFY2(outcome->error().message().contains(QStringLiteral("50.0 MiB")) &&
                     outcome->error().message().contains(QStringLiteral("4.0 MiB")),
                 qPrintable(outcome->error().message()));
        QCOMPARE(outcome->lastReceived, 0);
        QTRY_VERIFY_WITH_TIMEOUT(*peerGone, 5000);
        QVERIFY2(*written < k50MB / 4, qPrintable(QStringLiteral("server wrote %1 bytes").arg(*written)));
    }

    void redirects_data()
    {
        QTest::addColumn<int>("chainLength");
        QTest::addColumn<int>("maxRedirects");
        QTest::addColumn<bool>("ok");
        QTest::newRow("within the cap") << 3 << 3 << true;
        QTest::newRow("one too many") << 4 << 3 << false;
        QTest::newRow("endless") << 1000 << 5 << false;
    }
    void redirects()
    {
        QFETCH(int, chainLength);
        QFETCH(int, maxRedirects);
        QFETCH(bool, ok);
        QHttpServer server;
        int hits = 0;
        server.route(QStringLiteral("/hop/<arg>"), [&](int n, const QHttpServerRequest&) {
            ++hits;
            if (n >= chainLength)
                return json(R"({"arrived":true})");
            QHttpServerResponse r(Code::Found);
            r.setHeader("Location", "/hop/" + QByteArray::number(n + 1));
            return r;
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpClient client(testOptions());
        HttpRequest request = HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/hop/0").arg(port)));
        request.maxRedirects = maxRedirects;
        auto outcome = watch(client.send(request));
        QTRY_VERIFY(outcome->done());
        QCOMPARE(outcome->result->ok(), ok);
        if (ok) {
            QCOMPARE(outcome->result->value().url.path(), QStringLiteral("/hop/%1").arg(chainLength));
            QCOMPARE(hits, chainLength + 1);
        } else {
            QCOMPARE(outcome->error().kind(), ErrorKind::HttpStatus);
            QVERIFY2(outcome->error().message().contains(QStringLiteral("Too many redirects")),
                     qPrintable(outcome->error().message()));
            QCOMPARE(hits, maxRedirects + 1);
        }
    }

    void credentialsDoNotFollowRedirectsToAnotherOrigin()
    {
        QHttpServer cdn;
        Journal cdnJournal;
        cdn.route(QStringLiteral("/file.jpg"), [&](const QHttpServerRequest& request) {
            cdnJournal.record(request);
            return QHttpServerResponse("image/jpeg", QByteArray(100, 'j'));
        });
        const quint16 cdnPort = cdn.listen(QHostAddress::LocalHost, 0);
        QHttpServer api;
        Journal apiJournal;
        api.route(QStringLiteral("/media/1/download"), [&](const QHttpServerRequest& request) {
            apiJournal.record(request);
            QHttpServerResponse r(Code::Found);
            r.setHeader(
                "Location",
                QStringLiteral("http://127.0.0.1:%1/file.jpg?Signature=sig-value").arg(cdnPort).toLatin1());
            return r;
        });
        const quint16 apiPort = api.listen(QHostAddress::LocalHost, 0);
        QVERIFY(cdnPort && apiPort);
        HttpClientOptions options = testOptions();
        options.authenticator = std::make_shared<HeaderAuthenticator>(
            HttpHeaders{HeaderAuthenticator::bearerAuthorization(QStringLiteral("api-token-1234")),
                        {"X-PS-Api-Key", "ps-key-5678"}});
        HttpClient client(options);
        auto outcome = watch(client.send(
            HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/media/1/download").arg(apiPort)))));
        QTRY_VERIFY(outcome->done());
        QVERIFY2(outcome->result->ok(), qPrintable(outcome->text()));
        QCOMPARE(outcome->result->value().body.size(), 100);
        QCOMPARE(apiJournal.hits().at(0).header("Authorization"), QByteArray("Bearer api-token-1234"));
        QCOMPARE(cdnJournal.count(), 1);
        QVERIFY(cdnJournal.hits().at(0).header("Authorization").isEmpty());
        QVERIFY(cdnJournal.hits().at(0).header("X-PS-Api-Key").isEmpty());
    }

    void apiErrorBodyGoesThroughTheInjectedParser()
    {
        QHttpServer server;
        server.route(QStringLiteral("/api/v2/tickets"), [](const QHttpServerRequest&) {
            return json(R"({"error":"RecordInvalid","description":"Record validation errors"})",
                        Code::UnprocessableEntity);
        });
        server.route(QStringLiteral("/plain"), [](const QHttpServerRequest&) {
            return QHttpServerResponse("text/html", "<html>oops</html>", Code::NotFound);
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpClientOptions options = testOptions();
        options.errorParser = [](const HttpResponse& response) -> std::optional<Error> {
            const QJsonObject body = QJsonDocument::fromJson(response.body).object();
            if (!body.contains(QStringLiteral("error")))
                return std::nullopt;
            Error e(ErrorKind::ApiError, body.value(QStringLiteral("description")).toString());
            e.withApiCode(body.value(QStringLiteral("error")).toString());
            return e;
        };
        HttpClient client(options);
        auto parsed = watch(client.send(
            HttpRequest::postJson(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v2/tickets").arg(port)),
                                  QJsonDocument(QJsonObject{}))));
        auto unparsed =
            watch(client.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/plain").arg(port)))));
        QTRY_VERIFY(parsed->done() && unparsed->done());
        QCOMPARE(parsed->error().kind(), ErrorKind::ApiError);
        QCOMPARE(parsed->error().apiCode(), QStringLiteral("RecordInvalid"));
        QCOMPARE(parsed->error().message(), QStringLiteral("Record validation errors"));
        QCOMPARE(parsed->error().httpStatus(), 422);
        QCOMPARE(parsed->error().origin(), QStringLiteral("test"));
        QCOMPARE(unparsed->error().kind(), ErrorKind::HttpStatus);
        QCOMPARE(unparsed->error().httpStatus(), 404);
    }

    void successNeedsTheExpectedContent_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("truncated") << QByteArray("application/json")
                                   << QByteArray(R"({"data":[{"id":"1"},{"id":)")
                                   << QStringLiteral("cut off");
        QTest::newRow("malformed") << QByteArray("application/json") << QByteArray(R"({"data": nope})")
                                   << QStringLiteral("malformed");
        QTest::newRow("html") << QByteArray("text/html; charset=utf-8")
                              << QByteArray("<html><body>Login</body></html>") << QStringLiteral("web page");
        QTest::newRow("empty") << QByteArray("application/json") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("array instead of object")
            << QByteArray("application/json") << QByteArray("[1,2]") << QStringLiteral("JSON object");
    }
    void successNeedsTheExpectedContent()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, messagePart);
        QHttpServer server;
        server.route(QStringLiteral("/data"),
                     [&](const QHttpServerRequest&) { return QHttpServerResponse(contentType, body); });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpClient client(testOptions());
        auto outcome =
            watch(client.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/data").arg(port)))));
        QTRY_VERIFY(outcome->done());
        QVERIFY(outcome->result->ok()); // the transport succeeded...
        const Result<QJsonObject> object = jsonObject(outcome->result->value());
        QVERIFY(!object.ok()); // ...but this is not the expected content
        QCOMPARE(object.error().kind(), ErrorKind::Parse);
        QCOMPARE(object.error().origin(), QStringLiteral("test"));
        QVERIFY2(object.error().message().contains(messagePart), qPrintable(object.error().message()));
    }

    void secretsNeverReachTheLog()
    {
        const QString bearer = QStringLiteral("bearer-secret-3f9a1c");
        const QString apiKey = QStringLiteral("apikey-secret-77b2e0");
        const QString registered = QStringLiteral("registered-secret-c0ffee");
        QHttpServer server;
        server.route(QStringLiteral("/echo/<arg>"), [&](const QString&, const QHttpServerRequest&) {
            // An error body that echoes what it was sent, as badly behaved services do.
            return json(QStringLiteral(R"({"error":"bad","description":"rejected %1 and %2"})")
                            .arg(apiKey, registered)
                            .toUtf8(),
                        Code::BadRequest);
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);

        NetLogCapture capture;

        HttpClientOptions options = testOptions();
        options.authenticator = std::make_shared<HeaderAuthenticator>(
            HttpHeaders{HeaderAuthenticator::bearerAuthorization(bearer)});
        HttpClient client(options);
        client.redactor().registerSecret(registered);
        QUrl url(QStringLiteral("http://127.0.0.1:%1/echo/%2").arg(port).arg(registered));
        url.setQuery(QStringLiteral("api_key=%1&page=2").arg(apiKey));
        HttpRequest request =
            HttpRequest::postForm(url, QUrlQuery(QStringLiteral("password=%1&name=x").arg(registered)));
        request.setHeader("X-Trace", registered.toLatin1());
        auto outcome = watch(client.send(request));
        QTRY_VERIFY(outcome->done());
        QVERIFY(!outcome->result->ok());

        const QString log = capture.text();
        QVERIFY2(log.contains(QStringLiteral("assetdesk.net")), "the request log wrote nothing");
        for (const QString& secret : {bearer, apiKey, registered}) {
            QVERIFY2(!log.contains(secret),
                     qPrintable(QStringLiteral("secret in log: %1\n%2").arg(secret, log)));
            QVERIFY(!outcome->error().message().contains(secret));
            QVERIFY(!outcome->error().detail().contains(secret));
        }
        QVERIFY2(log.contains(QStringLiteral("Authorization: ***")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("api_key=***")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("/echo/***")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("X-Trace: ***")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("password=***")), qPrintable(log));

        // A query's secret is the call's own (most are one signed URL's signature): forgotten once
        // the call is gone, so that a sync of a million signed URLs does not pile them up. The
        // application's credentials stay.
        QTRY_VERIFY(!client.redactor().isRegistered(apiKey));
        QVERIFY(client.redactor().isRegistered(registered));
        QVERIFY(client.redactor().isRegistered(bearer));
    }

    // A percent-encoded URL ("%2C", "%5") must reach the log as it is, and the numbers after it
    // must stay in their places (chained QString::arg() calls would substitute into the URL).
    void percentEncodedUrlsAreLoggedVerbatim()
    {
        QHttpServer server;
        server.route(QStringLiteral("/2/tweets"), [] { return json(R"({"data":[]})"); });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);

        NetLogCapture capture;
        HttpClient client(testOptions());
        QUrl url(QStringLiteral("http://127.0.0.1:%1/2/tweets").arg(port));
        url.setQuery(QStringLiteral("tweet.fields=public_metrics%2Ccreated_at&ids=1%2C2"), QUrl::StrictMode);
        auto outcome = watch(client.send(HttpRequest::get(url)));
        QTRY_VERIFY(outcome->done());
        QVERIFY(outcome->result->ok());

        const QString log = capture.text();
        QVERIFY2(log.contains(QStringLiteral("tweet.fields=public_metrics%2Ccreated_at&ids=1%2C2 -> 200 in ")),
                 qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("attempt 1/")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("budget wait 0 ms")), qPrintable(log));
    }

    void unauthorizedRefreshesOnceThenRetries_data()
    {
        QTest::addColumn<bool>("refreshHelps");
        QTest::newRow("refresh fixes it") << true;
        QTest::newRow("still refused") << false;
    }
    void unauthorizedRefreshesOnceThenRetries()
    {
        QFETCH(bool, refreshHelps);
        struct RefreshingAuthenticator : Authenticator
        {
            QString token = QStringLiteral("expired-token");
            QString next;
            int refreshes = 0;
            void authorize(HttpRequest request, QObject* context, AuthorizeDone done) override
            {
                // Answer asynchronously, like a real token provider.
                QTimer::singleShot(1, context, [request, done, t = token]() mutable {
                    request.setHeader("Authorization", "Bearer " + t.toLatin1());
                    done(request);
                });
            }
            void handleUnauthorized(const HttpResponse&, QObject*, RetryDone done) override
            {
                ++refreshes;
                token = next;
                done(true);
            }
        };
        auto authenticator = std::make_shared<RefreshingAuthenticator>();
        authenticator->next = refreshHelps ? QStringLiteral("fresh-token") : QStringLiteral("also-expired");
        QHttpServer server;
        int hits = 0;
        server.route(QStringLiteral("/me"), [&](const QHttpServerRequest& request) {
            ++hits;
            if (request.value("Authorization") == "Bearer fresh-token")
                return json(R"({"data":{"id":"1"}})");
            return json(R"({"title":"Unauthorized"})", Code::Unauthorized);
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpClientOptions options = testOptions();
        options.authenticator = authenticator;
        HttpClient client(options);
        auto outcome =
            watch(client.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/me").arg(port)))));
        QTRY_VERIFY(outcome->done());
        QCOMPARE(outcome->result->ok(), refreshHelps);
        QCOMPARE(hits, 2);
        QCOMPARE(authenticator->refreshes, 1);
        if (!refreshHelps) {
            QCOMPARE(outcome->error().kind(), ErrorKind::Auth);
            QCOMPARE(outcome->error().httpStatus(), 401);
        }
    }

    void authenticatorErrorSendsNothing()
    {
        struct NoCredentials : Authenticator
        {
            void authorize(HttpRequest, QObject*, AuthorizeDone done) override
            {
                done(Error(ErrorKind::Auth, QStringLiteral("Sign in to Test first.")));
            }
        };
        RawHttpServer server([](QTcpSocket* socket, const QByteArray&) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        });
        QVERIFY(server.listen());
        HttpClientOptions options = testOptions();
        options.authenticator = std::make_shared<NoCredentials>();
        HttpClient client(options);
        auto outcome = watch(client.send(HttpRequest::get(server.url(QStringLiteral("/x")))));
        QTRY_VERIFY(outcome->done());
        QCOMPARE(outcome->error().kind(), ErrorKind::Auth);
        QCOMPARE(outcome->error().origin(), QStringLiteral("test"));
        QCOMPARE(server.requests(), 0);
    }

    void transportErrorsAreRetriedForGet()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there any more: connection refused
        HttpClient client(testOptions());
        auto outcome =
            watch(client.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(port)))));
        QTRY_VERIFY(outcome->done());
        QCOMPARE(outcome->error().kind(), ErrorKind::Transport);
        QVERIFY2(outcome->error().message().contains(QStringLiteral("refused")),
                 qPrintable(outcome->error().message()));
        QCOMPARE(outcome->retryDelays.size(), 3);
    }

    void silentServerTimesOut()
    {
        RawHttpServer server([](QTcpSocket*, const QByteArray&) {}); // reads the request, never answers
        QVERIFY(server.listen());
        HttpClientOptions options = testOptions();
        options.retry.maxAttempts = 1;
        HttpClient client(options);
        HttpRequest request = HttpRequest::get(server.url(QStringLiteral("/slow")));
        request.timeout = 300ms;
        QElapsedTimer timer;
        timer.start();
        auto outcome = watch(client.send(request));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), 10000);
        QCOMPARE(outcome->error().kind(), ErrorKind::Transport);
        QVERIFY2(outcome->error().message().contains(QStringLiteral("did not answer")),
                 qPrintable(outcome->error().message()));
        QVERIFY(timer.elapsed() >= 250);
    }

    void tlsErrorsAreNeverIgnored()
    {
        QFile certFile(QStringLiteral(ASSETDESK_TEST_DATA_DIR "/net/tls/selfsigned-cert.pem"));
        QFile keyFile(QStringLiteral(ASSETDESK_TEST_DATA_DIR "/net/tls/selfsigned-key.pem"));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            QFAIL("tests/data/net/tls/selfsigned-{cert,key}.pem are missing");
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(certFile.readAll()));
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        QSslServer server;
        server.setSslConfiguration(config);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        HttpClientOptions options = testOptions();
        options.retry.maxAttempts = 1;
        HttpClient client(options);
        auto outcome = watch(client.send(
            HttpRequest::get(QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(server.serverPort())))));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), 10000);
        QCOMPARE(outcome->error().kind(), ErrorKind::Transport);
        QVERIFY2(outcome->error().message().contains(QStringLiteral("self signed"), Qt::CaseInsensitive) ||
                     outcome->error().message().contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
                 qPrintable(outcome->error().message()));
    }

    void callbackIsDroppedWhenContextDies()
    {
        QHttpServer server;
        server.route(QStringLiteral("/slow"), [](const QHttpServerRequest&) { return json("{}"); });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpClient client(testOptions());
        bool called = false;
        auto* context = new QObject;
        client.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/slow").arg(port))), context,
                    [&called](const Result<HttpResponse>&) { called = true; });
        delete context;
        QTest::qWait(200);
        QVERIFY(!called);
        QTRY_COMPARE(client.findChildren<HttpCall*>().size(), 0); // aborted and cleaned up

        bool delivered = false;
        QObject alive;
        client.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/slow").arg(port))), &alive,
                    [&delivered](const Result<HttpResponse>& r) { delivered = r.ok(); });
        QTRY_VERIFY(delivered);
    }

    void clientOnAWorkerThreadAnswersOnTheCallersThread()
    {
        QHttpServer server;
        server.route(QStringLiteral("/worker"),
                     [](const QHttpServerRequest&) { return json(R"({"ok":true})"); });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        QThread worker;
        worker.start();
        auto stop = qScopeGuard([&worker] {
            worker.quit();
            worker.wait();
        });
        auto* client = new HttpClient(testOptions());
        client->moveToThread(&worker);
        connect(&worker, &QThread::finished, client, &QObject::deleteLater);

        std::optional<Result<HttpResponse>> result;
        QThread* answeredOn = nullptr;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/worker").arg(port));
        QMetaObject::invokeMethod(client, [client, url, this, &result, &answeredOn] {
            client->send(HttpRequest::get(url), this, [&result, &answeredOn](const Result<HttpResponse>& r) {
                answeredOn = QThread::currentThread();
                result.emplace(r);
            });
        });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QCOMPARE(answeredOn, QThread::currentThread()); // delivered queued, to the context's thread
    }

    void abortReportsCancelled()
    {
        RawHttpServer server([](QTcpSocket*, const QByteArray&) {});
        QVERIFY(server.listen());
        HttpClient client(testOptions());
        HttpCall* call = client.send(HttpRequest::get(server.url(QStringLiteral("/never"))));
        QPointer<HttpCall> guard(call);
        auto outcome = watch(call);
        QTRY_COMPARE(server.requests(), 1);
        call->abort();
        QVERIFY(outcome->done());
        QCOMPARE(outcome->error().kind(), ErrorKind::Cancelled);
        QTRY_VERIFY(guard.isNull()); // deleted after finishing
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
