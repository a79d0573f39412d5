#include "media/gifcheck.h"

#include "core/xmedialimits.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

class TestGifCheck : public QObject
{
    Q_OBJECT
private slots:
    void verdicts_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("problems");
        QTest::newRow("fits") << qint64(2'000'000) << QSize(640, 480) << 100 << 0;
        QTest::newRow("at every limit") << XMediaLimits::kMaxGifBytes << QSize(1280, 1080) << 217 << 0;
        QTest::newRow("too many bytes") << XMediaLimits::kMaxGifBytes + 1 << QSize(640, 480) << 10 << 1;
        QTest::newRow("too wide") << qint64(1000) << QSize(1281, 100) << 1 << 1;
        QTest::newRow("too tall") << qint64(1000) << QSize(100, 1081) << 1 << 1;
        QTest::newRow("too many frames") << qint64(1000) << QSize(64, 64) << 351 << 1;
        QTest::newRow("too many pixels") << qint64(1000) << QSize(1280, 1080) << 300 << 1;
        QTest::newRow("everything") << XMediaLimits::kMaxGifBytes * 2 << QSize(2000, 2000) << 400 << 4;
    }
    void verdicts()
    {
        QFETCH(qint64, bytes);
        QFETCH(QSize, size);
        QFETCH(int, frames);
        QFETCH(int, problems);
        const GifCheck::Verdict v = GifCheck::judge(bytes, size, frames);
        QCOMPARE(v.problems.size(), problems);
        QCOMPARE(v.ok(), problems == 0);
        QCOMPARE(v.totalPixels, qint64(size.width()) * size.height() * frames);
        QVERIFY(!v.summary().isEmpty());
        QCOMPARE(v.summary().startsWith(QStringLiteral("Fits")), problems == 0);
    }

    void inspectsAFile()
    {
        // A 1 x 1 GIF89a with two frames (a netscape loop block and two image descriptors).
        const QByteArray frame = QByteArray::fromHex("21f904000a0000002c00000000010001000002024401003b").chopped(1);
        const QByteArray gif = QByteArray::fromHex("47494638396101000100800000000000ffffff"
                                                   "21ff0b4e45545343415045322e300301000000")
            + frame + frame + QByteArray::fromHex("3b");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.gif"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(gif);
        }
        const Result<GifCheck::Verdict> v = GifCheck::inspect(path);
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().toLogString()));
        QCOMPARE(v->size, QSize(1, 1));
        QCOMPARE(v->frames, 2);
        QCOMPARE(v->bytes, gif.size());
        QVERIFY(v->ok());

        const QString notGif = dir.filePath(QStringLiteral("b.gif"));
        {
            QFile f(notGif);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("GIF89a but nothing else of a GIF");
        }
        const Result<GifCheck::Verdict> bad = GifCheck::inspect(notGif);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind(), ErrorKind::Parse);
    }
};

QTEST_GUILESS_MAIN(TestGifCheck)
#include "tst_gifcheck.moc"
