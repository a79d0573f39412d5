#pragma once

#include <QString>

namespace AssetDesk {

// One reason a composed post cannot be sent yet, as the composer lists it. Every issue blocks
// Publish and Schedule; accountId and attachment say where it belongs (0 / -1: the whole post).
struct ComposerIssue
{
    enum class Kind
    {
        NoAccount,
        Empty,
        TooLong,
        InvalidCharacter,
        TooManyMedia,
        MixedMedia,
        UnsupportedMedia,
        MissingFile,
        AltTextMissing,
        AltTextTooLong,
        Rights,
        ScheduleInPast,
    };

    Kind kind = Kind::Empty;
    QString message;
    qint64 accountId = 0;
    int attachment = -1;

    bool operator==(const ComposerIssue&) const = default;
};

} // namespace AssetDesk
