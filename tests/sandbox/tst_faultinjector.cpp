// FaultInjector: probabilities, counts, first-match order, reproducible draws per seed, ids.
#include "sandbox/faultinjector.h"

#include <QTest>

using namespace AssetDesk::Sandbox;

namespace {

FaultRule rule(const QString& spec)
{
    return FaultRule::parseSpec(spec).value();
}

QList<bool> draws(FaultInjector& injector, int n, const QString& path = QStringLiteral("/a"))
{
    QList<bool> out;
    for (int i = 0; i < n; ++i)
        out << injector.decide(QStringLiteral("svc"), "GET", path).has_value();
    return out;
}

} // namespace

class TestFaultInjector : public QObject
{
    Q_OBJECT
private slots:
    void probabilityIsRespected_data()
    {
        QTest::addColumn<double>("probability");
        QTest::newRow("0") << 0.0;
        QTest::newRow("0.1") << 0.1;
        QTest::newRow("0.5") << 0.5;
        QTest::newRow("0.9") << 0.9;
        QTest::newRow("1") << 1.0;
    }

    void probabilityIsRespected()
    {
        QFETCH(double, probability);
        FaultInjector injector(5);
        QVERIFY(injector.add(rule(QStringLiteral("svc:*:*:server-error:%1").arg(probability))).ok());
        const int n = 10000;
        const int hits = int(draws(injector, n).count(true));
        // Binomial sd <= 50 for n = 10000; allow five of them.
        QVERIFY2(std::abs(hits - probability * n) <= 250, qPrintable(QString::number(hits)));
        if (probability == 0.0)
            QCOMPARE(hits, 0);
        if (probability == 1.0)
            QCOMPARE(hits, n);
    }

    void countLimitsApplications()
    {
        FaultInjector injector;
        const auto id = injector.add(rule(QStringLiteral("svc:*:*:drop:1:count=3")));
        QVERIFY(id.ok());
        QCOMPARE(draws(injector, 5), (QList<bool>{true, true, true, false, false}));
        QCOMPARE(injector.appliedCount(id.value()), 3);
        QCOMPARE(injector.toJson().first().toObject().value(QStringLiteral("remaining")).toInt(), 0);
    }

    void sameSeedSameSequence()
    {
        FaultInjector a(42), b(42), c(43);
        for (FaultInjector* i : {&a, &b, &c})
            QVERIFY(i->add(rule(QStringLiteral("svc:*:*:drop:0.3"))).ok());
        const QList<bool> first = draws(a, 500);
        QCOMPARE(draws(b, 500), first);
        QVERIFY(draws(c, 500) != first);
    }

    void rulesDrawIndependently()
    {
        // Traffic on another path must not shift the sequence of a rule it does not match.
        FaultInjector quiet(9), busy(9);
        for (FaultInjector* i : {&quiet, &busy}) {
            QVERIFY(i->add(rule(QStringLiteral("svc:*:/a:drop:0.5"))).ok());
            QVERIFY(i->add(rule(QStringLiteral("svc:*:/b:drop:0.5"))).ok());
        }
        QList<bool> interleaved;
        for (int k = 0; k < 100; ++k) {
            interleaved << busy.decide(QStringLiteral("svc"), "GET", QStringLiteral("/a")).has_value();
            busy.decide(QStringLiteral("svc"), "GET", QStringLiteral("/b"));
        }
        QCOMPARE(interleaved, draws(quiet, 100, QStringLiteral("/a")));
    }

    void firstMatchingRuleWins()
    {
        FaultInjector injector;
        QVERIFY(injector.add(rule(QStringLiteral("svc:*:/a:server-error:1:502:count=1"))).ok());
        QVERIFY(injector.add(rule(QStringLiteral("svc:*:*:rate-limit:1:9"))).ok());
        auto f = injector.decide(QStringLiteral("svc"), "GET", QStringLiteral("/a"));
        QCOMPARE(f->kind, FaultKind::ServerError);
        QCOMPARE(f->status, 502);
        QCOMPARE(f->ruleId, QStringLiteral("f1"));
        f = injector.decide(QStringLiteral("svc"), "GET", QStringLiteral("/a"));
        QCOMPARE(f->kind, FaultKind::RateLimit); // the first rule is used up
        QCOMPARE(f->retryAfterSeconds, 9);
        QVERIFY(!injector.decide(QStringLiteral("other"), "GET", QStringLiteral("/a")));
    }

    void idsRemovalAndReplacement()
    {
        FaultInjector injector;
        QCOMPARE(injector.add(rule(QStringLiteral("svc:*:*:drop:1"))).value(), QStringLiteral("f1"));
        FaultRule named = rule(QStringLiteral("svc:*:*:drop:1"));
        named.id = QStringLiteral("mine");
        QVERIFY(injector.add(named).ok());
        QVERIFY(!injector.add(named).ok()); // duplicate id
        QVERIFY(injector.remove(QStringLiteral("f1")));
        QVERIFY(!injector.remove(QStringLiteral("f1")));
        QCOMPARE(injector.rules().size(), 1);

        FaultRule broken = rule(QStringLiteral("svc:*:*:drop:1"));
        broken.probability = 3;
        QVERIFY(!injector.replaceAll({rule(QStringLiteral("svc:*:*:delay:1")), broken}).ok());
        QCOMPARE(injector.rules().size(), 1); // unchanged on failure
        QCOMPARE(injector.rules().first().id, QStringLiteral("mine"));
        QVERIFY(injector.replaceAll({rule(QStringLiteral("svc:*:*:delay:1"))}).ok());
        QCOMPARE(injector.rules().first().id, QStringLiteral("f1"));
        injector.clear();
        QVERIFY(injector.isEmpty());
        QVERIFY(!injector.decide(QStringLiteral("svc"), "GET", QStringLiteral("/a")));
    }
};

QTEST_GUILESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"
