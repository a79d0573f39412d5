#include "sync/damwritebackattempt.h"

#include "connectors/damtext.h"
#include "connectors/iconik/iconikassets.h"
#include "connectors/iconik/iconikconnector.h"
#include "connectors/iconik/iconikuploader.h"
#include "connectors/photoshelter/photosheltergalleries.h"
#include "connectors/photoshelter/photoshelterconnector.h"
#include "connectors/photoshelter/photoshelterkeywords.h"
#include "core/error.h"
#include "sync/damwritebackplanner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace AssetDesk {

namespace {
using Outcome = DamWriteBackAttempt::Outcome;

Outcome done(const QString& detail)
{
    return Outcome{Outcome::Kind::Done, detail, std::nullopt};
}
Outcome failed(const QString& reason)
{
    return Outcome{Outcome::Kind::Failed, reason, std::nullopt};
}
} // namespace

DamWriteBackAttempt::DamWriteBackAttempt(OutboxJob job, ServiceConnector* connector, Done done, QObject* parent)
    : QObject(parent)
    , m_job(std::move(job))
    , m_connector(connector)
    , m_done(std::move(done))
{}

void DamWriteBackAttempt::start()
{
    m_payload = QJsonDocument::fromJson(m_job.payload).object();
    auto* iconik = qobject_cast<IconikConnector*>(m_connector.data());
    auto* photoShelter = qobject_cast<PhotoShelterConnector*>(m_connector.data());
    if (!iconik && !photoShelter) {
        finish(failed(tr("The write-back job's account is not a PhotoShelter or iconik account.")));
        return;
    }
    if (m_job.kind == DamWriteBackPlanner::kLifecycleKind) {
        if (!iconik) {
            finish(failed(tr("PhotoShelter keeps no lifecycle status; nothing to write.")));
            return;
        }
        lifecycle(iconik);
    } else if (m_job.kind == DamWriteBackPlanner::kTopPerformerKind) {
        topPerformer();
    } else if (m_job.kind == DamWriteBackPlanner::kArchiveKind) {
        if (photoShelter && m_job.attempts > 1)
            resumePhotoShelterArchive(photoShelter);
        else if (photoShelter)
            archiveToPhotoShelter(photoShelter, 0, {});
        else
            archiveToIconik(iconik);
    } else {
        finish(failed(tr("Unknown write-back job kind %1.").arg(m_job.kind)));
    }
}

void DamWriteBackAttempt::fail(const QString& what, const Error& error)
{
    const QString reason = QStringLiteral("%1 failed: %2").arg(what, error.toLogString());
    if (error.isTransient())
        finish(Outcome{Outcome::Kind::Retry, reason, error.retryAfter()});
    else
        finish(failed(reason));
}

void DamWriteBackAttempt::lifecycle(IconikConnector* iconik)
{
    const QString state = m_payload.value(QStringLiteral("state")).toString();
    const QString assetId = m_payload.value(QStringLiteral("remote_id")).toString();
    iconik->assets().setMetadataValues(
        QStringLiteral("assets"), assetId, m_payload.value(QStringLiteral("view_id")).toString(),
        {{QStringLiteral("lifecycle_status"), {state}}}, IconikAssets::WriteMode::Overwrite, this,
        [this, state, assetId](Result<IconikMetadataValues> written) {
            if (!written)
                return fail(tr("Writing the lifecycle status of iconik asset %1").arg(assetId),
                            written.error());
            finish(done(tr("iconik asset %1 is %2").arg(assetId, state)));
        });
}

void DamWriteBackAttempt::topPerformer()
{
    const QString assetId = m_payload.value(QStringLiteral("remote_id")).toString();
    if (auto* iconik = qobject_cast<IconikConnector*>(m_connector.data())) {
        iconik->assets().setMetadataValues(
            QStringLiteral("assets"), assetId, m_payload.value(QStringLiteral("view_id")).toString(),
            {{QStringLiteral("top_performer"), {QStringLiteral("true")}}}, IconikAssets::WriteMode::Overwrite, this,
            [this, assetId](Result<IconikMetadataValues> written) {
                if (!written)
                    return fail(tr("Marking iconik asset %1 as a top performer").arg(assetId),
                                written.error());
                finish(done(tr("iconik asset %1 marked as a top performer").arg(assetId)));
            });
        return;
    }
    auto* photoShelter = qobject_cast<PhotoShelterConnector*>(m_connector.data());
    const QString keyword = m_payload.value(QStringLiteral("keyword")).toString();
    photoShelter->keywords().addKeyword(assetId, keyword, this, [this, assetId, keyword](Result<bool> added) {
        if (!added)
            return fail(tr("Tagging PhotoShelter media %1").arg(assetId), added.error());
        finish(done(added.value() ? tr("PhotoShelter media %1 tagged “%2”").arg(assetId, keyword)
                                  : tr("PhotoShelter media %1 already had “%2”").arg(assetId, keyword)));
    });
}

