#pragma once

#include "storage/outboxjob.h"

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
//                      up first so a retry finds it), then its metadata in the view
// Writes that overwrite are safe to repeat; the PhotoShelter archive upload is not (no id to find
// it by), so its retry may upload a medium twice - reported by the sandbox's counts in tests.
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

private:
    void lifecycle(IconikConnector* iconik);
    void topPerformer();
    void archiveToPhotoShelter(PhotoShelterConnector* photoShelter, int index, QStringList uploaded);
    void archiveToIconik(IconikConnector* iconik);
    void describeIconikArchive(IconikConnector* iconik, const QString& assetId);
    void finish(Outcome outcome);
    void fail(const QString& what, const Error& error);

    OutboxJob m_job;
    QJsonObject m_payload;
    QPointer<ServiceConnector> m_connector;
    Done m_done;
};

} // namespace AssetDesk
