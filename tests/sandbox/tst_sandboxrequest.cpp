// SandboxRequest helpers: header lookup, form and query decoding ('+' as space), JSON bodies,
// Bearer and Basic credentials.
#include "sandbox/sandboxrequest.h"

#include <QTest>

using namespace AssetDesk::Sandbox;

class TestSandboxRequest : public QObject
{
    Q_OBJECT
private slots:
    void headersAreCaseInsensitive()
    {
        SandboxRequest r;
        r.headers = {{"X-PS-Api-Key", "k1"}, {"x-ps-api-key", "k2"}};
        QCOMPARE(r.header("x-PS-API-key"), QByteArray("k1"));
        QVERIFY(r.hasHeader("X-PS-API-KEY"));
        QVERIFY(!r.hasHeader("Auth-Token"));
    }

    void formAndQueryDecoding()
    {
        SandboxRequest r;
        r.rawQuery = "scope=tweet.read+users.read&state=a%26b%3Dc&empty=";
        QCOMPARE(r.queryValue(QStringLiteral("scope")), QStringLiteral("tweet.read users.read"));
        QCOMPARE(r.queryValue(QStringLiteral("state")), QStringLiteral("a&b=c"));
        QVERIFY(r.hasQueryItem(QStringLiteral("empty")));
        r.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"}};
        r.body = "code=abc%2B1&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb&note=a+b";
        QVERIFY(r.isForm());
        QCOMPARE(r.bodyOrQueryValue(QStringLiteral("code")), QStringLiteral("abc+1"));
        QCOMPARE(r.bodyOrQueryValue(QStringLiteral("redirect_uri")), QStringLiteral("http://127.0.0.1:9/cb"));
        QCOMPARE(r.bodyOrQueryValue(QStringLiteral("note")), QStringLiteral("a b"));
        QCOMPARE(r.bodyOrQueryValue(QStringLiteral("scope")),
                 QStringLiteral("tweet.read users.read")); // falls back to the query
    }

    void jsonBodies()
    {
        SandboxRequest r;
        r.headers = {{"content-type", "application/json"}};
        r.body = "{\"org_id\":\"O0000ABC\",\"expires_in\":300}";
        QVERIFY(r.isJson());
        QCOMPARE(r.bodyOrQueryValue(QStringLiteral("org_id")), QStringLiteral("O0000ABC"));
        QCOMPARE(r.bodyOrQueryValue(QStringLiteral("expires_in")), QStringLiteral("300"));
        r.body = "[1,2]";
        QVERIFY(!r.jsonBody());
    }

    void credentials()
    {
        SandboxRequest r;
        r.headers = {{"Authorization", "Bearer abc.def"}};
        QCOMPARE(r.bearerToken(), QStringLiteral("abc.def"));
        QVERIFY(!r.basicCredentials());
        r.headers = {
            {"Authorization", "Basic " + QByteArray("agent@x.example/token:t0k3n:with:colons").toBase64()}};
        const auto basic = r.basicCredentials();
        QVERIFY(basic);
        QCOMPARE(basic->first, QStringLiteral("agent@x.example/token"));
        QCOMPARE(basic->second, QStringLiteral("t0k3n:with:colons"));
        QVERIFY(r.bearerToken().isEmpty());
        r.headers = {{"Authorization", "Basic !!!not-base64"}};
        QVERIFY(!r.basicCredentials());
    }
};

QTEST_GUILESS_MAIN(TestSandboxRequest)
#include "tst_sandboxrequest.moc"
