#include "connectors/damcursor.h"

#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;

// The opaque cursors the DAM connectors hand out survive a round trip through storage, and a
// cursor that is not theirs is refused (the pass then starts over) instead of misread.
class TestDamCursor : public QObject
{
    Q_OBJECT
private slots:
    void cursorRoundTrip()
    {
        const QJsonObject state{{QStringLiteral("p"), 3}, {QStringLiteral("search_after"), QJsonArray{QStringLiteral("a"), 2}}};
        const QString cursor = DamCursor::encode(state);
        QVERIFY(!cursor.contains(QLatin1Char('/')) && !cursor.contains(QLatin1Char('+')));
        const Result<QJsonObject> back = DamCursor::decode(cursor, QStringLiteral("iconik"));
        QVERIFY(back.ok());
        QCOMPARE(*back, state);
        const Result<QJsonObject> broken = DamCursor::decode(QStringLiteral("%%%not-base64"), QStringLiteral("iconik"));
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().kind(), ErrorKind::Validation);
    }
    void resumeStartsOrContinues()
    {
        int firstCalls = 0;
        auto first = [&firstCalls] {
            ++firstCalls;
            return QJsonObject{{QStringLiteral("p"), 1}};
        };
        const Result<QJsonObject> fresh = DamCursor::resume(QString(), QStringLiteral("iconik"), first);
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->value(QLatin1String("p")).toInt(), 1);
        QCOMPARE(firstCalls, 1);

        const QString stored = DamCursor::encode(QJsonObject{{QStringLiteral("p"), 7}});
        const Result<QJsonObject> resumed = DamCursor::resume(stored, QStringLiteral("iconik"), first);
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->value(QLatin1String("p")).toInt(), 7);
        QCOMPARE(firstCalls, 1); // a stored cursor is never replaced by a new first page

        const Result<QJsonObject> broken = DamCursor::resume(QStringLiteral("%%%"), QStringLiteral("iconik"), first);
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().kind(), ErrorKind::Validation);
        QCOMPARE(firstCalls, 1);
    }
};

QTEST_GUILESS_MAIN(TestDamCursor)
#include "tst_damcursor.moc"
