#pragma once

#include "core/result.h"
#include "media/thumbnaillimits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

class QImageReader;

namespace AssetDesk {

// Decodes images into thumbnails with scaled decoding, refusing what would be dangerous to decode.
//
// The reader's declared size is checked before a single pixel is decoded: an image that claims
// absurd dimensions (a "60000 × 60000" header on a few kilobytes) is refused with ErrorKind::
// TooLarge, and so is one whose decode would allocate more than the limit. Formats that can decode
// at a reduced size (JPEG) do so through QImageReader::setScaledSize; the others decode at full
// size within the allocation limit and are scaled down afterwards. The result fits inside the
// requested box, keeps its aspect ratio, is never scaled up, follows the EXIF orientation, and is
// in a format QPixmap takes without converting (RGB32 or premultiplied ARGB32).
//
// Threads: stateless and reentrant; called on pool threads, never on the GUI thread.
class ThumbnailDecoder
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::ThumbnailDecoder)

public:
    static Result<QImage> decode(const QByteArray& bytes, QSize box, const ThumbnailLimits& limits = {});
    static Result<QImage> decodeFile(const QString& path, QSize box, const ThumbnailLimits& limits = {});
    // Encodes a thumbnail for the disk cache: JPEG (quality 85) when opaque, PNG with alpha.
    static Result<QByteArray> encode(const QImage& image);
    // decode() then encode(): the bytes of a thumbnail of `bytes` fitting `box`.
    static Result<QByteArray> makeThumbnail(const QByteArray& bytes, QSize box, const ThumbnailLimits& limits = {});

    // The size an image of `source` pixels gets inside `box` (aspect kept, never enlarged).
    static QSize fittedSize(QSize source, QSize box);

private:
    static Result<QImage> read(QImageReader& reader, QSize box, const ThumbnailLimits& limits, const QString& what);
};

} // namespace AssetDesk
