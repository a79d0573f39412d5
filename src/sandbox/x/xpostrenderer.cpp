#include "sandbox/x/xpostrenderer.h"

#include "sandbox/x/xmediastore.h"
#include "sandbox/x/xpostmetrics.h"
#include "sandbox/x/xpoststore.h"
#include "sandbox/x/xuserroutes.h"

#include <QRegularExpression>

namespace AssetDesk::Sandbox {

namespace {

const QString kProblems = QStringLiteral("https://api.twitter.com/2/problems/");

} // namespace

XPostRenderer::XPostRenderer(const XPostStore& posts, const XMediaStore& media, const XFieldSelection& selection,
                             const Principal& principal, const QDateTime& now)
    : m_posts(posts)
    , m_media(media)
    , m_selection(selection)
    , m_principal(principal)
    , m_now(now)
{}

QString XPostRenderer::isoTime(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddThh:mm:ss.zzzZ"));
}

QJsonObject XPostRenderer::notFound(const QString& id, const QString& parameter)
{
    return QJsonObject{{QStringLiteral("value"), id},
                       {QStringLiteral("detail"), QStringLiteral("Could not find tweet with %1: [%2].").arg(parameter, id)},
                       {QStringLiteral("title"), QStringLiteral("Not Found Error")},
                       {QStringLiteral("resource_type"), QStringLiteral("tweet")},
                       {QStringLiteral("parameter"), parameter},
                       {QStringLiteral("resource_id"), id},
                       {QStringLiteral("type"), kProblems + QStringLiteral("resource-not-found")}};
}

bool XPostRenderer::mayReadPrivateMetrics(const XPost& post) const
{
    return m_principal.kind == Principal::Kind::User && m_principal.subjectId == post.authorId &&
           post.createdAt.daysTo(m_now) < XPostMetrics::kPrivateMetricsDays;
}

void XPostRenderer::deny(const QString& resourceType, const QString& resourceId, const QString& field,
                         const QString& section)
{
    const QString key = QStringLiteral("d:%1:%2:%3").arg(resourceType, field, resourceId);
    if (m_included.contains(key))
        return;
    m_included.insert(key);
    const bool tweet = resourceType == QLatin1String("tweet");
    m_errors.append(QJsonObject{
        {QStringLiteral("resource_id"), resourceId},
        {QStringLiteral("field"), field},
        {QStringLiteral("parameter"), !tweet ? QStringLiteral("media.fields")
                                      : m_selection.newNames ? QStringLiteral("post.fields")
                                                             : QStringLiteral("tweet.fields")},
        {QStringLiteral("resource_type"), resourceType},
        {QStringLiteral("section"), section},
        {QStringLiteral("title"), QStringLiteral("Field Authorization Error")},
        {QStringLiteral("value"), field},
        {QStringLiteral("detail"), QStringLiteral("Sorry, you are not authorized to access '%1' on the %2 with ids [%3].")
                                       .arg(field, tweet ? QStringLiteral("Tweet") : QStringLiteral("Media"), resourceId)},
        {QStringLiteral("type"), kProblems + QStringLiteral("not-authorized-for-field")}});
}

QJsonObject XPostRenderer::entities(const XPost& post) const
{
    // Offsets count UTF-16 units here; X counts code points (the same for BMP text).
    QJsonArray mentions;
    QJsonArray hashtags;
    static const QRegularExpression tokens(QStringLiteral("(?<![\\w@#])([@#])(\\w{1,100})"));
    auto it = tokens.globalMatch(post.text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const int start = int(m.capturedStart(0));
        const int end = int(m.capturedEnd(0));
        if (m.captured(1) == QLatin1String("#")) {
            hashtags.append(QJsonObject{{QStringLiteral("start"), start}, {QStringLiteral("end"), end},
                                        {QStringLiteral("tag"), m.captured(2)}});
        } else if (const XUser* u = m_posts.userByUsername(m.captured(2))) {
            mentions.append(QJsonObject{{QStringLiteral("start"), start}, {QStringLiteral("end"), end},
                                        {QStringLiteral("username"), u->username}, {QStringLiteral("id"), u->id}});
        }
    }
    QJsonObject o;
    if (!mentions.isEmpty())
        o.insert(QStringLiteral("mentions"), mentions);
    if (!hashtags.isEmpty())
        o.insert(QStringLiteral("hashtags"), hashtags);
    return o;
}

QJsonObject XPostRenderer::post(const XPost& p)
{
    const XUser* author = m_posts.user(p.authorId);
    const XPostMetrics metrics(p, author ? author->followers : 0, m_now);
    const bool newNames = m_selection.newNames;
    QJsonObject o{{QStringLiteral("id"), p.id}, {QStringLiteral("text"), p.text}};
    o.insert(newNames ? QStringLiteral("edit_history_post_ids") : QStringLiteral("edit_history_tweet_ids"), QJsonArray{p.id});
    QJsonArray referenced;
    if (!p.inReplyToId.isEmpty())
        referenced.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("replied_to")}, {QStringLiteral("id"), p.inReplyToId}});
    if (!p.quoteId.isEmpty())
        referenced.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("quoted")}, {QStringLiteral("id"), p.quoteId}});
    for (const QString& f : std::as_const(m_selection.postFields)) {
        if (f == QLatin1String("author_id"))
            o.insert(f, p.authorId);
        else if (f == QLatin1String("created_at"))
            o.insert(f, isoTime(p.createdAt));
        else if (f == QLatin1String("conversation_id"))
            o.insert(f, p.conversationId);
        else if (f == QLatin1String("in_reply_to_user_id") && !p.inReplyToUserId.isEmpty())
            o.insert(f, p.inReplyToUserId);
        else if (f == QLatin1String("lang"))
            o.insert(f, author && author->region == QLatin1String("de")   ? QStringLiteral("de")
                        : author && author->region == QLatin1String("jp") ? QStringLiteral("ja")
                                                                           : QStringLiteral("en"));
        else if (f == QLatin1String("possibly_sensitive"))
            o.insert(f, false);
        else if (f == QLatin1String("reply_settings"))
            o.insert(f, QStringLiteral("everyone"));
        else if (f == QLatin1String("attachments") && !p.mediaKeys.isEmpty())
            o.insert(f, QJsonObject{{QStringLiteral("media_keys"), QJsonArray::fromStringList(p.mediaKeys)}});
        else if (f == QLatin1String("referenced_tweets") && !referenced.isEmpty())
            o.insert(newNames ? QStringLiteral("referenced_posts") : f, referenced);
        else if (f == QLatin1String("entities") && !entities(p).isEmpty())
            o.insert(f, entities(p));
        else if (f == QLatin1String("edit_controls"))
            o.insert(f, QJsonObject{{QStringLiteral("edits_remaining"), 5},
                                    {QStringLiteral("is_edit_eligible"), p.mediaKeys.isEmpty()},
                                    {QStringLiteral("editable_until"), isoTime(p.createdAt.addSecs(3600))}});
        else if (f == QLatin1String("public_metrics"))
            o.insert(f, metrics.publicMetrics(newNames));
        else if (f == QLatin1String("non_public_metrics") || f == QLatin1String("organic_metrics")) {
            if (!mayReadPrivateMetrics(p))
                deny(QStringLiteral("tweet"), p.id, f, QStringLiteral("data"));
            else
                o.insert(f, f == QLatin1String("organic_metrics") ? metrics.organicMetrics(newNames)
                                                                   : metrics.nonPublicMetrics());
        } else if (f == QLatin1String("promoted_metrics"))
            deny(QStringLiteral("tweet"), p.id, f, QStringLiteral("data")); // nothing in the sandbox is promoted
        // Other valid fields have no value for sandbox posts and are omitted, as X omits them.
    }
    // 2.167's post.fields has no referenced_* value: the referenced_posts expansion brings them.
    if (newNames && !referenced.isEmpty() && m_selection.expands(QStringLiteral("referenced_posts")))
        o.insert(QStringLiteral("referenced_posts"), referenced);

    if (m_selection.expands(QStringLiteral("author_id")))
        includeUser(p.authorId);
    if (m_selection.expands(QStringLiteral("in_reply_to_user_id")) && !p.inReplyToUserId.isEmpty())
        includeUser(p.inReplyToUserId);
    if (m_selection.expands(QStringLiteral("entities.mentions.username"))) {
        for (const QString& id : p.mentionedIds)
            includeUser(id);
    }
    if (m_selection.expands(QStringLiteral("attachments.media_keys"))) {
        for (const QString& key : p.mediaKeys) {
            if (const XMedia* m = m_media.findByKey(key))
                includeMedia(*m, p);
        }
    }
    const bool refs = m_selection.expands(QStringLiteral("referenced_tweets.id")) ||
                      m_selection.expands(QStringLiteral("referenced_posts"));
    for (const QJsonValue& r : std::as_const(referenced)) {
        const XPost* target = m_posts.find(r.toObject().value(QStringLiteral("id")).toString());
        if (!target)
            continue;
        if (refs && !m_included.contains(QStringLiteral("t:") + target->id)) {
            m_included.insert(QStringLiteral("t:") + target->id);
            XFieldSelection flat = m_selection; // included posts are not expanded again
            flat.expansions.clear();
            XPostRenderer inner(m_posts, m_media, flat, m_principal, m_now);
            m_tweetIncludes.append(inner.post(*target));
        }
        if (m_selection.expands(QStringLiteral("referenced_tweets.id.author_id")))
            includeUser(target->authorId);
    }
    return o;
}

