#pragma once

#include "connectors/x/xmediafacts.h"
#include "core/result.h"
#include "core/xmedialimits.h"

#include <QList>

namespace AssetDesk {

// X's media limits (x.md §5c), checked on a file's XMediaFacts before the first byte is sent.
// Pure; any thread. Every number is one constant in Limits. Sizes: x.md says "5 MB", "15 MB",
// "512 MB" without saying decimal or binary; binary (MiB) is taken, the reading that accepts
// more, since the service is the final judge anyway.
//
// Checked: image format and size; GIF size, dimensions, frames and total pixels; video container,
// size, duration, dimensions, aspect ratio, average frame rate and codec (H.264), as far as the
// headers tell. Not checkable without decoding (left to X, which then fails the processing):
// H.264 profile, AAC-LC audio, yuv420p, open GOP, progressive scan.
class XMediaValidator
{
public:
    using Limits = XMediaLimits;

    // How X will take the file, or a Validation error naming every limit it breaks.
    static Result<XMediaPlan> validate(const XMediaFacts& facts);
    // One post's attachments: up to four images, or one GIF, or one video (x.md §5c).
    static Status validateAttachments(const QList<XMediaPlan>& plans);
    static Status validateAltText(const QString& altText);

private:
    static QStringList imageProblems(const XMediaFacts& facts);
    static QStringList gifProblems(const XMediaFacts& facts);
    static QStringList videoProblems(const XMediaFacts& facts);
};

} // namespace AssetDesk
