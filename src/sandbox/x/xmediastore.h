#pragma once

#include "sandbox/x/xmediaprobe.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace AssetDesk::Sandbox {

struct XMedia
{
    enum class Kind
    {
        Photo,
        AnimatedGif,
        Video,
        Subtitles,
    };

    QString id;  // numeric string
    QString key; // "<prefix>_<id>": 3 photo, 16 GIF, 7 video (prefix meaning unconfirmed, x.md §4)
    QString ownerId;
    QString mediaType; // MIME type declared at initialize
    QString category;  // tweet_image, tweet_gif, tweet_video...
    Kind kind = Kind::Photo;
    qint64 totalBytes = 0;
    QMap<int, QByteArray> segments; // by segment_index
    QDateTime initializedAt;
    QDateTime finalizedAt; // invalid until finalized
    XMediaProbe::Result probe;
    QString altText;
};

// Media uploads of the X emulator: chunked sessions and their processing. GIF and video process
// asynchronously on the sandbox clock - pending for kPendingSecs after FINALIZE, then in_progress
// for kind-specific seconds, then succeeded, or failed when the file does not decode or breaks the
// limits of x.md §5c. Photos are done at FINALIZE.
class XMediaStore
{
public:
    enum class State
    {
        Uploading, // initialized, not finalized
        Pending,
        InProgress,
        Succeeded,
        Failed,
    };
    static constexpr int kPendingSecs = 1;
    static constexpr qint64 kSessionSecs = 86400;     // initialize -> finalize
    static constexpr qint64 kMediaLifetimeSecs = 86400; // finalize -> unusable (x.md §5c example)

    static qint64 byteLimit(XMedia::Kind kind);
    static int processingSecs(XMedia::Kind kind);
    static QString kindName(XMedia::Kind kind);

    XMedia& create(const QString& ownerId, const QString& mediaType, const QString& category,
                   XMedia::Kind kind, qint64 totalBytes, const QDateTime& now);
    XMedia* find(const QString& id);
    const XMedia* find(const QString& id) const;
    const XMedia* findByKey(const QString& key) const;

    qint64 receivedBytes(const XMedia& media) const;
    // Joins the segments in index order and probes them.
    void finalize(XMedia& media, const QDateTime& now);

    State state(const XMedia& media, const QDateTime& now) const;
    // {state, check_after_secs?, progress_percent?}; empty for a photo.
    QJsonObject processingInfo(const XMedia& media, const QDateTime& now) const;
    // Finalized, processed successfully and not expired.
    bool usable(const XMedia& media, const QDateTime& now) const;

private:
    QHash<QString, XMedia> m_media;
    qint64 m_sequence = 0;
};

} // namespace AssetDesk::Sandbox
