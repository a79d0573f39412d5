#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace AssetDesk {

// What can be learnt about a media file from its headers, before anything is sent: the input of
// XMediaValidator, produced by XMediaProbe (or by hand in tests). Unknown values stay unset.
struct XMediaFacts
{
    QString fileName;   // for messages only
    QByteArray format;  // "jpeg", "png", "gif", "webp", "mp4", "mov"; empty when not recognised
    qint64 bytes = 0;
    int width = 0;      // 0 = unknown
    int height = 0;
    int frames = 1;     // images: frames of an animation (GIF, WebP); 1 for a still image
    std::optional<qint64> durationMs; // video: the movie header's duration
    std::optional<double> frameRate;  // video: average, from the video track's sample count
    QByteArray videoCodec;            // video: sample entry of the video track ("avc1", "hvc1")

    bool isVideoContainer() const { return format == "mp4" || format == "mov"; }
};

// How X takes a validated file (x.md §5b, §5c): kind, media_category and media_type of INIT.
struct XMediaPlan
{
    enum class Kind
    {
        Image,
        AnimatedGif,
        Video
    };
    Kind kind = Kind::Image;
    QString category; // tweet_image, tweet_gif, tweet_video
    QString mimeType; // image/jpeg, image/png, image/gif, image/webp, video/mp4, video/quicktime
    qint64 bytes = 0;

    bool needsProcessing() const { return kind != Kind::Image; }
    bool operator==(const XMediaPlan&) const = default;
};

} // namespace AssetDesk
