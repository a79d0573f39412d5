#include "connectors/x/xpostmapper.h"

#include "connectors/jsonreader.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace AssetDesk {

namespace {
const QString kService = QStringLiteral("X");

std::optional<qint64> count(const QJsonObject& group, std::initializer_list<QLatin1String> names)
{
    for (QLatin1String name : names) {
        const QJsonValue v = group.value(name);
        if (v.isDouble())
            return v.toInteger();
        // Counters are numbers in every example; a numeric string is read rather than lost.
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

std::optional<PostMetricCounts> group(const QJsonObject& post, QLatin1String name)
{
    const QJsonValue v = post.value(name);
    if (!v.isObject())
        return std::nullopt;
    return XPostMapper::mapCounts(v.toObject());
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& e : v.toArray()) {
        if (e.isString())
            out << e.toString();
        else if (e.isDouble())
            out << QString::number(e.toInteger());
    }
    return out;
}

QJsonValue either(const QJsonObject& o, QLatin1String classic, QLatin1String renamed)
{
    return o.contains(classic) ? o.value(classic) : o.value(renamed);
}

template<typename T>
std::optional<T> firstOf(std::initializer_list<std::optional<T>> values)
{
    for (const std::optional<T>& v : values) {
        if (v)
            return v;
    }
    return std::nullopt;
}

} // namespace

PostMetricCounts XPostMapper::mapCounts(const QJsonObject& g)
{
    PostMetricCounts c;
    c.impressions = count(g, {QLatin1String("impression_count")});
    c.likes = count(g, {QLatin1String("like_count")});
    c.reposts = count(g, {QLatin1String("retweet_count"), QLatin1String("repost_count")});
    c.replies = count(g, {QLatin1String("reply_count")});
    c.quotes = count(g, {QLatin1String("quote_count")});
    c.bookmarks = count(g, {QLatin1String("bookmark_count")});
    c.linkClicks = count(g, {QLatin1String("url_link_clicks")});
    c.profileClicks = count(g, {QLatin1String("user_profile_clicks")});
    // Only the docs example of non_public_metrics shows it (x.md §4); read when present.
    c.engagements = count(g, {QLatin1String("engagements")});
    return c;
}

PostMetrics XPostMapper::mapMetrics(const QJsonObject& post)
{
    PostMetrics m;
    m.publicCounts = group(post, QLatin1String("public_metrics"));
    m.nonPublicCounts = group(post, QLatin1String("non_public_metrics"));
    m.organicCounts = group(post, QLatin1String("organic_metrics"));
    return m;
}

Result<PublishedPost> XPostMapper::mapPost(const QJsonObject& object)
{
    const JsonReader reader(object, kService);
    const Result<QString> id = reader.id(u"id");
    if (!id)
        return id.error();
    PublishedPost p;
    p.id = *id;
    p.text = reader.optionalString(u"text");
    p.authorId = reader.optionalString(u"author_id");
    p.conversationId = reader.optionalString(u"conversation_id");
    const QString created = reader.optionalString(u"created_at");
    if (!created.isEmpty())
        p.createdAt = QDateTime::fromString(created, Qt::ISODateWithMs).toUTC();
    p.mediaKeys = strings(reader.value(u"attachments.media_keys"));
    p.editHistoryIds = strings(either(object, QLatin1String("edit_history_tweet_ids"), QLatin1String("edit_history_post_ids")));
    const QJsonArray refs = either(object, QLatin1String("referenced_tweets"), QLatin1String("referenced_posts")).toArray();
    for (const QJsonValue& v : refs) {
        const QJsonObject ref = v.toObject();
        const QString type = ref.value(QLatin1String("type")).toString();
        const QString refId = ref.value(QLatin1String("id")).toString();
        if (type == QLatin1String("replied_to"))
            p.inReplyToId = refId;
        else if (type == QLatin1String("quoted"))
            p.quotedId = refId;
        else if (type == QLatin1String("retweeted") || type == QLatin1String("reposted"))
            p.repostedId = refId;
    }
    p.metrics = mapMetrics(object);
    return p;
}

QList<XPartialError> XPostMapper::partialErrors(const QJsonObject& response)
{
    QList<XPartialError> out;
    for (const QJsonValue& v : response.value(QLatin1String("errors")).toArray()) {
        const QJsonObject e = v.toObject();
        XPartialError p;
        p.resourceId = e.value(QLatin1String("resource_id")).toString(e.value(QLatin1String("value")).toString());
        p.resourceType = e.value(QLatin1String("resource_type")).toString();
        p.parameter = e.value(QLatin1String("parameter")).toString();
        p.type = e.value(QLatin1String("type")).toString();
        p.title = e.value(QLatin1String("title")).toString();
        p.detail = e.value(QLatin1String("detail")).toString(e.value(QLatin1String("message")).toString());
        out << p;
    }
    return out;
}

Result<XPostPage> XPostMapper::mapPage(const QJsonObject& response)
{
    XPostPage page;
    const QJsonValue data = response.value(QLatin1String("data"));
    if (!data.isUndefined() && !data.isNull() && !data.isArray()) {
        // GET /2/tweets/{id} answers one object; a page of one is the same thing.
        if (!data.isObject()) {
            return Error(ErrorKind::Parse,
                         QCoreApplication::translate("AssetDesk::XPostMapper", "X answered without a list of posts."),
                         QStringLiteral("data is neither a list nor an object"))
                .withOrigin(kService);
        }
    }
    const QJsonArray items = data.isObject() ? QJsonArray{data} : data.toArray();
    for (const QJsonValue& v : items) {
        const Result<PublishedPost> post = mapPost(v.toObject());
        if (!post)
            return post.error();
        page.posts << *post;
    }
    page.problems = partialErrors(response);
    const JsonReader meta(response.value(QLatin1String("meta")).toObject(), kService);
    page.nextToken = meta.optionalString(u"next_token");
    page.newestId = meta.optionalString(u"newest_id");
    page.oldestId = meta.optionalString(u"oldest_id");
    page.resultCount = meta.value(u"result_count").toInt(int(page.posts.size()));
    return page;
}

Result<QString> XPostMapper::createdId(const QJsonObject& response)
{
    return JsonReader(response, kService).id(u"data.id");
}

Result<bool> XPostMapper::deleted(const QJsonObject& response)
{
    const QJsonValue v = JsonReader(response, kService).value(u"data.deleted");
    if (!v.isBool()) {
        return Error(ErrorKind::Parse,
                     QCoreApplication::translate("AssetDesk::XPostMapper", "X answered the deletion without saying whether it happened."),
                     QStringLiteral("expected a boolean at data.deleted"))
            .withOrigin(kService);
    }
    return v.toBool();
}

EngagementSample XPostMapper::sample(const PostMetrics& m)
{
    const PostMetricCounts none;
    const PostMetricCounts& pub = m.publicCounts ? *m.publicCounts : none;
    const PostMetricCounts& priv = m.nonPublicCounts ? *m.nonPublicCounts : none;
    const PostMetricCounts& org = m.organicCounts ? *m.organicCounts : none;
    EngagementSample s;
    s.impressions = firstOf({priv.impressions, org.impressions, pub.impressions}).value_or(0);
    s.likes = firstOf({pub.likes, org.likes}).value_or(0);
    s.reposts = firstOf({pub.reposts, org.reposts}).value_or(0);
    s.replies = firstOf({pub.replies, org.replies}).value_or(0);
    s.quotes = pub.quotes.value_or(0);
    s.bookmarks = pub.bookmarks.value_or(0);
    s.linkClicks = firstOf({priv.linkClicks, org.linkClicks}).value_or(0);
    s.profileClicks = firstOf({priv.profileClicks, org.profileClicks}).value_or(0);
    return s;
}

} // namespace AssetDesk
