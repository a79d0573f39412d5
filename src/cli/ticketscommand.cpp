#include "ticketscommand.h"

#include "clicontext.h"
#include "clisyncrun.h"

#include "core/ticketurgency.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "storage/ticketrepository.h"
#include "sync/jobrunner.h"
#include "sync/zendesksyncservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace AssetDesk {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::TicketsCommand)
};

constexpr int kSyncTimeoutMs = 3600 * 1000;
constexpr int kFetchTimeoutMs = 300 * 1000;

QStringList commaList(const QString& value)
{
    QStringList items;
    for (const QString& item : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        items << item.trimmed().toLower();
    return items;
}

QJsonObject toJson(const Ticket& t)
{
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("account_id"), t.accountId},
            {QStringLiteral("number"), t.remoteId},
            {QStringLiteral("subject"), t.subject},
            {QStringLiteral("status"), t.status},
            {QStringLiteral("priority"), t.priority},
            {QStringLiteral("urgent"), TicketUrgency::isUrgent(t)},
            {QStringLiteral("type"), t.type},
            {QStringLiteral("tags"), QJsonArray::fromStringList(t.tags)},
            {QStringLiteral("organization"), t.organization},
            {QStringLiteral("organization_id"), t.organizationId},
            {QStringLiteral("requester"), t.requester},
            {QStringLiteral("requester_id"), t.requesterId},
            {QStringLiteral("via"), t.viaChannel},
            {QStringLiteral("created_at"), t.createdAt.toString(Qt::ISODate)},
            {QStringLiteral("updated_at"), t.updatedAt.toString(Qt::ISODate)}};
}

QJsonObject toJson(const TicketComment& c)
{
    QJsonArray attachments;
    for (const TicketAttachment& a : c.attachments) {
        attachments.append(QJsonObject{{QStringLiteral("id"), a.remoteId},
                                       {QStringLiteral("file_name"), a.fileName},
                                       {QStringLiteral("content_type"), a.contentType},
                                       {QStringLiteral("size"), a.size}});
    }
    return {{QStringLiteral("id"), c.remoteId},
            {QStringLiteral("author"), c.author},
            {QStringLiteral("author_id"), c.authorId},
            {QStringLiteral("public"), c.isPublic},
            {QStringLiteral("body"), c.body},
            {QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODate)},
            {QStringLiteral("attachments"), attachments}};
}

QList<Account> zendeskAccounts(Storage& storage, CliOutput& out, bool* ok)
{
    QList<Account> result;
    const Result<QList<Account>> accounts = AccountRepository(storage).list();
    *ok = accounts.ok();
    if (!accounts) {
        out.error(accounts.error());
        return result;
    }
    for (const Account& a : *accounts) {
        if (a.service == Service::Zendesk)
            result << a;
    }
    return result;
}

bool syncAll(CliContext& context, ZendeskSyncService& service, const QList<Account>& accounts, bool full)
{
    CliOutput& out = context.out();
    bool ok = true;
    for (const Account& account : accounts) {
        ZendeskSyncService::Request request;
        request.accountId = account.id;
        request.full = full;
        const Result<ZendeskSyncSummary> outcome =
            runSync<ZendeskSyncSummary>(context, service, request, account, kSyncTimeoutMs);
        if (!outcome) {
            out.error(outcome.error());
            ok = false;
            continue;
        }
        const ZendeskSyncSummary& s = *outcome;
        out.note(Tr::tr("%1: tickets synced - %2 changed, %3 removed, %4 in the cache, %5 s")
                     .arg(account.label)
                     .arg(s.ticketsSeen)
                     .arg(s.ticketsRemoved)
                     .arg(s.totalLocal)
                     .arg(s.elapsedMs / 1000.0, 0, 'f', 1));
    }
    return ok;
}

