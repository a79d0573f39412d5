#include "connectors/zendesk/zendeskmapper.h"

#include "connectors/zendesk/zendeskfields.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace AssetDesk::ZendeskMapper {

namespace {

// Adds "(tickets[3])" to an element's error so a bad page says which record broke it.
Error atIndex(Error error, const QString& key, qsizetype index)
{
    return Error(error.kind(), error.message(), QStringLiteral("%1[%2]: %3").arg(key).arg(index).arg(error.detail()))
        .withOrigin(QStringLiteral("zendesk"));
}

Error notAList(const QString& key)
{
    return Error(ErrorKind::Parse,
                 QCoreApplication::translate("AssetDesk::ZendeskMapper", "Zendesk answered without the list \"%1\".").arg(key),
                 QStringLiteral("expected an array at %1").arg(key))
        .withOrigin(QStringLiteral("zendesk"));
}

template<typename T, typename Map>
Result<QList<T>> mapList(const QJsonObject& page, const QString& key, Map map)
{
    const QJsonValue list = page.value(key);
    if (!list.isArray())
        return notAList(key);
    const QJsonArray array = list.toArray();
    QList<T> result;
    result.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return atIndex(Error(ErrorKind::Parse, QCoreApplication::translate("AssetDesk::ZendeskMapper",
                                                                               "Zendesk sent a list entry that is not a record."),
                                 QStringLiteral("not an object")),
                           key, i);
        Result<T> item = map(array.at(i).toObject());
        if (!item)
            return atIndex(item.error(), key, i);
        result << std::move(item).value();
    }
    return result;
}