void XPostRenderer::includeUser(const QString& id)
{
    const XUser* u = m_posts.user(id);
    if (!u || m_included.contains(QStringLiteral("u:") + id))
        return;
    m_included.insert(QStringLiteral("u:") + id);
    m_users.append(XUserRoutes::userObject(*u, m_selection.userFields));
}

void XPostRenderer::includeMedia(const XMedia& m, const XPost& p)
{
    if (m_included.contains(QStringLiteral("m:") + m.key))
        return;
    m_included.insert(QStringLiteral("m:") + m.key);
    m_mediaIncludes.append(media(m, &p));
}

QJsonObject XPostRenderer::media(const XMedia& m, const XPost* post)
{
    XPost none; // media no post carries has seen no views yet
    none.createdAt = m_now;
    none.id = QStringLiteral("0");
    const XPost& p = post ? *post : none;
    const XUser* author = m_posts.user(p.authorId);
    const XPostMetrics metrics(p, author ? author->followers : 0, m_now);
    const bool moving = m.kind != XMedia::Kind::Photo;
    QJsonObject o{{QStringLiteral("media_key"), m.key}, {QStringLiteral("type"), XMediaStore::kindName(m.kind)}};
    for (const QString& f : std::as_const(m_selection.mediaFields)) {
        if (f == QLatin1String("width") && m.probe.width > 0)
            o.insert(f, m.probe.width);
        else if (f == QLatin1String("height") && m.probe.height > 0)
            o.insert(f, m.probe.height);
        else if (f == QLatin1String("alt_text") && !m.altText.isEmpty())
            o.insert(f, m.altText);
        else if (f == QLatin1String("url") && !moving)
            o.insert(f, QStringLiteral("https://pbs.twimg.com/media/%1.jpg").arg(m.id));
        else if (f == QLatin1String("preview_image_url") && moving)
            o.insert(f, QStringLiteral("https://pbs.twimg.com/ext_tw_video_thumb/%1/pu/img/preview.jpg").arg(m.id));
        else if (f == QLatin1String("duration_ms") && m.kind == XMedia::Kind::Video)
            o.insert(f, m.probe.durationMs);
        else if (f == QLatin1String("variants") && moving)
            o.insert(f, QJsonArray{QJsonObject{
                            {QStringLiteral("bit_rate"), m.kind == XMedia::Kind::Video ? 832000 : 0},
                            {QStringLiteral("content_type"), QStringLiteral("video/mp4")},
                            {QStringLiteral("url"), QStringLiteral("https://video.twimg.com/ext_tw_video/%1/pu/vid/clip.mp4").arg(m.id)}}});
        else if (f == QLatin1String("public_metrics") && m.kind == XMedia::Kind::Video)
            o.insert(f, metrics.mediaPublicMetrics());
        else if ((f == QLatin1String("non_public_metrics") || f == QLatin1String("organic_metrics")) &&
                 m.kind == XMedia::Kind::Video) {
            if (!post || !mayReadPrivateMetrics(p))
                deny(QStringLiteral("media"), m.key, f, post ? QStringLiteral("includes") : QStringLiteral("data"));
            else
                o.insert(f, f == QLatin1String("organic_metrics") ? metrics.mediaOrganicMetrics()
                                                                   : metrics.mediaNonPublicMetrics());
        }
    }
    return o;
}

QJsonObject XPostRenderer::response(const QList<const XPost*>& posts, bool single)
{
    QJsonObject out;
    QJsonArray data;
    for (const XPost* p : posts)
        data.append(post(*p));
    if (single && !data.isEmpty())
        out.insert(QStringLiteral("data"), data.first());
    else if (!single && !data.isEmpty())
        out.insert(QStringLiteral("data"), data);
    QJsonObject includes;
    if (!m_users.isEmpty())
        includes.insert(QStringLiteral("users"), m_users);
    if (!m_mediaIncludes.isEmpty())
        includes.insert(QStringLiteral("media"), m_mediaIncludes);
    if (!m_tweetIncludes.isEmpty())
        includes.insert(m_selection.newNames ? QStringLiteral("posts") : QStringLiteral("tweets"), m_tweetIncludes); // 2.167 Expansions
    if (!includes.isEmpty())
        out.insert(QStringLiteral("includes"), includes);
    if (!m_errors.isEmpty())
        out.insert(QStringLiteral("errors"), m_errors);
    return out;
}

} // namespace AssetDesk::Sandbox