QString DamWriteBackAttempt::archiveFileName(const QString& postRemoteId, int index, const QString& fileName)
{
    return DamText::safeFileName(QStringLiteral("x-post-%1-%2-%3").arg(postRemoteId).arg(index + 1).arg(fileName),
                                 QStringLiteral("x-post"));
}

void DamWriteBackAttempt::resumePhotoShelterArchive(PhotoShelterConnector* photoShelter)
{
    const QString gallery = m_payload.value(QStringLiteral("target")).toString();
    photoShelter->galleries().newestMedia(
        gallery, kArchiveLookback, this,
        [this, photoShelter = QPointer<PhotoShelterConnector>(photoShelter)](Result<QList<std::pair<QString, QString>>> media) {
            if (!media)
                return fail(tr("Looking for the post's earlier uploads in the PhotoShelter gallery"),
                            media.error());
            if (!photoShelter)
                return finish(
                    Outcome{Outcome::Kind::Retry, tr("The PhotoShelter connector went away."), std::nullopt});
            for (const auto& [id, fileName] : media.value())
                m_alreadyArchived.insert(fileName, id);
            archiveToPhotoShelter(photoShelter, 0, {});
        });
}

void DamWriteBackAttempt::archiveToPhotoShelter(PhotoShelterConnector* photoShelter, int index, QStringList uploaded)
{
    const QJsonArray media = m_payload.value(QStringLiteral("media")).toArray();
    const QString gallery = m_payload.value(QStringLiteral("target")).toString();
    if (index >= media.size()) {
        finish(uploaded.isEmpty() ? failed(tr("The post has no media files to archive."))
                                  : done(tr("Archived into gallery %1 as %2")
                                             .arg(gallery, uploaded.join(QStringLiteral(", ")))));
        return;
    }
    const QJsonObject medium = media.at(index).toObject();
    const QString fileName = archiveFileName(m_payload.value(QStringLiteral("post_remote_id")).toString(), index,
                                             medium.value(QStringLiteral("file_name")).toString());
    if (const auto earlier = m_alreadyArchived.constFind(fileName); earlier != m_alreadyArchived.cend()) {
        uploaded << *earlier; // an earlier attempt's upload whose answer was lost
        archiveToPhotoShelter(photoShelter, index + 1, uploaded);
        return;
    }
    QFile file(medium.value(QStringLiteral("path")).toString());
    if (!file.open(QIODevice::ReadOnly)) {
        finish(failed(tr("Cannot read %1 to archive it: %2").arg(file.fileName(), file.errorString())));
        return;
    }
    const QString caption = m_payload.value(QStringLiteral("text")).toString() + QStringLiteral("\n\n") +
                            m_payload.value(QStringLiteral("post_url")).toString();
    const QList<std::pair<QString, QString>> fields{
        {QStringLiteral("headline"), QStringLiteral("X post %1").arg(m_payload.value(QStringLiteral("post_remote_id")).toString())},
        {QStringLiteral("caption"), caption},
        {QStringLiteral("campaign"), m_payload.value(QStringLiteral("campaign")).toString()},
        {QStringLiteral("audience_segment"), m_payload.value(QStringLiteral("audience_segment")).toString()},
        {QStringLiteral("publish_date"), m_payload.value(QStringLiteral("published_at")).toString()},
    };
    photoShelter->galleries().upload(
        gallery, fields, fileName, file.readAll(),
        medium.value(QStringLiteral("mime")).toString(), this,
        [this, photoShelter = QPointer<PhotoShelterConnector>(photoShelter), index, uploaded](Result<QString> id) mutable {
            if (!id)
                return fail(tr("Archiving the post's media into PhotoShelter"), id.error());
            if (!photoShelter)
                return finish(
                    Outcome{Outcome::Kind::Retry, tr("The PhotoShelter connector went away."), std::nullopt});
            uploaded << id.value();
            archiveToPhotoShelter(photoShelter, index + 1, uploaded);
        });
}

