#include "connectors/x/xposts.h"

#include "connectors/damoperation.h"
#include "connectors/jsonreader.h"
#include "connectors/x/xerrors.h"
#include "connectors/x/xpostmapper.h"
#include "core/account.h"
#include "net/cursorpaging.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace AssetDesk {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::XPosts)
};

constexpr int kLookupBatch = 100; // GET /2/tweets takes up to 100 ids (x.md §3)
constexpr int kMinResults = 5;    // max_results of the timelines: 5..100
constexpr int kMaxResults = 100;
constexpr int kMaxMedia = 4;

Error invalid(const QString& message)
{
    return Error(ErrorKind::Validation, message).withOrigin(QStringLiteral("X"));
}

bool isXId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{1,19}$"));
    return pattern.match(id).hasMatch();
}
} // namespace

XPosts::XPosts(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_api(account)
    , m_http(http)
    , m_userId(account.remoteUserId)
{
}

QString XPosts::postFields(bool ownerMetrics)
{
    QString fields = QStringLiteral("id,text,author_id,created_at,conversation_id,attachments,referenced_tweets,"
                                    "edit_history_tweet_ids,public_metrics");
    if (ownerMetrics)
        fields += QStringLiteral(",non_public_metrics,organic_metrics");
    return fields;
}

Status XPosts::validateDraft(const XPostDraft& draft)
{
    if (draft.text.trimmed().isEmpty() && draft.mediaIds.isEmpty())
        return invalid(Tr::tr("A post on X needs text or media."));
    if (draft.mediaIds.size() > kMaxMedia)
        return invalid(Tr::tr("A post on X can carry up to %1 media; this one has %2.").arg(kMaxMedia).arg(draft.mediaIds.size()));
    for (const QString& id : draft.mediaIds) {
        if (!isXId(id))
            return invalid(Tr::tr("“%1” is not an X media id.").arg(id));
    }
    for (const QString& id : {draft.replyToId, draft.quoteId}) {
        if (!id.isEmpty() && !isXId(id))
            return invalid(Tr::tr("“%1” is not an X post id.").arg(id));
    }
    return {};
}

QJsonObject XPosts::createBody(const XPostDraft& draft)
{
    QJsonObject body;
    if (!draft.text.isEmpty())
        body.insert(QStringLiteral("text"), draft.text);
    if (!draft.mediaIds.isEmpty())
        body.insert(QStringLiteral("media"), QJsonObject{{QStringLiteral("media_ids"), QJsonArray::fromStringList(draft.mediaIds)}});
    if (!draft.replyToId.isEmpty())
        body.insert(QStringLiteral("reply"), QJsonObject{{QStringLiteral("in_reply_to_tweet_id"), draft.replyToId}});
    if (!draft.quoteId.isEmpty())
        body.insert(QStringLiteral("quote_tweet_id"), draft.quoteId);
    return body;
}

void XPosts::create(const XPostDraft& draft, QObject* context, IdCallback done)
{
    if (const Status valid = validateDraft(draft); !valid) {
        QMetaObject::invokeMethod(context, [done, e = valid.error()] { done(e); }, Qt::QueuedConnection);
        return;
    }
    const HttpRequest request = m_api.prepare(
        HttpRequest::postJson(m_api.url(QStringLiteral("/2/tweets")), QJsonDocument(createBody(draft))),
        QStringLiteral("create post"));
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        const Result<QJsonObject> json = XApi::json(response);
        if (!json)
            return done(json.error());
        done(XPostMapper::createdId(*json));
    });
}

void XPosts::remove(const QString& id, QObject* context, DeletedCallback done)
{
    if (!isXId(id)) {
        QMetaObject::invokeMethod(context, [done, id] { done(invalid(Tr::tr("“%1” is not an X post id.").arg(id))); },
                                  Qt::QueuedConnection);
        return;
    }
    const HttpRequest request = m_api.prepare(HttpRequest::deleteResource(m_api.url(QStringLiteral("/2/tweets/") + id)),
                                              QStringLiteral("delete post"));
    m_http->send(request, context, [done](Result<HttpResponse> response) {
        const Result<QJsonObject> json = XApi::json(response);
        if (!json)
            return done(json.error());
        done(XPostMapper::deleted(*json));
    });
}

void XPosts::lookupBatches(DamOperation* op, QStringList ids, bool ownerMetrics, XPostPage into,
                           std::function<void(Result<XPostPage>)> next)
{
    if (ids.isEmpty())
        return next(into);
    const QStringList batch = ids.mid(0, kLookupBatch);
    ids = ids.mid(kLookupBatch);
    const HttpRequest request = m_api.prepare(
        HttpRequest::get(m_api.url(QStringLiteral("/2/tweets"), {{QStringLiteral("ids"), batch.join(QLatin1Char(','))},
                                                                  {XApi::postFieldsParameter(), postFields(ownerMetrics)}})),
        ownerMetrics ? QStringLiteral("post metrics") : QStringLiteral("post lookup"));
    m_http->send(request, op, [this, op, ids, ownerMetrics, into, next](Result<HttpResponse> response) mutable {
        const Result<QJsonObject> json = XApi::json(response);
        const Result<XPostPage> page = json ? XPostMapper::mapPage(*json) : Result<XPostPage>(json.error());
        if (!page)
            return next(page.error());
        into.posts += page->posts;
        into.problems += page->problems;
        into.resultCount = int(into.posts.size());
        lookupBatches(op, ids, ownerMetrics, into, next);
    });
}