int show(CliContext& context, ZendeskSyncService& service, const QList<Account>& accounts, qint64 number, bool refresh)
{
    CliOutput& out = context.out();
    Storage* storage = *context.storage();
    const TicketRepository repo(*storage);
    std::optional<Ticket> ticket;
    for (const Account& account : accounts) {
        const Result<std::optional<Ticket>> found = repo.ticketByRemoteId(account.id, number);
        if (!found) {
            out.error(found.error());
            return 1;
        }
        if (found->has_value()) {
            ticket = **found;
            break;
        }
    }
    if (!ticket) {
        out.error(Error(ErrorKind::NotFound, Tr::tr("Ticket %1 is not in the local cache; run with --sync first.").arg(number)));
        return 1;
    }
    // The conversation is fetched on demand: never fetched, or the ticket changed since.
    if (refresh || !ticket->commentsSyncedAt.isValid() || ticket->commentsSyncedAt < ticket->updatedAt) {
        std::optional<Result<qint64>> refreshed;
        service.refreshTicket(ticket->accountId, number, [&refreshed](Result<qint64> r) { refreshed = std::move(r); });
        if (!context.waitUntil([&refreshed] { return refreshed.has_value(); }, kFetchTimeoutMs))
            refreshed = Error(ErrorKind::Transport, Tr::tr("Fetching the conversation did not finish in time."));
        if (!*refreshed) {
            out.error(refreshed->error());
            return 1;
        }
        const Result<std::optional<Ticket>> fresh = repo.ticket(**refreshed);
        if (!fresh) {
            out.error(fresh.error());
            return 1;
        }
        if (fresh->has_value())
            ticket = **fresh;
    }
    const Result<QList<TicketComment>> comments = repo.comments(ticket->id);
    if (!comments) {
        out.error(comments.error());
        return 1;
    }
    if (out.isJson()) {
        QJsonObject json = toJson(*ticket);
        json.insert(QStringLiteral("description"), ticket->description);
        QJsonArray conversation;
        for (const TicketComment& c : *comments)
            conversation.append(toJson(c));
        json.insert(QStringLiteral("comments"), conversation);
        out.json(json);
        return 0;
    }
    out.line(QStringLiteral("#%1  %2").arg(ticket->remoteId).arg(ticket->subject));
    out.line(Tr::tr("%1, priority %2, %3 - %4").arg(ticket->status, ticket->priority.isEmpty() ? QStringLiteral("-") : ticket->priority,
                                                    ticket->requester, ticket->organization));
    out.line(Tr::tr("Tags: %1").arg(ticket->tags.join(QLatin1Char(' '))));
    for (const TicketComment& c : *comments) {
        out.line(QString());
        out.line(QStringLiteral("%1  %2%3").arg(c.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                c.author.isEmpty() ? QString::number(c.authorId) : c.author,
                                                c.isPublic ? QString() : Tr::tr(" (internal note)")));
        out.line(c.body); // plain text as stored; a terminal renders no HTML
        for (const TicketAttachment& a : c.attachments)
            out.line(QStringLiteral("  [%1, %2, %3 bytes]").arg(a.fileName, a.contentType).arg(a.size));
    }
    return 0;
}
} // namespace

QString TicketsCommand::summary() const
{
    return Tr::tr("List Zendesk tickets from the local helpdesk cache");
}

QStringList TicketsCommand::usage() const
{
    return {Tr::tr("tickets             [--view NAME] [--status S[,S]] [--priority P[,P]] [--tag T] [--text T]\n"
                   "                    [--urgent-first] [--limit N] [--sync [--full]] [--json]\n"
                   "tickets --show N    One ticket with its conversation (fetched when stale)")};
}

