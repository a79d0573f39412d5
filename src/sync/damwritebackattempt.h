#pragma once

#include "storage/outboxjob.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

namespace AssetDesk {

class Error;
class IconikConnector;
class PhotoShelterConnector;
class ServiceConnector;

// One run of one DAM write-back job (DamWriteBackPlanner's kinds) on the connector's (network)
// thread, then a report and deleteLater():
//   dam.lifecycle      iconik: PUT metadata view values {lifecycle_status: state}
//   dam.top-performer  iconik: {top_performer: "true"}; PhotoShelter: keyword added to the IPTC keywords
//   dam.archive        PhotoShelter: each medium uploaded into the archive gallery with headline,
//                      caption (the post's text and URL), campaign, audience_segment, publish_date;
//                      iconik: an asset in the archive collection (external_id "x-post:<id>", looked
//                      up first so a retry finds it), each medium uploaded into it as a file of its
//                      ORIGINAL format (IconikUploader: a retry finds its files by name), then its
//                      metadata in the view
// Writes that overwrite are safe to repeat. The PhotoShelter archive upload is not, and it has no
// id to find an earlier upload by, so each medium is uploaded under a file name of its own
// (archiveFileName: the post's id and the medium's place); a second attempt of the job first lists
// the gallery's newest media and skips every medium already there.
class DamWriteBackAttempt : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        enum class Kind { Done, Retry, Failed };
        Kind kind = Kind::Failed;
        QString detail; // what was written, or why not
        std::optional<std::chrono::milliseconds> retryAfter;
    };
    using Done = std::function<void(const Outcome&)>;

    DamWriteBackAttempt(OutboxJob job, ServiceConnector* connector, Done done, QObject* parent = nullptr);
    void start();

    static QString archiveExternalId(const QString& postRemoteId) { return QStringLiteral("x-post:") + postRemoteId; }
    // The file name medium `index` (0-based) of the post is archived under (PhotoShelter, iconik), as the
    // library keeps it (already safe for a header): "x-post-<id>-<n>-<its own name>".
    static QString archiveFileName(const QString& postRemoteId, int index, const QString& fileName);
    // How many of a gallery's newest media a retry looks through for its earlier uploads: the
    // archive gallery gains a few media per post, and the retry follows within minutes.
    static constexpr int kArchiveLookback = 100;

private:
    void lifecycle(IconikConnector* iconik);
    void topPerformer();
    // Lists what an earlier attempt left in the gallery, then archives.
    void resumePhotoShelterArchive(PhotoShelterConnector* photoShelter);
    void archiveToPhotoShelter(PhotoShelterConnector* photoShelter, int index, QStringList uploaded);
    void archiveToIconik(IconikConnector* iconik);
    // Medium `index` and the following as files of the archived asset (`uploaded`: how many
    // this attempt sent; an earlier attempt's are found by their names), then its metadata.
    void uploadToIconik(IconikConnector* iconik, const QString& assetId, int index, int uploaded);
    void describeIconikArchive(IconikConnector* iconik, const QString& assetId);
    void finish(Outcome outcome);
    void fail(const QString& what, const Error& error);

    OutboxJob m_job;
    QJsonObject m_payload;
    QPointer<ServiceConnector> m_connector;
    Done m_done;
    int m_iconikUploads = 0;
    QHash<QString, QString> m_alreadyArchived; // file name -> PhotoShelter media id, from an earlier attempt
};

} // namespace AssetDesk
