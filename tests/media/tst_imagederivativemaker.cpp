#include "media/imagederivativemaker.h"

#include "media/derivativestore.h"
#include "photoimage.h"
#include "testimages.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using Preset = DerivativeSpec::CropPreset;

namespace {

QImage decoded(const QByteArray& bytes)
{
    QImage image;
    image.loadFromData(bytes);
    return image;
}

QString why(const Result<DerivativeImage>& r)
{
    return r.ok() ? QString() : r.error().toLogString();
}

} // namespace

class TestImageDerivativeMaker : public QObject
{
    Q_OBJECT
private slots:
    void cropPresetsHaveTheirExactAspect_data()
    {
        QTest::addColumn<QSize>("source");
        QTest::addColumn<int>("preset");
        QTest::addColumn<int>("longEdge");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("1:1 of landscape") << QSize(1800, 1200) << int(Preset::Square) << 1080 << QSize(1080, 1080);
        QTest::newRow("4:5 of landscape") << QSize(1800, 1200) << int(Preset::Portrait) << 1000 << QSize(800, 1000);
        QTest::newRow("16:9 of landscape") << QSize(1800, 1200) << int(Preset::Wide) << 1600 << QSize(1600, 900);
        QTest::newRow("2:1 of landscape") << QSize(1800, 1200) << int(Preset::Banner) << 1600 << QSize(1600, 800);
        QTest::newRow("16:9 of portrait") << QSize(1000, 1500) << int(Preset::Wide) << 800 << QSize(800, 450);
        QTest::newRow("4:5 of portrait") << QSize(1000, 1500) << int(Preset::Portrait) << 1000 << QSize(800, 1000);
        QTest::newRow("2:1 of square") << QSize(1200, 1200) << int(Preset::Banner) << 0 << QSize(1200, 600);
        QTest::newRow("never enlarged") << QSize(640, 480) << int(Preset::Wide) << 1600 << QSize(640, 360);
        QTest::newRow("original scaled") << QSize(1800, 1200) << int(Preset::Original) << 900 << QSize(900, 600);
    }
    void cropPresetsHaveTheirExactAspect()
    {
        QFETCH(QSize, source);
        QFETCH(int, preset);
        QFETCH(int, longEdge);
        QFETCH(QSize, expected);
        DerivativeSpec spec = DerivativeSpec::forXImage(Preset(preset), longEdge);
        QCOMPARE(spec.outputSize(source), expected);
        const QRect crop = spec.cropRect(source);
        QVERIFY(QRect(QPoint(0, 0), source).contains(crop));
        if (const auto aspect = DerivativeSpec::aspectOf(Preset(preset))) {
            // The crop is the largest frame of the aspect, within a pixel of rounding.
            QVERIFY(crop.width() == source.width() || crop.height() == source.height());
            QVERIFY(qAbs(crop.width() * aspect->height() - crop.height() * aspect->width())
                    <= std::max(aspect->width(), aspect->height()));
        }
        const Result<DerivativeImage> made = ImageDerivativeMaker::make(PhotoImage::jpeg(PhotoImage::photo(source.width(), source.height())), spec);
        QVERIFY2(made.ok(), qPrintable(why(made)));
        QCOMPARE(made->size, expected);
        QCOMPARE(made->mimeType, QStringLiteral("image/jpeg"));
        QCOMPARE(decoded(made->bytes).size(), expected);
    }

    void presetFrameFollowsItsCentre()
    {
        // Left half red, right half blue: a 1:1 frame moved to the right shows blue only.
        QImage halves(800, 400, QImage::Format_RGB32);
        halves.fill(QColor(220, 0, 0));
        QPainter(&halves).fillRect(400, 0, 400, 400, QColor(0, 0, 220));
        DerivativeSpec spec = DerivativeSpec::forXImage(Preset::Square, 100);
        spec.centre = QPointF(1.0, 0.5);
        QCOMPARE(spec.cropRect(halves.size()), QRect(400, 0, 400, 400));
        const Result<DerivativeImage> made = ImageDerivativeMaker::make(PhotoImage::jpeg(halves), spec);
        QVERIFY2(made.ok(), qPrintable(why(made)));
        const QColor c = decoded(made->bytes).pixelColor(50, 50);
        QVERIFY2(c.blue() > 180 && c.red() < 60, qPrintable(c.name()));
    }

