#include "sandbox/zendesk/zendeskticketupdate.h"

#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/zendesk/zendeskjson.h"
#include "sandbox/zendesk/zendeskmodule.h"

#include <QRegularExpression>

namespace AssetDesk::Sandbox {

namespace {

using namespace std::chrono_literals;

const QStringList kStatuses{QStringLiteral("new"), QStringLiteral("open"), QStringLiteral("pending"),
                            QStringLiteral("hold"), QStringLiteral("solved"), QStringLiteral("closed")};
const QStringList kPriorities{QStringLiteral("urgent"), QStringLiteral("high"), QStringLiteral("normal"),
                              QStringLiteral("low")};
const QStringList kTypes{QStringLiteral("problem"), QStringLiteral("incident"), QStringLiteral("question"),
                         QStringLiteral("task")};

// Tags are lower case without spaces in Zendesk: "Press Kit" becomes two tags.
QStringList tagList(const QJsonValue& v, bool* ok)
{
    QStringList out;
    *ok = true;
    const QJsonArray items = v.isString() ? QJsonArray{v} : v.toArray();
    if (!v.isString() && !v.isArray())
        *ok = false;
    for (const QJsonValue& item : items) {
        if (!item.isString()) {
            *ok = false;
            continue;
        }
        for (const QString& t : item.toString().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!out.contains(t))
                out << t;
        }
    }
    return out;
}

QString plainFromHtml(QString html)
{
    html.replace(QRegularExpression(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
                                    QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption),
                 QString());
    html.replace(QRegularExpression(QStringLiteral("<br\\s*/?>|</p>"), QRegularExpression::CaseInsensitiveOption),
                 QStringLiteral("\n"));
    html.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    html.replace(QLatin1String("&lt;"), QLatin1String("<"));
    html.replace(QLatin1String("&gt;"), QLatin1String(">"));
    html.replace(QLatin1String("&quot;"), QLatin1String("\""));
    html.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return html.trimmed();
}

} // namespace

ZendeskTicketUpdate::ZendeskTicketUpdate(ZendeskModule& module)
    : m_module(module)
{}

void ZendeskTicketUpdate::registerRoutes(Router& router)
{
    router.add("PUT", QStringLiteral("/api/v2/tickets/:id"), Access::User,
               [this](const SandboxRequest& r) { return update(r); });
}

