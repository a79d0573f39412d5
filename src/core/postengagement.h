#pragma once

#include "core/engagementsample.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace AssetDesk {

// One post an asset was used in, with its newest engagement sample (none until the metrics
// poller has read it once).
struct PostEngagement
{
    qint64 postId = 0;
    qint64 accountId = 0;
    QString accountLabel;
    QString remoteId;
    QString text;
    QDateTime publishedAt;
    std::optional<EngagementSample> latest;

    bool operator==(const PostEngagement&) const = default;
};

// An asset's engagement: its posts (newest first) and the sum of their newest samples.
struct AssetEngagement
{
    qint64 assetId = 0;
    QList<PostEngagement> posts;
    EngagementSample total; // postId 0, sampledAt the newest of the summed samples

    bool operator==(const AssetEngagement&) const = default;
};

// A published post the metrics poller asks X about.
struct PolledPost
{
    qint64 postId = 0;
    QString remoteId;
    QDateTime publishedAt;

    bool operator==(const PolledPost&) const = default;
};

} // namespace AssetDesk