// Collects the first error of several field reads.
class Collect
{
public:
    template<typename T>
    T operator()(Result<T> r)
    {
        if (!r) {
            if (!m_error)
                m_error = r.error();
            return T{};
        }
        return std::move(r).value();
    }
    const std::optional<Error>& error() const { return m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace

Result<Ticket> ticket(const QJsonObject& json)
{
    const ZendeskFields f(json, QStringLiteral("ticket"));
    Collect c;
    Ticket t;
    t.remoteId = c(f.id("id"));
    t.subject = c(f.optionalString("subject"));
    t.status = c(f.optionalString("status"));
    t.priority = c(f.optionalString("priority"));
    t.type = c(f.optionalString("type"));
    t.tags = c(f.optionalStrings("tags"));
    t.requesterId = c(f.optionalId("requester_id"));
    t.organizationId = c(f.optionalId("organization_id"));
    t.assigneeId = c(f.optionalId("assignee_id"));
    t.groupId = c(f.optionalId("group_id"));
    t.description = c(f.optionalString("description"));
    const QJsonObject via = c(f.optionalObject("via"));
    if (!via.isEmpty())
        t.viaChannel = c(ZendeskFields(via, QStringLiteral("ticket via")).optionalString("channel"));
    t.createdAt = c(f.optionalTime("created_at"));
    t.updatedAt = c(f.optionalTime("updated_at"));
    if (c.error())
        return *c.error();
    return t;
}

Result<TicketAttachment> attachment(const QJsonObject& json)
{
    const ZendeskFields f(json, QStringLiteral("attachment"));
    Collect c;
    TicketAttachment a;
    a.remoteId = c(f.id("id"));
    a.fileName = c(f.optionalString("file_name"));
    a.contentType = c(f.optionalString("content_type"));
    a.size = c(f.optionalInteger("size"));
    a.contentUrl = c(f.optionalString("content_url"));
    if (c.error())
        return *c.error();
    return a;
}

Result<TicketComment> comment(const QJsonObject& json)
{
    const ZendeskFields f(json, QStringLiteral("comment"));
    Collect c;
    TicketComment comment;
    comment.remoteId = c(f.id("id"));
    comment.authorId = c(f.optionalId("author_id"));
    // plain_body is Zendesk's text rendering; body is what the author wrote (text or Markdown).
    // html_body is deliberately not read: what the service renders as HTML never reaches us.
    const QString plain = c(f.optionalString("plain_body"));
    comment.body = json.contains(QLatin1String("plain_body")) && !json.value(QLatin1String("plain_body")).isNull()
        ? plain
        : c(f.optionalString("body"));
    comment.isPublic = c(f.optionalBool("public", true));
    comment.createdAt = c(f.optionalTime("created_at"));
    const QJsonArray attachments = c(f.optionalArray("attachments"));
    if (c.error())
        return *c.error();
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        Result<TicketAttachment> a = attachment(attachments.at(i).toObject());
        if (!a)
            return atIndex(a.error(), QStringLiteral("comment.attachments"), i);
        comment.attachments << *a;
    }
    return comment;
}

Result<HelpdeskUser> user(const QJsonObject& json)
{
    const ZendeskFields f(json, QStringLiteral("user"));
    Collect c;
    HelpdeskUser u;
    u.remoteId = c(f.id("id"));
    u.name = c(f.optionalString("name"));
    u.email = c(f.optionalString("email"));
    u.role = c(f.optionalString("role"));
    u.organizationId = c(f.optionalId("organization_id"));
    u.updatedAt = c(f.optionalTime("updated_at"));
    if (c.error())
        return *c.error();
    return u;
}

Result<HelpdeskOrganization> organization(const QJsonObject& json)
{
    const ZendeskFields f(json, QStringLiteral("organization"));
    Collect c;
    HelpdeskOrganization o;
    o.remoteId = c(f.id("id"));
    o.name = c(f.optionalString("name"));
    o.domains = c(f.optionalStrings("domain_names"));
    o.tags = c(f.optionalStrings("tags"));
    o.fields = c(f.optionalObject("organization_fields")).toVariantMap();
    o.details = c(f.optionalString("details"));
    o.notes = c(f.optionalString("notes"));
    o.updatedAt = c(f.optionalTime("updated_at"));
    if (c.error())
        return *c.error();
    return o;
}

Result<ZendeskView> view(const QJsonObject& json)
{
    const ZendeskFields f(json, QStringLiteral("view"));
    Collect c;
    ZendeskView v;
    v.remoteId = c(f.id("id"));
    v.title = c(f.optionalString("title"));
    v.active = c(f.optionalBool("active", true));
    v.position = int(c(f.optionalInteger("position")));
    v.updatedAt = c(f.optionalTime("updated_at"));
    if (c.error())
        return *c.error();
    return v;
}

Result<QList<Ticket>> tickets(const QJsonObject& page, const QString& key)
{
    return mapList<Ticket>(page, key, ticket);
}

Result<QList<TicketComment>> comments(const QJsonObject& page)
{
    return mapList<TicketComment>(page, QStringLiteral("comments"), comment);
}

Result<QList<HelpdeskUser>> users(const QJsonObject& page)
{
    return mapList<HelpdeskUser>(page, QStringLiteral("users"), user);
}

Result<QList<HelpdeskOrganization>> organizations(const QJsonObject& page)
{
    return mapList<HelpdeskOrganization>(page, QStringLiteral("organizations"), organization);
}

Result<QList<ZendeskView>> views(const QJsonObject& page)
{
    return mapList<ZendeskView>(page, QStringLiteral("views"), view);
}

Result<QList<Ticket>> searchTickets(const QJsonObject& page)
{
    const QJsonValue list = page.value(QLatin1String("results"));
    if (!list.isArray())
        return notAList(QStringLiteral("results"));
    QJsonArray onlyTickets;
    for (const QJsonValue& v : list.toArray()) {
        if (v.toObject().value(QLatin1String("result_type")).toString() == QLatin1String("ticket"))
            onlyTickets.append(v);
    }
    return tickets(QJsonObject{{QStringLiteral("results"), onlyTickets}}, QStringLiteral("results"));
}

Result<ZendeskCursor> cursor(const QJsonObject& page)
{
    const QJsonValue meta = page.value(QLatin1String("meta"));
    if (!meta.isObject())
        return ZendeskFields(page, QStringLiteral("page")).wrongType("meta", "an object with has_more");
    const ZendeskFields f(meta.toObject(), QStringLiteral("page meta"));
    const QJsonValue hasMore = meta.toObject().value(QLatin1String("has_more"));
    if (!hasMore.isBool())
        return f.wrongType("has_more", "true or false");
    ZendeskCursor result;
    result.hasMore = hasMore.toBool();
    Result<QString> after = f.optionalString("after_cursor");
    if (!after)
        return after.error();
    result.afterCursor = *after;
    if (result.hasMore && result.afterCursor.isEmpty())
        return f.wrongType("after_cursor", "a cursor (has_more is true)");
    return result;
}

Result<ZendeskIncrementalPage> incrementalPage(const QJsonObject& page)
{
    const ZendeskFields f(page, QStringLiteral("incremental export page"));
    const QJsonValue end = page.value(QLatin1String("end_of_stream"));
    if (!end.isBool())
        return f.wrongType("end_of_stream", "true or false");
    Result<QString> after = f.optionalString("after_cursor");
    if (!after)
        return after.error();
    Result<QList<Ticket>> all = tickets(page);
    if (!all)
        return all.error();
    ZendeskIncrementalPage result;
    result.endOfStream = end.toBool();
    result.afterCursor = *after;
    if (result.afterCursor.isEmpty() && !result.endOfStream)
        return f.wrongType("after_cursor", "a cursor (end_of_stream is false)");
    for (Ticket& t : std::move(all).value()) {
        // Deleted tickets stay in the export with status "deleted" (unless exclude_deleted).
        if (t.status == QLatin1String("deleted"))
            result.deletedIds << t.remoteId;
        else
            result.tickets << std::move(t);
    }
    return result;
}

} // namespace AssetDesk::ZendeskMapper
