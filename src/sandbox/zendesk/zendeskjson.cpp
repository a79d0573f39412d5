#include "sandbox/zendesk/zendeskjson.h"

#include "sandbox/zendesk/zendeskticketstore.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace AssetDesk::Sandbox {

ZendeskJson::ZendeskJson(const QUrl& baseUrl, const ZendeskTicketStore& store)
    : m_baseUrl(baseUrl)
    , m_store(store)
{}

QString ZendeskJson::isoTime(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddThh:mm:ssZ"));
}

QString ZendeskJson::isoTimeMs(qint64 ms)
{
    return isoTime(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

QJsonValue ZendeskJson::idOrNull(qint64 id)
{
    return id ? QJsonValue(id) : QJsonValue();
}

QJsonValue ZendeskJson::stringOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QString ZendeskJson::apiUrl(const QString& path) const
{
    return m_baseUrl.toString() + path;
}

QJsonObject ZendeskJson::ticket(const ZendeskTicket& t) const
{
    const QJsonValue noIds = QJsonArray();
    return QJsonObject{
        {QStringLiteral("url"), apiUrl(QStringLiteral("/api/v2/tickets/%1.json").arg(t.id))},
        {QStringLiteral("id"), t.id},
        {QStringLiteral("external_id"), QJsonValue()},
        {QStringLiteral("via"), QJsonObject{{QStringLiteral("channel"), t.channel},
                                            {QStringLiteral("source"), QJsonObject{{QStringLiteral("from"), QJsonObject()},
                                                                                   {QStringLiteral("to"), QJsonObject()},
                                                                                   {QStringLiteral("rel"), QJsonValue()}}}}},
        {QStringLiteral("created_at"), isoTime(t.createdAt)},
        {QStringLiteral("updated_at"), isoTimeMs(t.updatedMs)},
        {QStringLiteral("generated_timestamp"), t.updatedMs / 1000},
        {QStringLiteral("type"), stringOrNull(t.type)},
        {QStringLiteral("subject"), t.subject},
        {QStringLiteral("raw_subject"), t.subject},
        {QStringLiteral("description"), t.description},
        {QStringLiteral("priority"), stringOrNull(t.priority)},
        {QStringLiteral("status"), t.deleted ? QStringLiteral("deleted") : t.status},
        {QStringLiteral("recipient"), QStringLiteral("support@assetdesk-demo.zendesk.com")},
        {QStringLiteral("requester_id"), t.requesterId},
        {QStringLiteral("submitter_id"), t.submitterId},
        {QStringLiteral("assignee_id"), idOrNull(t.assigneeId)},
        {QStringLiteral("organization_id"), idOrNull(t.organizationId)},
        {QStringLiteral("group_id"), idOrNull(t.groupId)},
        {QStringLiteral("collaborator_ids"), noIds},
        {QStringLiteral("follower_ids"), noIds},
        {QStringLiteral("email_cc_ids"), noIds},
        {QStringLiteral("forum_topic_id"), QJsonValue()},
        {QStringLiteral("problem_id"), QJsonValue()},
        {QStringLiteral("has_incidents"), false},
        {QStringLiteral("is_public"), true},
        {QStringLiteral("due_at"), QJsonValue()},
        {QStringLiteral("tags"), QJsonArray::fromStringList(t.tags)},
        {QStringLiteral("custom_fields"), QJsonArray()},
        {QStringLiteral("satisfaction_rating"), QJsonValue()},
        {QStringLiteral("sharing_agreement_ids"), noIds},
        {QStringLiteral("followup_ids"), noIds},
        {QStringLiteral("ticket_form_id"), QJsonValue()},
        {QStringLiteral("brand_id"), QJsonValue()},
        {QStringLiteral("allow_channelback"), false},
        {QStringLiteral("allow_attachments"), true},
        {QStringLiteral("from_messaging_channel"), false},
    };
}

QString ZendeskJson::contentUrl(const ZendeskAttachment& a) const
{
    QUrl url(apiUrl(QStringLiteral("/attachments/token/%1/").arg(m_store.contentToken(a.id))));
    url.setQuery(QUrlQuery{{QStringLiteral("name"), a.fileName}});
    return url.toString(QUrl::FullyEncoded);
}

QJsonObject ZendeskJson::attachment(const ZendeskAttachment& a) const
{
    const QString content = contentUrl(a);
    return QJsonObject{
        {QStringLiteral("url"), apiUrl(QStringLiteral("/api/v2/attachments/%1.json").arg(a.id))},
        {QStringLiteral("id"), a.id},
        {QStringLiteral("file_name"), a.fileName},
        {QStringLiteral("content_url"), content},
        {QStringLiteral("mapped_content_url"), content},
        {QStringLiteral("content_type"), a.contentType},
        {QStringLiteral("size"), a.size},
        {QStringLiteral("width"), a.width ? QJsonValue(QString::number(a.width)) : QJsonValue()},
        {QStringLiteral("height"), a.height ? QJsonValue(QString::number(a.height)) : QJsonValue()},
        {QStringLiteral("inline"), false},
        {QStringLiteral("deleted"), false},
        {QStringLiteral("malware_access_override"), false},
        {QStringLiteral("malware_scan_result"), QStringLiteral("malware_not_found")},
        {QStringLiteral("thumbnails"), QJsonArray()},
    };
}

QJsonObject ZendeskJson::comment(const ZendeskComment& c) const
{
    QJsonArray attachments;
    for (const ZendeskAttachment& a : c.attachments)
        attachments.append(attachment(a));
    return QJsonObject{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("type"), QStringLiteral("Comment")},
        {QStringLiteral("author_id"), c.authorId},
        {QStringLiteral("body"), c.body},
        {QStringLiteral("html_body"), c.htmlBody},
        {QStringLiteral("plain_body"), c.body},
        {QStringLiteral("public"), c.isPublic},
        {QStringLiteral("attachments"), attachments},
        {QStringLiteral("audit_id"), c.id + 1},
        {QStringLiteral("via"), QJsonObject{{QStringLiteral("channel"), c.channel},
                                            {QStringLiteral("source"), QJsonObject{{QStringLiteral("from"), QJsonObject()},
                                                                                   {QStringLiteral("to"), QJsonObject()},
                                                                                   {QStringLiteral("rel"), QJsonValue()}}}}},
        {QStringLiteral("created_at"), isoTime(c.createdAt)},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("system"), QJsonObject()},
                                                 {QStringLiteral("custom"), QJsonObject()}}},
    };
}

