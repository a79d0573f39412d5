#pragma once

#include "connectors/x/xapi.h"
#include "connectors/x/xpostpage.h"
#include "core/result.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <functional>

namespace AssetDesk {

class DamOperation;
class HttpClient;
struct Account;

// What to publish (x.md §3, POST /2/tweets): text and/or up to four media ids, optionally as a
// reply to or a quote of another post.
struct XPostDraft
{
    QString text;
    QStringList mediaIds;
    QString replyToId;
    QString quoteId;
};

// Which part of a timeline to read (x.md §3, §6).
struct XTimelineQuery
{
    QString paginationToken; // meta.next_token of the previous page; empty for the newest
    int maxResults = 100;    // 5..100
    QString sinceId;         // only posts newer than this id
    QDateTime startTime;     // only posts created at or after this time
};

// The posts of one X account, over API v2: create, delete, look up, the account's own timeline
// and its mentions page by page, and metrics. Lives on the connector's (network) thread; every
// callback runs on its context's thread and not at all once the context is gone (which also
// aborts the requests).
class XPosts : public QObject
{
    Q_OBJECT
public:
    using IdCallback = std::function<void(Result<QString>)>;
    using DeletedCallback = std::function<void(Result<bool>)>;
    using PageCallback = std::function<void(Result<XPostPage>)>;

    XPosts(const Account& account, HttpClient* http, QObject* parent = nullptr);

    // POST /2/tweets; the new post's id. Not repeated on failure: X has no idempotency key, so
    // after an ambiguous failure the caller reconciles with timeline() before trying again. A 403
    // for duplicate content is recognised by isXDuplicateContent().
    void create(const XPostDraft& draft, QObject* context, IdCallback done);
    // DELETE /2/tweets/{id}; whether X says it deleted the post.
    void remove(const QString& id, QObject* context, DeletedCallback done);
    // GET /2/tweets?ids=..., 100 ids per request; unknown or hidden ids come back as problems.
    void lookup(const QStringList& ids, QObject* context, PageCallback done);
    // GET /2/users/{me}/tweets and /2/users/{me}/mentions, one page per call; meta.next_token
    // of the answer fetches the next (older) page.
    void timeline(const XTimelineQuery& query, QObject* context, PageCallback done);
    void mentions(const XTimelineQuery& query, QObject* context, PageCallback done);
    // Lookup with the metric groups the token may read: public, non-public and organic for the
    // account's own posts younger than 30 days; posts X refuses those fields for are fetched
    // again with public metrics only.
    void metrics(const QStringList& ids, QObject* context, PageCallback done);

    // The request body of create() and the checks made before it is sent.
    static QJsonObject createBody(const XPostDraft& draft);
    static Status validateDraft(const XPostDraft& draft);
    // tweet.fields for a read: the post's own fields and public_metrics, plus the owner-only
    // groups when `ownerMetrics`.
    static QString postFields(bool ownerMetrics);

private:
    enum class Feed
    {
        Posts,
        Mentions
    };
    void readFeed(Feed feed, const XTimelineQuery& query, QObject* context, PageCallback done);
    void withUserId(DamOperation* op, std::function<void(Result<QString>)> next);
    void lookupBatches(DamOperation* op, QStringList ids, bool ownerMetrics, XPostPage into,
                       std::function<void(Result<XPostPage>)> next);

    XApi m_api;
    HttpClient* m_http;
    QString m_userId; // the account's X user id, from the account or /2/users/me
};

} // namespace AssetDesk
