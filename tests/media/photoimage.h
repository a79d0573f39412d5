#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QRadialGradient>
#include <QtEndian>

// Photograph-like test content for the derivative tests and bench_derivative: smooth gradients,
// hard-edged shapes and per-pixel sensor-like noise, so a JPEG of it costs what a photo costs to
// decode and encode (a flat colour would compress to nothing and decode unrealistically fast).
namespace PhotoImage {

inline QImage photo(int width, int height, quint32 seed = 1)
{
    QImage image(width, height, QImage::Format_RGB32);
    {
        QPainter p(&image);
        QLinearGradient sky(0, 0, 0, height);
        sky.setColorAt(0, QColor(70, 120, 200));
        sky.setColorAt(0.55, QColor(210, 190, 160));
        sky.setColorAt(1, QColor(60, 90, 40));
        p.fillRect(image.rect(), sky);
        p.setRenderHint(QPainter::Antialiasing);
        quint32 s = seed;
        auto next = [&s] {
            s = s * 1664525u + 1013904223u;
            return s >> 8;
        };
        for (int i = 0; i < 60; ++i) {
            const int r = int(next() % quint32(std::max(8, width / 8))) + 4;
            const QPointF c(next() % quint32(width), next() % quint32(height));
            QRadialGradient g(c, r);
            g.setColorAt(0, QColor::fromHsv(int(next() % 360), 160, 230));
            g.setColorAt(1, QColor::fromHsv(int(next() % 360), 200, 90));
            p.setBrush(g);
            p.setPen(QPen(QColor(20, 20, 20), std::max(1, width / 1000)));
            p.drawEllipse(c, r, r * 0.7);
        }
    }
    // Noise: a cheap hash per pixel, ±12 levels per channel.
    for (int y = 0; y < height; ++y) {
        QRgb* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            quint32 h = quint32(x) * 73856093u ^ quint32(y) * 19349663u ^ seed * 83492791u;
            h ^= h >> 13;
            h *= 0x5bd1e995u;
            h ^= h >> 15;
            const int n = int(h % 25) - 12;
            const QRgb c = line[x];
            line[x] = qRgb(qBound(0, qRed(c) + n, 255), qBound(0, qGreen(c) + n, 255), qBound(0, qBlue(c) + n, 255));
        }
    }
    return image;
}

inline QByteArray jpeg(const QImage& image, int quality = 92)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.write(image);
    return bytes;
}

// `jpeg` with an EXIF APP1 segment carrying only an Orientation tag (1..8) inserted after SOI.
inline QByteArray withExifOrientation(const QByteArray& jpeg, quint16 orientation)
{
    QByteArray tiff = QByteArray::fromHex("4d4d002a00000008"); // big-endian TIFF header, IFD at 8
    tiff += QByteArray::fromHex("0001");                       // one entry
    tiff += QByteArray::fromHex("011200030000000100");         // Orientation, SHORT, count 1
    tiff.append(char(orientation)).append(QByteArray(2, 0));   // value (left-justified) + pad
    tiff += QByteArray(4, 0);                                  // no next IFD
    QByteArray app1 = QByteArray("Exif", 4) + QByteArray(2, 0) + tiff;
    QByteArray length(2, 0);
    qToBigEndian(quint16(app1.size() + 2), length.data());
    return jpeg.left(2) + QByteArray::fromHex("ffe1") + length + app1 + jpeg.mid(2);
}

} // namespace PhotoImage