void DamWriteBackAttempt::archiveToIconik(IconikConnector* iconik)
{
    const QString collection = m_payload.value(QStringLiteral("target")).toString();
    const QString postId = m_payload.value(QStringLiteral("post_remote_id")).toString();
    const QString externalId = archiveExternalId(postId);
    QPointer<IconikConnector> guard(iconik);
    // Look first: an earlier attempt may have created the asset before its answer was lost.
    iconik->assets().findInCollection(collection, externalId, this, [this, guard, collection, postId, externalId](Result<QString> found) {
        if (!found)
            return fail(tr("Looking for the archived post in iconik collection %1").arg(collection),
                        found.error());
        if (!guard)
            return finish(Outcome{Outcome::Kind::Retry, tr("The iconik connector went away."), std::nullopt});
        if (!found->isEmpty())
            return uploadToIconik(guard, found.value(), 0, 0);
        IconikAssets::NewAsset asset{QStringLiteral("X post %1").arg(postId), collection, externalId,
                                     m_payload.value(QStringLiteral("post_url")).toString()};
        guard->assets().createAsset(asset, this, [this, guard](Result<QString> created) {
            if (!created)
                return fail(tr("Creating the archived post in iconik"), created.error());
            if (!guard)
                return finish(
                    Outcome{Outcome::Kind::Retry, tr("The iconik connector went away."), std::nullopt});
            uploadToIconik(guard, created.value(), 0, 0);
        });
    });
}

void DamWriteBackAttempt::uploadToIconik(IconikConnector* iconik, const QString& assetId, int index, int uploaded)
{
    const QJsonArray media = m_payload.value(QStringLiteral("media")).toArray();
    if (index >= media.size()) {
        m_iconikUploads = uploaded;
        return describeIconikArchive(iconik, assetId);
    }
    const QJsonObject medium = media.at(index).toObject();
    QFile file(medium.value(QStringLiteral("path")).toString());
    if (!file.open(QIODevice::ReadOnly)) {
        finish(failed(tr("Cannot read %1 to archive it: %2").arg(file.fileName(), file.errorString())));
        return;
    }
    const QString name = archiveFileName(m_payload.value(QStringLiteral("post_remote_id")).toString(), index,
                                         medium.value(QStringLiteral("file_name")).toString());
    QPointer<IconikConnector> guard(iconik);
    iconik->uploader().uploadOriginal(assetId, name, file.readAll(), this,
                                      [this, guard, assetId, index, uploaded](Result<IconikUploader::Uploaded> done) {
                                          if (!done)
                                              return fail(
                                                  tr("Uploading the post's media into iconik asset %1")
                                                      .arg(assetId),
                                                  done.error());
                                          if (!guard)
                                              return finish(Outcome{Outcome::Kind::Retry,
                                                                    tr("The iconik connector went away."),
                                                                    std::nullopt});
                                          uploadToIconik(guard, assetId, index + 1, uploaded + (done->earlier ? 0 : 1));
                                      });
}

void DamWriteBackAttempt::describeIconikArchive(IconikConnector* iconik, const QString& assetId)
{
    const QString view = m_payload.value(QStringLiteral("view_id")).toString();
    if (view.isEmpty()) {
        finish(done(tr("Archived as iconik asset %1 with %n file(s) uploaded (no metadata view configured)",
                       nullptr, m_iconikUploads)
                        .arg(assetId)));
        return;
    }
    QHash<QString, QStringList> fields{
        {QStringLiteral("description"), {m_payload.value(QStringLiteral("text")).toString()}},
        {QStringLiteral("publish_date"), {m_payload.value(QStringLiteral("published_at")).toString()}},
    };
    for (const char* key : {"campaign", "audience_segment"}) {
        const QString value = m_payload.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            fields.insert(QLatin1String(key), {value});
    }
    iconik->assets().setMetadataValues(QStringLiteral("assets"), assetId, view, fields, IconikAssets::WriteMode::Overwrite,
                                       this, [this, assetId](Result<IconikMetadataValues> written) {
                                           if (!written)
                                               return fail(tr("Describing the archived post in iconik"),
                                                           written.error());
                                           finish(
                                               done(tr("Archived as iconik asset %1 with %n file(s) uploaded",
                                                       nullptr, m_iconikUploads)
                                                        .arg(assetId)));
                                       });
}

void DamWriteBackAttempt::finish(Outcome outcome)
{
    if (m_done) {
        Done report = std::move(m_done);
        m_done = nullptr;
        report(outcome);
    }
    deleteLater();
}

} // namespace AssetDesk
