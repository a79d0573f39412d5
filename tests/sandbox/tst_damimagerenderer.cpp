// DamImageRenderer: renditions decode as images of the size they claim, the same asset gives the
// same bytes, the cache serves repeats, and the fixtures are what they promise (undecodable bytes,
// a PNG header claiming 60000 x 60000 that a bounded reader refuses to decode).
#include "sandbox/dam/damasset.h"
#include "sandbox/dam/damimagerenderer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QImageReader>
#include <QTest>

#include <optional>

using namespace AssetDesk::Sandbox;

namespace {

DamAsset asset(int width, int height, DamMediaType type = DamMediaType::Image)
{
    DamAsset a;
    a.index = 17;
    a.width = width;
    a.height = height;
    a.mediaType = type;
    return a;
}

QImage decode(const QByteArray& bytes)
{
    return QImage::fromData(bytes);
}

} // namespace

class TestDamImageRenderer : public QObject
{
    Q_OBJECT
private slots:
    void renditionsDecodeAtTheirSize_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("edge");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("landscape thumbnail") << 3000 << 2000 << 256 << QSize(256, 170);
        QTest::newRow("portrait thumbnail") << 1600 << 2400 << 256 << QSize(170, 256);
        QTest::newRow("square preview") << 2048 << 2048 << 1600 << QSize(1600, 1600);
        QTest::newRow("preview of a small original") << 1200 << 900 << 1600 << QSize(1200, 900);
        QTest::newRow("original") << 1200 << 800 << 0 << QSize(1200, 800);
    }

    void renditionsDecodeAtTheirSize()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, edge);
        QFETCH(QSize, expected);
        DamImageRenderer renderer;
        const DamRendition r = renderer.rendition(99, asset(width, height), edge);
        QCOMPARE(r.contentType, QByteArrayLiteral("image/jpeg"));
        QCOMPARE(r.size, expected);
        QVERIFY(r.bytes.startsWith("\xff\xd8"));
        const QImage image = decode(r.bytes);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), expected);
        // Not a flat fill: the picture has some variety.
        QVERIFY(image.pixel(0, 0) != image.pixel(image.width() - 1, image.height() - 1) ||
                image.pixel(0, image.height() - 1) != image.pixel(image.width() - 1, 0));
    }

    void sameAssetSameBytesAndCached()
    {
        DamImageRenderer a;
        DamImageRenderer b;
        const QByteArray first = a.rendition(5, asset(2400, 1600), 256).bytes;
        QCOMPARE(b.rendition(5, asset(2400, 1600), 256).bytes, first);
        QCOMPARE(a.cachedCount(), 1);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(a.rendition(5, asset(2400, 1600), 256).bytes, first);
        QVERIFY(timer.elapsed() < 5);
        DamAsset newVersion = asset(2400, 1600);
        newVersion.versionCount = 2;
        QVERIFY(a.rendition(5, newVersion, 256).bytes != first);
        QVERIFY(a.rendition(6, asset(2400, 1600), 256).bytes != first);
    }

    void cacheIsBounded()
    {
        DamImageRenderer renderer(64 * 1024);
        for (int i = 0; i < 40; ++i) {
            DamAsset a = asset(1600, 1200);
            a.index = i;
            renderer.rendition(1, a, 256);
        }
        QVERIFY(renderer.cachedCount() < 40);
    }

    void asynchronousRenderingMatchesAndCaches()
    {
        DamImageRenderer renderer;
        QObject context;
        const DamAsset a = asset(2400, 1600);
        std::optional<DamRendition> result;
        renderer.renditionAsync(5, a, 256, &context, [&result](DamRendition r) { result = std::move(r); });
        QVERIFY(!result); // drawn on a worker; delivered through the event loop
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->bytes, DamImageRenderer::render(5, a, 256).bytes);
        // Now cached: answered at once.
        bool immediate = false;
        renderer.renditionAsync(5, a, 256, &context, [&immediate](DamRendition) { immediate = true; });
        QVERIFY(immediate);
        // A context that is gone gets no call.
        bool called = false;
        {
            QObject shortLived;
            renderer.renditionAsync(5, asset(3000, 2000), 1600, &shortLived, [&called](DamRendition) { called = true; });
        }
        QTest::qWait(300);
        QVERIFY(!called);
    }

    void videos()
    {
        DamImageRenderer renderer;
        const DamRendition poster = renderer.rendition(1, asset(1920, 1080, DamMediaType::Video), 256);
        QCOMPARE(decode(poster.bytes).size(), QSize(256, 144));
        const DamRendition original = renderer.rendition(1, asset(1920, 1080, DamMediaType::Video), 0);
        QCOMPARE(original.contentType, QByteArrayLiteral("video/mp4"));
        QCOMPARE(original.bytes.mid(4, 4), QByteArrayLiteral("ftyp"));
        QVERIFY(decode(original.bytes).isNull());
    }

    void undecodableFixture()
    {
        DamImageRenderer renderer;
        DamAsset a = asset(2000, 1000);
        a.fixture = DamFixture::UndecodableImage;
        const DamRendition r = renderer.rendition(1, a, 256);
        QCOMPARE(r.contentType, QByteArrayLiteral("image/jpeg"));
        QVERIFY(r.bytes.startsWith("\xff\xd8\xff"));
        QVERIFY(decode(r.bytes).isNull());
    }

    void enormousFixture()
    {
        DamImageRenderer renderer;
        DamAsset a = asset(60000, 60000);
        a.fixture = DamFixture::EnormousImage;
        const DamRendition r = renderer.rendition(1, a, 256);
        QCOMPARE(r.contentType, QByteArrayLiteral("image/png"));
        QVERIFY(r.bytes.size() < 1024 * 1024);
        QBuffer buffer;
        buffer.setData(r.bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "png");
        QCOMPARE(reader.size(), QSize(60000, 60000)); // the header alone says so
        QVERIFY(reader.read().isNull());               // and no bounded reader decodes it
    }
};

QTEST_GUILESS_MAIN(TestDamImageRenderer)
#include "tst_damimagerenderer.moc"
