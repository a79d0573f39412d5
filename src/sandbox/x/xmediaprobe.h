#pragma once

#include <QByteArray>
#include <QString>

namespace AssetDesk::Sandbox {

// What X's media pipeline would find in an uploaded file: whether it decodes as the declared
// kind and, for GIF and video, whether it is within the limits of x.md §5c. Images are read with
// QImageReader; MP4/MOV by walking the ISO-BMFF boxes (ftyp, moov/mvhd for the duration,
// trak/tkhd for the picture size) - enough to tell a real container from junk without decoding.
class XMediaProbe
{
public:
    struct Result
    {
        bool decodable = false;
        QString failure; // why processing fails (empty when it succeeds)
        int width = 0;
        int height = 0;
        qint64 durationMs = 0;
        int frames = 0;
    };

    static Result image(const QByteArray& bytes);
    static Result gif(const QByteArray& bytes);
    static Result video(const QByteArray& bytes);

private:
    static bool readMp4(const QByteArray& bytes, qint64 begin, qint64 end, Result& out, int depth);
};

} // namespace AssetDesk::Sandbox
