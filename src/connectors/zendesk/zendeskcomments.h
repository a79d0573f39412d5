#pragma once

#include "connectors/zendesk/zendeskuploads.h"
#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct Account;

// A comment to add to a ticket: a public reply or an internal note (public = false), with the
// upload tokens whose files it carries.
struct ZendeskCommentDraft
{
    QString body;
    bool isPublic = true;
    QStringList uploadTokens;
};

// The comment as Zendesk recorded it, read from the update's audit (its "Comment" event).
struct ZendeskPostedComment
{
    qint64 ticketId = 0;
    qint64 commentId = 0;   // 0 when the audit did not list the comment event
    qint64 auditId = 0;
    qint64 authorId = 0;
    QString body;
    bool isPublic = true;
    QDateTime createdAt;
    QList<ZendeskAttachment> attachments;
    QByteArray rawJson;     // the comment event (or the whole answer when there was none)
};

// Adds comments to tickets (zendesk.md §4): there is no comment endpoint, a comment is a
// PUT /api/v2/tickets/{id} with {"ticket":{"comment":{...}}}. Lives on the connector's (network)
// thread; callbacks run on their context's thread and not at all once it is gone.
class ZendeskComments : public QObject
{
    Q_OBJECT
public:
    using CommentCallback = std::function<void(Result<ZendeskPostedComment>)>;

    ZendeskComments(const Account& account, HttpClient* http, QObject* parent = nullptr);

    // Sent exactly once, although PUT is idempotent in HTTP terms: repeating it after a lost
    // answer would add the comment twice.
    void add(qint64 ticketId, const ZendeskCommentDraft& draft, QObject* context, CommentCallback done);

    static QByteArray requestBody(const ZendeskCommentDraft& draft);
    // Reads {"ticket":{...},"audit":{"id","author_id","created_at","events":[{"type":"Comment",...}]}}.
    static Result<ZendeskPostedComment> parseUpdate(qint64 ticketId, const QByteArray& body);

private:
    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
