#pragma once

#include "core/derivativespec.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace AssetDesk {

// A made video clip: the file ffmpeg wrote and what it is.
struct VideoClip
{
    QString path;
    QSize size;          // from ffmpeg's description of the output stream; invalid if not said
    qint64 durationMs = 0; // of the span encoded (ffmpeg's last out_time)
};

// Trims a video and re-encodes it to X's recommended upload (x.md §5c): MP4 with H.264 High
// profile, yuv420p, at most 60 fps, AAC-LC stereo audio (when the source has audio), inside
// 1280 × 1024 (1280 × 720 for 16:9), even dimensions, "faststart" so X can process it early. The
// spec's crop preset is applied with ffmpeg's crop filter (same geometry as DerivativeSpec::
// cropRect, in ffmpeg expressions), its long edge caps the size, its start/duration trim, and the
// duration is capped at X's 140 s.
//
// ffmpeg runs through QProcess with an argument list (never a shell), with `-progress pipe:1`:
// its out_time lines become progress calls. The call is synchronous (pool threads): it polls
// `cancelled` every 100 ms and kills ffmpeg on cancellation or when `timeout` passes; a failure
// carries the last lines of ffmpeg's stderr in the error's detail. The output file is removed on
// every failure.
class VideoClipMaker
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::VideoClipMaker)

public:
    using Progress = std::function<void(qint64 doneMs, qint64 totalMs)>;
    using Cancelled = std::function<bool()>;

    // ffmpeg on PATH (Debian's /usr/bin/ffmpeg), or empty when it is not installed.
    static QString findFfmpeg();
    // The arguments make() passes (for the log and the tests).
    static QStringList arguments(const QString& input, const QString& output, const DerivativeSpec& spec);

    explicit VideoClipMaker(QString ffmpeg = findFfmpeg(), std::chrono::milliseconds timeout = std::chrono::minutes(10));

    Result<VideoClip> make(const QString& input, const QString& output, const DerivativeSpec& spec,
                           const Progress& progress = {}, const Cancelled& cancelled = {}) const;

    // One frame at `atMs` as a PNG file (the editor's preview of a video).
    Result<QString> extractFrame(const QString& input, qint64 atMs, const QString& output,
                                 const Cancelled& cancelled = {}) const;

private:
    struct Run
    {
        QByteArray stdoutTail;
        QByteArray stderrText;
        qint64 lastOutMs = 0;
    };
    Status run(const QStringList& args, const QString& output, qint64 totalMs, const Progress& progress,
               const Cancelled& cancelled, Run& result) const;

    QString m_ffmpeg;
    std::chrono::milliseconds m_timeout;
};

} // namespace AssetDesk