QJsonObject ZendeskJson::organization(const ZendeskOrganization& o) const
{
    return QJsonObject{
        {QStringLiteral("url"), apiUrl(QStringLiteral("/api/v2/organizations/%1.json").arg(o.id))},
        {QStringLiteral("id"), o.id},
        {QStringLiteral("name"), o.name},
        {QStringLiteral("shared_tickets"), false},
        {QStringLiteral("shared_comments"), false},
        {QStringLiteral("external_id"), o.externalId},
        {QStringLiteral("created_at"), isoTime(o.createdAt)},
        {QStringLiteral("updated_at"), isoTime(o.updatedAt)},
        {QStringLiteral("domain_names"), QJsonArray::fromStringList(o.domainNames)},
        {QStringLiteral("details"), o.details},
        {QStringLiteral("notes"), o.notes},
        {QStringLiteral("group_id"), idOrNull(o.groupId)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(o.tags)},
        {QStringLiteral("organization_fields"), o.fields},
    };
}

QJsonObject ZendeskJson::group(const ZendeskGroup& g) const
{
    return QJsonObject{
        {QStringLiteral("url"), apiUrl(QStringLiteral("/api/v2/groups/%1.json").arg(g.id))},
        {QStringLiteral("id"), g.id},
        {QStringLiteral("name"), g.name},
        {QStringLiteral("description"), g.description},
        {QStringLiteral("default"), false},
        {QStringLiteral("deleted"), false},
        {QStringLiteral("is_public"), true},
        {QStringLiteral("created_at"), isoTime(g.createdAt)},
        {QStringLiteral("updated_at"), isoTime(g.updatedAt)},
    };
}

} // namespace AssetDesk::Sandbox