HttpResponse ZendeskTicketUpdate::update(const SandboxRequest& request)
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), true))
        return *denied;
    const qint64 id = request.param(QStringLiteral("id")).toLongLong();
    ZendeskTicketStore& store = m_module.store();
    const auto found = store.findActive(id);
    if (!found)
        return m_module.errorResponse(404, {});
    const auto body = request.jsonBody();
    if (!body || !body->value(QStringLiteral("ticket")).isObject())
        return m_module.errorResponse(400, QStringLiteral("The request body must be {\"ticket\":{...}}"));
    const QString user = request.principal ? request.principal->subjectId : QString();
    if (auto limited = m_module.consumeLimit(request, QStringLiteral("ticket-updates"), kAccountUpdatesPerMinute, 60s))
        return *limited;
    if (auto limited = m_module.consumeLimit(request, QStringLiteral("ticket-update:%1:%2").arg(user).arg(id),
                                             kUpdatesPerTicketPer10Min, 600s))
        return *limited;

    const QJsonObject in = body->value(QStringLiteral("ticket")).toObject();
    ZendeskTicket t = *found;
    const ZendeskTicket before = t;
    QJsonObject details;
    auto invalid = [&](const QString& field, const QString& description, const QString& error = QStringLiteral("InvalidValue")) {
        QJsonArray list = details.value(field).toArray();
        list.append(QJsonObject{{QStringLiteral("description"), description}, {QStringLiteral("error"), error}});
        details.insert(field, list);
    };
    if (t.status == QLatin1String("closed"))
        invalid(QStringLiteral("status"), QStringLiteral("Status: closed prevents ticket update"), QStringLiteral("ClosedTicket"));
    if (in.value(QStringLiteral("safe_update")).toBool() &&
        in.value(QStringLiteral("updated_stamp")).toString() != ZendeskJson::isoTimeMs(t.updatedMs))
        return HttpResponse::json(409, QJsonObject{{QStringLiteral("error"), QStringLiteral("UpdateConflict")},
                                                   {QStringLiteral("description"),
                                                    QStringLiteral("Safe Update prevented the update due to outdated "
                                                                   "ticket data. Please fetch the latest ticket data and "
                                                                   "try again.")}});
    auto enumField = [&](const QString& key, const QStringList& allowed, bool nullable, QString* target) {
        if (!in.contains(key))
            return;
        const QJsonValue v = in.value(key);
        if (v.isNull() && nullable)
            *target = QString();
        else if (v.isString() && allowed.contains(v.toString()))
            *target = v.toString();
        else
            invalid(key, QStringLiteral("%1: is not valid").arg(key));
    };
    enumField(QStringLiteral("status"), kStatuses, false, &t.status);
    enumField(QStringLiteral("priority"), kPriorities, true, &t.priority);
    enumField(QStringLiteral("type"), kTypes, true, &t.type);
    if (in.contains(QStringLiteral("subject"))) {
        const QJsonValue v = in.value(QStringLiteral("subject"));
        if (!v.isString() || v.toString().trimmed().isEmpty() || v.toString().size() > 150)
            invalid(QStringLiteral("subject"), QStringLiteral("Subject: must be 1 to 150 characters"));
        else
            t.subject = v.toString();
    }
    bool ok = true;
    if (in.contains(QStringLiteral("tags"))) {
        t.tags = tagList(in.value(QStringLiteral("tags")), &ok);
        if (!ok)
            invalid(QStringLiteral("tags"), QStringLiteral("Tags: must be a list of strings"));
    }
    if (in.contains(QStringLiteral("additional_tags"))) {
        for (const QString& tag : tagList(in.value(QStringLiteral("additional_tags")), &ok)) {
            if (!t.tags.contains(tag))
                t.tags << tag;
        }
        if (!ok)
            invalid(QStringLiteral("additional_tags"), QStringLiteral("Tags: must be a list of strings"));
    }
    if (in.contains(QStringLiteral("remove_tags"))) {
        for (const QString& tag : tagList(in.value(QStringLiteral("remove_tags")), &ok))
            t.tags.removeAll(tag);
        if (!ok)
            invalid(QStringLiteral("remove_tags"), QStringLiteral("Tags: must be a list of strings"));
    }
    const ZendeskDirectory& directory = m_module.directory();
    if (in.contains(QStringLiteral("assignee_id"))) {
        const QJsonValue v = in.value(QStringLiteral("assignee_id"));
        const ZendeskUser* u = directory.user(v.toInteger());
        if (v.isNull())
            t.assigneeId = 0;
        else if (u && u->role != QLatin1String("end-user"))
            t.assigneeId = u->id;
        else
            invalid(QStringLiteral("assignee_id"), QStringLiteral("Assignee: is not an agent"));
    }
    if (in.contains(QStringLiteral("group_id"))) {
        const QJsonValue v = in.value(QStringLiteral("group_id"));
        if (v.isNull())
            t.groupId = 0;
        else if (directory.group(v.toInteger()))
            t.groupId = v.toInteger();
        else
            invalid(QStringLiteral("group_id"), QStringLiteral("Group: is invalid"));
    }

    const qint64 nowMs = m_module.clock().now().toMSecsSinceEpoch();
    std::optional<ZendeskComment> comment;
    QStringList tokens;
    if (in.contains(QStringLiteral("comment"))) {
        const QJsonObject c = in.value(QStringLiteral("comment")).toObject();
        ZendeskComment made;
        made.ticketId = id;
        made.authorId = request.principal ? request.principal->subjectId.toLongLong() : 0;
        if (c.contains(QStringLiteral("author_id"))) {
            if (directory.user(c.value(QStringLiteral("author_id")).toInteger()))
                made.authorId = c.value(QStringLiteral("author_id")).toInteger();
            else
                invalid(QStringLiteral("comment"), QStringLiteral("Author: is invalid"));
        }
        const QString html = c.value(QStringLiteral("html_body")).toString();
        made.body = c.contains(QStringLiteral("body")) ? c.value(QStringLiteral("body")).toString() : plainFromHtml(html);
        made.htmlBody = html.isEmpty() ? QStringLiteral("<div class=\"zd-comment\" dir=\"auto\"><p>%1</p></div>")
                                             .arg(made.body.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")))
                                       : html;
        if (!in.value(QStringLiteral("comment")).isObject() || made.body.trimmed().isEmpty())
            invalid(QStringLiteral("comment"), QStringLiteral("Comment: cannot be blank"), QStringLiteral("BlankValue"));
        const QJsonValue isPublic = c.value(QStringLiteral("public"));
        if (!isPublic.isUndefined() && !isPublic.isBool())
            invalid(QStringLiteral("comment"), QStringLiteral("Public: must be true or false"));
        made.isPublic = isPublic.toBool(true);
        made.channel = QStringLiteral("api");
        made.createdAt = QDateTime::fromMSecsSinceEpoch(nowMs / 1000 * 1000, Qt::UTC);
        const QJsonValue uploads = c.value(QStringLiteral("uploads"));
        if (!uploads.isUndefined() && !uploads.isArray())
            invalid(QStringLiteral("uploads"), QStringLiteral("Uploads: must be a list of tokens"));
        for (const QJsonValue& token : uploads.toArray()) {
            if (!token.isString() || !store.findUpload(token.toString(), nowMs))
                invalid(QStringLiteral("uploads"),
                        QStringLiteral("Upload token is invalid or has expired: %1").arg(token.toString()),
                        QStringLiteral("InvalidUploadToken"));
            else if (!tokens.contains(token.toString()))
                tokens << token.toString();
        }
        comment = made;
    }
    if (!details.isEmpty())
        return HttpResponse::json(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("RecordInvalid")},
                                                   {QStringLiteral("description"), QStringLiteral("Record validation errors")},
                                                   {QStringLiteral("details"), details}});

    // Everything checked: apply. updated_at moves only when something happened (zendesk.md §3).
    QJsonArray events;
    qint64 eventId = (nowMs % 100000000) * 100;
    auto change = [&](const QString& field, const QJsonValue& value, const QJsonValue& previous) {
        if (value != previous)
            events.append(QJsonObject{{QStringLiteral("id"), ++eventId},
                                      {QStringLiteral("type"), QStringLiteral("Change")},
                                      {QStringLiteral("field_name"), field},
                                      {QStringLiteral("value"), value},
                                      {QStringLiteral("previous_value"), previous}});
    };
    change(QStringLiteral("status"), t.status, before.status);
    change(QStringLiteral("priority"), ZendeskJson::stringOrNull(t.priority), ZendeskJson::stringOrNull(before.priority));
    change(QStringLiteral("type"), ZendeskJson::stringOrNull(t.type), ZendeskJson::stringOrNull(before.type));
    change(QStringLiteral("subject"), t.subject, before.subject);
    // Audit values are strings or integers in the OAS: tags are listed space-separated.
    change(QStringLiteral("tags"), t.tags.join(QLatin1Char(' ')), before.tags.join(QLatin1Char(' ')));
    change(QStringLiteral("assignee_id"), ZendeskJson::idOrNull(t.assigneeId), ZendeskJson::idOrNull(before.assigneeId));
    change(QStringLiteral("group_id"), ZendeskJson::idOrNull(t.groupId), ZendeskJson::idOrNull(before.groupId));
    const ZendeskJson json = m_module.json();
    if (comment) {
        comment->attachments = store.consumeUploads(tokens);
        comment->id = store.addComment(*comment);
        QJsonObject event = json.comment(*comment);
        event.insert(QStringLiteral("type"), QStringLiteral("Comment"));
        events.append(event);
    }
    if (!events.isEmpty()) {
        t.updatedMs = store.nextChangeMs(nowMs);
        store.put(t);
    }
    const QJsonObject audit{
        {QStringLiteral("id"), eventId + 1},
        {QStringLiteral("ticket_id"), id},
        {QStringLiteral("created_at"), ZendeskJson::isoTimeMs(nowMs)},
        {QStringLiteral("author_id"), request.principal ? request.principal->subjectId.toLongLong() : 0},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("via"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("api")},
                                            {QStringLiteral("source"), QJsonObject{{QStringLiteral("rel"), QJsonValue()}}}}},
        {QStringLiteral("events"), events},
    };
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("ticket"), json.ticket(t)}, {QStringLiteral("audit"), audit}});
}

} // namespace AssetDesk::Sandbox