int TicketsCommand::run(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption view(QStringLiteral("view"), {}, QStringLiteral("NAME"));
    const QCommandLineOption status(QStringLiteral("status"), {}, QStringLiteral("S"));
    const QCommandLineOption priority(QStringLiteral("priority"), {}, QStringLiteral("P"));
    const QCommandLineOption tag(QStringLiteral("tag"), {}, QStringLiteral("T"));
    const QCommandLineOption text(QStringLiteral("text"), {}, QStringLiteral("T"));
    const QCommandLineOption limit(QStringLiteral("limit"), {}, QStringLiteral("N"));
    const QCommandLineOption showOption(QStringLiteral("show"), {}, QStringLiteral("N"));
    const QCommandLineOption urgentFirst(QStringLiteral("urgent-first"));
    const QCommandLineOption sync(QStringLiteral("sync"));
    const QCommandLineOption full(QStringLiteral("full"));
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOptions({view, status, priority, tag, text, limit, showOption, urgentFirst, sync, full, json});
    const bool parsed = parser.parse(QStringList{QStringLiteral("tickets")} + arguments);
    bool limitOk = true;
    const int limitValue = parser.isSet(limit) ? parser.value(limit).toInt(&limitOk) : -1;
    bool showOk = true;
    const qint64 number = parser.isSet(showOption) ? parser.value(showOption).remove(QLatin1Char('#')).toLongLong(&showOk) : 0;
    if (!parsed || !parser.positionalArguments().isEmpty() || !limitOk || limitValue < -1 || !showOk
        || (parser.isSet(showOption) && number <= 0) || (parser.isSet(full) && !parser.isSet(sync))) {
        if (!parser.errorText().isEmpty())
            context.out().note(parser.errorText());
        context.out().note(Tr::tr("usage: assetdesk-cli tickets [--view NAME] [--status S[,S]] [--priority P[,P]] [--tag T] "
                                  "[--text T] [--urgent-first] [--limit N] [--sync [--full]] [--json] | --show N"));
        return 2;
    }
    CliOutput& out = context.out();
    if (parser.isSet(json))
        out.setJson(true);
    const Result<Storage*> storage = context.storage();
    if (!storage) {
        out.error(storage.error());
        return 1;
    }
    bool ok = true;
    const QList<Account> accounts = zendeskAccounts(**storage, out, &ok);
    if (!ok)
        return 1;
    std::unique_ptr<ZendeskSyncService> service;
    if (parser.isSet(sync) || parser.isSet(showOption)) {
        const Result<ConnectorPool*> pool = context.pool();
        if (!pool) {
            out.error(pool.error());
            return 1;
        }
        service = std::make_unique<ZendeskSyncService>(**storage, **pool, *context.jobs());
    }
    if (parser.isSet(sync) && !syncAll(context, *service, accounts, parser.isSet(full)))
        return 1;
    if (parser.isSet(showOption))
        return show(context, *service, accounts, number, parser.isSet(sync));

    const TicketRepository repo(**storage);
    QList<Ticket> tickets;
    for (const Account& account : accounts) {
        TicketQuery query;
        query.statuses = commaList(parser.value(status));
        query.priorities = commaList(parser.value(priority));
        query.tag = parser.value(tag);
        query.text = parser.value(text);
        query.limit = limitValue;
        query.sort = parser.isSet(urgentFirst) ? TicketQuery::Sort::UrgentFirst : TicketQuery::Sort::UpdatedNewest;
        if (parser.isSet(view)) {
            const Result<std::optional<ZendeskView>> v = repo.viewByTitle(account.id, parser.value(view));
            if (!v) {
                out.error(v.error());
                return 1;
            }
            if (!v->has_value())
                continue; // this account has no such view
            query.viewId = (*v)->id;
        }
        const Result<QList<Ticket>> found = repo.tickets(account.id, query);
        if (!found) {
            out.error(found.error());
            return 1;
        }
        tickets << *found;
    }
    if (out.isJson()) {
        QJsonArray rows;
        for (const Ticket& t : std::as_const(tickets))
            rows.append(toJson(t));
        out.json(rows);
        return 0;
    }
    if (tickets.isEmpty()) {
        out.line(parser.isSet(view) ? Tr::tr("No tickets in view \"%1\".").arg(parser.value(view)) : Tr::tr("No tickets."));
        return 0;
    }
    QList<QStringList> rows;
    for (const Ticket& t : std::as_const(tickets)) {
        rows.append({QString::number(t.remoteId), TicketUrgency::isUrgent(t) ? QStringLiteral("!") : QString(), t.status,
                     t.priority.isEmpty() ? QStringLiteral("-") : t.priority, t.subject, t.organization,
                     t.tags.join(QLatin1Char(' ')), t.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
    }
    out.table({Tr::tr("Ticket"), QString(), Tr::tr("Status"), Tr::tr("Priority"), Tr::tr("Subject"), Tr::tr("Organization"),
               Tr::tr("Tags"), Tr::tr("Updated")},
              rows);
    return 0;
}

} // namespace AssetDesk
