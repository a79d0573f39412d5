#pragma once

#include "core/engagementsample.h"
#include "core/result.h"
#include "storage/connectionsource.h"
#include "core/postengagement.h"

#include <QHash>
#include <QList>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// Engagement samples of published posts (the metrics poller writes them) and what they say about
// assets: the posts an asset was used in - directly (asset -> post) or through a derivative
// (asset -> derivative -> post) - with their newest samples, summed per asset, and how many
// posts each asset has (the basis of "used / unused / overused", IX8).
// Style as in LineageRepository: const reads on the calling thread, static writes in a WriteContext.
class EngagementRepository
{
public:
    explicit EngagementRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit EngagementRepository(const WriteContext& context)
        : m_source(context)
    {}

    // The newest sample of a post; nullopt before the first.
    Result<std::optional<EngagementSample>> latest(qint64 postId) const;
    // A post's samples, oldest first (for a chart); `since` invalid: all of them.
    Result<QList<EngagementSample>> series(qint64 postId, const QDateTime& since = {}) const;
    // The posts of an asset with their newest samples, newest post first, and the sum.
    Result<AssetEngagement> assetEngagement(qint64 assetId) const;
    // Number of distinct posts per asset (assets without a post are left out).
    Result<QHash<qint64, int>> usageCounts(const QList<qint64>& assetIds) const;
    // The account's published posts (with a remote id) published at or after `since`, newest first.
    Result<QList<PolledPost>> publishedSince(qint64 accountId, const QDateTime& since) const;

    // Stores samples and returns how many were new. A sample whose counters equal the post's
    // newest stored sample is dropped: a flat stretch is one point, not one per poll (the chart
    // draws it as a step). A second sample at the same instant replaces nothing either.
    static Result<int> addSamples(WriteContext& ctx, const QList<EngagementSample>& samples);

    // SQL for the number of distinct posts of the asset whose id is the expression `assetId`
    // (a column of the enclosing query, like "a.id"): one step to a post, or two through a
    // derivative. Used by usageCounts() and by the library search's usage facet.
    static QString usageCountSql(const QString& assetId);
    // SQL that is true when the asset has at least one post (cheaper than a count of 0).
    static QString hasPostSql(const QString& assetId);

private:
    ConnectionSource m_source;
};

} // namespace AssetDesk
