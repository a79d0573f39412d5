#include "sync/damwritebackplanner.h"

#include "core/asset.h"
#include "core/post.h"
#include "storage/assetrepository.h"
#include "storage/engagementrepository.h"
#include "storage/jobrepository.h"
#include "storage/sqlstatement.h"
#include "storage/writecontext.h"
#include "sync/xoutbox.h"
#include "sync/xpublishpayload.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QUuid>

#include <algorithm>

namespace AssetDesk {

namespace {
Q_LOGGING_CATEGORY(lcWriteBack, "assetdesk.sync.writeback")

// Name-based job uuids: the same write-back planned twice is the same job.
const QUuid kNamespace = QUuid::fromString(QStringLiteral("{5b0c8f4e-2d1a-4f0b-9e53-7c1d2a6b9f10}"));

// Queues the job unless one with the same key exists; 1 when queued, 0 when it already was.
Result<int> enqueueOnce(WriteContext& ctx, const QString& kind, const QString& key, const QJsonObject& payload,
                        qint64 accountId)
{
    const QUuid uuid = QUuid::createUuidV5(kNamespace, key);
    const QByteArray json = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    Result<qint64> id = JobRepository::enqueue(ctx, kind, json, uuid, {}, {}, accountId);
    if (!id)
        return id.error().kind() == ErrorKind::Conflict ? Result<int>(0) : Result<int>(id.error());
    return 1;
}

QJsonObject lifecyclePayload(const Asset& a, const QString& viewId, const QString& state)
{
    return QJsonObject{{QStringLiteral("asset_id"), a.id},
                       {QStringLiteral("remote_id"), a.remoteId},
                       {QStringLiteral("view_id"), viewId},
                       {QStringLiteral("state"), state}};
}

Result<QList<Asset>> assetsOf(WriteContext& ctx, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return QList<Asset>();
    return AssetRepository(ctx).getMany(ids);
}

Result<int> planLifecycle(WriteContext& ctx, const DamWriteBackSettings& settings, const QList<Asset>& assets,
                          const QString& state, const QString& occasion)
{
    int queued = 0;
    for (const Asset& a : assets) {
        const QString view = settings.target(a.accountId).metadataViewId;
        if (a.service != Service::Iconik) {
            if (settings.accounts.contains(a.accountId))
                qCDebug(lcWriteBack) << "asset" << a.id << "is in" << serviceId(a.service)
                                     << "which has no lifecycle status: not written";
            continue;
        }
        if (view.isEmpty())
            continue;
        Result<int> n = enqueueOnce(ctx, DamWriteBackPlanner::kLifecycleKind,
                                    QStringLiteral("lifecycle:%1:%2:asset%3").arg(state, occasion).arg(a.id),
                                    lifecyclePayload(a, view, state), a.accountId);
        if (!n)
            return n.error();
        queued += n.value();
    }
    return queued;
}

} // namespace

QString DamWriteBackPlanner::postUrl(const QString& remoteId)
{
    return QStringLiteral("https://x.com/i/web/status/%1").arg(remoteId);
}

Result<int> DamWriteBackPlanner::planPublished(WriteContext& ctx, const DamWriteBackSettings& settings, qint64 postId,
                                               const Post& post, const XPublishPayload& payload)
{
    if (settings.isEmpty())
        return 0;
    Result<QList<Asset>> assets = assetsOf(ctx, payload.allAssetIds());
    if (!assets)
        return assets.error();
    Result<int> queued = planLifecycle(ctx, settings, assets.value(), QStringLiteral("published"),
                                       QStringLiteral("post%1").arg(postId));
    if (!queued)
        return queued.error();

    // One archive job per DAM account with a target: its copy carries all of the post's media.
    QList<qint64> archiveAccounts;
    for (const Asset& a : assets.value()) {
        if (!settings.target(a.accountId).archiveTarget.isEmpty() && !archiveAccounts.contains(a.accountId))
            archiveAccounts << a.accountId;
    }
    QJsonArray media;
    static const QMimeDatabase mimes;
    for (const XPublishPayload::Media& m : payload.media) {
        if (m.path.isEmpty())
            continue; // uploaded to X earlier: no local file to archive
        media.append(QJsonObject{{QStringLiteral("path"), m.path},
                                 {QStringLiteral("file_name"), QFileInfo(m.path).fileName()},
                                 {QStringLiteral("mime"), mimes.mimeTypeForFile(m.path).name()},
                                 {QStringLiteral("alt_text"), m.altText}});
    }
    QString campaign = payload.campaign;
    for (const Asset& a : assets.value()) {
        if (campaign.isEmpty())
            campaign = a.campaign;
    }
    int archived = 0;
    for (qint64 accountId : std::as_const(archiveAccounts)) {
        const DamWriteBackSettings::Target target = settings.target(accountId);
        Service service = Service::PhotoShelter;
        QJsonArray sources;
        for (const Asset& a : assets.value()) {
            if (a.accountId != accountId)
                continue;
            service = a.service;
            sources.append(a.remoteId);
        }
        const QJsonObject job{
            {QStringLiteral("post_id"), postId},
            {QStringLiteral("post_remote_id"), post.remoteId},
            {QStringLiteral("post_url"), postUrl(post.remoteId)},
            {QStringLiteral("text"), post.text},
            {QStringLiteral("published_at"), post.publishedAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("campaign"), campaign},
            {QStringLiteral("audience_segment"),
             payload.audienceSegment.isEmpty() ? settings.audienceSegment : payload.audienceSegment},
            {QStringLiteral("service"), serviceId(service)},
            {QStringLiteral("target"), target.archiveTarget},
            {QStringLiteral("view_id"), target.metadataViewId},
            {QStringLiteral("media"), media},
            {QStringLiteral("source_remote_ids"), sources},
        };
        Result<int> n = enqueueOnce(ctx, kArchiveKind, QStringLiteral("archive:post%1:account%2").arg(postId).arg(accountId),
                                    job, accountId);
        if (!n)
            return n.error();
        archived += n.value();
    }
    return queued.value() + archived;
}

Result<int> DamWriteBackPlanner::planScheduled(WriteContext& ctx, const DamWriteBackSettings& settings,
                                               const QDateTime& after)
{
    if (settings.isEmpty())
        return 0;
    Result<QList<OutboxJob>> queued = JobRepository(ctx).list(JobState::Queued, 1000);
    if (!queued)
        return queued.error();
    int planned = 0;
    for (const OutboxJob& job : queued.value()) {
        if (job.kind != XOutbox::kXPublishJobKind || !job.notBefore.isValid() || job.notBefore <= after)
            continue;
        Result<XPublishPayload> payload = XPublishPayload::fromJson(job.payload);
        if (!payload)
            continue; // the publisher fails it with the reason when it comes due
        Result<QList<Asset>> assets = assetsOf(ctx, payload->allAssetIds());
        if (!assets)
            return assets.error();
        Result<int> n = planLifecycle(ctx, settings, assets.value(), QStringLiteral("scheduled"),
                                      QStringLiteral("job%1").arg(job.id));
        if (!n)
            return n.error();
        planned += n.value();
    }
    return planned;
}

Result<QList<DamWriteBackPlanner::EngagedAsset>> DamWriteBackPlanner::engagedAssets(WriteContext& ctx, qint64 threshold)
{
    // The assets used in a post at all, then each one's sum as the inspector computes it.
    SqlStatement used = ctx.statement(QStringLiteral(
        "SELECT DISTINCT from_id FROM lineage_edges WHERE from_kind = 'asset' AND to_kind IN ('post', 'derivative') "
        "ORDER BY from_id"));
    if (Status s = used.exec(); !s)
        return s.error();
    QList<qint64> candidates;
    while (used.next())
        candidates << used.value(0).toLongLong();
    used.finish();
    const EngagementRepository engagement(ctx);
    QList<EngagedAsset> out;
    for (qint64 id : std::as_const(candidates)) {
        const Result<AssetEngagement> e = engagement.assetEngagement(id);
        if (!e)
            return e.error();
        const EngagementSample& t = e->total;
        const qint64 sum = t.likes + t.reposts + t.replies + t.quotes + t.bookmarks;
        if (!e->posts.isEmpty() && sum >= threshold)
            out << EngagedAsset{id, sum, int(e->posts.size())};
    }
    std::stable_sort(out.begin(), out.end(), [](const EngagedAsset& a, const EngagedAsset& b) { return a.engagement > b.engagement; });
    return out;
}

Result<int> DamWriteBackPlanner::planTopPerformers(WriteContext& ctx, const DamWriteBackSettings& settings)
{
    if (settings.topPerformerThreshold <= 0 || settings.isEmpty())
        return 0;
    Result<QList<EngagedAsset>> engaged = engagedAssets(ctx, settings.topPerformerThreshold);
    if (!engaged)
        return engaged.error();
    QList<qint64> ids;
    for (const EngagedAsset& e : engaged.value())
        ids << e.assetId;
    Result<QList<Asset>> assets = assetsOf(ctx, ids);
    if (!assets)
        return assets.error();
    int queued = 0;
    for (const Asset& a : assets.value()) {
        if (!settings.accounts.contains(a.accountId))
            continue;
        const DamWriteBackSettings::Target target = settings.target(a.accountId);
        QJsonObject job{{QStringLiteral("asset_id"), a.id},
                        {QStringLiteral("remote_id"), a.remoteId},
                        {QStringLiteral("service"), serviceId(a.service)}};
        if (a.service == Service::Iconik) {
            if (target.metadataViewId.isEmpty())
                continue; // nowhere to write the field
            job.insert(QStringLiteral("view_id"), target.metadataViewId);
        } else if (a.service == Service::PhotoShelter) {
            job.insert(QStringLiteral("keyword"), settings.topPerformerKeyword);
        } else {
            continue;
        }
        Result<int> n = enqueueOnce(ctx, kTopPerformerKind, QStringLiteral("top-performer:asset%1").arg(a.id), job,
                                    a.accountId);
        if (!n)
            return n.error();
        queued += n.value();
    }
    return queued;
}

} // namespace AssetDesk
