#include "sandbox/zendesk/zendeskadmin.h"

#include "sandbox/sandboxclock.h"
#include "sandbox/splitmix64.h"
#include "sandbox/zendesk/zendeskmodule.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

const QStringList kStatuses{QStringLiteral("new"), QStringLiteral("open"), QStringLiteral("pending"),
                            QStringLiteral("hold"), QStringLiteral("solved"), QStringLiteral("closed")};
const QStringList kPriorities{QStringLiteral("urgent"), QStringLiteral("high"), QStringLiteral("normal"),
                              QStringLiteral("low")};

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out << item.toString().toLower();
    return out;
}

QList<QJsonObject> objects(const QJsonValue& v)
{
    QList<QJsonObject> out;
    if (v.isObject())
        out << v.toObject();
    for (const QJsonValue& item : v.toArray())
        out << item.toObject();
    return out;
}

} // namespace

ZendeskAdmin::ZendeskAdmin(ZendeskModule& module)
    : m_module(module)
{}

Result<qint64> ZendeskAdmin::update(const QJsonObject& edit)
{
    ZendeskTicketStore& store = m_module.store();
    auto t = store.findActive(edit.value(QStringLiteral("id")).toInteger());
    if (!t)
        return Error(ErrorKind::NotFound, QStringLiteral("update: no ticket %1").arg(edit.value(QStringLiteral("id")).toInteger()));
    if (edit.contains(QStringLiteral("subject")))
        t->subject = edit.value(QStringLiteral("subject")).toString();
    if (edit.contains(QStringLiteral("status"))) {
        const QString status = edit.value(QStringLiteral("status")).toString();
        if (!kStatuses.contains(status))
            return Error(ErrorKind::Validation, QStringLiteral("update: unknown status %1").arg(status));
        t->status = status;
    }
    if (edit.contains(QStringLiteral("priority"))) {
        const QString priority = edit.value(QStringLiteral("priority")).toString();
        if (!priority.isEmpty() && !kPriorities.contains(priority))
            return Error(ErrorKind::Validation, QStringLiteral("update: unknown priority %1").arg(priority));
        t->priority = priority;
    }
    if (edit.contains(QStringLiteral("tags")))
        t->tags = strings(edit.value(QStringLiteral("tags")));
    for (const QString& tag : strings(edit.value(QStringLiteral("additional_tags")))) {
        if (!t->tags.contains(tag))
            t->tags << tag;
    }
    for (const QString& tag : strings(edit.value(QStringLiteral("remove_tags"))))
        t->tags.removeAll(tag);
    t->updatedMs = store.nextChangeMs(m_module.clock().now().toMSecsSinceEpoch());
    store.put(*t);
    return t->id;
}

Result<qint64> ZendeskAdmin::add(const QJsonObject& fields)
{
    ZendeskTicketStore& store = m_module.store();
    const ZendeskDirectory& directory = m_module.directory();
    ZendeskTicket t;
    t.id = store.newTicketId();
    t.subject = fields.value(QStringLiteral("subject")).toString(QStringLiteral("New ticket %1").arg(t.id));
    t.description = fields.value(QStringLiteral("description")).toString(t.subject);
    t.status = fields.value(QStringLiteral("status")).toString(QStringLiteral("new"));
    t.priority = fields.value(QStringLiteral("priority")).toString(QStringLiteral("normal"));
    t.type = QStringLiteral("question");
    t.tags = strings(fields.value(QStringLiteral("tags")));
    if (!kStatuses.contains(t.status) || (!t.priority.isEmpty() && !kPriorities.contains(t.priority)))
        return Error(ErrorKind::Validation, QStringLiteral("add: unknown status or priority"));
    t.requesterId = fields.value(QStringLiteral("requester_id")).toInteger(directory.endUserIds().value(0));
    const ZendeskUser* requester = directory.user(t.requesterId);
    if (!requester)
        return Error(ErrorKind::Validation, QStringLiteral("add: no user %1").arg(t.requesterId));
    t.submitterId = t.requesterId;
    t.organizationId = requester->organizationId;
    t.groupId = directory.supportGroupId();
    t.channel = QStringLiteral("web");
    const qint64 ms = store.nextChangeMs(m_module.clock().now().toMSecsSinceEpoch());
    t.createdAt = QDateTime::fromMSecsSinceEpoch(ms / 1000 * 1000, Qt::UTC);
    t.updatedMs = ms;
    store.put(t);
    ZendeskComment first;
    first.ticketId = t.id;
    first.authorId = t.requesterId;
    first.body = t.description;
    first.htmlBody = QStringLiteral("<div class=\"zd-comment\" dir=\"auto\"><p>%1</p></div>").arg(t.description.toHtmlEscaped());
    first.channel = t.channel;
    first.createdAt = t.createdAt;
    store.addComment(first);
    return t.id;
}

