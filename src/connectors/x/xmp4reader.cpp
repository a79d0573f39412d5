#include "connectors/x/xmp4reader.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QtEndian>

#include <functional>

namespace AssetDesk {

namespace {

struct Box
{
    QByteArray type;
    qint64 payload = 0; // absolute offset of the content
    qint64 end = 0;     // absolute offset after the box
};

// Only header boxes are read whole; none of them is anywhere near this.
constexpr qint64 kMaxHeaderBox = 4096;

quint32 be32(const QByteArray& b, qint64 at)
{
    return at + 4 <= b.size() ? qFromBigEndian<quint32>(b.constData() + at) : 0;
}
quint64 be64(const QByteArray& b, qint64 at)
{
    return at + 8 <= b.size() ? qFromBigEndian<quint64>(b.constData() + at) : 0;
}

// Visits the boxes in [from, to); false from the visitor stops. Returns false on a damaged box.
bool walk(QIODevice& dev, qint64 from, qint64 to, const std::function<bool(const Box&)>& visit)
{
    qint64 pos = from;
    while (pos + 8 <= to) {
        if (!dev.seek(pos))
            return false;
        const QByteArray head = dev.read(16);
        if (head.size() < 8)
            return false;
        qint64 size = be32(head, 0);
        qint64 header = 8;
        if (size == 1) {
            size = qint64(be64(head, 8));
            header = 16;
        } else if (size == 0) {
            size = to - pos; // to the end of the enclosing range
        }
        if (size < header || pos + size > to)
            return false;
        if (!visit(Box{head.mid(4, 4), pos + header, pos + size}))
            return true;
        pos += size;
    }
    return true;
}

QByteArray content(QIODevice& dev, const Box& box)
{
    if (!dev.seek(box.payload))
        return {};
    return dev.read(qMin(box.end - box.payload, kMaxHeaderBox));
}

struct Track
{
    int width = 0;
    int height = 0;
    QByteArray handler;
    QByteArray codec;
    quint32 timescale = 0;
    quint64 duration = 0;
    quint32 samples = 0;
};

void readTrack(QIODevice& dev, const Box& trak, Track& t, bool& damaged)
{
    const std::function<bool(const Box&)> visit = [&](const Box& b) {
        if (b.type == "mdia" || b.type == "minf" || b.type == "stbl") {
            damaged = !walk(dev, b.payload, b.end, visit) || damaged;
        } else if (b.type == "tkhd") {
            const QByteArray c = content(dev, b);
            const qint64 at = c.isEmpty() || c.at(0) == 0 ? 76 : 88; // version 0 / 1, after the full-box header
            t.width = int(be32(c, at) >> 16); // 16.16 fixed point
            t.height = int(be32(c, at + 4) >> 16);
        } else if (b.type == "mdhd") {
            const QByteArray c = content(dev, b);
            const bool v1 = !c.isEmpty() && c.at(0) == 1;
            t.timescale = be32(c, v1 ? 20 : 12);
            t.duration = v1 ? be64(c, 24) : be32(c, 16);
        } else if (b.type == "hdlr" && t.handler.isEmpty()) {
            // The media handler (mdia) comes first; QuickTime adds a data handler in minf
            // ("alis", "url ") that must not replace it.
            t.handler = content(dev, b).mid(8, 4);
        } else if (b.type == "stsd") {
            t.codec = content(dev, b).mid(12, 4); // full-box header, entry count, first entry's size
        } else if (b.type == "stsz") {
            t.samples = be32(content(dev, b), 8);
        }
        return true;
    };
    damaged = !walk(dev, trak.payload, trak.end, visit) || damaged;
}

Error damagedFile(const QString& detail)
{
    return Error(ErrorKind::Validation,
                 QCoreApplication::translate("AssetDesk::XMp4Reader",
                                             "The video file is damaged or incomplete: its MP4 structure cannot be read."),
                 detail);
}

} // namespace

bool XMp4Reader::sniff(const QByteArray& head)
{
    return head.size() >= 12 && head.mid(4, 4) == "ftyp";
}

Result<XMp4Reader::Info> XMp4Reader::read(QIODevice& dev)
{
    Info info;
    bool sawMovie = false;
    bool damaged = false;
    const bool ok = walk(dev, 0, dev.size(), [&](const Box& top) {
        if (top.type == "ftyp") {
            info.quickTime = content(dev, top).left(4) == "qt  ";
        } else if (top.type == "moov") {
            sawMovie = true;
            damaged = !walk(dev, top.payload, top.end, [&](const Box& b) {
                if (b.type == "mvhd") {
                    const QByteArray c = content(dev, b);
                    const bool v1 = !c.isEmpty() && c.at(0) == 1;
                    const quint32 timescale = be32(c, v1 ? 20 : 12);
                    const quint64 duration = v1 ? be64(c, 24) : be32(c, 16);
                    if (timescale > 0 && duration > 0)
                        info.durationMs = qint64(duration * 1000 / timescale);
                } else if (b.type == "trak") {
                    Track t;
                    readTrack(dev, b, t, damaged);
                    if (t.handler == "vide" && !info.hasVideoTrack) {
                        info.hasVideoTrack = true;
                        info.width = t.width;
                        info.height = t.height;
                        info.videoCodec = t.codec;
                        if (t.timescale > 0 && t.duration > 0 && t.samples > 0)
                            info.frameRate = double(t.samples) * t.timescale / double(t.duration);
                    }
                }
                return true;
            });
        }
        return true;
    });
    if (!sawMovie)
        return damagedFile(ok ? QStringLiteral("no moov box") : QStringLiteral("box structure broken before moov"));
    if (damaged)
        return damagedFile(QStringLiteral("box structure broken inside moov"));
    // A box that runs past the end: the file was cut short (an interrupted copy or download),
    // typically in the media data after a leading moov. X would fail it in processing.
    if (!ok)
        return damagedFile(QStringLiteral("a top-level box runs past the end of the file"));
    return info;
}

} // namespace AssetDesk
