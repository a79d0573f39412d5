#pragma once

#include <QtGlobal>

namespace AssetDesk {

// X's media limits (x.md §5c) as the media layer needs them to *make* files that X takes.
//
// DUPLICATES of XMediaValidator::Limits (src/connectors/x/xmediavalidator.h), which checks files
// before upload: media and core cannot see the connectors layer. tests/media/tst_xmedialimitscopy
// links both and fails if any pair differs, so the copies cannot drift apart.
struct XMediaLimits
{
    static constexpr qint64 kMiB = 1024 * 1024;
    static constexpr qint64 kMaxImageBytes = 5 * kMiB;
    static constexpr qint64 kMaxGifBytes = 15 * kMiB;
    static constexpr int kMaxGifWidth = 1280;
    static constexpr int kMaxGifHeight = 1080;
    static constexpr int kMaxGifFrames = 350;
    static constexpr qint64 kMaxGifPixels = 300'000'000; // width x height x frames
    static constexpr qint64 kMaxVideoBytes = 512 * kMiB;
    static constexpr qint64 kMinVideoMs = 500;
    static constexpr qint64 kMaxVideoMs = 140'000;
    static constexpr int kMaxVideoWidth = 1280;
    static constexpr int kMaxVideoHeight = 1024;
    static constexpr double kMaxFrameRate = 60.0;

    // X's recommended upload (x.md §5c): not limits but what a re-encode aims for.
    static constexpr int kRecommendedVideoLongEdge = 1280; // 1280 x 720 for 16:9
    static constexpr int kRecommendedVideoShortEdge = 720;
};

} // namespace AssetDesk
