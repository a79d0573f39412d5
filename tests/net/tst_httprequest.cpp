#include "net/httprequest.h"

#include <QJsonObject>
#include <QTest>

using namespace AssetDesk;

class TestHttpRequest : public QObject
{
    Q_OBJECT
private slots:
    void idempotencyDefaults_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("idempotent");
        QTest::newRow("GET") << QByteArray("GET") << true;
        QTest::newRow("HEAD") << QByteArray("HEAD") << true;
        QTest::newRow("PUT") << QByteArray("PUT") << true;
        QTest::newRow("DELETE") << QByteArray("DELETE") << true;
        QTest::newRow("OPTIONS") << QByteArray("OPTIONS") << true;
        QTest::newRow("lower-case get") << QByteArray("get") << true;
        QTest::newRow("POST") << QByteArray("POST") << false;
        QTest::newRow("PATCH") << QByteArray("PATCH") << false;
    }
    void idempotencyDefaults()
    {
        QFETCH(QByteArray, method);
        QFETCH(bool, idempotent);
        HttpRequest request = HttpRequest::get(QUrl(QStringLiteral("https://h/x")));
        request.method = method;
        QCOMPARE(request.isIdempotent(), idempotent);
        request.idempotent = !idempotent; // an explicit flag wins
        QCOMPARE(request.isIdempotent(), !idempotent);
    }

    void defaults()
    {
        const HttpRequest request = HttpRequest::get(QUrl(QStringLiteral("https://h/x")));
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.maxResponseBytes, qint64(32 * 1024 * 1024));
        QCOMPARE(request.maxRedirects, 5);
        QCOMPARE(request.timeout, std::chrono::milliseconds(30000));
    }

    void headersAreCaseInsensitiveAndOrdered()
    {
        HttpRequest request;
        request.addHeader("Accept", "application/json").addHeader("X-One", "1").addHeader("x-one", "2");
        QCOMPARE(request.header("X-ONE"), QByteArray("1"));
        request.setHeader("X-One", "3");
        QCOMPARE(request.headers.size(), 2);
        QCOMPARE(request.headers.last(), HttpHeader("X-One", "3"));
        QVERIFY(request.hasHeader("accept"));
        request.removeHeader("ACCEPT");
        QVERIFY(!request.hasHeader("Accept"));
    }

    void factories()
    {
        const QUrl url(QStringLiteral("https://api.x.com/2/tweets"));
        const HttpRequest json = HttpRequest::postJson(
            url, QJsonDocument(QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}}));
        QCOMPARE(json.method, QByteArray("POST"));
        QCOMPARE(json.contentType, QByteArray("application/json"));
        QCOMPARE(json.body, QByteArray(R"({"text":"hi"})"));
        QVERIFY(!json.isIdempotent());
        QCOMPARE(HttpRequest::patchJson(url, QJsonDocument()).method, QByteArray("PATCH"));
        QCOMPARE(HttpRequest::putJson(url, QJsonDocument()).method, QByteArray("PUT"));
        QCOMPARE(HttpRequest::deleteResource(url).method, QByteArray("DELETE"));
        QCOMPARE(HttpRequest::head(url).method, QByteArray("HEAD"));
    }

    void formEncodingEscapesEverythingReserved_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("plus stays a plus") << QStringLiteral("a+b") << QByteArray("v=a%2Bb");
        QTest::newRow("space") << QStringLiteral("a b") << QByteArray("v=a%20b");
        QTest::newRow("ampersand and equals") << QStringLiteral("a&b=c") << QByteArray("v=a%26b%3Dc");
        QTest::newRow("url") << QStringLiteral("http://127.0.0.1:5/cb")
                             << QByteArray("v=http%3A%2F%2F127.0.0.1%3A5%2Fcb");
        QTest::newRow("unicode") << QStringLiteral("é") << QByteArray("v=%C3%A9");
    }
    void formEncodingEscapesEverythingReserved()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, encoded);
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("v"), QString::fromLatin1(QUrl::toPercentEncoding(value)));
        const HttpRequest request = HttpRequest::postForm(QUrl(QStringLiteral("https://h/t")), form);
        QCOMPARE(request.body, encoded);
        QCOMPARE(request.contentType, QByteArray("application/x-www-form-urlencoded"));
    }
};

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"
