#include "media/videoclipmaker.h"

#include "core/xmedialimits.h"
#include "media/medialog.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace AssetDesk {

namespace {

constexpr int kStderrTailChars = 1500;

Error videoError(ErrorKind kind, const QString& message, const QString& detail = {})
{
    return Error(kind, message, detail).withOrigin(QStringLiteral("media"));
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

QString tail(const QByteArray& text)
{
    const QString s = QString::fromUtf8(text).trimmed();
    return s.size() > kStderrTailChars ? QStringLiteral("…") + s.right(kStderrTailChars) : s;
}

// The crop of DerivativeSpec::cropRect as ffmpeg's crop filter (iw/ih are the input's size).
QString cropFilter(const DerivativeSpec& spec)
{
    using Preset = DerivativeSpec::CropPreset;
    if (spec.preset == Preset::Original)
        return {};
    if (spec.preset == Preset::Free) {
        const QRectF r = spec.freeRect.normalized().intersected(QRectF(0, 0, 1, 1));
        if (r.isEmpty())
            return {};
        return QStringLiteral("crop=w=trunc(iw*%1/2)*2:h=trunc(ih*%2/2)*2:x=iw*%3:y=ih*%4")
            .arg(r.width(), 0, 'f', 6)
            .arg(r.height(), 0, 'f', 6)
            .arg(r.x(), 0, 'f', 6)
            .arg(r.y(), 0, 'f', 6);
    }
    const QSize a = *DerivativeSpec::aspectOf(spec.preset);
    const double cx = std::clamp(spec.centre.x(), 0.0, 1.0);
    const double cy = std::clamp(spec.centre.y(), 0.0, 1.0);
    return QStringLiteral("crop=w=trunc(min(iw\\,ih*%1/%2)/2)*2:h=trunc(min(ih\\,iw*%2/%1)/2)*2"
                          ":x=max(0\\,min(iw-ow\\,iw*%3-ow/2)):y=max(0\\,min(ih-oh\\,ih*%4-oh/2))")
        .arg(a.width())
        .arg(a.height())
        .arg(cx, 0, 'f', 6)
        .arg(cy, 0, 'f', 6);
}

} // namespace

QString VideoClipMaker::findFfmpeg()
{
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

VideoClipMaker::VideoClipMaker(QString ffmpeg, std::chrono::milliseconds timeout)
    : m_ffmpeg(std::move(ffmpeg))
    , m_timeout(timeout)
{}

QStringList VideoClipMaker::arguments(const QString& input, const QString& output, const DerivativeSpec& spec)
{
    const qint64 maxMs = XMediaLimits::kMaxVideoMs;
    const qint64 durationMs = spec.durationMs > 0 ? std::min(spec.durationMs, maxMs) : maxMs;
    int boxWidth = XMediaLimits::kMaxVideoWidth;
    int boxHeight = XMediaLimits::kMaxVideoHeight;
    if (spec.preset == DerivativeSpec::CropPreset::Wide)
        boxHeight = XMediaLimits::kRecommendedVideoShortEdge; // 1280 x 720, X's recommendation
    if (spec.longEdge > 0) {
        boxWidth = std::min(boxWidth, spec.longEdge);
        boxHeight = std::min(boxHeight, spec.longEdge);
    }
    QStringList filters;
    if (const QString crop = cropFilter(spec); !crop.isEmpty())
        filters << crop;
    // Never enlarge; even sides for yuv420p.
    filters << QStringLiteral("scale=w='min(%1,iw)':h='min(%2,ih)':force_original_aspect_ratio=decrease:force_divisible_by=2")
                   .arg(boxWidth)
                   .arg(boxHeight);
    filters << QStringLiteral("format=yuv420p");

    QStringList args{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-y")};
    if (spec.startMs > 0)
        args << QStringLiteral("-ss") << seconds(spec.startMs);
    args << QStringLiteral("-i") << input << QStringLiteral("-t") << seconds(durationMs)
         << QStringLiteral("-map") << QStringLiteral("0:v:0") << QStringLiteral("-map") << QStringLiteral("0:a:0?")
         << QStringLiteral("-vf") << filters.join(QLatin1Char(','))
         << QStringLiteral("-fpsmax") << QString::number(int(XMediaLimits::kMaxFrameRate))
         << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-profile:v") << QStringLiteral("high")
         << QStringLiteral("-preset") << QStringLiteral("veryfast") << QStringLiteral("-crf") << QStringLiteral("23")
         << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p")
         << QStringLiteral("-c:a") << QStringLiteral("aac") << QStringLiteral("-b:a") << QStringLiteral("128k")
         << QStringLiteral("-ac") << QStringLiteral("2")
         << QStringLiteral("-movflags") << QStringLiteral("+faststart")
         << QStringLiteral("-progress") << QStringLiteral("pipe:1") << QStringLiteral("-nostats")
         << QStringLiteral("-f") << QStringLiteral("mp4") << output;
    return args;
}

Status VideoClipMaker::run(const QStringList& args, const QString& output, qint64 totalMs, const Progress& progress,
                           const Cancelled& cancelled, Run& result) const
{
    if (m_ffmpeg.isEmpty())
        return videoError(ErrorKind::NotFound, QStringLiteral("ffmpeg is not installed; videos cannot be trimmed."));
    QProcess process;
    process.setProgram(m_ffmpeg);
    process.setArguments(args);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QIODevice::ReadOnly);
    if (!process.waitForStarted(10'000)) {
        return videoError(ErrorKind::Internal, QStringLiteral("ffmpeg could not be started."),
                          QStringLiteral("%1: %2").arg(m_ffmpeg, process.errorString()));
    }
    static const QRegularExpression durationRe(QStringLiteral("Duration: (\\d+):(\\d\\d):(\\d\\d)\\.(\\d\\d)"));
    const QDeadlineTimer deadline(m_timeout);
    QByteArray pending;
    auto fail = [&](const Error& error) -> Status {
        process.kill();
        process.waitForFinished(5'000);
        QFile::remove(output);
        return error;
    };
    while (process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        result.stderrText += process.readAllStandardError();
        if (result.stderrText.size() > 64 * 1024)
            result.stderrText = result.stderrText.right(16 * 1024);
        pending += process.readAllStandardOutput();
        if (totalMs <= 0) {
            if (const QRegularExpressionMatch m = durationRe.match(QString::fromUtf8(result.stderrText)); m.hasMatch()) {
                totalMs = ((m.captured(1).toLongLong() * 60 + m.captured(2).toLongLong()) * 60 + m.captured(3).toLongLong()) * 1000
                    + m.captured(4).toLongLong() * 10;
            }
        }
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline).trimmed();
            pending.remove(0, newline + 1);
            // out_time_us and (despite its name, also microseconds) out_time_ms.
            if (line.startsWith("out_time_us=")) {
                bool ok = false;
                const qint64 us = line.mid(12).toLongLong(&ok);
                if (ok && us >= 0) {
                    result.lastOutMs = us / 1000;
                    if (progress)
                        progress(std::min(result.lastOutMs, totalMs > 0 ? totalMs : result.lastOutMs), totalMs);
                }
            }
        }
        if (cancelled && cancelled())
            return fail(
                videoError(ErrorKind::Cancelled, VideoClipMaker::tr("Making the clip was cancelled.")));
        if (deadline.hasExpired()) {
            return fail(videoError(ErrorKind::Transport, QStringLiteral("ffmpeg took too long and was stopped."),
                                   QStringLiteral("after %1 s; %2").arg(m_timeout.count() / 1000).arg(tail(result.stderrText))));
        }
    }
    result.stderrText += process.readAllStandardError();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QFile::remove(output);
        return videoError(ErrorKind::Parse, QStringLiteral("ffmpeg could not make the clip."),
                          QStringLiteral("exit code %1: %2").arg(process.exitCode()).arg(tail(result.stderrText)));
    }
    if (progress && totalMs > 0)
        progress(totalMs, totalMs);
    return {};
}

Result<VideoClip> VideoClipMaker::make(const QString& input, const QString& output, const DerivativeSpec& spec,
                                       const Progress& progress, const Cancelled& cancelled) const
{
    if (!QFile::exists(input))
        return videoError(ErrorKind::NotFound, VideoClipMaker::tr("The source video file is missing."),
                          input);
    const qint64 expected = spec.durationMs > 0 ? std::min(spec.durationMs, XMediaLimits::kMaxVideoMs) : 0;
    Run run;
    if (Status s = this->run(arguments(input, output, spec), output, expected, progress, cancelled, run); !s)
        return s.error();
    VideoClip clip;
    clip.path = output;
    clip.durationMs = run.lastOutMs;
    // The output's video stream as ffmpeg describes it: "Stream #0:0: Video: h264 (...), yuv420p(...), 1280x720 ...".
    const QString text = QString::fromUtf8(run.stderrText);
    const qsizetype outputAt = text.indexOf(QLatin1String("Output #0"));
    static const QRegularExpression sizeRe(QStringLiteral("Video: h264.*?, (\\d{2,5})x(\\d{2,5})"));
    if (outputAt >= 0) {
        if (const QRegularExpressionMatch m = sizeRe.match(text, outputAt); m.hasMatch())
            clip.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    if (clip.durationMs < XMediaLimits::kMinVideoMs) {
        QFile::remove(output);
        return videoError(ErrorKind::Validation,
                          VideoClipMaker::tr("The clip is shorter than X's %1 s.")
                              .arg(double(XMediaLimits::kMinVideoMs) / 1000.0),
                          QStringLiteral("%1 ms encoded; is the start past the end?").arg(clip.durationMs));
    }
    qCDebug(lcMedia) << "video clip made" << output << clip.size << clip.durationMs << "ms";
    return clip;
}

Result<QString> VideoClipMaker::extractFrame(const QString& input, qint64 atMs, const QString& output,
                                             const Cancelled& cancelled) const
{
    const QStringList args{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-y"),
                           QStringLiteral("-ss"), seconds(std::max<qint64>(0, atMs)),
                           QStringLiteral("-i"), input, QStringLiteral("-frames:v"), QStringLiteral("1"),
                           QStringLiteral("-f"), QStringLiteral("image2"), QStringLiteral("-c:v"), QStringLiteral("png"), output};
    Run run;
    if (Status s = this->run(args, output, 0, {}, cancelled, run); !s)
        return s.error();
    if (!QFile::exists(output))
        return videoError(ErrorKind::Parse, QStringLiteral("ffmpeg found no frame at that time."), tail(run.stderrText));
    return output;
}

} // namespace AssetDesk
