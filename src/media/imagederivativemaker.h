#pragma once

#include "core/derivativespec.h"
#include "core/result.h"
#include "media/thumbnaillimits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

class QImageReader;

namespace AssetDesk {

// One made image derivative, in memory: the encoded bytes and what they are.
struct DerivativeImage
{
    QByteArray bytes;
    QImage image;      // the pixels that were encoded (for a preview)
    QSize size;        // pixels, as displayed
    QByteArray format; // "jpeg" or "png"
    QString mimeType;  // image/jpeg, image/png
    int quality = -1;  // JPEG quality that fitted the budget; -1 for PNG
};

// Makes an image derivative from a DerivativeSpec: decode, crop, resize, encode within a byte
// budget.
//
// Decoding never costs more than the output needs: a JPEG is decoded through QImageReader's scaled
// size at 1/8, 1/4 or 1/2 (libjpeg's DCT scaling), the smallest of those at which the crop still
// covers the output, so a 24 MP photo made into a 1600 px derivative is never decoded at full size.
// The crop is then taken from the decoded image without copying it and smooth-scaled to the output
// (area averaging when shrinking). EXIF orientation is honoured (QImageReader::setAutoTransform):
// the spec's geometry is in displayed pixels. The declared size is checked against ThumbnailLimits
// (side, pixels, decode allocation, input bytes) before a pixel is decoded, as ThumbnailDecoder
// does.
//
// Encoding: JPEG, or PNG when the format is Png or Auto and the result really has transparent
// pixels. A JPEG is written at kMaxQuality if that fits the budget, otherwise at the highest
// quality in [kMinQuality, kMaxQuality) that fits, found by binary search; if even kMinQuality is
// too large (or a PNG is), the image is scaled down and tried again, a few times, then refused.
//
// Threads: stateless and reentrant; pool threads only (decoding a photo takes tens of ms).
class ImageDerivativeMaker
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::ImageDerivativeMaker)

public:
    static constexpr int kMaxQuality = 90;
    static constexpr int kMinQuality = 40;
    static constexpr int kMaxShrinkSteps = 4;

    static Result<DerivativeImage> makeFromFile(const QString& path, const DerivativeSpec& spec,
                                                const ThumbnailLimits& limits = {});
    static Result<DerivativeImage> make(const QByteArray& bytes, const DerivativeSpec& spec,
                                        const ThumbnailLimits& limits = {});

    // The decode step alone: the spec's crop at its output size, orientation applied.
    static Result<QImage> decodeCropped(QImageReader& reader, const DerivativeSpec& spec,
                                        const ThumbnailLimits& limits, const QString& what);
    // The encode step alone: `image` within spec.byteBudget in spec.format.
    static Result<DerivativeImage> encode(const QImage& image, const DerivativeSpec& spec);

    // Whether any pixel of `image` is not fully opaque (its format may have alpha without using it).
    static bool hasTransparentPixels(const QImage& image);
};

} // namespace AssetDesk
