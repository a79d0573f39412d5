#include "media/gifcheck.h"

#include "core/xmedialimits.h"

#include <QFile>
#include <QImageReader>

namespace AssetDesk {

QString GifCheck::Verdict::summary() const
{
    if (ok()) {
        return GifCheck::tr("Fits X's GIF limits: %1 × %2, %3 frames, %4 KB.")
            .arg(size.width())
            .arg(size.height())
            .arg(frames)
            .arg((bytes + 1023) / 1024);
    }
    return GifCheck::tr("X will not take this GIF: %1.").arg(problems.join(QStringLiteral("; ")));
}

GifCheck::Verdict GifCheck::judge(qint64 bytes, QSize size, int frames)
{
    Verdict v;
    v.bytes = bytes;
    v.size = size;
    v.frames = frames;
    v.totalPixels = qint64(size.width()) * size.height() * frames;
    if (bytes > XMediaLimits::kMaxGifBytes) {
        v.problems << GifCheck::tr("%1 MB is over X's %2 MB for a GIF")
                          .arg(double(bytes) / XMediaLimits::kMiB, 0, 'f', 1)
                          .arg(XMediaLimits::kMaxGifBytes / XMediaLimits::kMiB);
    }
    if (size.width() > XMediaLimits::kMaxGifWidth || size.height() > XMediaLimits::kMaxGifHeight) {
        v.problems << GifCheck::tr("%1 × %2 is larger than X's %3 × %4")
                          .arg(size.width())
                          .arg(size.height())
                          .arg(XMediaLimits::kMaxGifWidth)
                          .arg(XMediaLimits::kMaxGifHeight);
    }
    if (frames > XMediaLimits::kMaxGifFrames)
        v.problems
            << GifCheck::tr("%1 frames are more than X's %2").arg(frames).arg(XMediaLimits::kMaxGifFrames);
    if (v.totalPixels > XMediaLimits::kMaxGifPixels) {
        v.problems << GifCheck::tr("%1 M pixels over all frames are more than X's %2 M")
                          .arg(v.totalPixels / 1'000'000)
                          .arg(XMediaLimits::kMaxGifPixels / 1'000'000);
    }
    return v;
}

Result<GifCheck::Verdict> GifCheck::inspect(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorKind::Io, GifCheck::tr("The GIF could not be read."),
                     QStringLiteral("%1: %2").arg(path, file.errorString()))
            .withOrigin(QStringLiteral("media"));
    }
    QImageReader reader(&file, QByteArrayLiteral("gif"));
    const QSize size = reader.size();
    if (!reader.canRead() || !size.isValid()) {
        return Error(ErrorKind::Parse, GifCheck::tr("The file is not a GIF AssetDesk can read."),
                     QStringLiteral("%1: %2").arg(path, reader.errorString()))
            .withOrigin(QStringLiteral("media"));
    }
    int frames = reader.imageCount();
    if (frames <= 0)
        frames = 1; // a still GIF reports 0 on some Qt versions
    return judge(file.size(), size, frames);
}

} // namespace AssetDesk
