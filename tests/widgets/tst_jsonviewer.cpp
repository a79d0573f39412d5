#include "widgets/jsonviewer.h"
#include "widgets/syntaxrepository.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace AssetDesk;

// JsonViewer formats on a pool thread: the GUI thread only sets the finished text, the last
// text given wins, and what is not JSON is shown verbatim.
class TestJsonViewer : public QObject
{
    Q_OBJECT
private slots:
    void format_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("isJson");
        QTest::addColumn<QString>("expected");
        QTest::newRow("object") << QByteArray("{\"a\":1,\"b\":[true,null]}") << true
                                << QStringLiteral("{\n    \"a\": 1,\n    \"b\": [\n        true,\n        null\n    ]\n}\n");
        QTest::newRow("truncated") << QByteArray("{\"a\":1,\"b\":[tr") << false << QStringLiteral("{\"a\":1,\"b\":[tr");
        QTest::newRow("markup") << QByteArray("<b>not json</b>") << false << QStringLiteral("<b>not json</b>");
        QTest::newRow("latin-1") << QByteArray("caf\xe9") << false << QStringLiteral("caf\u00e9");
        QTest::newRow("utf-8") << QByteArray("{\"t\":\"caf\\u00e9\"}") << true << QStringLiteral("{\n    \"t\": \"caf\u00e9\"\n}\n");
        QTest::newRow("empty") << QByteArray() << false << QString();
    }

    void format()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, isJson);
        QFETCH(QString, expected);
        SyntaxRepository syntax;
        JsonViewer viewer(&syntax);
        QSignalSpy shown(&viewer, &JsonViewer::textShown);
        viewer.setJson(input);
        // Tiny input may be formatted before setJson() returns; then it is shown at once.
        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(viewer.isShowingJson(), isJson);
        QCOMPARE(viewer.toPlainText(), expected);
        QCOMPARE(JsonViewer::format(input).text, expected);
    }

    void aTenMegabyteCaptionDoesNotBlockTheGuiThread()
    {
        SyntaxRepository syntax;
        JsonViewer viewer(&syntax);
        viewer.show();
        const QByteArray big = "{\"data\":{\"caption\":\"" + QByteArray(10 * 1024 * 1024, 'x') + "\"}}";
        QSignalSpy shown(&viewer, &JsonViewer::textShown);
        QElapsedTimer t;
        t.start();
        viewer.setJson(big);
        const qint64 callMs = t.elapsed();
        QVERIFY(viewer.isFormatting());
        QVERIFY(!viewer.isShowingJson());
        // Parsing and printing 10 MB takes far longer than handing it over.
        QVERIFY2(callMs < 50, qPrintable(QString::number(callMs)));
        QVERIFY(shown.wait(30000));
        QVERIFY(viewer.isShowingJson());
        QVERIFY(viewer.toPlainText().size() > 10 * 1024 * 1024);
    }

    void theLastTextWins()
    {
        SyntaxRepository syntax;
        JsonViewer viewer(&syntax);
        QSignalSpy shown(&viewer, &JsonViewer::textShown);
        // A slow one first, then a quick one: the slow one must not land on top.
        viewer.setJson("{\"slow\":\"" + QByteArray(4 * 1024 * 1024, 'y') + "\"}");
        viewer.setJson("{\"quick\":true}");
        QTRY_COMPARE(shown.size(), 1);
        QTest::qWait(300);
        QCOMPARE(viewer.toPlainText(), QStringLiteral("{\n    \"quick\": true\n}\n"));
        QCOMPARE(shown.size(), 1);

        // A message set while JSON is being formatted stays.
        viewer.setJson("{\"late\":\"" + QByteArray(4 * 1024 * 1024, 'z') + "\"}");
        viewer.setPlainMessage(QStringLiteral("No details."));
        QVERIFY(!viewer.isFormatting());
        QTest::qWait(1000);
        QCOMPARE(viewer.toPlainText(), QStringLiteral("No details."));
        QVERIFY(!viewer.isShowingJson());
    }
};

QTEST_MAIN(TestJsonViewer)
#include "tst_jsonviewer.moc"
