#include "media/thumbnaildecoder.h"

#include "testimages.h"

#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

class TestThumbnailDecoder : public QObject
{
    Q_OBJECT
private slots:
    void fitsTheBoxKeepingTheAspect_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QSize>("source");
        QTest::addColumn<QSize>("box");
        QTest::addColumn<QSize>("expected");
        QTest::addColumn<bool>("alpha");
        QTest::newRow("jpeg landscape") << QByteArray("jpeg") << QSize(800, 400) << QSize(200, 200) << QSize(200, 100) << false;
        QTest::newRow("jpeg portrait") << QByteArray("jpeg") << QSize(300, 900) << QSize(160, 160) << QSize(53, 160) << false;
        QTest::newRow("png with alpha") << QByteArray("png") << QSize(640, 480) << QSize(320, 320) << QSize(320, 240) << true;
        QTest::newRow("small is never enlarged") << QByteArray("png") << QSize(40, 30) << QSize(320, 320) << QSize(40, 30) << false;
        QTest::newRow("bmp") << QByteArray("bmp") << QSize(500, 500) << QSize(100, 100) << QSize(100, 100) << false;
    }
    void fitsTheBoxKeepingTheAspect()
    {
        QFETCH(QByteArray, format);
        QFETCH(QSize, source);
        QFETCH(QSize, box);
        QFETCH(QSize, expected);
        QFETCH(bool, alpha);
        const QByteArray bytes = TestImages::encoded(TestImages::picture(source.width(), source.height(), alpha),
                                                     format.constData());
        QVERIFY(!bytes.isEmpty());
        const Result<QImage> image = ThumbnailDecoder::decode(bytes, box);
        QVERIFY2(image.ok(), qPrintable(image.ok() ? QString() : image.error().toLogString()));
        QCOMPARE(image->size(), expected);
        // Ready for QPixmap without a conversion on the GUI thread.
        QCOMPARE(image->format(), alpha ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
        // The picture survives the scaling: top-left is red, bottom-right blue.
        const QColor topLeft = image->pixelColor(1, 1);
        const QColor bottomRight = image->pixelColor(image->width() - 2, image->height() - 2);
        QVERIFY(topLeft.red() > 150 && topLeft.blue() < 100);
        QVERIFY(bottomRight.blue() > 150 && bottomRight.red() < 100);
    }

    void brokenBytesAreAClearError_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("kind");
        QTest::newRow("empty") << QByteArray() << int(ErrorKind::Parse);
        QTest::newRow("text") << QByteArray("<html>not an image</html>") << int(ErrorKind::Parse);
        QTest::newRow("random") << QByteArray::fromHex("00ff13a7c4e90b5566778899aabbccddeeff0011") << int(ErrorKind::Parse);
        const QByteArray png = TestImages::encoded(TestImages::picture(64, 64), "png");
        QTest::newRow("truncated png") << png.left(60) << int(ErrorKind::Parse);
        QByteArray corrupt = png;
        for (qsizetype i = 60; i < corrupt.size() - 12; ++i)
            corrupt[i] = char(0x5a);
        QTest::newRow("corrupt png data") << corrupt << int(ErrorKind::Parse);
    }
    void brokenBytesAreAClearError()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, kind);
        const Result<QImage> image = ThumbnailDecoder::decode(bytes, QSize(128, 128));
        QVERIFY(!image.ok());
        QCOMPARE(int(image.error().kind()), kind);
        QVERIFY(!image.error().message().isEmpty());
        QCOMPARE(image.error().origin(), QStringLiteral("media"));
    }

    void hugeDeclaredDimensionsAreRefusedBeforeDecoding_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("size");
        QTest::newRow("png 60000 x 60000") << TestImages::pngDeclaring(60000, 60000) << QStringLiteral("60000 × 60000");
        QTest::newRow("jpeg 60000 x 60000") << TestImages::jpegDeclaring(60000, 60000) << QStringLiteral("60000 × 60000");
        QTest::newRow("png 20000 x 20000 (400 MP)") << TestImages::pngDeclaring(20000, 20000) << QStringLiteral("20000 × 20000");
        QTest::newRow("png 100000 x 1") << TestImages::pngDeclaring(100000, 1) << QStringLiteral("100000 × 1");
    }
    void hugeDeclaredDimensionsAreRefusedBeforeDecoding()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, size);
        QVERIFY(!bytes.isEmpty());
        QElapsedTimer timer;
        timer.start();
        const Result<QImage> image = ThumbnailDecoder::decode(bytes, QSize(256, 256));
        QVERIFY(!image.ok());
        QCOMPARE(image.error().kind(), ErrorKind::TooLarge);
        QVERIFY2(image.error().message().contains(size), qPrintable(image.error().message()));
        // Refused from the header: nothing was decoded, so it is immediate.
        QVERIFY(timer.elapsed() < 500);
    }

    void allocationLimitUsesScaledDecoding()
    {
        // 2000 x 2000 is 16 MB decoded in full. With a 4 MB limit a BMP (which Qt decodes in full,
        // then scales) is refused; JPEG and PNG decode at a reduced size and pass.
        ThumbnailLimits limits;
        limits.maxAllocationBytes = 4 * 1024 * 1024;
        const QImage source = TestImages::picture(2000, 2000);
        const Result<QImage> bmp = ThumbnailDecoder::decode(TestImages::encoded(source, "bmp"), QSize(200, 200), limits);
        QVERIFY(!bmp.ok());
        QCOMPARE(bmp.error().kind(), ErrorKind::TooLarge);
        QVERIFY(bmp.error().message().contains(QStringLiteral("16 MB of memory")));
        const Result<QImage> png = ThumbnailDecoder::decode(TestImages::encoded(source, "png"), QSize(200, 200), limits);
        QVERIFY(png.ok());
        QCOMPARE(png->size(), QSize(200, 200));
        const Result<QImage> jpeg = ThumbnailDecoder::decode(TestImages::encoded(source, "jpeg"), QSize(200, 200), limits);
        QVERIFY2(jpeg.ok(), qPrintable(jpeg.ok() ? QString() : jpeg.error().toLogString()));
        QCOMPARE(jpeg->size(), QSize(200, 200));
    }

    void inputSizeLimit()
    {
        ThumbnailLimits limits;
        limits.maxInputBytes = 100;
        const Result<QImage> image =
            ThumbnailDecoder::decode(TestImages::encoded(TestImages::picture(64, 64), "png"), QSize(32, 32), limits);
        QVERIFY(!image.ok());
        QCOMPARE(image.error().kind(), ErrorKind::TooLarge);
    }

    void decodesFilesAndReportsMissingOnes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(TestImages::encoded(TestImages::picture(300, 150), "jpeg"));
        file.close();
        const Result<QImage> image = ThumbnailDecoder::decodeFile(path, QSize(100, 100));
        QVERIFY(image.ok());
        QCOMPARE(image->size(), QSize(100, 50));
        const Result<QImage> missing = ThumbnailDecoder::decodeFile(dir.filePath(QStringLiteral("gone")), QSize(100, 100));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind(), ErrorKind::NotFound);
    }

    void makeThumbnailEncodesForTheCache()
    {
        const Result<QByteArray> opaque =
            ThumbnailDecoder::makeThumbnail(TestImages::encoded(TestImages::picture(1000, 500), "png"), QSize(240, 240));
        QVERIFY(opaque.ok());
        QVERIFY(opaque->startsWith("\xFF\xD8")); // JPEG
        QImage back;
        QVERIFY(back.loadFromData(*opaque));
        QCOMPARE(back.size(), QSize(240, 120));
        const Result<QByteArray> alpha =
            ThumbnailDecoder::makeThumbnail(TestImages::encoded(TestImages::picture(100, 100, true), "png"), QSize(50, 50));
        QVERIFY(alpha.ok());
        QVERIFY(alpha->startsWith("\x89PNG"));
        const Result<QByteArray> broken = ThumbnailDecoder::makeThumbnail(QByteArray("nope"), QSize(50, 50));
        QVERIFY(!broken.ok());
    }

    void fittedSize()
    {
        QCOMPARE(ThumbnailDecoder::fittedSize(QSize(4000, 10), QSize(100, 100)), QSize(100, 1));
        QCOMPARE(ThumbnailDecoder::fittedSize(QSize(10, 10), QSize(100, 100)), QSize(10, 10));
        QCOMPARE(ThumbnailDecoder::fittedSize(QSize(0, 10), QSize(100, 100)), QSize());
    }
};

QTEST_GUILESS_MAIN(TestThumbnailDecoder)
#include "tst_thumbnaildecoder.moc"
