#include "sandbox/x/xpostroutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/x/xmediastore.h"
#include "sandbox/x/xpostrenderer.h"
#include "sandbox/x/xpoststore.h"
#include "sandbox/x/xproblem.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace AssetDesk::Sandbox {

namespace {

const QStringList kReadScopes{QStringLiteral("tweet.read"), QStringLiteral("users.read")};
const QStringList kWriteScopes{QStringLiteral("tweet.read"), QStringLiteral("tweet.write"), QStringLiteral("users.read")};

bool isPostId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]{1,19}$"));
    return re.match(id).hasMatch();
}

HttpResponse badId(const QString& parameter, const QString& value)
{
    return XProblem::invalidRequest(parameter, {value},
                                    QStringLiteral("The `%1` query parameter value [%2] does not match ^[0-9]{1,19}$")
                                        .arg(parameter, value));
}

// A user token needs the scopes; the app-only bearer has none and reads public data.
bool lacksScopes(const SandboxRequest& request, const QStringList& scopes)
{
    return request.principal->kind == Principal::Kind::User && !request.principal->hasScopes(scopes);
}

} // namespace

XPostRoutes::XPostRoutes(XPostStore& posts, XMediaStore& media, SandboxClock& clock, const XDialect& dialect)
    : m_posts(posts)
    , m_media(media)
    , m_clock(clock)
    , m_dialect(dialect)
{}

void XPostRoutes::registerRoutes(Router& router)
{
    router.add("POST", QStringLiteral("/2/tweets"), Access::User, [this](const SandboxRequest& r) { return create(r); });
    router.add("DELETE", QStringLiteral("/2/tweets/:id"), Access::User, [this](const SandboxRequest& r) { return remove(r); });
    router.add("GET", QStringLiteral("/2/tweets"), Access::App, [this](const SandboxRequest& r) { return lookup(r); });
    router.add("GET", QStringLiteral("/2/tweets/:id"), Access::App, [this](const SandboxRequest& r) { return lookupOne(r); });
}

std::optional<HttpResponse> XPostRoutes::checkMedia(const QStringList& ids, const QString& ownerId, QStringList* keys) const
{
    const QString parameter = QStringLiteral("media.media_ids");
    if (ids.isEmpty() || ids.size() > 4)
        return XProblem::invalidRequest(parameter, ids, QStringLiteral("media.media_ids must contain between 1 and 4 items"));
    int photos = 0;
    int moving = 0;
    const QDateTime now = m_clock.now();
    for (const QString& id : ids) {
        const XMedia* m = isPostId(id) ? m_media.find(id) : nullptr;
        // Unknown, someone else's, unfinished, failed and expired media look alike, as on X.
        if (!m || m->ownerId != ownerId || !m_media.usable(*m, now))
            return XProblem::invalidRequest(parameter, {id}, QStringLiteral("Your media IDs are invalid."));
        (m->kind == XMedia::Kind::Photo ? photos : moving) += 1;
        keys->append(m->key);
    }
    if (moving > 1 || (moving == 1 && photos > 0)) // x.md §5c: up to 4 photos, or 1 GIF, or 1 video
        return XProblem::invalidRequest(parameter, ids,
                                        QStringLiteral("A post can have up to 4 photos, or 1 GIF, or 1 video."));
    return std::nullopt;
}

