#pragma once

#include "core/error.h"
#include "core/result.h"
#include "media/thumbnaillimits.h"

#include <QCoreApplication>
#include <QImageIOHandler>
#include <QSize>
#include <QString>

class QImageReader;

namespace AssetDesk {

// An error of the media layer: its origin says "media".
Error mediaError(ErrorKind kind, const QString& message, const QString& detail = {});

// Whether the EXIF orientation shows the stored image sideways (width and height swapped).
bool swapsAxes(QImageIOHandler::Transformations transformations);

// What a thumbnail and a derivative both check before a pixel is decoded, so that a hostile or
// broken file is refused for what it declares rather than after it has been allocated: the reader
// recognises the format from the content, the file declares a size, and that size is within the
// limits. The messages name what was being made.
class ImagePreflight
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::ImagePreflight)

public:
    enum class Purpose
    {
        Thumbnail,
        Derivative
    };

    // Sets `reader` to apply the EXIF orientation and to tell the format from the content, then
    // returns the stored size it declares. `what` names the input in the error's detail.
    static Result<QSize> declaredSize(QImageReader& reader, const ThumbnailLimits& limits,
                                      const QString& what, Purpose purpose);
};

} // namespace AssetDesk
