#pragma once

#include "connectors/x/xmediafacts.h"
#include "core/result.h"

class QIODevice;

namespace AssetDesk {

// Reads the XMediaFacts of a file from its headers only, for XMediaValidator: JPEG, PNG and GIF
// through QImageReader (frame count included), WebP from its RIFF header (Debian's Qt has no
// WebP plugin unless qt6-image-formats-plugins is installed), MP4 / MOV through XMp4Reader.
// A format it does not recognise is not an error here: facts.format stays empty and the
// validator says what X accepts. Runs on any thread; never decodes pixels or video.
class XMediaProbe
{
public:
    static Result<XMediaFacts> probe(QIODevice& device, const QString& fileName);
    static Result<XMediaFacts> probeFile(const QString& path);

private:
    static bool readWebp(QIODevice& device, XMediaFacts& facts);
};

} // namespace AssetDesk
