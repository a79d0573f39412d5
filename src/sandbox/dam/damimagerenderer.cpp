#include "sandbox/dam/damimagerenderer.h"

#include "sandbox/dam/damasset.h"
#include "sandbox/splitmix64.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPointer>
#include <QtEndian>

#include <array>

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

quint32 crc32(const QByteArray& data)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xffffffffu;
    for (const char byte : data)
        c = table[(c ^ quint8(byte)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

QByteArray be32(quint32 v)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian(v, out.data());
    return out;
}

QByteArray pngChunk(const char* type, const QByteArray& data)
{
    const QByteArray typed = QByteArray(type, 4) + data;
    return be32(quint32(data.size())) + typed + be32(crc32(typed));
}

QByteArray box(const char* type, const QByteArray& payload)
{
    return be32(quint32(payload.size() + 8)) + QByteArray(type, 4) + payload;
}

QColor colorFrom(SplitMix64& random)
{
    return QColor::fromHsv(int(random.nextBelow(360)), 90 + int(random.nextBelow(140)),
                           80 + int(random.nextBelow(170)));
}

} // namespace

DamImageRenderer::DamImageRenderer(qint64 cacheBytes)
    : m_cache(cacheBytes)
{
    // Two cores are the norm where the sandbox runs: drawing must not starve the server.
    m_workers.setMaxThreadCount(2);
}

QSize DamImageRenderer::fitted(QSize size, int longEdge)
{
    if (longEdge <= 0 || size.isEmpty())
        return size;
    const int edge = std::max(size.width(), size.height());
    if (edge <= longEdge)
        return size;
    return QSize(std::max(1, int(qint64(size.width()) * longEdge / edge)),
                 std::max(1, int(qint64(size.height()) * longEdge / edge)));
}