    void freeRectIsHonoured()
    {
        DerivativeSpec spec;
        spec.preset = Preset::Free;
        spec.freeRect = QRectF(0.25, 0.5, 0.5, 0.25);
        QCOMPARE(spec.cropRect(QSize(1000, 800)), QRect(250, 400, 500, 200));
        const Result<DerivativeImage> made = ImageDerivativeMaker::make(PhotoImage::jpeg(PhotoImage::photo(1000, 800)), spec);
        QVERIFY2(made.ok(), qPrintable(why(made)));
        QCOMPARE(made->size, QSize(500, 200));
    }

    void byteBudgetIsHonoured_data()
    {
        QTest::addColumn<qint64>("budget");
        QTest::newRow("5 MB (X)") << qint64(5 * 1024 * 1024);
        QTest::newRow("300 KB") << qint64(300 * 1024);
        QTest::newRow("120 KB") << qint64(120 * 1024);
        QTest::newRow("20 KB: needs shrinking") << qint64(20 * 1024);
    }
    void byteBudgetIsHonoured()
    {
        QFETCH(qint64, budget);
        DerivativeSpec spec = DerivativeSpec::forXImage(Preset::Wide, 1600);
        spec.byteBudget = budget;
        const Result<DerivativeImage> made = ImageDerivativeMaker::make(PhotoImage::jpeg(PhotoImage::photo(2400, 1600)), spec);
        QVERIFY2(made.ok(), qPrintable(why(made)));
        QVERIFY2(made->bytes.size() <= budget, qPrintable(QString::number(made->bytes.size())));
        QVERIFY(made->quality >= ImageDerivativeMaker::kMinQuality && made->quality <= ImageDerivativeMaker::kMaxQuality);
        if (budget < 200 * 1024)
            QVERIFY(made->quality < ImageDerivativeMaker::kMaxQuality);
        if (budget == 5 * 1024 * 1024)
            QCOMPARE(made->quality, ImageDerivativeMaker::kMaxQuality);
        QCOMPARE(decoded(made->bytes).size(), made->size);
    }

    void impossibleBudgetIsRefused()
    {
        DerivativeSpec spec = DerivativeSpec::forXImage(Preset::Wide, 1600);
        spec.byteBudget = 10;
        const Result<DerivativeImage> made = ImageDerivativeMaker::make(PhotoImage::jpeg(PhotoImage::photo(1600, 900)), spec);
        QVERIFY(!made.ok());
        QCOMPARE(made.error().kind(), ErrorKind::TooLarge);
    }

