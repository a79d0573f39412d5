#include "net/httpresponse.h"

#include <QTest>

using namespace AssetDesk;

namespace {
HttpResponse response(int status, const QByteArray& contentType, const QByteArray& body)
{
    HttpResponse r;
    r.status = status;
    if (!contentType.isEmpty())
        r.headers.append(HttpHeader("Content-Type", contentType));
    r.body = body;
    r.url = QUrl(QStringLiteral("https://api.example.com/v1/things"));
    r.serviceId = QStringLiteral("example");
    return r;
}
} // namespace

class TestHttpResponse : public QObject
{
    Q_OBJECT
private slots:
    void jsonObject_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind"); // -1 = success
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("object") << 200 << QByteArray("application/json") << QByteArray(R"({"a":1})") << -1
                                << QString();
        QTest::newRow("vendor json") << 200 << QByteArray("application/vnd.api+json; charset=utf-8")
                                     << QByteArray(R"({"a":1})") << -1 << QString();
        QTest::newRow("no content type")
            << 201 << QByteArray() << QByteArray(R"({"a":1})") << -1 << QString();
        QTest::newRow("html 200") << 200 << QByteArray("text/html") << QByteArray("<html></html>")
                                  << int(ErrorKind::Parse) << QStringLiteral("web page");
        QTest::newRow("truncated") << 200 << QByteArray("application/json") << QByteArray(R"({"a":[1,2)")
                                   << int(ErrorKind::Parse) << QStringLiteral("cut off");
        QTest::newRow("garbage") << 200 << QByteArray("application/json") << QByteArray(R"({"a":x})")
                                 << int(ErrorKind::Parse) << QStringLiteral("malformed");
        QTest::newRow("array") << 200 << QByteArray("application/json") << QByteArray("[]")
                               << int(ErrorKind::Parse) << QStringLiteral("received a list");
        QTest::newRow("empty") << 204 << QByteArray() << QByteArray() << int(ErrorKind::Parse)
                               << QStringLiteral("empty");
        QTest::newRow("500 with json") << 500 << QByteArray("application/json") << QByteArray(R"({"a":1})")
                                       << int(ErrorKind::HttpStatus) << QStringLiteral("500");
    }
    void jsonObject()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        const Result<QJsonObject> result = AssetDesk::jsonObject(response(status, contentType, body));
        if (kind < 0) {
            QVERIFY(result.ok());
            QCOMPARE(result->value(QStringLiteral("a")).toInt(), 1);
            return;
        }
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().kind()), kind);
        QCOMPARE(result.error().origin(), QStringLiteral("example"));
        QCOMPARE(result.error().httpStatus(), status);
        QVERIFY2(result.error().message().contains(messagePart), qPrintable(result.error().message()));
    }

    void jsonArray()
    {
        const Result<QJsonArray> ok = AssetDesk::jsonArray(response(200, "application/json", "[1,2,3]"));
        QVERIFY(ok.ok());
        QCOMPARE(ok->size(), 3);
        const Result<QJsonArray> object = AssetDesk::jsonArray(response(200, "application/json", "{}"));
        QCOMPARE(object.error().kind(), ErrorKind::Parse);
    }

    void headerLookup()
    {
        HttpResponse r = response(200, "Application/JSON; charset=UTF-8", "{}");
        r.headers.append(HttpHeader("Set-Cookie", "a=1"));
        r.headers.append(HttpHeader("set-cookie", "b=2"));
        QCOMPARE(r.header("content-type"), QByteArray("Application/JSON; charset=UTF-8"));
        QCOMPARE(r.contentType(), QByteArray("application/json"));
        QCOMPARE(r.headerValues("SET-COOKIE"), (QList<QByteArray>{"a=1", "b=2"}));
        QVERIFY(!r.hasHeader("Retry-After"));
        QVERIFY(r.header("Retry-After").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpResponse)
#include "tst_httpresponse.moc"
