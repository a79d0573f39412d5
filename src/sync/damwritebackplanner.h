#pragma once

#include "core/result.h"
#include "core/damwritebacksettings.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace AssetDesk {

class WriteContext;
struct Post;
struct XPublishPayload;

// Decides what is written back into the DAM accounts and queues it as jobs (the jobs table, kinds
// below), inside the caller's write: the publisher's commit of a published post, or the write-back
// worker's scans. Each job has a client uuid derived from what it does (name-based, UUID v5), so
// planning the same thing twice - a reconciled retry, a second scan - queues nothing new, and a
// top performer is tagged once. Jobs carry everything they need (remote ids, view, target, the
// post's text and media), so the worker reads nothing when it runs them.
class DamWriteBackPlanner
{
public:
    static inline const QString kLifecycleKind = QStringLiteral("dam.lifecycle");
    static inline const QString kArchiveKind = QStringLiteral("dam.archive");
    static inline const QString kTopPerformerKind = QStringLiteral("dam.top-performer");
    static QStringList kinds() { return {kLifecycleKind, kArchiveKind, kTopPerformerKind}; }

    // After publishing: lifecycle "published" for each iconik asset of the post (PhotoShelter has
    // no lifecycle field: skipped), and one archive job per DAM account of the post's assets that
    // has an archive target. Returns the number of jobs queued.
    static Result<int> planPublished(WriteContext& ctx, const DamWriteBackSettings& settings, qint64 postId,
                                     const Post& post, const XPublishPayload& payload);
    // Lifecycle "scheduled" for the iconik assets of X posts queued for later than `after` (a
    // post due within the undo window is not "scheduled").
    static Result<int> planScheduled(WriteContext& ctx, const DamWriteBackSettings& settings, const QDateTime& after);

    struct EngagedAsset
    {
        qint64 assetId = 0;
        qint64 engagement = 0; // likes, reposts, replies, quotes, bookmarks of its posts' newest samples
        int posts = 0;
    };
    // Assets whose summed engagement (EngagementRepository::assetEngagement, the sum the
    // inspector shows: posts reached directly or through a derivative) reaches `threshold`, most
    // engaged first.
    static Result<QList<EngagedAsset>> engagedAssets(WriteContext& ctx, qint64 threshold);
    // Tags the assets that pass the settings' threshold, once each.
    static Result<int> planTopPerformers(WriteContext& ctx, const DamWriteBackSettings& settings);

    // The post's address on X (the handle-free form X redirects from).
    static QString postUrl(const QString& remoteId);
};

} // namespace AssetDesk