Result<qint64> ZendeskAdmin::comment(const QJsonObject& fields)
{
    ZendeskTicketStore& store = m_module.store();
    auto t = store.findActive(fields.value(QStringLiteral("ticket_id")).toInteger());
    if (!t)
        return Error(ErrorKind::NotFound, QStringLiteral("comment: no such ticket"));
    const QString body = fields.value(QStringLiteral("body")).toString();
    if (body.trimmed().isEmpty())
        return Error(ErrorKind::Validation, QStringLiteral("comment: body is required"));
    const qint64 ms = store.nextChangeMs(m_module.clock().now().toMSecsSinceEpoch());
    ZendeskComment c;
    c.ticketId = t->id;
    c.authorId = fields.value(QStringLiteral("author_id")).toInteger(t->requesterId);
    c.body = body;
    c.htmlBody = QStringLiteral("<div class=\"zd-comment\" dir=\"auto\"><p>%1</p></div>").arg(body.toHtmlEscaped());
    c.isPublic = fields.value(QStringLiteral("public")).toBool(true);
    c.channel = QStringLiteral("email");
    c.createdAt = QDateTime::fromMSecsSinceEpoch(ms / 1000 * 1000, Qt::UTC);
    const qint64 id = store.addComment(c);
    t->updatedMs = ms;
    store.put(*t);
    return id;
}

Result<QJsonObject> ZendeskAdmin::change(const QJsonObject& request)
{
    QJsonArray modified;
    QJsonArray deleted;
    QJsonArray added;
    QJsonArray comments;
    ZendeskTicketStore& store = m_module.store();
    const qint64 nowMs = m_module.clock().now().toMSecsSinceEpoch();
    for (const QJsonObject& edit : objects(request.value(QStringLiteral("update")))) {
        const Result<qint64> id = update(edit);
        if (!id.ok())
            return id.error();
        modified.append(id.value());
    }
    for (const QJsonValue& id : request.value(QStringLiteral("delete")).toArray()) {
        if (!store.remove(id.toInteger(), nowMs))
            return Error(ErrorKind::NotFound, QStringLiteral("delete: no ticket %1").arg(id.toInteger()));
        deleted.append(id.toInteger());
    }
    const QJsonValue addValue = request.value(QStringLiteral("add"));
    for (const QJsonObject& fields : objects(addValue)) {
        const Result<qint64> id = add(fields);
        if (!id.ok())
            return id.error();
        added.append(id.value());
    }
    for (const QJsonObject& fields : objects(request.value(QStringLiteral("comment")))) {
        const Result<qint64> id = comment(fields);
        if (!id.ok())
            return id.error();
        comments.append(id.value());
    }
    // Random changes, deterministic from the seed of the store and the number of earlier ones.
    const int modify = request.value(QStringLiteral("modify")).toInt();
    const int remove = request.value(QStringLiteral("remove")).toInt();
    const int addCount = addValue.isDouble() ? addValue.toInt() : 0;
    if (modify < 0 || remove < 0 || addCount < 0 || modify + remove + addCount > 100000)
        return Error(ErrorKind::Validation, QStringLiteral("modify, remove and add must be 0..100000 in total"));
    auto pick = [&]() -> qint64 {
        for (int attempt = 0; attempt < 64; ++attempt) {
            SplitMix64 random(SplitMix64::derive(store.maxId(), u"zendesk/admin") ^ (++m_randomCounter * 0x9e3779b97f4a7c15ULL));
            const qint64 id = 1 + qint64(random.nextBelow(quint64(std::max<qint64>(store.maxId(), 1))));
            if (!store.isDeleted(id))
                return id;
        }
        return 0;
    };
    for (int i = 0; i < modify; ++i) {
        const qint64 id = pick();
        const auto t = store.find(id, false);
        if (!t)
            break;
        const QString status = kStatuses.at(int((m_randomCounter + quint64(i)) % 5)); // never "closed"
        const Result<qint64> done = update(QJsonObject{{QStringLiteral("id"), id},
                                                       {QStringLiteral("status"), status},
                                                       {QStringLiteral("additional_tags"), QJsonArray{QStringLiteral("touched")}}});
        if (done.ok())
            modified.append(id);
    }
    for (int i = 0; i < remove; ++i) {
        const qint64 id = pick();
        if (id && store.remove(id, nowMs))
            deleted.append(id);
    }
    for (int i = 0; i < addCount; ++i) {
        const Result<qint64> id = add(QJsonObject{{QStringLiteral("tags"), QJsonArray{QStringLiteral("media_request")}},
                                                  {QStringLiteral("subject"), QStringLiteral("Logo files needed, ref %1").arg(store.maxId() + 1)}});
        if (id.ok())
            added.append(id.value());
    }
    return QJsonObject{{QStringLiteral("modified"), modified},
                       {QStringLiteral("deleted"), deleted},
                       {QStringLiteral("added"), added},
                       {QStringLiteral("comments"), comments}};
}

