#pragma once

#include "core/result.h"

#include <QByteArray>

#include <optional>

class QIODevice;

namespace AssetDesk {

// Reads what X's video limits need from the box structure of an MP4 / QuickTime file (ISO/IEC
// 14496-12): the brand, the movie's duration (mvhd), and of the video track its display size
// (tkhd), codec (the stsd sample entry) and average frame rate (stsz sample count over the mdhd
// duration). It seeks from box header to box header and reads only small header boxes, so a
// 512 MB file costs a few kilobytes of reading. It does not decode the stream: profile, pixel
// format, GOP structure and interlacing are not known here.
class XMp4Reader
{
public:
    struct Info
    {
        bool quickTime = false; // major brand "qt  "
        std::optional<qint64> durationMs; // unset when the header says 0 (fragmented files)
        int width = 0;
        int height = 0;
        std::optional<double> frameRate;
        QByteArray videoCodec;
        bool hasVideoTrack = false;
    };

    // Whether the first bytes are an ISO base media file ("ftyp" box first).
    static bool sniff(const QByteArray& head);
    // A Validation error when the structure is damaged, cut short or has no movie header (moov).
    static Result<Info> read(QIODevice& device);
};

} // namespace AssetDesk
