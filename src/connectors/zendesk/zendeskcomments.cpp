#include "connectors/zendesk/zendeskcomments.h"

#include "connectors/apiurl.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace AssetDesk {

ZendeskComments::ZendeskComments(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{}

QByteArray ZendeskComments::requestBody(const ZendeskCommentDraft& draft)
{
    QJsonObject comment{{QStringLiteral("body"), draft.body}, {QStringLiteral("public"), draft.isPublic}};
    if (!draft.uploadTokens.isEmpty())
        comment.insert(QStringLiteral("uploads"), QJsonArray::fromStringList(draft.uploadTokens));
    const QJsonObject ticket{{QStringLiteral("comment"), comment}};
    return QJsonDocument(QJsonObject{{QStringLiteral("ticket"), ticket}}).toJson(QJsonDocument::Compact);
}

Result<ZendeskPostedComment> ZendeskComments::parseUpdate(qint64 ticketId, const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject root = doc.object();
    if (parseError.error != QJsonParseError::NoError || !root.value(QLatin1String("ticket")).isObject())
        return Error(ErrorKind::Parse, tr("Zendesk's answer to the new comment is not a ticket."),
                     QString::fromUtf8(body.left(2048)))
            .withOrigin(QStringLiteral("zendesk"));
    ZendeskPostedComment posted;
    posted.ticketId = ticketId;
    posted.rawJson = body;
    const QJsonObject audit = root.value(QLatin1String("audit")).toObject();
    posted.auditId = audit.value(QLatin1String("id")).toInteger();
    posted.authorId = audit.value(QLatin1String("author_id")).toInteger();
    posted.createdAt = QDateTime::fromString(audit.value(QLatin1String("created_at")).toString(), Qt::ISODate);
    for (const QJsonValue& v : audit.value(QLatin1String("events")).toArray()) {
        const QJsonObject event = v.toObject();
        if (event.value(QLatin1String("type")).toString() != QLatin1String("Comment"))
            continue;
        posted.commentId = event.value(QLatin1String("id")).toInteger();
        posted.body = event.value(QLatin1String("body")).toString();
        posted.isPublic = event.value(QLatin1String("public")).toBool(true);
        if (event.contains(QLatin1String("author_id")))
            posted.authorId = event.value(QLatin1String("author_id")).toInteger();
        for (const QJsonValue& a : event.value(QLatin1String("attachments")).toArray())
            posted.attachments.append(ZendeskUploads::parseAttachment(a.toObject()));
        posted.rawJson = QJsonDocument(event).toJson(QJsonDocument::Compact);
        break;
    }
    if (!posted.createdAt.isValid())
        posted.createdAt = QDateTime::fromString(
            root.value(QLatin1String("ticket")).toObject().value(QLatin1String("updated_at")).toString(), Qt::ISODate);
    return posted;
}

void ZendeskComments::add(qint64 ticketId, const ZendeskCommentDraft& draft, QObject* context, CommentCallback done)
{
    QUrl url = apiUrl(m_root, QStringLiteral("/api/v2/tickets/%1").arg(ticketId));
    HttpRequest request = HttpRequest::put(url, requestBody(draft), "application/json");
    request.setHeader("Accept", "application/json");
    request.idempotent = false;
    request.logTag = QStringLiteral("comment on ticket %1").arg(ticketId);
    m_http->send(request, context, [ticketId, done = std::move(done)](const Result<HttpResponse>& response) {
        if (!response)
            return done(ZendeskUploads::explain(response.error(), tr("the comment")));
        done(parseUpdate(ticketId, response->body));
    });
}

} // namespace AssetDesk
