#include "net/pkce.h"

#include <QSet>
#include <QTest>

using namespace AssetDesk;

class TestPkce : public QObject
{
    Q_OBJECT
private slots:
    void rfc7636Vector()
    {
        // RFC 7636 Appendix B.
        QCOMPARE(Pkce::challengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void verifierLengthAndAlphabet_data()
    {
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("length");
        QTest::newRow("default") << 64 << 64;
        QTest::newRow("minimum") << 43 << 43;
        QTest::newRow("maximum") << 128 << 128;
        QTest::newRow("too short is raised") << 10 << 43;
        QTest::newRow("too long is cut") << 500 << 128;
    }
    void verifierLengthAndAlphabet()
    {
        QFETCH(int, requested);
        QFETCH(int, length);
        const QByteArray verifier = Pkce::generateVerifier(requested);
        QCOMPARE(verifier.size(), length);
        QVERIFY(Pkce::isValidVerifier(verifier));
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::addColumn<bool>("valid");
        QTest::newRow("rfc") << QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") << true;
        QTest::newRow("42 chars") << QByteArray(42, 'a') << false;
        QTest::newRow("129 chars") << QByteArray(129, 'a') << false;
        QTest::newRow("plus sign") << QByteArray(50, 'a') + "+" << false;
        QTest::newRow("tilde and dot") << QByteArray(50, 'a') + "~." << true;
    }
    void validation()
    {
        QFETCH(QByteArray, verifier);
        QFETCH(bool, valid);
        QCOMPARE(Pkce::isValidVerifier(verifier), valid);
    }

    void valuesAreRandom()
    {
        QSet<QByteArray> verifiers;
        QSet<QByteArray> states;
        for (int i = 0; i < 100; ++i) {
            verifiers.insert(Pkce::generateVerifier());
            states.insert(Pkce::generateState());
        }
        QCOMPARE(verifiers.size(), 100);
        QCOMPARE(states.size(), 100);
        const QByteArray state = Pkce::generateState();
        QCOMPARE(state.size(), 43); // 32 bytes, base64url without padding
        QVERIFY(!state.contains('+') && !state.contains('/') && !state.contains('='));
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
