#pragma once

#include "connectors/x/xpostpage.h"
#include "core/engagementsample.h"
#include "core/result.h"

#include <QJsonObject>

namespace AssetDesk {

// X API v2 post JSON to core types (x.md §3, §4, §6, §8). Pure functions of their input.
//
// Metric groups are read under both spellings x.md §4 notes: the classic `retweet_count` and the
// 2.167 spec's `repost_count` (the live API's choice is unconfirmed), and the posts' reference
// lists under `referenced_tweets` / `referenced_posts`, edit history under
// `edit_history_tweet_ids` / `edit_history_post_ids`.
class XPostMapper
{
public:
    // One Tweet/Post object; a Parse error when it has no id.
    static Result<PublishedPost> mapPost(const QJsonObject& post);
    // public_metrics, non_public_metrics and organic_metrics of a post object.
    static PostMetrics mapMetrics(const QJsonObject& post);
    static PostMetricCounts mapCounts(const QJsonObject& group);

    // A list answer {data:[...], meta:{...}, errors:[...]}; data may be absent (result_count 0,
    // or every id of a lookup unknown). A data member that is not a list is a Parse error.
    static Result<XPostPage> mapPage(const QJsonObject& response);
    static QList<XPartialError> partialErrors(const QJsonObject& response);

    // The id of a created post: {data:{id,text}} (POST /2/tweets).
    static Result<QString> createdId(const QJsonObject& response);
    // {data:{deleted:true}} (DELETE /2/tweets/{id}).
    static Result<bool> deleted(const QJsonObject& response);

    // The best figure of each kind for a sample: impressions and clicks from the owner-only
    // groups when present (public impression_count is a later addition and may lag), the
    // interaction counts from the public group. postId and sampledAt are left to the caller.
    static EngagementSample sample(const PostMetrics& metrics);
};

} // namespace AssetDesk
