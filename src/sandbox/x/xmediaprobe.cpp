#include "sandbox/x/xmediaprobe.h"

#include <QBuffer>
#include <QImageReader>
#include <QtEndian>

namespace AssetDesk::Sandbox {

namespace {

quint32 be32(const QByteArray& b, qint64 at)
{
    return qFromBigEndian<quint32>(reinterpret_cast<const uchar*>(b.constData() + at));
}

quint64 be64(const QByteArray& b, qint64 at)
{
    return qFromBigEndian<quint64>(reinterpret_cast<const uchar*>(b.constData() + at));
}

} // namespace

XMediaProbe::Result XMediaProbe::image(const QByteArray& bytes)
{
    Result r;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    if (!reader.canRead() || !size.isValid()) {
        r.failure = QStringLiteral("Image file is in an unrecognized format.");
        return r;
    }
    r.decodable = true;
    r.width = size.width();
    r.height = size.height();
    r.frames = 1;
    return r;
}

XMediaProbe::Result XMediaProbe::gif(const QByteArray& bytes)
{
    Result r;
    if (!bytes.startsWith("GIF87a") && !bytes.startsWith("GIF89a")) {
        r.failure = QStringLiteral("Invalid or Unsupported media, Reason: UnsupportedMedia.");
        return r;
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "gif");
    const QSize size = reader.size();
    if (!size.isValid()) {
        r.failure = QStringLiteral("Invalid or Unsupported media, Reason: UnsupportedMedia.");
        return r;
    }
    r.decodable = true;
    r.width = size.width();
    r.height = size.height();
    r.frames = std::max(1, reader.imageCount());
    // x.md §5c: <= 1280x1080, <= 350 frames, <= 300 M pixels in all frames.
    if (r.width > 1280 || r.height > 1080)
        r.failure = QStringLiteral("Invalid or Unsupported media, Reason: GIF dimensions exceed 1280x1080.");
    else if (r.frames > 350)
        r.failure = QStringLiteral("Invalid or Unsupported media, Reason: GIF has more than 350 frames.");
    else if (qint64(r.width) * r.height * r.frames > 300'000'000)
        r.failure = QStringLiteral("Invalid or Unsupported media, Reason: GIF exceeds 300 million pixels.");
    return r;
}

bool XMediaProbe::readMp4(const QByteArray& bytes, qint64 begin, qint64 end, Result& out, int depth)
{
    qint64 at = begin;
    while (at + 8 <= end) {
        qint64 size = be32(bytes, at);
        const QByteArray type = bytes.mid(at + 4, 4);
        qint64 header = 8;
        if (size == 1 && at + 16 <= end) {
            size = qint64(be64(bytes, at + 8));
            header = 16;
        } else if (size == 0) {
            size = end - at;
        }
        if (size < header || at + size > end)
            return false;
        const qint64 body = at + header;
        if ((type == "moov" || type == "trak") && depth < 4) {
            if (!readMp4(bytes, body, at + size, out, depth + 1))
                return false;
        } else if (type == "mvhd" && size >= header + 32) {
            const bool v1 = bytes.at(body) == 1;
            const quint32 timescale = be32(bytes, body + (v1 ? 20 : 12));
            const quint64 duration = v1 ? be64(bytes, body + 24) : be32(bytes, body + 16);
            if (timescale > 0)
                out.durationMs = qint64(duration * 1000 / timescale);
        } else if (type == "tkhd" && size >= header + 84 && out.width == 0) {
            const bool v1 = bytes.at(body) == 1;
            const qint64 dims = body + (v1 ? 88 : 76);
            if (dims + 8 <= at + size) {
                out.width = int(be32(bytes, dims) >> 16); // 16.16 fixed point
                out.height = int(be32(bytes, dims + 4) >> 16);
            }
        }
        at += size;
    }
    return true;
}

XMediaProbe::Result XMediaProbe::video(const QByteArray& bytes)
{
    Result r;
    r.failure = QStringLiteral("Invalid or Unsupported media, Reason: UnsupportedMedia.");
    if (bytes.size() < 16 || bytes.mid(4, 4) != "ftyp" || !readMp4(bytes, 0, bytes.size(), r, 0) ||
        r.durationMs <= 0)
        return r;
    r.decodable = true;
    r.failure.clear();
    // x.md §5c: 0.5-140 s, 32x32 to 1280x1024, aspect 1:3 to 3:1.
    if (r.durationMs < 500 || r.durationMs > 140'000)
        r.failure = QStringLiteral("Invalid or Unsupported media, Reason: Duration must be between 0.5 and 140 seconds.");
    else if (r.width > 0 && (r.width < 32 || r.height < 32 || r.width > 1280 || r.height > 1024))
        r.failure = QStringLiteral("Invalid or Unsupported media, Reason: Dimensions must be between 32x32 and 1280x1024.");
    else if (r.width > 0 && (r.width > 3 * r.height || r.height > 3 * r.width))
        r.failure = QStringLiteral("Invalid or Unsupported media, Reason: Aspect ratio must be between 1:3 and 3:1.");
    return r;
}

} // namespace AssetDesk::Sandbox
