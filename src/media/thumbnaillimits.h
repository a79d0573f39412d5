#pragma once

#include <QtGlobal>

namespace AssetDesk {

// What one thumbnail decode may cost; checked against the image's declared size before any pixel
// is decoded (ThumbnailDecoder).
struct ThumbnailLimits
{
    int maxSide = 32768;                             // pixels, either dimension as declared
    qint64 maxPixels = 150LL * 1000 * 1000;          // declared width × height
    qint64 maxAllocationBytes = 128LL * 1024 * 1024; // what one decode may allocate (Qt's own
                                                     // QImageReader::allocationLimit() default)
    qint64 maxInputBytes = 256LL * 1024 * 1024;      // encoded bytes read for one decode
};

} // namespace AssetDesk
