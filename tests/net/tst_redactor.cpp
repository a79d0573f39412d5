#include "net/redactor.h"

#include <QTest>

using namespace AssetDesk;

class TestRedactor : public QObject
{
    Q_OBJECT
private slots:
    void headers_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("authorization")
            << QByteArray("Authorization") << QByteArray("Bearer abc.def") << QStringLiteral("***");
        QTest::newRow("lower case") << QByteArray("authorization") << QByteArray("Basic dXNlcjpwdw==")
                                    << QStringLiteral("***");
        QTest::newRow("proxy") << QByteArray("Proxy-Authorization") << QByteArray("Basic eA==")
                               << QStringLiteral("***");
        QTest::newRow("cookie") << QByteArray("Cookie") << QByteArray("sid=1234") << QStringLiteral("***");
        QTest::newRow("set-cookie") << QByteArray("Set-Cookie") << QByteArray("sid=1234; HttpOnly")
                                    << QStringLiteral("***");
        QTest::newRow("photoshelter key")
            << QByteArray("X-PS-Api-Key") << QByteArray("k-123456") << QStringLiteral("***");
        QTest::newRow("photoshelter token")
            << QByteArray("X-PS-Auth-Token") << QByteArray("t-123456") << QStringLiteral("***");
        QTest::newRow("iconik token")
            << QByteArray("Auth-Token") << QByteArray("t-abcdef") << QStringLiteral("***");
        QTest::newRow("content type kept") << QByteArray("Content-Type") << QByteArray("application/json")
                                           << QStringLiteral("application/json");
        QTest::newRow("iconik app id kept")
            << QByteArray("App-ID") << QByteArray("app-1") << QStringLiteral("app-1");
    }
    void headers()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        Redactor redactor;
        QCOMPARE(redactor.redactHeaderValue(name, value), expected);
    }

    void urls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no secret") << QStringLiteral("https://api.x.com/2/tweets?ids=1,2&max_results=10")
                                   << QStringLiteral("https://api.x.com/2/tweets?ids=1,2&max_results=10");
        QTest::newRow("api_key") << QStringLiteral(
                                        "https://ps.example/psapi/v3/mem/x?api_key=SECRETKEY&page=2")
                                 << QStringLiteral("https://ps.example/psapi/v3/mem/x?api_key=***&page=2");
        QTest::newRow("token") << QStringLiteral("https://h/p?token=abc123")
                               << QStringLiteral("https://h/p?token=***");
        QTest::newRow("auth_token") << QStringLiteral("https://h/p?auth_token=abc123")
                                    << QStringLiteral("https://h/p?auth_token=***");
        QTest::newRow("access_token") << QStringLiteral("https://h/p?a=1&access_token=abc")
                                      << QStringLiteral("https://h/p?a=1&access_token=***");
        QTest::newRow("refresh_token") << QStringLiteral("https://h/p?refresh_token=r1")
                                       << QStringLiteral("https://h/p?refresh_token=***");
        QTest::newRow("client_secret") << QStringLiteral("https://h/p?client_secret=s&client_id=c")
                                       << QStringLiteral("https://h/p?client_secret=***&client_id=c");
        QTest::newRow("code") << QStringLiteral("http://127.0.0.1:5/cb?code=xyz&state=s1")
                              << QStringLiteral("http://127.0.0.1:5/cb?code=***&state=s1");
        QTest::newRow("code_verifier") << QStringLiteral("https://h/t?code_verifier=v")
                                       << QStringLiteral("https://h/t?code_verifier=***");
        QTest::newRow("password") << QStringLiteral("https://h/a?email=a@b.c&password=hunter2")
                                  << QStringLiteral("https://h/a?email=a@b.c&password=***");
        QTest::newRow("key") << QStringLiteral("https://h/a?key=k1") << QStringLiteral("https://h/a?key=***");
        QTest::newRow("signature") << QStringLiteral("https://cdn/f.jpg?Expires=1&Signature=abc&sig=def")
                                   << QStringLiteral("https://cdn/f.jpg?Expires=1&Signature=***&sig=***");
        QTest::newRow("s3 presigned")
            << QStringLiteral("https://s3/f?X-Amz-Credential=AK%2F1&X-Amz-Signature=ff")
            << QStringLiteral("https://s3/f?X-Amz-Credential=***&X-Amz-Signature=***");
        QTest::newRow("upper case name")
            << QStringLiteral("https://h/p?API_KEY=abc") << QStringLiteral("https://h/p?API_KEY=***");
        QTest::newRow("user info") << QStringLiteral("https://user:pw@h/p")
                                   << QStringLiteral("https://***@h/p");
        QTest::newRow("fragment token") << QStringLiteral("https://h/cb#access_token=abc&x=1")
                                        << QStringLiteral("https://h/cb#access_token=***&x=1");
        QTest::newRow("page token is not a secret") << QStringLiteral("https://h/p?pagination_token=abc")
                                                    << QStringLiteral("https://h/p?pagination_token=abc");
    }
    void urls()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        Redactor redactor;
        QCOMPARE(redactor.redactUrl(QUrl(url)), expected);
    }

    void bodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("expected");
        QTest::newRow("form") << QByteArray("grant_type=refresh_token&refresh_token=r%2B1&client_id=c")
                              << QByteArray("application/x-www-form-urlencoded")
                              << QStringLiteral("grant_type=refresh_token&refresh_token=***&client_id=c");
        QTest::newRow("form with charset") << QByteArray("code=abc&code_verifier=v&redirect_uri=x")
                                           << QByteArray("application/x-www-form-urlencoded; charset=utf-8")
                                           << QStringLiteral("code=***&code_verifier=***&redirect_uri=x");
        QTest::newRow("json")
            << QByteArray(R"({"email":"a@b.c","password":"hunter2","nested":{"access_token":"t"}})")
            << QByteArray("application/json")
            << QStringLiteral(R"({"email":"a@b.c","nested":{"access_token":"***"},"password":"***"})");
        QTest::newRow("json camelCase")
            << QByteArray(R"({"apiKey":"k","refreshToken":"r","title":"x"})")
            << QByteArray("application/json")
            << QStringLiteral(R"({"apiKey":"***","refreshToken":"***","title":"x"})");
        QTest::newRow("json array") << QByteArray(R"([{"token":"t1"},{"name":"n"}])")
                                    << QByteArray("application/vnd.api+json")
                                    << QStringLiteral(R"([{"token":"***"},{"name":"n"}])");
        QTest::newRow("plain text kept")
            << QByteArray("Rate limited") << QByteArray("text/plain") << QStringLiteral("Rate limited");
    }
    void bodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, expected);
        Redactor redactor;
        QCOMPARE(redactor.redactBody(body, contentType), expected);
    }

    void registeredSecrets_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("raw") << QStringLiteral("s3cr3t-token") << QStringLiteral("echo s3cr3t-token here")
                             << QStringLiteral("echo *** here");
        QTest::newRow("twice") << QStringLiteral("abcd1234") << QStringLiteral("abcd1234/abcd1234")
                               << QStringLiteral("***/***");
        QTest::newRow("percent-encoded")
            << QStringLiteral("a+b/c=d") << QStringLiteral("https://h/p/a%2Bb%2Fc%3Dd/x")
            << QStringLiteral("https://h/p/***/x");
        QTest::newRow("form-encoded")
            << QStringLiteral("two words!") << QStringLiteral("q=two+words%21") << QStringLiteral("q=***");
        QTest::newRow("too short to register")
            << QStringLiteral("abc") << QStringLiteral("abc abc") << QStringLiteral("abc abc");
    }
    void registeredSecrets()
    {
        QFETCH(QString, secret);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        Redactor redactor;
        redactor.registerSecret(secret);
        QCOMPARE(redactor.redactText(text), expected);
        QCOMPARE(redactor.redactUrl(QUrl(QStringLiteral("https://h/x?q=") + secret)).contains(secret),
                 secret.size() < Redactor::kMinSecretLength);
    }

    void longestSecretFirst()
    {
        Redactor redactor;
        redactor.registerSecret(QStringLiteral("token"));
        redactor.registerSecret(QStringLiteral("token-extended"));
        QCOMPARE(redactor.redactText(QStringLiteral("x token-extended y")), QStringLiteral("x *** y"));
    }

    void unregister()
    {
        Redactor redactor;
        redactor.registerSecret(QStringLiteral("rotated-away"));
        QVERIFY(redactor.isRegistered(QStringLiteral("rotated-away")));
        redactor.unregisterSecret(QStringLiteral("rotated-away"));
        QCOMPARE(redactor.redactText(QStringLiteral("rotated-away")), QStringLiteral("rotated-away"));
    }

    // One request's secret: known while it is held, by every holder; a registration outlasts it.
    void heldSecretsAreCounted()
    {
        Redactor redactor;
        const QString signature = QStringLiteral("sig/with+chars");
        redactor.holdSecret(signature);
        redactor.holdSecret(signature);
        const QString text = QStringLiteral("a %1 b sig%2Fwith%2Bchars c sig%2Fwith%2Bchars").arg(signature);
        QCOMPARE(redactor.redactText(text), QStringLiteral("a *** b *** c ***"));
        redactor.releaseSecret(signature);
        QCOMPARE(redactor.redactText(text), QStringLiteral("a *** b *** c ***"));
        redactor.releaseSecret(signature);
        QVERIFY(!redactor.isRegistered(signature));
        QCOMPARE(redactor.redactText(text), text);
        redactor.releaseSecret(signature); // one release too many changes nothing
        QCOMPARE(redactor.redactText(text), text);

        const QString key = QStringLiteral("application-key");
        redactor.registerSecret(key);
        redactor.holdSecret(key);
        redactor.releaseSecret(key);
        QVERIFY(redactor.isRegistered(key));
        QCOMPARE(redactor.redactText(key), QStringLiteral("***"));
        // Unregistered while a request still holds it: known until that request lets go.
        redactor.holdSecret(key);
        redactor.unregisterSecret(key);
        QCOMPARE(redactor.redactText(key), QStringLiteral("***"));
        redactor.releaseSecret(key);
        QCOMPARE(redactor.redactText(key), key);
    }

    void headerValueAlsoLosesRegisteredSecrets()
    {
        Redactor redactor;
        redactor.registerSecret(QStringLiteral("abcdef123"));
        QCOMPARE(redactor.redactHeaderValue("X-Trace", "id abcdef123"), QStringLiteral("id ***"));
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