    void exifOrientationIsHonoured_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<QSize>("displayed");
        QTest::addColumn<QPoint>("redAt"); // where the stored left (red) half shows, in the output
        QTest::newRow("1 none") << 1 << QSize(800, 400) << QPoint(100, 200);
        QTest::newRow("6 rotate 90") << 6 << QSize(400, 800) << QPoint(200, 100);
        QTest::newRow("8 rotate 270") << 8 << QSize(400, 800) << QPoint(200, 700);
        QTest::newRow("3 rotate 180") << 3 << QSize(800, 400) << QPoint(700, 200);
    }
    void exifOrientationIsHonoured()
    {
        QFETCH(int, orientation);
        QFETCH(QSize, displayed);
        QFETCH(QPoint, redAt);
        QImage stored(800, 400, QImage::Format_RGB32);
        stored.fill(QColor(0, 0, 220));
        QPainter(&stored).fillRect(0, 0, 400, 400, QColor(220, 0, 0));
        const QByteArray bytes = PhotoImage::withExifOrientation(PhotoImage::jpeg(stored), quint16(orientation));
        {
            QBuffer buffer;
            buffer.setData(bytes);
            QImageReader reader(&buffer);
            reader.setAutoTransform(true);
            QCOMPARE(reader.read().size(), displayed);
        }
        // Whole frame: same orientation as Qt's own reading.
        DerivativeSpec whole;
        const Result<DerivativeImage> all = ImageDerivativeMaker::make(bytes, whole);
        QVERIFY2(all.ok(), qPrintable(why(all)));
        QCOMPARE(all->size, displayed);
        QVERIFY(decoded(all->bytes).pixelColor(redAt).red() > 180);
        // A square crop centred on the red half, in displayed coordinates, is red all over.
        DerivativeSpec square = DerivativeSpec::forXImage(Preset::Square, 64);
        square.centre = QPointF(double(redAt.x()) / displayed.width(), double(redAt.y()) / displayed.height());
        const Result<DerivativeImage> cropped = ImageDerivativeMaker::make(bytes, square);
        QVERIFY2(cropped.ok(), qPrintable(why(cropped)));
        QCOMPARE(cropped->size, QSize(64, 64));
        const QImage out = decoded(cropped->bytes);
        for (const QPoint p : {QPoint(4, 4), QPoint(32, 32), QPoint(59, 59), QPoint(4, 59), QPoint(59, 4)})
            QVERIFY2(out.pixelColor(p).red() > 180 && out.pixelColor(p).blue() < 60, qPrintable(out.pixelColor(p).name()));
    }

    void alphaBecomesPng()
    {
        const QByteArray png = TestImages::encoded(TestImages::picture(300, 200, true), "png");
        const Result<DerivativeImage> made = ImageDerivativeMaker::make(png, DerivativeSpec::forXImage(Preset::Original, 0));
        QVERIFY2(made.ok(), qPrintable(why(made)));
        QCOMPARE(made->mimeType, QStringLiteral("image/png"));
        QVERIFY(decoded(made->bytes).hasAlphaChannel());
        // An alpha channel without a single transparent pixel is still a photo: JPEG.
        QImage opaque = PhotoImage::photo(300, 200).convertToFormat(QImage::Format_ARGB32);
        const Result<DerivativeImage> jpeg = ImageDerivativeMaker::make(TestImages::encoded(opaque, "png"), DerivativeSpec{});
        QVERIFY2(jpeg.ok(), qPrintable(why(jpeg)));
        QCOMPARE(jpeg->mimeType, QStringLiteral("image/jpeg"));
    }

    void brokenInputIsRefusedAndNothingWritten_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("kind");
        const QByteArray good = PhotoImage::jpeg(PhotoImage::photo(640, 480));
        QTest::newRow("truncated jpeg") << good.left(good.size() * 2 / 3) << int(ErrorKind::Parse);
        QByteArray garbage = good.left(600);
        garbage += QByteArray(4000, '\x5a');
        QTest::newRow("garbage after headers") << garbage << int(ErrorKind::Parse);
        QTest::newRow("not an image") << QByteArray("<html>not an image</html>") << int(ErrorKind::Parse);
        QTest::newRow("empty") << QByteArray() << int(ErrorKind::Parse);
        QTest::newRow("declares 60000 x 60000") << TestImages::jpegDeclaring(60000, 60000) << int(ErrorKind::TooLarge);
        QTest::newRow("png declares 100000 x 100000") << TestImages::pngDeclaring(100000, 100000) << int(ErrorKind::TooLarge);
    }
    void brokenInputIsRefusedAndNothingWritten()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, kind);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("source.jpg"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        const DerivativeStore store(dir.filePath(QStringLiteral("derivatives")));
        // What DerivativeService does: store only what was made.
        const Result<DerivativeImage> made = ImageDerivativeMaker::makeFromFile(path, DerivativeSpec::forXImage(Preset::Wide, 1600));
        QVERIFY(!made.ok());
        QCOMPARE(int(made.error().kind()), kind);
        QVERIFY(!made.error().message().isEmpty());
        QVERIFY(!QDir(store.root()).exists() || QDir(store.root()).isEmpty());
        // The same from memory.
        const Result<DerivativeImage> fromBytes = ImageDerivativeMaker::make(bytes, DerivativeSpec{});
        QVERIFY(!fromBytes.ok());
    }

    void missingFileIsNotFound()
    {
        const Result<DerivativeImage> made = ImageDerivativeMaker::makeFromFile(QStringLiteral("/nonexistent/x.jpg"), DerivativeSpec{});
        QVERIFY(!made.ok());
        QCOMPARE(made.error().kind(), ErrorKind::NotFound);
    }

    void decodesLessThanTheWholePhoto()
    {
        // The reader is asked for a DCT-scaled size: a JPEG is not decoded at full size first.
        const QByteArray bytes = PhotoImage::jpeg(PhotoImage::photo(4000, 3000), 85);
        QBuffer buffer;
        buffer.setData(bytes);
        QImageReader reader(&buffer);
        ThumbnailLimits tight;
        tight.maxAllocationBytes = 20LL * 1024 * 1024; // far less than 4000 x 3000 x 4 = 46 MB
        const Result<QImage> image = ImageDerivativeMaker::decodeCropped(reader, DerivativeSpec::forXImage(Preset::Square, 1080), tight, QStringLiteral("photo"));
        QVERIFY2(image.ok(), qPrintable(image.ok() ? QString() : image.error().toLogString()));
        QCOMPARE(image->size(), QSize(1080, 1080));
        // A 3000 x 3000 crop for 1080 px: decoded at 1/2 (1/4 would give 750 px).
        QCOMPARE(reader.scaledSize(), QSize(2000, 1500));
    }
};

QTEST_GUILESS_MAIN(TestImageDerivativeMaker)
#include "tst_imagederivativemaker.moc"
