#include "storage/engagementrepository.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <algorithm>

namespace AssetDesk {

namespace {

const QString kSampleColumns = QStringLiteral(
    "post_id, sampled_at, impressions, likes, reposts, replies, quotes, bookmarks, link_clicks, profile_clicks");

// Reads the ten sample columns starting at `first`.
EngagementSample sampleFrom(const SqlStatement& q, int first)
{
    EngagementSample s;
    s.postId = q.value(first).toLongLong();
    s.sampledAt = SqlValues::toDateTime(q.value(first + 1));
    s.impressions = q.value(first + 2).toLongLong();
    s.likes = q.value(first + 3).toLongLong();
    s.reposts = q.value(first + 4).toLongLong();
    s.replies = q.value(first + 5).toLongLong();
    s.quotes = q.value(first + 6).toLongLong();
    s.bookmarks = q.value(first + 7).toLongLong();
    s.linkClicks = q.value(first + 8).toLongLong();
    s.profileClicks = q.value(first + 9).toLongLong();
    return s;
}

bool sameCounters(const EngagementSample& a, const EngagementSample& b)
{
    return a.impressions == b.impressions && a.likes == b.likes && a.reposts == b.reposts && a.replies == b.replies
           && a.quotes == b.quotes && a.bookmarks == b.bookmarks && a.linkClicks == b.linkClicks
           && a.profileClicks == b.profileClicks;
}

void addTo(EngagementSample& total, const EngagementSample& s)
{
    total.impressions += s.impressions;
    total.likes += s.likes;
    total.reposts += s.reposts;
    total.replies += s.replies;
    total.quotes += s.quotes;
    total.bookmarks += s.bookmarks;
    total.linkClicks += s.linkClicks;
    total.profileClicks += s.profileClicks;
    if (!total.sampledAt.isValid() || s.sampledAt > total.sampledAt)
        total.sampledAt = s.sampledAt;
}

// The post ids of the asset `assetId` (an SQL expression): asset -> post and
// asset -> derivative -> post. UNION removes a post reached both ways.
QString assetPostIdsSql(const QString& assetId)
{
    return QStringLiteral(
               "SELECT e.to_id FROM lineage_edges e WHERE e.from_kind = 'asset' AND e.from_id = %1 "
               "AND e.to_kind = 'post' "
               "UNION SELECT p.to_id FROM lineage_edges d JOIN lineage_edges p ON p.from_kind = 'derivative' "
               "AND p.from_id = d.to_id AND p.to_kind = 'post' "
               "WHERE d.from_kind = 'asset' AND d.from_id = %1 AND d.to_kind = 'derivative'")
        .arg(assetId);
}

Result<std::optional<EngagementSample>> latestOn(const SqlConnection& connection, qint64 postId)
{
    SqlStatement q(connection, QStringLiteral("SELECT %1 FROM engagement_samples WHERE post_id = :post "
                                              "ORDER BY sampled_at DESC LIMIT 1")
                                   .arg(kSampleColumns));
    q.bind(QStringLiteral("post"), postId);
    if (Status s = q.exec(); !s)
        return s.error();
    if (!q.next())
        return std::optional<EngagementSample>();
    EngagementSample sample = sampleFrom(q, 0);
    q.finish();
    return std::optional<EngagementSample>(sample);
}

} // namespace

QString EngagementRepository::usageCountSql(const QString& assetId)
{
    return QStringLiteral("(SELECT count(*) FROM (%1) AS asset_posts)").arg(assetPostIdsSql(assetId));
}

QString EngagementRepository::hasPostSql(const QString& assetId)
{
    return QStringLiteral(
               "EXISTS (SELECT 1 FROM lineage_edges e WHERE e.from_kind = 'asset' AND e.from_id = %1 "
               "AND (e.to_kind = 'post' OR (e.to_kind = 'derivative' AND EXISTS (SELECT 1 FROM lineage_edges p "
               "WHERE p.from_kind = 'derivative' AND p.from_id = e.to_id AND p.to_kind = 'post'))))")
        .arg(assetId);
}

Result<std::optional<EngagementSample>> EngagementRepository::latest(qint64 postId) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    return latestOn(connection.value(), postId);
}

Result<QList<EngagementSample>> EngagementRepository::series(qint64 postId, const QDateTime& since) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(), QStringLiteral("SELECT %1 FROM engagement_samples WHERE post_id = :post "
                                                      "AND sampled_at >= :since ORDER BY sampled_at")
                                           .arg(kSampleColumns));
    q.bind(QStringLiteral("post"), postId)
        .bind(QStringLiteral("since"), since.isValid() ? since.toMSecsSinceEpoch() : qint64(0));
    if (Status s = q.exec(); !s)
        return s.error();
    QList<EngagementSample> samples;
    while (q.next())
        samples << sampleFrom(q, 0);
    return samples;
}

