#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// Where one media upload to a social service stands. Reported as progress while it runs and once
// more at the end; only a Succeeded upload has a mediaId a post may name.
struct MediaUpload
{
    enum class State
    {
        Validating, // checked locally against the service's limits; nothing sent yet
        Uploading,  // chunks going out (bytesSent of totalBytes)
        Processing, // the service transcodes (video, GIF); progressPercent when it says
        Succeeded,
        Failed,
        Cancelled,
    };

    State state = State::Validating;
    QString mediaId;  // X: numeric string, known after the upload was initialized
    QString mediaKey; // X: "<type>_<id>", what posts reference in attachments.media_keys
    QString category; // X media_category: tweet_image, tweet_gif, tweet_video
    qint64 totalBytes = 0;
    qint64 bytesSent = 0;
    int progressPercent = -1; // the service's processing progress, -1 when unknown
    QDateTime expiresAt;      // the media id must be used in a post before this
    QString failure;          // why, for Failed

    bool isFinal() const { return state == State::Succeeded || state == State::Failed || state == State::Cancelled; }
    bool operator==(const MediaUpload&) const = default;
};

} // namespace AssetDesk
