// DamIdCodec: ids round-trip, look like the services' own, differ per key, and foreign or
// mistyped ids are rejected.
#include "sandbox/dam/damids.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUuid>

using namespace AssetDesk::Sandbox;

class TestDamIdCodec : public QObject
{
    Q_OBJECT
private slots:
    void feistelIsABijection()
    {
        const DamIdCodec codec(42);
        QSet<quint64> seen;
        for (quint64 v = 0; v < 5000; ++v) {
            const quint64 code = codec.encode56(v);
            QVERIFY(code < (quint64(1) << 56));
            QCOMPARE(codec.decode56(code), v);
            seen.insert(code);
        }
        QCOMPARE(seen.size(), 5000);
        const quint64 big = (quint64(1) << 56) - 1;
        QCOMPARE(codec.decode56(codec.encode56(big)), big);
    }

    void uuidRoundTrip_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<quint64>("number");
        QTest::newRow("asset 0") << int(DamIdKind::Asset) << quint64(0);
        QTest::newRow("asset 999999") << int(DamIdKind::Asset) << quint64(999999);
        QTest::newRow("collection 7") << int(DamIdKind::Collection) << quint64(7);
        QTest::newRow("keyframe of a deep asset") << int(DamIdKind::Keyframe) << quint64(999999 * 64 + 3);
        QTest::newRow("largest number") << int(DamIdKind::File) << (DamIdCodec::kNumberLimit - 1);
    }

    void uuidRoundTrip()
    {
        QFETCH(int, kind);
        QFETCH(quint64, number);
        const DamIdCodec codec(7);
        const QString id = codec.uuid(DamIdKind(kind), number);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
                    .match(id)
                    .hasMatch());
        const QUuid parsed = QUuid::fromString(id);
        QCOMPARE(parsed.version(), QUuid::Random);
        QCOMPARE(parsed.variant(), QUuid::DCE);
        const auto back = codec.parseUuid(id);
        QVERIFY(back);
        QCOMPARE(int(back->kind), kind);
        QCOMPARE(back->number, number);
        QVERIFY(codec.parseUuid(id.toUpper())); // hex digits in either case
    }

    void code36RoundTrip()
    {
        const DamIdCodec codec(7);
        for (quint64 n : {quint64(0), quint64(1), quint64(123456), quint64(999999)}) {
            const QString code = codec.code36(DamIdKind::Gallery, n);
            QVERIFY(QRegularExpression(QStringLiteral("^[0-9A-Z]{11}$")).match(code).hasMatch());
            const auto back = codec.parseCode36(code);
            QVERIFY(back);
            QCOMPARE(back->kind, DamIdKind::Gallery);
            QCOMPARE(back->number, n);
        }
    }

    void neighboursLookUnrelated()
    {
        const DamIdCodec codec(7);
        const QString a = codec.uuid(DamIdKind::Asset, 100);
        const QString b = codec.uuid(DamIdKind::Asset, 101);
        int same = 0;
        for (int i = 0; i < a.size(); ++i)
            same += a.at(i) == b.at(i) ? 1 : 0;
        QVERIFY2(same < 16, qPrintable(a + QLatin1Char(' ') + b));
    }

    void foreignIdsAreRejected()
    {
        const DamIdCodec codec(7);
        const DamIdCodec other(8);
        const QString id = codec.uuid(DamIdKind::Asset, 5);
        QVERIFY(!other.parseUuid(id));
        QVERIFY(!codec.parseUuid(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        QVERIFY(!codec.parseUuid(QStringLiteral("not-a-uuid")));
        QString tampered = id;
        tampered[35] = tampered.at(35) == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        QVERIFY(!codec.parseUuid(tampered));
        QVERIFY(!codec.parseCode36(QStringLiteral("abc")));
        QVERIFY(!codec.parseCode36(QStringLiteral("ZZZZZZZZZZZ"))); // beyond 2^56
        QVERIFY(codec.code36(DamIdKind::Asset, 5) != other.code36(DamIdKind::Asset, 5));
    }
};

QTEST_GUILESS_MAIN(TestDamIdCodec)
#include "tst_damidcodec.moc"