Result<AssetEngagement> EngagementRepository::assetEngagement(qint64 assetId) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    // The newest sample by the (post_id, sampled_at) primary key: one index probe per post.
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT p.id, p.account_id, acc.label, p.remote_id, p.text, p.published_at, "
                                  "s.post_id, s.sampled_at, s.impressions, s.likes, s.reposts, s.replies, s.quotes, "
                                  "s.bookmarks, s.link_clicks, s.profile_clicks "
                                  "FROM posts p JOIN accounts acc ON acc.id = p.account_id "
                                  "LEFT JOIN engagement_samples s ON s.post_id = p.id AND s.sampled_at = "
                                  "(SELECT max(m.sampled_at) FROM engagement_samples m WHERE m.post_id = p.id) "
                                  "WHERE p.id IN (%1) ORDER BY p.published_at DESC, p.id DESC")
                       .arg(assetPostIdsSql(QStringLiteral(":asset"))));
    q.bind(QStringLiteral("asset"), assetId);
    if (Status s = q.exec(); !s)
        return s.error();
    AssetEngagement result;
    result.assetId = assetId;
    while (q.next()) {
        PostEngagement p;
        p.postId = q.value(0).toLongLong();
        p.accountId = q.value(1).toLongLong();
        p.accountLabel = q.value(2).toString();
        p.remoteId = q.value(3).toString();
        p.text = q.value(4).toString();
        p.publishedAt = SqlValues::toDateTime(q.value(5));
        if (!q.value(6).isNull()) {
            p.latest = sampleFrom(q, 6);
            addTo(result.total, *p.latest);
        }
        result.posts << p;
    }
    return result;
}

Result<QHash<qint64, int>> EngagementRepository::usageCounts(const QList<qint64>& assetIds) const
{
    QHash<qint64, int> counts;
    if (assetIds.isEmpty())
        return counts;
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    // Ids are integers: inlined, in chunks that keep the statement small.
    constexpr qsizetype kChunk = 500;
    for (qsizetype first = 0; first < assetIds.size(); first += kChunk) {
        QStringList ids;
        for (qsizetype i = first; i < std::min(assetIds.size(), first + kChunk); ++i)
            ids << QString::number(assetIds.at(i));
        SqlStatement q(connection.value(),
                       QStringLiteral("SELECT a.id, %1 FROM assets a WHERE a.id IN (%2) AND %3")
                           .arg(usageCountSql(QStringLiteral("a.id")), ids.join(QLatin1Char(',')),
                                hasPostSql(QStringLiteral("a.id"))));
        if (Status s = q.exec(); !s)
            return s.error();
        while (q.next())
            counts.insert(q.value(0).toLongLong(), q.value(1).toInt());
    }
    return counts;
}

Result<QList<PolledPost>> EngagementRepository::publishedSince(qint64 accountId, const QDateTime& since) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT id, remote_id, published_at FROM posts WHERE account_id = :account "
                                  "AND status = 'published' AND remote_id IS NOT NULL AND published_at >= :since "
                                  "ORDER BY published_at DESC, id DESC"));
    q.bind(QStringLiteral("account"), accountId).bind(QStringLiteral("since"), SqlValues::timestamp(since));
    if (Status s = q.exec(); !s)
        return s.error();
    QList<PolledPost> posts;
    while (q.next())
        posts << PolledPost{q.value(0).toLongLong(), q.value(1).toString(), SqlValues::toDateTime(q.value(2))};
    return posts;
}

Result<int> EngagementRepository::addSamples(WriteContext& ctx, const QList<EngagementSample>& samples)
{
    int added = 0;
    for (const EngagementSample& sample : samples) {
        if (sample.postId <= 0 || !sample.sampledAt.isValid()) {
            return Error(ErrorKind::Validation, QStringLiteral("An engagement sample needs a post and a time."))
                .withOrigin(QStringLiteral("storage"));
        }
        Result<std::optional<EngagementSample>> newest = latestOn(ctx.connection(), sample.postId);
        if (!newest)
            return newest.error();
        if (*newest && (sameCounters(**newest, sample) || (*newest)->sampledAt >= sample.sampledAt))
            continue; // nothing new, or older than what is stored (samples only move forward)
        SqlStatement insert = ctx.statement(
            QStringLiteral("INSERT INTO engagement_samples (%1) VALUES (:post, :at, :impressions, :likes, :reposts, "
                           ":replies, :quotes, :bookmarks, :link_clicks, :profile_clicks) "
                           "ON CONFLICT (post_id, sampled_at) DO NOTHING")
                .arg(kSampleColumns));
        insert.bind(QStringLiteral("post"), sample.postId)
            .bind(QStringLiteral("at"), SqlValues::timestamp(sample.sampledAt))
            .bind(QStringLiteral("impressions"), sample.impressions)
            .bind(QStringLiteral("likes"), sample.likes)
            .bind(QStringLiteral("reposts"), sample.reposts)
            .bind(QStringLiteral("replies"), sample.replies)
            .bind(QStringLiteral("quotes"), sample.quotes)
            .bind(QStringLiteral("bookmarks"), sample.bookmarks)
            .bind(QStringLiteral("link_clicks"), sample.linkClicks)
            .bind(QStringLiteral("profile_clicks"), sample.profileClicks);
        if (Status s = insert.exec(); !s)
            return s.error();
        if (insert.rowsAffected() > 0) {
            ++added;
            // Samples have no id of their own: the change names the post whose engagement moved.
            ctx.changes().add(EntityKind::Engagement, ChangeSet::Op::Inserted, sample.postId);
        }
    }
    return added;
}

} // namespace AssetDesk
