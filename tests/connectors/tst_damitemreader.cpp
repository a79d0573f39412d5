#include "connectors/damitemreader.h"

#include <QJsonDocument>
#include <QTest>

using namespace AssetDesk;

// Lenient reading of one DAM item: odd fields are read as well as possible, refused or cut, and
// every liberty is noted.
class TestDamItemReader : public QObject
{
    Q_OBJECT
private:
    static DamItemReader reader(const char* json) { return DamItemReader(QJsonDocument::fromJson(json).object()); }

private slots:
    void text_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("noted");
        QTest::newRow("string") << QByteArray(R"({"a":{"b":"x"}})") << QStringLiteral("x") << false;
        QTest::newRow("number") << QByteArray(R"({"a":{"b":12}})") << QStringLiteral("12") << false;
        QTest::newRow("fraction") << QByteArray(R"({"a":{"b":1.5}})") << QStringLiteral("1.5") << false;
        QTest::newRow("bool") << QByteArray(R"({"a":{"b":true}})") << QStringLiteral("true") << false;
        QTest::newRow("missing") << QByteArray(R"({"a":{}})") << QString() << false;
        QTest::newRow("null") << QByteArray(R"({"a":{"b":null}})") << QString() << false;
        QTest::newRow("object") << QByteArray(R"({"a":{"b":{"c":1}}})") << QString() << true;
        QTest::newRow("array") << QByteArray(R"({"a":{"b":[1]}})") << QString() << true;
        QTest::newRow("too long") << QByteArray(R"({"a":{"b":"abcdefghij"}})") << QStringLiteral("abcde") << true;
    }
    void text()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QFETCH(bool, noted);
        DamItemReader r(QJsonDocument::fromJson(json).object());
        QCOMPARE(r.text({u"a.b"}, 5), expected);
        QCOMPARE(!r.notes().isEmpty(), noted);
    }

    void firstPresentPathWins()
    {
        DamItemReader r = reader(R"({"x":null,"y":"second","z":"third"})");
        QCOMPARE(r.text({u"w", u"x", u"y", u"z"}, 100), QStringLiteral("second"));
    }

    void integer_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<bool>("noted");
        QTest::newRow("number") << QByteArray(R"({"n":640})") << qint64(640) << false;
        QTest::newRow("string") << QByteArray(R"({"n":" 480 "})") << qint64(480) << false;
        QTest::newRow("rounded") << QByteArray(R"({"n":2.6})") << qint64(3) << false;
        QTest::newRow("negative") << QByteArray(R"({"n":-1})") << qint64(0) << true;
        QTest::newRow("absurd") << QByteArray(R"({"n":1e300})") << qint64(0) << true;
        QTest::newRow("text") << QByteArray(R"({"n":"wide"})") << qint64(0) << true;
        QTest::newRow("missing") << QByteArray(R"({})") << qint64(0) << false;
    }
    void integer()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, expected);
        QFETCH(bool, noted);
        DamItemReader r(QJsonDocument::fromJson(json).object());
        QCOMPARE(r.integer({u"n"}, 0, 1000000), expected);
        QCOMPARE(!r.notes().isEmpty(), noted);
    }

    void dateTime_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime noon(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
        QTest::newRow("iso Z") << QByteArray(R"({"d":"2024-03-01T12:00:00Z"})") << noon;
        QTest::newRow("iso ms") << QByteArray(R"({"d":"2024-03-01T12:00:00.000Z"})") << noon;
        QTest::newRow("iso offset") << QByteArray(R"({"d":"2024-03-01T14:00:00+02:00"})") << noon;
        QTest::newRow("iso no zone") << QByteArray(R"({"d":"2024-03-01T12:00:00"})") << noon;
        QTest::newRow("v3 GMT") << QByteArray(R"({"d":"2024-03-01 12:00:00 GMT"})") << noon;
        QTest::newRow("epoch s") << QByteArray(R"({"d":1709294400})") << noon;
        QTest::newRow("epoch ms") << QByteArray(R"({"d":1709294400000})") << noon;
        QTest::newRow("date only") << QByteArray(R"({"d":"2024-03-01"})") << QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("garbage") << QByteArray(R"({"d":"soon"})") << QDateTime();
    }
    void dateTime()
    {
        QFETCH(QByteArray, json);
        QFETCH(QDateTime, expected);
        DamItemReader r(QJsonDocument::fromJson(json).object());
        const QDateTime parsed = r.dateTime({u"d"});
        QCOMPARE(parsed, expected);
        if (parsed.isValid())
            QCOMPARE(parsed.timeSpec(), Qt::UTC);
        QCOMPARE(r.notes().isEmpty(), expected.isValid());
    }

    void textList_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("array") << QByteArray(R"({"k":["a","b","a"," "]})") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("commas") << QByteArray(R"({"k":"a, b;c"})")
                                << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        QTest::newRow("values") << QByteArray(R"({"k":[{"value":"x"},{"value":"y"}]})")
                                << QStringList{QStringLiteral("x"), QStringLiteral("y")};
        QTest::newRow("number") << QByteArray(R"({"k":7})") << QStringList();
    }
    void textList()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        DamItemReader r(QJsonDocument::fromJson(json).object());
        QCOMPARE(r.textList({u"k"}, 10, 10), expected);
    }

    void textListCapsCountAndLength()
    {
        DamItemReader r = reader(R"({"k":["aaaaaaaaaaaaaaa","b","c","d"]})");
        QCOMPARE(r.textList({u"k"}, 2, 4), (QStringList{QStringLiteral("aaaa"), QStringLiteral("b")}));
        QCOMPARE(r.notes().size(), 2);
    }

    void normalizedKey()
    {
        QCOMPARE(DamItemReader::normalizedKey(u"License_Expiry-Date"), QStringLiteral("licenseexpirydate"));
        QCOMPARE(DamItemReader::normalizedKey(u"Usage Restrictions"), QStringLiteral("usagerestrictions"));
    }
};

QTEST_GUILESS_MAIN(TestDamItemReader)
#include "tst_damitemreader.moc"
