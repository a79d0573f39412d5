#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QtEndian>

// Image bytes for the media tests: real encodings made with Qt, and hostile ones built by hand.
namespace TestImages {

inline QImage picture(int width, int height, bool alpha = false)
{
    QImage image(width, height, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    image.fill(alpha ? QColor(0, 0, 0, 0) : QColor(Qt::white));
    QPainter p(&image);
    p.fillRect(0, 0, width / 2, height / 2, QColor(200, 40, 40));
    p.fillRect(width / 2, height / 2, width - width / 2, height - height / 2, QColor(40, 40, 200));
    return image;
}

inline QByteArray encoded(const QImage& image, const char* format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.write(image);
    return bytes;
}

inline quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (char ch : data) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A well-formed PNG signature and IHDR chunk declaring width × height, followed by a tiny IDAT
// and IEND: the kind of file that claims gigapixels in a few dozen bytes.
inline QByteArray pngDeclaring(quint32 width, quint32 height)
{
    auto chunk = [](const char* type, const QByteArray& payload) {
        QByteArray body = QByteArray(type, 4) + payload;
        QByteArray out(4, 0);
        qToBigEndian(quint32(payload.size()), out.data());
        QByteArray crc(4, 0);
        qToBigEndian(crc32(body), crc.data());
        return out + body + crc;
    };
    QByteArray ihdr(13, 0);
    qToBigEndian(width, ihdr.data());
    qToBigEndian(height, ihdr.data() + 4);
    ihdr[8] = 8;  // bit depth
    ihdr[9] = 6;  // RGBA
    QByteArray png = QByteArray::fromHex("89504e470d0a1a0a");
    png += chunk("IHDR", ihdr);
    png += chunk("IDAT", QByteArray::fromHex("789c030000000001"));
    png += chunk("IEND", {});
    return png;
}

// A real small JPEG whose frame header (SOF0) is rewritten to declare width × height.
inline QByteArray jpegDeclaring(quint16 width, quint16 height)
{
    QByteArray jpeg = encoded(picture(16, 16), "jpeg");
    for (qsizetype i = 0; i + 8 < jpeg.size(); ++i) {
        if (quint8(jpeg.at(i)) == 0xFF && (quint8(jpeg.at(i + 1)) == 0xC0 || quint8(jpeg.at(i + 1)) == 0xC2)) {
            qToBigEndian(height, jpeg.data() + i + 5);
            qToBigEndian(width, jpeg.data() + i + 7);
            return jpeg;
        }
    }
    return {};
}

} // namespace TestImages
