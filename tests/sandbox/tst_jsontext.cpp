// JsonText: what it writes parses back to the same values (hostile strings included), numbers
// look like QJsonDocument's, and commas land right in nested containers.
#include "sandbox/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AssetDesk::Sandbox;

class TestJsonText : public QObject
{
    Q_OBJECT
private slots:
    void stringsRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("harbour.jpg");
        QTest::newRow("quotes and backslash") << QStringLiteral("say \"hi\" \\ bye");
        QTest::newRow("control characters") << QString::fromUtf8("a\nb\tc\rd\x01\x07\x1b[31m\x1f");
        QTest::newRow("nul") << QString(QChar(0)) + QStringLiteral("x");
        QTest::newRow("traversal") << QStringLiteral("../../etc/passwd.jpg");
        QTest::newRow("rtl override") << QString::fromUtf8("holiday\u202Egpj.exe");
        QTest::newRow("non-latin and emoji") << QString::fromUtf8("Zürich 東京 \U0001F600");
        QTest::newRow("empty") << QString();
    }
    void stringsRoundTrip()
    {
        QFETCH(QString, text);
        JsonText j;
        j.beginObject().member("s", text).endObject();
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(j.bytes(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QStringLiteral("s")).toString(), text);
        // No raw control character ever reaches the bytes.
        for (const char c : j.bytes())
            QVERIFY(static_cast<unsigned char>(c) >= 0x20);
    }

    void numbersLikeQJsonDocument()
    {
        JsonText j;
        j.beginArray().value(1000000.0).value(qint64(-5)).value(1234567.5).value(0.1).value(true).null().endArray();
        QCOMPARE(j.bytes(), QByteArrayLiteral("[1000000,-5,1234567.5,0.1,true,null]"));
    }

    void nestingAndCommas()
    {
        JsonText j;
        j.beginObject();
        j.key("a").beginArray().beginObject().member("x", 1).endObject().beginObject().endObject().endArray();
        j.key("b").beginObject().key("c").beginArray().endArray().member("d", QStringLiteral("e")).endObject();
        j.member("f", QJsonValue(QJsonObject{{QStringLiteral("g"), QJsonArray{1, 2}}}));
        j.key("h").raw("{\"i\":[]}");
        j.endObject();
        const QJsonObject expected{
            {QStringLiteral("a"), QJsonArray{QJsonObject{{QStringLiteral("x"), 1}}, QJsonObject()}},
            {QStringLiteral("b"), QJsonObject{{QStringLiteral("c"), QJsonArray()}, {QStringLiteral("d"), QStringLiteral("e")}}},
            {QStringLiteral("f"), QJsonObject{{QStringLiteral("g"), QJsonArray{1, 2}}}},
            {QStringLiteral("h"), QJsonObject{{QStringLiteral("i"), QJsonArray()}}},
        };
        QCOMPARE(QJsonDocument::fromJson(j.bytes()).object(), expected);
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
