#include "sandbox/x/xpostmetrics.h"

#include "sandbox/splitmix64.h"
#include "sandbox/x/xpoststore.h"

#include <cmath>
#include <algorithm>

namespace AssetDesk::Sandbox {

XPostMetrics::XPostMetrics(const XPost& post, int authorFollowers, const QDateTime& now)
{
    SplitMix64 random(post.id.toULongLong() ^ 0x9e3779b97f4a7c15ULL);
    const double reach = std::max(200, authorFollowers) * (0.05 + 0.45 * random.nextUnit());
    const double likeRate = 0.005 + 0.03 * random.nextUnit();
    const double ageHours = std::max<qint64>(0, post.createdAt.msecsTo(now)) / 3'600'000.0;
    // Half of the plateau after ~4 hours; 99 % after ~1.2 days.
    const double seen = reach * (1.0 - std::exp(-ageHours / 6.0));
    auto part = [](double v) { return qint64(std::floor(v)); };
    m_impressions = part(seen);
    m_likes = part(seen * likeRate);
    m_retweets = part(seen * likeRate * 0.18);
    m_replies = part(seen * likeRate * 0.06);
    m_quotes = part(seen * likeRate * 0.02);
    m_bookmarks = part(seen * likeRate * 0.09);
    m_urlClicks = part(seen * 0.004);
    m_profileClicks = part(seen * 0.003);
    m_views = post.mediaKeys.isEmpty() ? 0 : part(seen * 0.35);
}

QJsonObject XPostMetrics::publicMetrics(bool newNames) const
{
    return QJsonObject{
        {newNames ? QStringLiteral("repost_count") : QStringLiteral("retweet_count"), m_retweets},
        {QStringLiteral("reply_count"), m_replies},
        {QStringLiteral("like_count"), m_likes},
        {QStringLiteral("quote_count"), m_quotes},
        {QStringLiteral("bookmark_count"), m_bookmarks},
        {QStringLiteral("impression_count"), m_impressions},
    };
}

QJsonObject XPostMetrics::nonPublicMetrics() const
{
    // The spec lists impression_count; the docs example adds the click counters (x.md §4).
    return QJsonObject{
        {QStringLiteral("impression_count"), m_impressions},
        {QStringLiteral("url_link_clicks"), m_urlClicks},
        {QStringLiteral("user_profile_clicks"), m_profileClicks},
    };
}

QJsonObject XPostMetrics::organicMetrics(bool newNames) const
{
    // Nothing is promoted in the sandbox: organic is everything.
    return QJsonObject{
        {QStringLiteral("impression_count"), m_impressions},
        {QStringLiteral("like_count"), m_likes},
        {QStringLiteral("reply_count"), m_replies},
        {newNames ? QStringLiteral("repost_count") : QStringLiteral("retweet_count"), m_retweets},
        {QStringLiteral("url_link_clicks"), m_urlClicks},
        {QStringLiteral("user_profile_clicks"), m_profileClicks},
    };
}

QJsonObject XPostMetrics::mediaPublicMetrics() const
{
    return QJsonObject{{QStringLiteral("view_count"), m_views}};
}

QJsonObject XPostMetrics::mediaNonPublicMetrics() const
{
    // Viewers drop off along the video.
    return QJsonObject{
        {QStringLiteral("playback_0_count"), m_views},
        {QStringLiteral("playback_25_count"), m_views * 7 / 10},
        {QStringLiteral("playback_50_count"), m_views * 5 / 10},
        {QStringLiteral("playback_75_count"), m_views * 3 / 10},
        {QStringLiteral("playback_100_count"), m_views * 2 / 10},
    };
}

QJsonObject XPostMetrics::mediaOrganicMetrics() const
{
    QJsonObject o = mediaNonPublicMetrics();
    o.insert(QStringLiteral("view_count"), m_views);
    return o;
}

} // namespace AssetDesk::Sandbox
