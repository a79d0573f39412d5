#include "sandbox/x/xfieldselection.h"

#include "sandbox/sandboxrequest.h"
#include "sandbox/x/xproblem.h"
#include "sandbox/x/xuserroutes.h"

namespace AssetDesk::Sandbox {

namespace {

QStringList words(const char* list)
{
    return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Reads one comma-separated parameter; false (and the refusal) when a value is not allowed.
bool readList(const SandboxRequest& request, const QString& name, const QStringList& allowed,
              QStringList& out, HttpResponse* refusal)
{
    if (!request.hasQueryItem(name))
        return true;
    out = request.queryValue(name).split(QLatin1Char(','), Qt::SkipEmptyParts);
    QStringList invalid;
    for (const QString& v : std::as_const(out)) {
        if (!allowed.contains(v))
            invalid << v;
    }
    if (invalid.isEmpty() && !out.isEmpty())
        return true;
    if (refusal)
        *refusal = XProblem::invalidRequest(
            name, invalid.isEmpty() ? QStringList{QString()} : invalid,
            QStringLiteral("The `%1` query parameter value [%2] is not one of [%3]")
                .arg(name, invalid.join(QLatin1Char(',')), allowed.join(QLatin1Char(','))));
    return false;
}

} // namespace

const QStringList& XFieldSelection::tweetFieldValues()
{
    static const QStringList v = words(
        "article attachments author_id card_uri community_id context_annotations conversation_id created_at "
        "display_text_range edit_controls edit_history_tweet_ids entities geo id in_reply_to_user_id lang "
        "media_metadata non_public_metrics note_tweet organic_metrics possibly_sensitive promoted_metrics "
        "public_metrics referenced_tweets reply_settings scopes source suggested_source_links "
        "suggested_source_links_with_counts text withheld");
    return v;
}

const QStringList& XFieldSelection::postFieldValues()
{
    static const QStringList v = words(
        "article article_title attachments card_uri community_id context_annotations conversation_id created_at "
        "display_text_range edit_controls entities geo id lang matched_media_notes media_metadata "
        "non_public_metrics note_post note_request_suggestions organic_metrics paid_partnership "
        "possibly_sensitive promoted_metrics public_metrics reply_settings scopes source suggested_source_links "
        "suggested_source_links_with_counts text withheld");
    return v;
}

const QStringList& XFieldSelection::expansionValues()
{
    static const QStringList v = words(
        "attachments.media_keys attachments.media_source_tweet attachments.poll_ids author_id "
        "edit_history_tweet_ids entities.mentions.username geo.place_id in_reply_to_user_id "
        "entities.note.mentions.username referenced_tweets.id referenced_tweets.id.attachments.media_keys "
        "referenced_tweets.id.author_id article.cover_media article.media_entities edit_history_post_ids "
        "referenced_posts username");
    return v;
}

const QStringList& XFieldSelection::mediaFieldValues()
{
    static const QStringList v = words(
        "alt_text duration_ms height media_key non_public_metrics organic_metrics preview_image_url "
        "promoted_metrics public_metrics type url variants width");
    return v;
}

std::optional<XFieldSelection> XFieldSelection::parse(const SandboxRequest& request, const XDialect& dialect,
                                                      HttpResponse* refusal)
{
    XFieldSelection s;
    const bool postFields = request.hasQueryItem(QStringLiteral("post.fields"));
    s.newNames = postFields || dialect.newFieldNames;
    if (postFields && request.hasQueryItem(QStringLiteral("tweet.fields"))) {
        if (refusal)
            *refusal = XProblem::invalidRequest(QStringLiteral("post.fields"), {request.queryValue(QStringLiteral("post.fields"))},
                                                QStringLiteral("Use either `tweet.fields` or `post.fields`, not both"));
        return std::nullopt;
    }
    const bool ok =
        readList(request, QStringLiteral("tweet.fields"), tweetFieldValues(), s.postFields, refusal) &&
        (postFields ? readList(request, QStringLiteral("post.fields"), postFieldValues(), s.postFields, refusal) : true) &&
        readList(request, QStringLiteral("expansions"), expansionValues(), s.expansions, refusal) &&
        readList(request, QStringLiteral("media.fields"), mediaFieldValues(), s.mediaFields, refusal) &&
        readList(request, QStringLiteral("user.fields"), XUserRoutes::allowedFields(), s.userFields, refusal);
    if (!ok)
        return std::nullopt;
    return s;
}

} // namespace AssetDesk::Sandbox