QJsonObject ZendeskAdmin::attachmentWithDigest(qint64 id) const
{
    const auto a = m_module.store().attachment(id);
    if (!a)
        return {};
    QJsonObject o = m_module.json().attachment(*a);
    o.insert(QStringLiteral("sha256"), QString::fromLatin1(a->sha256));
    return o;
}

Result<QJsonObject> ZendeskAdmin::resource(const QString& name, const QUrlQuery& query) const
{
    const ZendeskTicketStore& store = m_module.store();
    const ZendeskJson json = m_module.json();
    if (name == QLatin1String("ticket")) {
        const auto t = store.find(query.queryItemValue(QStringLiteral("id")).toLongLong());
        if (!t)
            return Error(ErrorKind::NotFound, QStringLiteral("No such ticket"));
        return QJsonObject{{QStringLiteral("ticket"), json.ticket(*t)}};
    }
    if (name == QLatin1String("comments")) {
        const qint64 ticketId = query.queryItemValue(QStringLiteral("ticket_id")).toLongLong();
        if (!store.find(ticketId, false))
            return Error(ErrorKind::NotFound, QStringLiteral("No such ticket"));
        QJsonArray out;
        for (const ZendeskComment& c : store.comments(ticketId)) {
            QJsonObject o = json.comment(c);
            QJsonArray attachments;
            for (const ZendeskAttachment& a : c.attachments)
                attachments.append(attachmentWithDigest(a.id));
            o.insert(QStringLiteral("attachments"), attachments);
            out.append(o);
        }
        return QJsonObject{{QStringLiteral("comments"), out}};
    }
    if (name == QLatin1String("attachment")) {
        const qint64 id = query.queryItemValue(QStringLiteral("id")).toLongLong();
        QJsonObject o = attachmentWithDigest(id);
        if (o.isEmpty())
            return Error(ErrorKind::NotFound, QStringLiteral("No such attachment"));
        QJsonObject out{{QStringLiteral("attachment"), o}};
        if (query.queryItemValue(QStringLiteral("bytes")) == QLatin1String("1"))
            out.insert(QStringLiteral("bytes_base64"), QString::fromLatin1(store.attachmentBytes(id).toBase64()));
        return out;
    }
    if (name == QLatin1String("uploads")) {
        QJsonArray out;
        for (const ZendeskUpload& u : store.uploads()) {
            QJsonArray attachments;
            for (qint64 id : u.attachmentIds)
                attachments.append(attachmentWithDigest(id));
            out.append(QJsonObject{{QStringLiteral("token"), u.token},
                                   {QStringLiteral("created_at"), ZendeskJson::isoTimeMs(u.createdMs)},
                                   {QStringLiteral("attachments"), attachments}});
        }
        return QJsonObject{{QStringLiteral("uploads"), out}};
    }
    if (name == QLatin1String("state"))
        return QJsonObject{{QStringLiteral("max_ticket_id"), store.maxId()},
                           {QStringLiteral("changed_tickets"), qint64(store.changedCount())},
                           {QStringLiteral("size"), store.generator().size()}};
    return m_module.ServiceModule::adminResource(name, query);
}

} // namespace AssetDesk::Sandbox
