#pragma once

#include <QtGlobal>

#include <optional>

namespace AssetDesk {

// One group of a post's counters as the service reports it. Every member is optional: a group
// names only what it has (X's non_public_metrics carries three of these, public_metrics six), and
// "not reported" must stay distinguishable from 0.
struct PostMetricCounts
{
    std::optional<qint64> impressions;
    std::optional<qint64> likes;
    std::optional<qint64> reposts; // X: retweet_count, or repost_count in the newer spec
    std::optional<qint64> replies;
    std::optional<qint64> quotes;
    std::optional<qint64> bookmarks;
    std::optional<qint64> linkClicks;    // url_link_clicks
    std::optional<qint64> profileClicks; // user_profile_clicks
    std::optional<qint64> engagements;

    bool isEmpty() const
    {
        return !impressions && !likes && !reposts && !replies && !quotes && !bookmarks && !linkClicks &&
               !profileClicks && !engagements;
    }
    bool operator==(const PostMetricCounts&) const = default;
};

// The metric groups of one post. Public counts are visible to anyone; non-public and organic
// ones only to the owning account, and on X only for posts younger than 30 days, so they are
// absent more often than not.
struct PostMetrics
{
    std::optional<PostMetricCounts> publicCounts;
    std::optional<PostMetricCounts> nonPublicCounts;
    std::optional<PostMetricCounts> organicCounts;

    bool isEmpty() const { return !publicCounts && !nonPublicCounts && !organicCounts; }
    bool operator==(const PostMetrics&) const = default;
};

} // namespace AssetDesk
