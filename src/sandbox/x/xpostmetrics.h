#pragma once

#include <QDateTime>
#include <QJsonObject>

namespace AssetDesk::Sandbox {

struct XPost;

// Engagement of a post as a pure function of the post and "now" (the SandboxClock): zero at
// creation, rising towards a per-post plateau over the first days, never decreasing, so tests
// advance the clock and watch the numbers grow. Rates are drawn from the post id, so every run
// and every reader sees the same figures.
class XPostMetrics
{
public:
    // Non-public and organic metrics exist only for posts younger than this (x.md §4).
    static constexpr qint64 kPrivateMetricsDays = 30;

    XPostMetrics(const XPost& post, int authorFollowers, const QDateTime& now);

    // x.md §4 field names. `newNames`: the 2.167 spelling (repost_count for retweet_count).
    QJsonObject publicMetrics(bool newNames) const;
    QJsonObject nonPublicMetrics() const;
    QJsonObject organicMetrics(bool newNames) const;
    // Video media: public view_count, non-public playback quartiles, organic both.
    QJsonObject mediaPublicMetrics() const;
    QJsonObject mediaNonPublicMetrics() const;
    QJsonObject mediaOrganicMetrics() const;

    qint64 impressions() const { return m_impressions; }
    qint64 likes() const { return m_likes; }

private:
    qint64 m_impressions = 0;
    qint64 m_likes = 0;
    qint64 m_retweets = 0;
    qint64 m_replies = 0;
    qint64 m_quotes = 0;
    qint64 m_bookmarks = 0;
    qint64 m_urlClicks = 0;
    qint64 m_profileClicks = 0;
    qint64 m_views = 0;
};

} // namespace AssetDesk::Sandbox
