#include "connectors/x/xmediavalidator.h"

#include <QCoreApplication>
#include <QLocale>

namespace AssetDesk {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::XMediaValidator)
};

QString size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString seconds(qint64 ms)
{
    return QLocale().toString(double(ms) / 1000.0, 'f', 1);
}

Error invalid(const QString& message, const QString& detail = {})
{
    return Error(ErrorKind::Validation, message, detail).withOrigin(QStringLiteral("X"));
}

// X's H.264 sample entries; HEVC ("hvc1", "hev1"), AV1 or ProRes files must be re-encoded.
bool isH264(const QByteArray& codec)
{
    return codec == "avc1" || codec == "avc3";
}
} // namespace

QStringList XMediaValidator::imageProblems(const XMediaFacts& f)
{
    QStringList p;
    if (f.bytes > Limits::kMaxImageBytes)
        p << Tr::tr("it is %1, X accepts images up to %2").arg(size(f.bytes), size(Limits::kMaxImageBytes));
    return p;
}

QStringList XMediaValidator::gifProblems(const XMediaFacts& f)
{
    QStringList p;
    if (f.bytes > Limits::kMaxGifBytes)
        p << Tr::tr("it is %1, X accepts animated GIFs up to %2").arg(size(f.bytes), size(Limits::kMaxGifBytes));
    if (f.width > Limits::kMaxGifWidth || f.height > Limits::kMaxGifHeight) {
        p << Tr::tr("it is %1×%2 pixels, X accepts animated GIFs up to %3×%4")
                 .arg(f.width).arg(f.height).arg(Limits::kMaxGifWidth).arg(Limits::kMaxGifHeight);
    }
    if (f.frames > Limits::kMaxGifFrames)
        p << Tr::tr("it has %1 frames, X accepts up to %2").arg(f.frames).arg(Limits::kMaxGifFrames);
    const qint64 pixels = qint64(f.width) * f.height * f.frames;
    if (pixels > Limits::kMaxGifPixels) {
        p << Tr::tr("its frames hold %1 million pixels in all, X accepts up to %2 million")
                 .arg(pixels / 1'000'000).arg(Limits::kMaxGifPixels / 1'000'000);
    }
    return p;
}

QStringList XMediaValidator::videoProblems(const XMediaFacts& f)
{
    QStringList p;
    if (f.bytes > Limits::kMaxVideoBytes)
        p << Tr::tr("it is %1, X accepts videos up to %2").arg(size(f.bytes), size(Limits::kMaxVideoBytes));
    if (f.videoCodec.isEmpty()) {
        p << Tr::tr("it has no video track");
        return p;
    }
    if (!isH264(f.videoCodec)) {
        p << Tr::tr("its video is encoded as “%1”, X accepts H.264 only (re-encode it)")
                 .arg(QString::fromLatin1(f.videoCodec));
    }
    if (f.durationMs && (*f.durationMs < Limits::kMinVideoMs || *f.durationMs > Limits::kMaxVideoMs)) {
        p << Tr::tr("it lasts %1 s, X accepts %2 to %3 s")
                 .arg(seconds(*f.durationMs), seconds(Limits::kMinVideoMs), seconds(Limits::kMaxVideoMs));
    }
    if (f.width > 0 && f.height > 0) {
        if (f.width < Limits::kMinVideoSide || f.height < Limits::kMinVideoSide || f.width > Limits::kMaxVideoWidth ||
            f.height > Limits::kMaxVideoHeight) {
            p << Tr::tr("it is %1×%2 pixels, X accepts %3×%3 to %4×%5")
                     .arg(f.width).arg(f.height).arg(Limits::kMinVideoSide).arg(Limits::kMaxVideoWidth)
                     .arg(Limits::kMaxVideoHeight);
        }
        const double aspect = double(f.width) / f.height;
        if (aspect > Limits::kMaxAspect || aspect < 1.0 / Limits::kMaxAspect)
            p << Tr::tr("its aspect ratio is %1:1, X accepts 1:3 to 3:1").arg(QLocale().toString(aspect, 'f', 2));
    }
    // The average comes from whole frames over the track's duration: allow for rounding.
    if (f.frameRate && *f.frameRate > Limits::kMaxFrameRate * 1.01) {
        p << Tr::tr("it runs at %1 frames per second, X accepts up to %2")
                 .arg(QLocale().toString(*f.frameRate, 'f', 1)).arg(Limits::kMaxFrameRate);
    }
    return p;
}

Result<XMediaPlan> XMediaValidator::validate(const XMediaFacts& f)
{
    const QString name = f.fileName.isEmpty() ? Tr::tr("The file") : f.fileName;
    if (f.bytes <= 0)
        return invalid(Tr::tr("%1 is empty.").arg(name));
    XMediaPlan plan;
    plan.bytes = f.bytes;
    QStringList problems;
    if (f.format == "jpeg" || f.format == "png" || f.format == "webp" || (f.format == "gif" && f.frames <= 1)) {
        // A still GIF is an image to X: tweet_image and the image size limit.
        plan.kind = XMediaPlan::Kind::Image;
        plan.category = QStringLiteral("tweet_image");
        plan.mimeType = QStringLiteral("image/") + QString::fromLatin1(f.format);
        problems = imageProblems(f);
    } else if (f.format == "gif") {
        plan.kind = XMediaPlan::Kind::AnimatedGif;
        plan.category = QStringLiteral("tweet_gif");
        plan.mimeType = QStringLiteral("image/gif");
        problems = gifProblems(f);
    } else if (f.isVideoContainer()) {
        plan.kind = XMediaPlan::Kind::Video;
        plan.category = QStringLiteral("tweet_video");
        plan.mimeType = f.format == "mov" ? QStringLiteral("video/quicktime") : QStringLiteral("video/mp4");
        problems = videoProblems(f);
    } else {
        return invalid(Tr::tr("%1 cannot be posted on X: X accepts JPEG, PNG, GIF and WebP images and MP4 or MOV videos.")
                           .arg(name),
                       QStringLiteral("format '%1'").arg(QString::fromLatin1(f.format)));
    }
    if (!problems.isEmpty())
        return invalid(Tr::tr("%1 cannot be posted on X: %2.").arg(name, problems.join(QStringLiteral("; "))));
    return plan;
}

Status XMediaValidator::validateAttachments(const QList<XMediaPlan>& plans)
{
    int images = 0;
    int others = 0;
    for (const XMediaPlan& p : plans)
        (p.kind == XMediaPlan::Kind::Image ? images : others) += 1;
    if (others > 0 && plans.size() > 1)
        return invalid(Tr::tr("A post on X can carry one GIF or one video, alone; remove the other attachments."));
    if (images > Limits::kMaxPhotosPerPost)
        return invalid(Tr::tr("A post on X can carry up to %1 images; this one has %2.").arg(Limits::kMaxPhotosPerPost).arg(images));
    return {};
}

Status XMediaValidator::validateAltText(const QString& altText)
{
    const qsizetype chars = altText.toUcs4().size();
    if (chars > Limits::kMaxAltTextChars) {
        return invalid(Tr::tr("The image description has %1 characters; X accepts up to %2.")
                           .arg(chars).arg(Limits::kMaxAltTextChars));
    }
    return {};
}

} // namespace AssetDesk
