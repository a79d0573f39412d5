#include "media/thumbnaildecoder.h"

#include "media/imagepreflight.h"
#include "media/medialog.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageIOHandler>
#include <QImageReader>
#include <QImageWriter>

namespace AssetDesk {

QSize ThumbnailDecoder::fittedSize(QSize source, QSize box)
{
    if (source.isEmpty() || box.isEmpty())
        return {};
    if (source.width() <= box.width() && source.height() <= box.height())
        return source;
    QSize fitted = source.scaled(box, Qt::KeepAspectRatio);
    return fitted.expandedTo(QSize(1, 1));
}

Result<QImage> ThumbnailDecoder::decode(const QByteArray& bytes, QSize box, const ThumbnailLimits& limits)
{
    if (bytes.isEmpty())
        return mediaError(ErrorKind::Parse, ThumbnailDecoder::tr("The image is empty."));
    if (bytes.size() > limits.maxInputBytes) {
        return mediaError(ErrorKind::TooLarge,
                          ThumbnailDecoder::tr("The image file is too large to make a thumbnail of."),
                          QStringLiteral("%1 bytes").arg(bytes.size()));
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    return read(reader, box, limits, QStringLiteral("image data"));
}

Result<QImage> ThumbnailDecoder::decodeFile(const QString& path, QSize box, const ThumbnailLimits& limits)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return mediaError(ErrorKind::NotFound, ThumbnailDecoder::tr("The image file is missing."), path);
    if (info.size() > limits.maxInputBytes) {
        return mediaError(ErrorKind::TooLarge,
                          ThumbnailDecoder::tr("The image file is too large to make a thumbnail of."),
                          QStringLiteral("%1: %2 bytes").arg(path).arg(info.size()));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return mediaError(ErrorKind::Io, ThumbnailDecoder::tr("The image file could not be read."),
                          QStringLiteral("%1: %2").arg(path, file.errorString()));
    QImageReader reader(&file);
    return read(reader, box, limits, path);
}

Result<QImage> ThumbnailDecoder::read(QImageReader& reader, QSize box, const ThumbnailLimits& limits, const QString& what)
{
    if (box.isEmpty())
        return mediaError(ErrorKind::Validation, ThumbnailDecoder::tr("A thumbnail needs a size."));
    const Result<QSize> checked =
        ImagePreflight::declaredSize(reader, limits, what, ImagePreflight::Purpose::Thumbnail);
    if (!checked)
        return checked.error();
    const QSize declared = *checked;

    // The box is for the image as shown; a 90° EXIF rotation shows the stored image sideways.
    const QSize storedBox = swapsAxes(reader.transformation()) ? box.transposed() : box;
    const QSize target = fittedSize(declared, storedBox);
    const bool scalesWhileDecoding = reader.supportsOption(QImageIOHandler::ScaledSize);
    const QSize allocated = scalesWhileDecoding ? target : declared;
    const qint64 allocation = qint64(allocated.width()) * qint64(allocated.height()) * 4;
    if (allocation > limits.maxAllocationBytes) {
        return mediaError(ErrorKind::TooLarge,
                          ThumbnailDecoder::tr("Decoding the image would need %1 MB of memory.")
                              .arg((allocation + (1 << 20) - 1) >> 20),
                          QStringLiteral("%1: limit %2 MB").arg(what).arg(limits.maxAllocationBytes >> 20));
    }
    if (target != declared)
        reader.setScaledSize(target);

    QImage image;
    if (!reader.read(&image) || image.isNull()) {
        return mediaError(ErrorKind::Parse, ThumbnailDecoder::tr("The image could not be decoded."),
                          QStringLiteral("%1: %2").arg(what, reader.errorString()));
    }
    // Handlers that ignore the scaled size option (or round it) still must not hand back more.
    const QSize fitted = fittedSize(image.size(), box);
    if (fitted != image.size())
        image = image.scaled(fitted, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage::Format format =
        image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32;
    if (image.format() != format)
        image.convertTo(format);
    return image;
}

Result<QByteArray> ThumbnailDecoder::encode(const QImage& image)
{
    if (image.isNull())
        return mediaError(ErrorKind::Validation, ThumbnailDecoder::tr("There is no image to encode."));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const bool alpha = image.hasAlphaChannel();
    QImageWriter writer(&buffer, alpha ? QByteArrayLiteral("png") : QByteArrayLiteral("jpeg"));
    if (!alpha)
        writer.setQuality(85);
    if (!writer.write(image)) {
        return mediaError(ErrorKind::Internal, ThumbnailDecoder::tr("The thumbnail could not be encoded."),
                          writer.errorString());
    }
    return bytes;
}

Result<QByteArray> ThumbnailDecoder::makeThumbnail(const QByteArray& bytes, QSize box, const ThumbnailLimits& limits)
{
    const Result<QImage> image = decode(bytes, box, limits);
    if (!image)
        return image.error();
    return encode(*image);
}

} // namespace AssetDesk