QByteArray DamImageRenderer::picture(quint64 seed, QSize size, const char* format)
{
    SplitMix64 random(seed);
    QImage image(size, QImage::Format_RGB32);
    const double w = size.width();
    const double h = size.height();
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        QLinearGradient gradient(0, 0, w * random.nextUnit(), h);
        gradient.setColorAt(0, colorFrom(random));
        gradient.setColorAt(1, colorFrom(random));
        painter.fillRect(image.rect(), gradient);
        painter.setPen(Qt::NoPen);
        const int shapes = 3 + int(random.nextBelow(4));
        for (int i = 0; i < shapes; ++i) {
            QColor c = colorFrom(random);
            c.setAlpha(150 + int(random.nextBelow(100)));
            painter.setBrush(c);
            // Positions and sizes relative to the picture: every size of a rendition shows the
            // same picture.
            const QRectF r(w * random.nextUnit() * 0.8, h * random.nextUnit() * 0.8,
                           w * (0.1 + random.nextUnit() * 0.4), h * (0.1 + random.nextUnit() * 0.4));
            if (random.nextBelow(2) == 0)
                painter.drawEllipse(r);
            else
                painter.drawRect(r);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(82);
    writer.write(image);
    return bytes;
}

QByteArray DamImageRenderer::undecodable(quint64 seed)
{
    // A JPEG start-of-image marker and APP0 header, then noise: a decoder commits to JPEG and
    // fails, which is harder on a client than bytes it can reject by their magic.
    QByteArray bytes = QByteArrayLiteral("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00");
    SplitMix64 random(seed);
    for (int i = 0; i < 2048; ++i) {
        char c = char(random.next());
        bytes += c == char(0xff) ? char(0x00) : c; // no marker the decoder could resynchronize on
    }
    return bytes;
}

QByteArray DamImageRenderer::enormousPng(int width, int height)
{
    QByteArray header;
    header += be32(quint32(width));
    header += be32(quint32(height));
    header += QByteArrayLiteral("\x08\x02\x00\x00\x00"); // 8-bit RGB, deflate, no interlace
    // A valid zlib stream holding only the first two (black) rows: the header promises far more
    // pixels than the file holds, and decoding it fully would need width*height*4 bytes.
    const QByteArray rows(2 * (qint64(width) * 3 + 1), '\0');
    const QByteArray zlib = qCompress(rows, 9).mid(4); // qCompress prefixes a 4-byte length
    return QByteArrayLiteral("\x89PNG\r\n\x1a\n") + pngChunk("IHDR", header) + pngChunk("IDAT", zlib) +
           pngChunk("IEND", {});
}

QByteArray DamImageRenderer::videoFile(quint64 seed)
{
    QByteArray payload(64 * 1024, Qt::Uninitialized);
    SplitMix64 random(seed);
    for (char& c : payload)
        c = char(random.next());
    return box("ftyp", QByteArrayLiteral("isom\x00\x00\x02\x00isomiso2avc1mp41")) + box("free", {}) +
           box("mdat", payload);
}

quint64 DamImageRenderer::seedFor(quint64 key, const DamAsset& asset)
{
    return SplitMix64::derive(key ^ (quint64(asset.index) * 0x9e3779b97f4a7c15ULL),
                              QStringLiteral("picture/%1").arg(asset.versionCount));
}

QString DamImageRenderer::cacheKey(quint64 key, const DamAsset& asset, QSize size)
{
    return QStringLiteral("%1/%2/%3/%4x%5")
        .arg(key)
        .arg(asset.index)
        .arg(asset.versionCount)
        .arg(size.width())
        .arg(size.height());
}

DamRendition DamImageRenderer::render(quint64 key, const DamAsset& asset, int longEdge)
{
    const quint64 seed = seedFor(key, asset);
    const QSize full(std::max(1, asset.width), std::max(1, asset.height));
    if (asset.fixture == DamFixture::UndecodableImage)
        return {undecodable(seed), QByteArrayLiteral("image/jpeg"), fitted(full, longEdge)};
    if (asset.fixture == DamFixture::EnormousImage)
        return {enormousPng(asset.width, asset.height), QByteArrayLiteral("image/png"), full};
    if (asset.mediaType == DamMediaType::Video && longEdge <= 0)
        return {videoFile(seed), QByteArrayLiteral("video/mp4"), full};
    const QSize size = fitted(full, longEdge);
    return {picture(seed, size, "jpeg"), QByteArrayLiteral("image/jpeg"), size};
}

std::optional<DamRendition> DamImageRenderer::cached(quint64 key, const DamAsset& asset, int longEdge)
{
    if (longEdge <= 0 || asset.fixture != DamFixture::None)
        return std::nullopt;
    const QSize size = fitted(QSize(std::max(1, asset.width), std::max(1, asset.height)), longEdge);
    if (const QByteArray* bytes = m_cache.object(cacheKey(key, asset, size)))
        return DamRendition{*bytes, QByteArrayLiteral("image/jpeg"), size};
    return std::nullopt;
}

void DamImageRenderer::store(quint64 key, const DamAsset& asset, int longEdge, const DamRendition& rendition)
{
    if (longEdge <= 0 || asset.fixture != DamFixture::None || rendition.bytes.size() > m_cache.maxCost())
        return;
    m_cache.insert(cacheKey(key, asset, rendition.size), new QByteArray(rendition.bytes),
                   qsizetype(rendition.bytes.size()));
}

DamRendition DamImageRenderer::rendition(quint64 key, const DamAsset& asset, int longEdge)
{
    if (auto hit = cached(key, asset, longEdge))
        return *hit;
    DamRendition r = render(key, asset, longEdge);
    store(key, asset, longEdge, r);
    return r;
}

void DamImageRenderer::renditionAsync(quint64 key, const DamAsset& asset, int longEdge, QObject* context,
                                      std::function<void(DamRendition)> done)
{
    if (auto hit = cached(key, asset, longEdge)) {
        done(std::move(*hit));
        return;
    }
    QPointer<QObject> guard(context);
    m_workers.start([this, key, asset, longEdge, guard, done = std::move(done)]() mutable {
        DamRendition r = render(key, asset, longEdge);
        // Posted to the context: if it is destroyed first, the call is dropped with it; it owns
        // this renderer, whose destructor waits for this task, so `this` is alive here.
        QMetaObject::invokeMethod(
            guard.data(),
            [this, key, asset, longEdge, r = std::move(r), done = std::move(done)]() mutable {
                store(key, asset, longEdge, r);
                done(std::move(r));
            },
            Qt::QueuedConnection);
    });
}

} // namespace AssetDesk::Sandbox
