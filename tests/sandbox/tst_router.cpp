// Router: literal and parameter segments, rest captures, precedence, 405 method lists, and the
// per-module trailing-slash and suffix options.
#include "sandbox/router.h"

#include <QTest>

using namespace AssetDesk::Sandbox;

namespace {

Router::SyncHandler named(const char* name)
{
    return [name](const SandboxRequest&) {
        return HttpResponse::text(200, name);
    };
}

QByteArray run(const Router::Match& m)
{
    QByteArray out;
    SandboxRequest r;
    m.route->handler(r, Responder([&out](HttpResponse resp) { out = resp.body; }));
    return out;
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT
private slots:
    void matching_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("handler");
        QTest::addColumn<QString>("params"); // "k=v;k=v"
        QTest::newRow("literal") << QByteArray("GET") << "/2/users/me" << QByteArray("me") << "";
        QTest::newRow("param") << QByteArray("GET") << "/2/users/42" << QByteArray("user") << "id=42";
        QTest::newRow("nested params")
            << QByteArray("GET") << "/2/users/42/tweets" << QByteArray("tweets") << "id=42";
        QTest::newRow("rest") << QByteArray("GET") << "/files/a/b/c" << QByteArray("files") << "rest=a/b/c";
        QTest::newRow("rest empty") << QByteArray("GET") << "/files/" << QByteArray("files") << "rest=";
        QTest::newRow("lower-case method") << QByteArray("get") << "/2/users/me" << QByteArray("me") << "";
        QTest::newRow("tenant") << QByteArray("POST") << "/abc-123/oauth2/v2.0/token" << QByteArray("token")
                                << "tenant=abc-123";
    }

    void matching()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, handler);
        QFETCH(QString, params);
        Router router;
        router.add("GET", QStringLiteral("/2/users/:id"), Access::User, named("user"));
        router.add("GET", QStringLiteral("/2/users/me"), Access::User, named("me"));
        router.add("GET", QStringLiteral("/2/users/:id/tweets"), Access::User, named("tweets"));
        router.add("GET", QStringLiteral("/files/*rest"), Access::Public, named("files"));
        router.add("POST", QStringLiteral("/:tenant/oauth2/v2.0/token"), Access::Public, named("token"));
        const Router::Match m = router.match(method, path);
        QVERIFY(m.route);
        QCOMPARE(run(m), handler);
        QStringList got;
        for (auto it = m.params.cbegin(); it != m.params.cend(); ++it)
            got << it.key() + QLatin1Char('=') + it.value();
        got.sort();
        QCOMPARE(got.join(QLatin1Char(';')), params);
    }

    void literalBeatsParameterWhateverTheOrder()
    {
        Router router;
        router.add("GET", QStringLiteral("/2/users/:id"), Access::User, named("user"));
        router.add("GET", QStringLiteral("/2/users/me"), Access::User, named("me"));
        QCOMPARE(run(router.match("GET", QStringLiteral("/2/users/me"))), QByteArray("me"));
    }

    void methodMismatchListsAllowedMethods()
    {
        Router router;
        router.add("GET", QStringLiteral("/items/:id"), Access::Public, named("get"));
        router.add("DELETE", QStringLiteral("/items/:id"), Access::Public, named("delete"));
        const Router::Match m = router.match("PATCH", QStringLiteral("/items/3"));
        QVERIFY(!m.route);
        QVERIFY(m.pathMatched);
        QCOMPARE(m.allowedMethods, (QList<QByteArray>{"GET", "DELETE"}));
        const Router::Match none = router.match("GET", QStringLiteral("/elsewhere"));
        QVERIFY(!none.route);
        QVERIFY(!none.pathMatched);
    }

    void emptySegmentsDoNotMatchParameters()
    {
        Router router;
        router.add("GET", QStringLiteral("/items/:id"), Access::Public, named("get"));
        QVERIFY(!router.match("GET", QStringLiteral("/items/")).route);
        QVERIFY(!router.match("GET", QStringLiteral("/items")).route);
        QVERIFY(!router.match("GET", QStringLiteral("/items/1/extra")).route);
    }

    void trailingSlashStrictByDefault()
    {
        Router strict;
        strict.add("GET", QStringLiteral("/API/users/v1/users/current/"), Access::User, named("current"));
        QVERIFY(strict.match("GET", QStringLiteral("/API/users/v1/users/current/")).route);
        QVERIFY(!strict.match("GET", QStringLiteral("/API/users/v1/users/current")).route);

        Router tolerant(RouterOptions{true, {}});
        tolerant.add("GET", QStringLiteral("/a/b/"), Access::Public, named("ab"));
        QVERIFY(tolerant.match("GET", QStringLiteral("/a/b")).route);
        QVERIFY(tolerant.match("GET", QStringLiteral("/a/b/")).route);
    }

    void optionalSuffix()
    {
        Router router(RouterOptions{false, QStringLiteral(".json")});
        router.add("GET", QStringLiteral("/api/v2/users/me"), Access::User, named("me"));
        router.add("GET", QStringLiteral("/api/v2/tickets/:id"), Access::User, named("ticket"));
        QVERIFY(router.match("GET", QStringLiteral("/api/v2/users/me.json")).route);
        QVERIFY(router.match("GET", QStringLiteral("/api/v2/users/me")).route);
        const Router::Match t = router.match("GET", QStringLiteral("/api/v2/tickets/17.json"));
        QVERIFY(t.route);
        QCOMPARE(t.params.value(QStringLiteral("id")),
                 QStringLiteral("17")); // the suffix is not part of the id
        QVERIFY(!router.match("GET", QStringLiteral("/api/v2/users/me.xml")).route);
    }

    void responderSendsOnce()
    {
        int calls = 0;
        Responder responder([&calls](HttpResponse) { ++calls; });
        QVERIFY(responder.isPending());
        const Responder copy = responder;
        copy.send(HttpResponse::empty(204));
        responder.send(HttpResponse::empty(500));
        QCOMPARE(calls, 1);
        QVERIFY(!responder.isPending());
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
