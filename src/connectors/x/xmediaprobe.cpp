#include "connectors/x/xmediaprobe.h"

#include "connectors/x/xmp4reader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QtEndian>

namespace AssetDesk {

namespace {
quint32 le32(const QByteArray& b, int at)
{
    return at + 4 <= b.size() ? qFromLittleEndian<quint32>(b.constData() + at) : 0;
}
quint32 le24(const QByteArray& b, int at)
{
    if (at + 3 > b.size())
        return 0;
    return quint32(quint8(b.at(at))) | quint32(quint8(b.at(at + 1))) << 8 | quint32(quint8(b.at(at + 2))) << 16;
}
quint16 le16(const QByteArray& b, int at)
{
    return at + 2 <= b.size() ? qFromLittleEndian<quint16>(b.constData() + at) : 0;
}
} // namespace

bool XMediaProbe::readWebp(QIODevice& device, XMediaFacts& facts)
{
    // RIFF "WEBP" then one of: VP8 (lossy), VP8L (lossless), VP8X (extended, maybe animated).
    device.seek(0);
    const QByteArray h = device.read(30);
    const QByteArray chunk = h.mid(12, 4);
    if (chunk == "VP8 " && h.mid(23, 3) == QByteArray("\x9d\x01\x2a", 3)) {
        facts.width = le16(h, 26) & 0x3fff;
        facts.height = le16(h, 28) & 0x3fff;
    } else if (chunk == "VP8L" && quint8(h.at(20)) == 0x2f) {
        const quint32 bits = le32(h, 21);
        facts.width = int(bits & 0x3fff) + 1;
        facts.height = int((bits >> 14) & 0x3fff) + 1;
    } else if (chunk == "VP8X") {
        facts.width = int(le24(h, 24)) + 1;
        facts.height = int(le24(h, 27)) + 1;
        if (quint8(h.at(20)) & 0x02) {
            // Animated: count the ANMF frame chunks (RIFF chunks are padded to even sizes).
            int frames = 0;
            qint64 pos = 12;
            while (pos + 8 <= device.size() && device.seek(pos)) {
                const QByteArray ch = device.read(8);
                if (ch.size() < 8)
                    break;
                frames += ch.left(4) == "ANMF";
                pos += 8 + ((qint64(le32(ch, 4)) + 1) & ~qint64(1));
            }
            facts.frames = qMax(frames, 2);
        }
    } else {
        return false;
    }
    return true;
}

Result<XMediaFacts> XMediaProbe::probe(QIODevice& device, const QString& fileName)
{
    XMediaFacts facts;
    facts.fileName = fileName;
    facts.bytes = device.size();
    device.seek(0);
    const QByteArray head = device.peek(32);
    if (XMp4Reader::sniff(head)) {
        const Result<XMp4Reader::Info> info = XMp4Reader::read(device);
        if (!info)
            return info.error();
        facts.format = info->quickTime ? "mov" : "mp4";
        facts.width = info->width;
        facts.height = info->height;
        facts.durationMs = info->durationMs;
        facts.frameRate = info->frameRate;
        facts.videoCodec = info->hasVideoTrack ? info->videoCodec : QByteArray();
        facts.frames = 0;
        return facts;
    }
    if (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP") {
        if (!readWebp(device, facts)) {
            return Error(ErrorKind::Validation,
                         QCoreApplication::translate("AssetDesk::XMediaProbe", "%1 is a damaged WebP image.").arg(fileName),
                         QStringLiteral("unknown WebP chunk %1").arg(QString::fromLatin1(head.mid(12, 4).toHex())));
        }
        facts.format = "webp";
        return facts;
    }
    QImageReader reader(&device);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    if (format == "jpeg" || format == "png" || format == "gif") {
        const QSize size = reader.size();
        if (!size.isValid()) {
            return Error(ErrorKind::Validation,
                         QCoreApplication::translate("AssetDesk::XMediaProbe", "%1 is a damaged image: its size cannot be read.")
                             .arg(fileName),
                         reader.errorString());
        }
        facts.format = format;
        facts.width = size.width();
        facts.height = size.height();
        // The GIF handler counts the frames by walking the file; other formats are still images.
        facts.frames = format == "gif" ? qMax(1, reader.imageCount()) : 1;
    } else {
        facts.format = format; // another image format X does not take, or empty: the validator says so
    }
    return facts;
}

Result<XMediaFacts> XMediaProbe::probeFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorKind::Io,
                     QCoreApplication::translate("AssetDesk::XMediaProbe", "%1 cannot be read: %2")
                         .arg(QFileInfo(path).fileName(), file.errorString()),
                     path);
    }
    return probe(file, QFileInfo(path).fileName());
}

} // namespace AssetDesk