HttpResponse XPostRoutes::create(const SandboxRequest& request)
{
    if (lacksScopes(request, kWriteScopes))
        return XProblem::forbidden();
    const auto body = request.jsonBody();
    if (!body)
        return XProblem::invalidRequest(QStringLiteral("body"), {QString::fromUtf8(request.body.left(200))},
                                        QStringLiteral("Request body must be a JSON object"));
    XPost post;
    post.authorId = request.principal->subjectId;
    post.createdAt = m_clock.now();
    post.text = body->value(QStringLiteral("text")).toString();
    if (post.text.toUcs4().size() > kMaxTextLength)
        return XProblem::invalidRequest(QStringLiteral("text"), {post.text.left(40)},
                                        QStringLiteral("Text is too long: at most %1 characters").arg(kMaxTextLength));

    const QJsonObject media = body->value(QStringLiteral("media")).toObject();
    if (body->contains(QStringLiteral("media"))) {
        QStringList ids;
        for (const QJsonValue& v : media.value(QStringLiteral("media_ids")).toArray())
            ids << v.toString();
        if (auto refusal = checkMedia(ids, post.authorId, &post.mediaKeys))
            return *refusal;
    }
    if (post.text.trimmed().isEmpty() && post.mediaKeys.isEmpty())
        return XProblem::invalidRequest(QStringLiteral("text"), {post.text},
                                        QStringLiteral("A post needs text or media"));

    const QJsonObject reply = body->value(QStringLiteral("reply")).toObject();
    if (body->contains(QStringLiteral("reply"))) {
        const QString target = reply.value(QStringLiteral("in_reply_to_tweet_id")).toString();
        if (!isPostId(target))
            return badId(QStringLiteral("reply.in_reply_to_tweet_id"), target);
        const XPost* parent = m_posts.find(target);
        if (!parent)
            return XProblem::problem(403, QStringLiteral("Forbidden"),
                                     QStringLiteral("You attempted to reply to a Tweet that is deleted or not visible to you."));
        post.inReplyToId = parent->id;
        post.inReplyToUserId = parent->authorId;
        post.conversationId = parent->conversationId;
    }
    if (body->contains(QStringLiteral("quote_tweet_id"))) {
        const QString quoted = body->value(QStringLiteral("quote_tweet_id")).toString();
        if (!isPostId(quoted))
            return badId(QStringLiteral("quote_tweet_id"), quoted);
        if (!m_posts.find(quoted)) // the wording is the reply one's counterpart (unconfirmed)
            return XProblem::problem(403, QStringLiteral("Forbidden"),
                                     QStringLiteral("You attempted to quote a Tweet that is deleted or not visible to you."));
        post.quoteId = quoted;
    }
    // Seen from X (e.g. akrherz/iembot#163): 403 about:blank with exactly this detail.
    if (m_posts.duplicateOf(post.authorId, post.text, post.createdAt))
        return XProblem::problem(403, QStringLiteral("Forbidden"),
                                 QStringLiteral("You are not allowed to create a Tweet with duplicate content."));

    const XPost& stored = m_posts.add(post);
    return HttpResponse::json(201, QJsonObject{{QStringLiteral("data"),
                                                QJsonObject{{QStringLiteral("id"), stored.id},
                                                            {QStringLiteral("text"), stored.text},
                                                            {m_dialect.newFieldNames ? QStringLiteral("edit_history_post_ids")
                                                                                     : QStringLiteral("edit_history_tweet_ids"),
                                                             QJsonArray{stored.id}}}}});
}

HttpResponse XPostRoutes::remove(const SandboxRequest& request)
{
    if (lacksScopes(request, kWriteScopes))
        return XProblem::forbidden();
    const QString id = request.param(QStringLiteral("id"));
    if (!isPostId(id))
        return badId(QStringLiteral("id"), id);
    const XPost* post = m_posts.find(id);
    if (!post) {
        // Deleting one's own post again is answered like the first time (unconfirmed on X; it
        // keeps a retried DELETE harmless).
        const XPost* gone = m_posts.findIncludingDeleted(id);
        if (gone && gone->authorId == request.principal->subjectId)
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("deleted"), true}}}});
        QJsonObject problem = XPostRenderer::notFound(id, QStringLiteral("id"));
        problem.insert(QStringLiteral("status"), 404);
        return HttpResponse::json(404, problem, QByteArrayLiteral("application/problem+json"));
    }
    if (post->authorId != request.principal->subjectId)
        return XProblem::problem(403, QStringLiteral("Forbidden"), QStringLiteral("You are not allowed to delete this Tweet."));
    m_posts.remove(id, m_clock.now());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("deleted"), true}}}});
}

HttpResponse XPostRoutes::lookup(const SandboxRequest& request) const
{
    if (lacksScopes(request, kReadScopes))
        return XProblem::forbidden();
    const QStringList ids = request.queryValue(QStringLiteral("ids")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (ids.isEmpty() || ids.size() > 100)
        return XProblem::invalidRequest(QStringLiteral("ids"), ids.isEmpty() ? QStringList{QString()} : QStringList{},
                                        QStringLiteral("The `ids` query parameter must name between 1 and 100 ids"));
    for (const QString& id : ids) {
        if (!isPostId(id))
            return badId(QStringLiteral("ids"), id);
    }
    HttpResponse refusal;
    const auto selection = XFieldSelection::parse(request, m_dialect, &refusal);
    if (!selection)
        return refusal;
    XPostRenderer renderer(m_posts, m_media, *selection, *request.principal, m_clock.now());
    QList<const XPost*> found;
    for (const QString& id : ids) {
        if (const XPost* p = m_posts.find(id))
            found.append(p);
        else
            renderer.addError(XPostRenderer::notFound(id, QStringLiteral("ids")));
    }
    return HttpResponse::json(200, renderer.response(found, false));
}

HttpResponse XPostRoutes::lookupOne(const SandboxRequest& request) const
{
    if (lacksScopes(request, kReadScopes))
        return XProblem::forbidden();
    const QString id = request.param(QStringLiteral("id"));
    if (!isPostId(id))
        return badId(QStringLiteral("id"), id);
    HttpResponse refusal;
    const auto selection = XFieldSelection::parse(request, m_dialect, &refusal);
    if (!selection)
        return refusal;
    XPostRenderer renderer(m_posts, m_media, *selection, *request.principal, m_clock.now());
    const XPost* p = m_posts.find(id);
    if (!p)
        renderer.addError(XPostRenderer::notFound(id, QStringLiteral("id")));
    return HttpResponse::json(200, renderer.response(p ? QList<const XPost*>{p} : QList<const XPost*>{}, true));
}

} // namespace AssetDesk::Sandbox
