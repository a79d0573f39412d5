#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

namespace AssetDesk {

// What X would say about an animated GIF (x.md §5c: ≤ 15 MB, ≤ 1280 × 1080, ≤ 350 frames,
// ≤ 300 M pixels in all frames), read from the file before anything is uploaded: a verdict with
// every problem named, so the editor and the service can say why a GIF cannot go as it is.
// The numbers are XMediaLimits (core), kept equal to the connector's XMediaValidator by a test.
//
// Counting frames walks the whole file (Qt's GIF reader has no frame index), without decoding
// pixels into anything kept. Threads: reentrant, pool threads only.
class GifCheck
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::GifCheck)

public:
    struct Verdict
    {
        qint64 bytes = 0;
        QSize size;
        int frames = 0;
        qint64 totalPixels = 0; // width x height x frames
        QStringList problems;   // empty = X takes it

        bool ok() const { return problems.isEmpty(); }
        // One sentence for a person: "fits X's GIF limits" or the problems joined.
        QString summary() const;
    };

    // A Parse error when the file is not a readable GIF, otherwise the verdict.
    static Result<Verdict> inspect(const QString& path);
    // The verdict on given facts (what inspect() does after reading them).
    static Verdict judge(qint64 bytes, QSize size, int frames);
};

} // namespace AssetDesk
