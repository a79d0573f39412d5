#pragma once

#include <QtGlobal>

namespace AssetDesk {

// X's media limits (x.md §5c), in one place: the connector checks files against them before
// upload (XMediaValidator::Limits is this struct), the media layer makes files that fit them.
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
    // "longer for some accounts/amplify — unconfirmed" (x.md §5c): the general limit.
    static constexpr qint64 kMaxVideoMs = 140'000;
    static constexpr int kMinVideoSide = 32;
    static constexpr int kMaxVideoWidth = 1280;
    static constexpr int kMaxVideoHeight = 1024;
    static constexpr double kMaxFrameRate = 60.0;
    static constexpr double kMaxAspect = 3.0; // 1:3 to 3:1
    static constexpr int kMaxPhotosPerPost = 4;
    static constexpr int kMaxAltTextChars = 1000; // POST /2/media/metadata (v2)

    // X's recommended upload (x.md §5c): not limits but what a re-encode aims for.
    static constexpr int kRecommendedVideoLongEdge = 1280; // 1280 x 720 for 16:9
    static constexpr int kRecommendedVideoShortEdge = 720;
};

} // namespace AssetDesk