void XPosts::lookup(const QStringList& ids, QObject* context, PageCallback done)
{
    auto* op = new DamOperation(this, context);
    lookupBatches(op, ids, false, {}, [op, done](Result<XPostPage> page) { op->complete([done, page] { done(page); }); });
}

void XPosts::metrics(const QStringList& ids, QObject* context, PageCallback done)
{
    auto* op = new DamOperation(this, context);
    auto finish = [op, done](Result<XPostPage> page) { op->complete([done, page] { done(page); }); };
    lookupBatches(op, ids, true, {}, [this, op, ids, finish](Result<XPostPage> owner) {
        // The whole request refused for the owner-only fields (an app-only token, another
        // account's posts): everything again with public metrics.
        if (!owner) {
            if (!isXFieldRefusal(owner.error()))
                return finish(owner);
            return lookupBatches(op, ids, false, {}, finish);
        }
        // Posts X left out because of those fields: again, public metrics only.
        QSet<QString> got;
        for (const PublishedPost& p : owner->posts)
            got.insert(p.id);
        QStringList again;
        XPostPage kept = *owner;
        kept.problems.clear();
        for (const XPartialError& e : owner->problems) {
            if (e.isFieldRefused() && ids.contains(e.resourceId) && !got.contains(e.resourceId)) {
                if (!again.contains(e.resourceId))
                    again << e.resourceId;
            } else if (!e.isFieldRefused()) {
                kept.problems << e;
            }
        }
        lookupBatches(op, again, false, kept, finish);
    });
}

void XPosts::withUserId(DamOperation* op, std::function<void(Result<QString>)> next)
{
    if (!m_userId.isEmpty())
        return next(m_userId);
    const HttpRequest request =
        m_api.prepare(HttpRequest::get(m_api.url(QStringLiteral("/2/users/me"))), QStringLiteral("who am I"));
    m_http->send(request, op, [this, next](Result<HttpResponse> response) {
        const Result<QJsonObject> json = XApi::json(response);
        if (!json)
            return next(json.error());
        const Result<QString> id = JsonReader(*json, QStringLiteral("X")).id(u"data.id");
        if (id)
            m_userId = *id;
        next(id);
    });
}

void XPosts::readFeed(Feed feed, const XTimelineQuery& query, QObject* context, PageCallback done)
{
    auto* op = new DamOperation(this, context);
    withUserId(op, [this, op, feed, query, done](Result<QString> userId) {
        if (!userId)
            return op->complete([done, e = userId.error()] { done(e); });
        QList<std::pair<QString, QString>> params{
            {QStringLiteral("max_results"), QString::number(qBound(kMinResults, query.maxResults, kMaxResults))},
            // Public metrics only: asking for the owner-only groups would make X leave out the
            // posts older than 30 days. metrics() reads those.
            {XApi::postFieldsParameter(), postFields(false)}};
        if (!query.sinceId.isEmpty())
            params.append({QStringLiteral("since_id"), query.sinceId});
        if (query.startTime.isValid())
            params.append({QStringLiteral("start_time"), query.startTime.toUTC().toString(Qt::ISODate)});
        const QString path = QStringLiteral("/2/users/%1/%2")
                                 .arg(*userId, feed == Feed::Posts ? QStringLiteral("tweets") : QStringLiteral("mentions"));
        QUrl url = m_api.url(path, params);
        if (!query.paginationToken.isEmpty())
            url = CursorPaging::xNextToken().urlFor(url, PageToken::fromCursor(query.paginationToken));
        const HttpRequest request =
            m_api.prepare(HttpRequest::get(url), feed == Feed::Posts ? QStringLiteral("posts") : QStringLiteral("mentions"));
        m_http->send(request, op, [op, done](Result<HttpResponse> response) {
            const Result<QJsonObject> json = XApi::json(response);
            const Result<XPostPage> page = json ? XPostMapper::mapPage(*json) : Result<XPostPage>(json.error());
            op->complete([done, page] { done(page); });
        });
    });
}

void XPosts::timeline(const XTimelineQuery& query, QObject* context, PageCallback done)
{
    readFeed(Feed::Posts, query, context, std::move(done));
}

void XPosts::mentions(const XTimelineQuery& query, QObject* context, PageCallback done)
{
    readFeed(Feed::Mentions, query, context, std::move(done));
}

} // namespace AssetDesk
