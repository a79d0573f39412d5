#include "media/imagepreflight.h"

#include <QImageReader>

namespace AssetDesk {

Error mediaError(ErrorKind kind, const QString& message, const QString& detail)
{
    return Error(kind, message, detail).withOrigin(QStringLiteral("media"));
}

bool swapsAxes(QImageIOHandler::Transformations transformations)
{
    return transformations.testFlag(QImageIOHandler::TransformationRotate90);
}

Result<QSize> ImagePreflight::declaredSize(QImageReader& reader, const ThumbnailLimits& limits,
                                           const QString& what, Purpose purpose)
{
    const bool thumbnail = purpose == Purpose::Thumbnail;
    reader.setAutoTransform(true);
    reader.setDecideFormatFromContent(true);
    if (!reader.canRead()) {
        return mediaError(ErrorKind::Parse,
                          thumbnail ? tr("The file is not an image AssetDesk can read.")
                                    : tr("The source is not an image AssetDesk can read."),
                          QStringLiteral("%1: %2").arg(what, reader.errorString()));
    }
    const QSize declared = reader.size();
    if (!declared.isValid() || declared.isEmpty()) {
        // Without a declared size nothing can be checked before decoding: refuse rather than hope.
        return mediaError(ErrorKind::Parse,
                          thumbnail ? tr("The image does not say how large it is.")
                                    : tr("The source image does not say how large it is."),
                          QStringLiteral("%1 (%2)").arg(what, QString::fromLatin1(reader.format())));
    }
    const qint64 pixels = qint64(declared.width()) * qint64(declared.height());
    if (declared.width() > limits.maxSide || declared.height() > limits.maxSide ||
        pixels > limits.maxPixels) {
        const QString message = thumbnail
                                    ? tr("The image is %1 × %2 pixels, too large to make a thumbnail of.")
                                    : tr("The image is %1 × %2 pixels, too large to make a derivative of.");
        return mediaError(ErrorKind::TooLarge, message.arg(declared.width()).arg(declared.height()),
                          QStringLiteral("%1: limits %2 px a side, %3 px in all")
                              .arg(what)
                              .arg(limits.maxSide)
                              .arg(limits.maxPixels));
    }
    return declared;
}

} // namespace AssetDesk
