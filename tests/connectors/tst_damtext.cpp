#include "connectors/damtext.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

// Limits and clean-ups for text that comes from a DAM: nothing a service sends may become a path,
// reach the terminal as a control sequence or bloat the library.
class TestDamText : public QObject
{
    Q_OBJECT
private slots:
    void safeFileName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("harbour.jpg") << QStringLiteral("harbour.jpg");
        QTest::newRow("parent dirs") << QStringLiteral("../../etc/passwd") << QStringLiteral("_.._etc_passwd");
        QTest::newRow("absolute") << QStringLiteral("/etc/shadow") << QStringLiteral("_etc_shadow");
        QTest::newRow("windows absolute") << QStringLiteral("C:\\Windows\\win.ini") << QStringLiteral("C__Windows_win.ini");
        QTest::newRow("dot") << QStringLiteral(".") << QStringLiteral("file");
        QTest::newRow("dotdot") << QStringLiteral("..") << QStringLiteral("file");
        QTest::newRow("hidden") << QStringLiteral(".bashrc") << QStringLiteral("bashrc");
        QTest::newRow("control") << QStringLiteral("a\nb\x07" "c.jpg") << QStringLiteral("a_b_c.jpg");
        QTest::newRow("bidi override") << QStringLiteral("photo\u202egpj.exe") << QStringLiteral("photo_gpj.exe");
        QTest::newRow("device") << QStringLiteral("con.txt") << QStringLiteral("_con.txt");
        QTest::newRow("option-like") << QStringLiteral("--rm -rf") << QStringLiteral("rm -rf");
        QTest::newRow("empty") << QString() << QStringLiteral("file");
        QTest::newRow("only separators") << QStringLiteral("///") << QStringLiteral("file");
        QTest::newRow("unicode") << QStringLiteral("Überfahrt – Hafen.jpg") << QStringLiteral("Überfahrt – Hafen.jpg");
    }
    void safeFileName()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QString safe = DamText::safeFileName(name);
        QCOMPARE(safe, expected);
        // Whatever it is, it stays inside the folder it is put in.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = QDir(dir.path()).filePath(safe);
        QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(dir.path()).absoluteFilePath());
    }

    void safeFileNameStaysShort()
    {
        const QString name = QString(300, QChar(0x00e9)) + QStringLiteral(".jpg");
        QVERIFY(DamText::safeFileName(name).toUtf8().size() <= 200);
    }

    void cappedNeverSplitsASurrogatePair()
    {
        const QString text = QStringLiteral("ab") + QString::fromUcs4(U"\U0001F600");
        bool cut = false;
        QCOMPARE(DamText::capped(text, 3, &cut), QStringLiteral("ab"));
        QVERIFY(cut);
        QCOMPARE(DamText::capped(text, 10, &cut), text);
        QVERIFY(!cut);
    }

    void displayText()
    {
        QCOMPARE(DamText::displayText(QStringLiteral("a\x1b[31mb")), QStringLiteral("a\ufffd[31mb"));
        QCOMPARE(DamText::displayText(QStringLiteral("a\nb\tc"), true), QStringLiteral("a\nb\tc"));
        QCOMPARE(DamText::displayText(QStringLiteral("a\nb"), false), QStringLiteral("a\ufffdb"));
        QCOMPARE(DamText::displayText(QStringLiteral("Ünïcødé ✓")), QStringLiteral("Ünïcødé ✓"));
    }

    void rawJsonCutsLongStringsButStaysValid()
    {
        const QJsonObject item{{QStringLiteral("id"), QStringLiteral("x")},
                               {QStringLiteral("caption"), QString(5 * 1024 * 1024, QLatin1Char('y'))},
                               {QStringLiteral("nested"), QJsonArray{QString(DamText::kMaxRawString + 1, QLatin1Char('z'))}}};
        bool cut = false;
        const QByteArray raw = DamText::rawJson(item, &cut);
        QVERIFY(cut);
        QVERIFY(raw.size() < 3 * DamText::kMaxRawString);
        const QJsonDocument doc = QJsonDocument::fromJson(raw);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().value(QLatin1String("id")).toString(), QStringLiteral("x"));
        QVERIFY(doc.object().value(QLatin1String("caption")).toString().contains(QLatin1String("not kept")));

        const QByteArray small = DamText::rawJson(QJsonObject{{QStringLiteral("a"), 1}}, &cut);
        QVERIFY(!cut);
        QCOMPARE(small, QByteArray(R"({"a":1})"));

        // Larger than one string may be, but made of short strings: kept whole, byte for byte.
        QJsonObject many;
        for (int i = 0; i < 100; ++i)
            many.insert(QStringLiteral("k%1").arg(i), QString(DamText::kMaxRawString / 50, QLatin1Char('w')));
        const QByteArray whole = DamText::rawJson(many, &cut);
        QVERIFY(!cut);
        QVERIFY(whole.size() > DamText::kMaxRawString);
        QCOMPARE(QJsonDocument::fromJson(whole).object(), many);

        // A string of exactly the limit is kept; one character more is cut.
        const QJsonObject atLimit{{QStringLiteral("s"), QString(DamText::kMaxRawString, QLatin1Char('a'))}};
        QCOMPARE(QJsonDocument::fromJson(DamText::rawJson(atLimit, &cut)).object(), atLimit);
        QVERIFY(!cut);
        const QJsonObject overLimit{{QStringLiteral("s"), QString(DamText::kMaxRawString + 1, QLatin1Char('a'))}};
        (void)DamText::rawJson(overLimit, &cut);
        QVERIFY(cut);
    }
};

QTEST_GUILESS_MAIN(TestDamText)
#include "tst_damtext.moc"
