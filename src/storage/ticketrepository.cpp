#include "storage/ticketrepository.h"

#include "core/ticketurgency.h"
#include "storage/helpdeskupsert.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/ticketcommentrows.h"
#include "storage/writecontext.h"

#include <limits>

namespace AssetDesk {

namespace {

const QString kTicketColumns = QStringLiteral(
    "t.id, t.account_id, t.remote_id, t.subject, t.status, t.priority, t.type, t.tags, "
    "COALESCE(NULLIF(o.name, ''), t.organization), COALESCE(NULLIF(u.name, ''), t.requester), "
    "t.requester_id, t.organization_id, t.assignee_id, t.group_id, t.description, t.via_channel, "
    "t.created_at, t.updated_at, t.comments_synced_at");

const QString kTicketFrom = QStringLiteral(
    "FROM tickets t "
    "LEFT JOIN helpdesk_organizations o ON o.account_id = t.account_id AND o.remote_id = t.organization_id "
    "LEFT JOIN helpdesk_users u ON u.account_id = t.account_id AND u.remote_id = t.requester_id ");

Error validation(const QString& message)
{
    return Error(ErrorKind::Validation, message).withOrigin(QStringLiteral("storage"));
}

QVariant remoteRef(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QString likeEscaped(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return escaped;
}

// "(:nl || t.tags || :nl) LIKE :name" for tags stored one per line; binds into `values`.
QString tagCondition(const QString& tag, const QString& name, QVariantHash& values)
{
    values.insert(QStringLiteral("nl"), QStringLiteral("\n"));
    values.insert(name, QStringLiteral("%\n") + likeEscaped(tag) + QStringLiteral("\n%"));
    return QStringLiteral("(:nl || t.tags || :nl) LIKE :%1 ESCAPE '\\'").arg(name);
}

QString anyOf(const QString& column, const QString& prefix, const QStringList& items, QVariantHash& values)
{
    QStringList names;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString name = prefix + QString::number(i);
        names << QLatin1Char(':') + name;
        values.insert(name, SqlValues::text(items.at(i)));
    }
    return QStringLiteral("%1 IN (%2)").arg(column, names.join(QStringLiteral(", ")));
}

Ticket ticketFrom(const SqlStatement& q)
{
    Ticket t;
    t.id = q.value(0).toLongLong();
    t.accountId = q.value(1).toLongLong();
    t.remoteId = q.value(2).toLongLong();
    t.subject = q.value(3).toString();
    t.status = q.value(4).toString();
    t.priority = q.value(5).toString();
    t.type = q.value(6).toString();
    t.tags = SqlValues::splitLines(q.value(7).toString());
    t.organization = q.value(8).toString();
    t.requester = q.value(9).toString();
    t.requesterId = q.value(10).toLongLong();
    t.organizationId = q.value(11).toLongLong();
    t.assigneeId = q.value(12).toLongLong();
    t.groupId = q.value(13).toLongLong();
    t.description = q.value(14).toString();
    t.viaChannel = q.value(15).toString();
    t.createdAt = SqlValues::toDateTime(q.value(16));
    t.updatedAt = SqlValues::toDateTime(q.value(17));
    t.commentsSyncedAt = SqlValues::toDateTime(q.value(18));
    return t;
}

// WHERE and ORDER BY of a query, binding its values.
QString whereFor(qint64 accountId, const TicketQuery& query, QVariantHash& values)
{
    QStringList conditions{QStringLiteral("t.account_id = :account")};
    values.insert(QStringLiteral("account"), accountId);
    if (query.viewId > 0) {
        conditions << QStringLiteral("EXISTS (SELECT 1 FROM ticket_view_members m WHERE m.ticket_id = t.id AND m.view_id = :view)");
        values.insert(QStringLiteral("view"), query.viewId);
    }
    if (!query.statuses.isEmpty())
        conditions << anyOf(QStringLiteral("t.status"), QStringLiteral("st"), query.statuses, values);
    if (!query.priorities.isEmpty())
        conditions << anyOf(QStringLiteral("t.priority"), QStringLiteral("pr"), query.priorities, values);
    if (!query.tag.isEmpty())
        conditions << tagCondition(query.tag, QStringLiteral("tag"), values);
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        QString match = QStringLiteral("(lower(t.subject) LIKE :text ESCAPE '\\' OR lower(t.description) LIKE :text ESCAPE '\\'");
        values.insert(QStringLiteral("text"), QLatin1Char('%') + likeEscaped(text.toLower()) + QLatin1Char('%'));
        bool number = false;
        const qint64 remoteId = QString(text).remove(QLatin1Char('#')).toLongLong(&number);
        if (number) {
            match += QStringLiteral(" OR t.remote_id = :number");
            values.insert(QStringLiteral("number"), remoteId);
        }
        conditions << match + QLatin1Char(')');
    }
    return QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
}

} // namespace

Result<QList<Ticket>> TicketRepository::select(const QString& where, const QVariantHash& values, const QString& tail) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(), QStringLiteral("SELECT %1 %2%3%4").arg(kTicketColumns, kTicketFrom, where, tail));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<Ticket> result;
    while (q.next())
        result << ticketFrom(q);
    return result;
}

Result<QList<Ticket>> TicketRepository::tickets(qint64 accountId, const TicketQuery& query) const
{
    QVariantHash values;
    const QString where = whereFor(accountId, query, values);
    if (query.sort == TicketQuery::Sort::UrgentFirst) {
        // The fulfilment order is TicketUrgency's rule (press tags are words inside tags, which
        // SQL would only approximate): every match is read and sorted here, then paged.
        Result<QList<Ticket>> read = select(where, values, {});
        if (!read)
            return read.error();
        QList<Ticket> all = std::move(read).value();
        TicketUrgency::sortForFulfilment(all);
        return all.mid(qMax(0, query.offset), query.limit >= 0 ? query.limit : -1);
    }
    QString tail = QStringLiteral(" ORDER BY t.updated_at DESC, t.id DESC");
    if (query.limit >= 0 || query.offset > 0) {
        // PostgreSQL takes LIMIT ALL, SQLite LIMIT -1; a huge number works on both.
        tail += QStringLiteral(" LIMIT %1 OFFSET %2")
                    .arg(query.limit >= 0 ? qint64(query.limit) : std::numeric_limits<qint64>::max())
                    .arg(qMax(0, query.offset));
    }
    return select(where, values, tail);
}

Result<qint64> TicketRepository::count(qint64 accountId, const TicketQuery& query) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    QVariantHash values;
    SqlStatement q(connection.value(), QStringLiteral("SELECT COUNT(*) FROM tickets t ") + whereFor(accountId, query, values));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<std::optional<Ticket>> TicketRepository::ticket(qint64 id) const
{
    Result<QList<Ticket>> rows = select(QStringLiteral("WHERE t.id = :id"), {{QStringLiteral("id"), id}}, {});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Ticket>() : std::optional<Ticket>(rows->constFirst());
}

Result<std::optional<Ticket>> TicketRepository::ticketByRemoteId(qint64 accountId, qint64 remoteId) const
{
    Result<QList<Ticket>> rows = select(QStringLiteral("WHERE t.account_id = :account AND t.remote_id = :remote"),
                                        {{QStringLiteral("account"), accountId}, {QStringLiteral("remote"), remoteId}}, {});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Ticket>() : std::optional<Ticket>(rows->constFirst());
}

Result<QList<TicketComment>> TicketRepository::comments(qint64 ticketId) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    return TicketCommentRows::forTicket(connection.value(), ticketId);
}

Result<std::optional<TicketComment>> TicketRepository::comment(qint64 id) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    return TicketCommentRows::byId(connection.value(), id);
}

Result<QList<ZendeskView>> TicketRepository::views(qint64 accountId) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT id, account_id, remote_id, title, active, position, updated_at FROM ticket_views "
                                  "WHERE account_id = :account ORDER BY position, title, id"));
    q.bind(QStringLiteral("account"), accountId);
    if (Status s = q.exec(); !s)
        return s.error();
    QList<ZendeskView> result;
    while (q.next()) {
        ZendeskView v;
        v.id = q.value(0).toLongLong();
        v.accountId = q.value(1).toLongLong();
        v.remoteId = q.value(2).toLongLong();
        v.title = q.value(3).toString();
        v.active = q.value(4).toBool();
        v.position = q.value(5).toInt();
        v.updatedAt = SqlValues::toDateTime(q.value(6));
        result << v;
    }
    return result;
}

Result<std::optional<ZendeskView>> TicketRepository::viewByTitle(qint64 accountId, const QString& title) const
{
    Result<QList<ZendeskView>> all = views(accountId);
    if (!all)
        return all.error();
    for (const ZendeskView& v : std::as_const(*all)) {
        if (v.title.compare(title, Qt::CaseInsensitive) == 0)
            return std::optional<ZendeskView>(v);
    }
    return std::optional<ZendeskView>();
}

Result<QList<qint64>> TicketRepository::localIds(qint64 accountId, const QList<qint64>& remoteIds) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    QHash<qint64, qint64> found;
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < remoteIds.size(); from += kChunk) {
        SqlStatement q(connection.value(), QStringLiteral("SELECT remote_id, id FROM tickets WHERE account_id = :account AND remote_id IN (%1)")
                                               .arg(HelpdeskUpsert::inList(remoteIds.mid(from, kChunk))));
        q.bind(QStringLiteral("account"), accountId);
        if (Status s = q.exec(); !s)
            return s.error();
        while (q.next())
            found.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    }
    QList<qint64> ids;
    for (qint64 remoteId : remoteIds) {
        if (const auto it = found.constFind(remoteId); it != found.cend())
            ids << it.value();
    }
    return ids;
}

Result<QList<qint64>> TicketRepository::upsertTickets(WriteContext& ctx, qint64 accountId, const QList<Ticket>& tickets)
{
    static const HelpdeskUpsert upsert(
        QStringLiteral("tickets"),
        {QStringLiteral("account_id"), QStringLiteral("remote_id"), QStringLiteral("subject"), QStringLiteral("status"),
         QStringLiteral("priority"), QStringLiteral("type"), QStringLiteral("tags"), QStringLiteral("requester_id"),
         QStringLiteral("organization_id"), QStringLiteral("assignee_id"), QStringLiteral("group_id"),
         QStringLiteral("description"), QStringLiteral("via_channel"), QStringLiteral("created_at"),
         QStringLiteral("updated_at")});
    QList<QVariantList> rows;
    rows.reserve(tickets.size());
    for (const Ticket& t : tickets) {
        if (t.remoteId <= 0)
            return validation(QStringLiteral("A ticket needs its Zendesk id."));
        rows << QVariantList{accountId, t.remoteId, SqlValues::text(t.subject), SqlValues::text(t.status),
                             SqlValues::text(t.priority), SqlValues::text(t.type), SqlValues::joinLines(t.tags),
                             remoteRef(t.requesterId), remoteRef(t.organizationId), remoteRef(t.assigneeId),
                             remoteRef(t.groupId), SqlValues::text(t.description), SqlValues::text(t.viaChannel),
                             SqlValues::timestamp(t.createdAt), SqlValues::timestamp(t.updatedAt)};
    }
    Result<HelpdeskUpsert::Outcome> outcome = upsert.run(ctx, accountId, rows);
    if (!outcome)
        return outcome.error();
    ctx.changes().add(EntityKind::Ticket, ChangeSet::Op::Inserted, outcome->inserted);
    ctx.changes().add(EntityKind::Ticket, ChangeSet::Op::Updated, outcome->updated);
    return outcome->ids;
}

Result<int> TicketRepository::removeTickets(WriteContext& ctx, qint64 accountId, const QList<qint64>& remoteIds)
{
    if (remoteIds.isEmpty())
        return 0;
    Result<QHash<qint64, qint64>> found = HelpdeskUpsert::existing(ctx, QStringLiteral("tickets"), accountId, remoteIds);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return 0;
    const QList<qint64> ids = found->values();
    // Comments and memberships go by ON DELETE CASCADE.
    SqlStatement remove = ctx.statement(QStringLiteral("DELETE FROM tickets WHERE id IN (%1)").arg(HelpdeskUpsert::inList(ids)));
    if (Status s = remove.exec(); !s)
        return s.error();
    ctx.changes().add(EntityKind::Ticket, ChangeSet::Op::Removed, ids);
    return int(ids.size());
}

Result<QList<qint64>> TicketRepository::upsertComments(WriteContext& ctx, qint64 ticketId, const QList<TicketComment>& comments,
                                                       bool markSynced)
{
    QList<qint64> ids;
    for (TicketComment c : comments) {
        c.ticketId = ticketId;
        Result<qint64> id = TicketCommentRows::upsert(ctx, c);
        if (!id)
            return id.error();
        ids << id.value();
    }
    if (markSynced) {
        SqlStatement mark = ctx.statement(QStringLiteral("UPDATE tickets SET comments_synced_at = :now WHERE id = :id"));
        mark.bind(QStringLiteral("now"), SqlValues::timestamp(ctx.now())).bind(QStringLiteral("id"), ticketId);
        if (Status s = mark.exec(); !s)
            return s.error();
    }
    return ids;
}

Result<qint64> TicketRepository::addComment(WriteContext& ctx, const TicketComment& comment)
{
    return TicketCommentRows::upsert(ctx, comment);
}

Result<QList<qint64>> TicketRepository::replaceViews(WriteContext& ctx, qint64 accountId, const QList<ZendeskView>& views)
{
    static const HelpdeskUpsert upsert(QStringLiteral("ticket_views"),
                                       {QStringLiteral("account_id"), QStringLiteral("remote_id"), QStringLiteral("title"),
                                        QStringLiteral("active"), QStringLiteral("position"), QStringLiteral("updated_at")});
    QList<QVariantList> rows;
    for (const ZendeskView& v : views) {
        if (v.remoteId <= 0)
            return validation(QStringLiteral("A view needs its Zendesk id."));
        rows << QVariantList{accountId, v.remoteId, SqlValues::text(v.title), v.active, v.position,
                             SqlValues::timestamp(v.updatedAt)};
    }
    Result<HelpdeskUpsert::Outcome> outcome = upsert.run(ctx, accountId, rows);
    if (!outcome)
        return outcome.error();
    QString gone = QStringLiteral("SELECT id FROM ticket_views WHERE account_id = :account");
    if (!outcome->ids.isEmpty())
        gone += QStringLiteral(" AND id NOT IN (%1)").arg(HelpdeskUpsert::inList(outcome->ids));
    SqlStatement stale = ctx.statement(gone);
    stale.bind(QStringLiteral("account"), accountId);
    if (Status s = stale.exec(); !s)
        return s.error();
    QList<qint64> removed;
    while (stale.next())
        removed << stale.value(0).toLongLong();
    stale.finish();
    if (!removed.isEmpty()) {
        SqlStatement remove = ctx.statement(QStringLiteral("DELETE FROM ticket_views WHERE id IN (%1)").arg(HelpdeskUpsert::inList(removed)));
        if (Status s = remove.exec(); !s)
            return s.error();
    }
    ctx.changes().add(EntityKind::TicketView, ChangeSet::Op::Inserted, outcome->inserted);
    ctx.changes().add(EntityKind::TicketView, ChangeSet::Op::Updated, outcome->updated);
    ctx.changes().add(EntityKind::TicketView, ChangeSet::Op::Removed, removed);
    return outcome->ids;
}

Status TicketRepository::setViewMembers(WriteContext& ctx, qint64 viewId, const QList<qint64>& ticketIds)
{
    SqlStatement clear = ctx.statement(QStringLiteral("DELETE FROM ticket_view_members WHERE view_id = :view"));
    clear.bind(QStringLiteral("view"), viewId);
    if (Status s = clear.exec(); !s)
        return s;
    QList<qint64> unique;
    QSet<qint64> seen;
    for (qint64 id : ticketIds) {
        if (id > 0 && !seen.contains(id)) {
            seen.insert(id);
            unique << id;
        }
    }
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < unique.size(); from += kChunk) {
        QStringList values;
        for (qint64 id : unique.mid(from, kChunk))
            values << QStringLiteral("(%1, %2)").arg(viewId).arg(id);
        SqlStatement insert = ctx.statement(QStringLiteral("INSERT INTO ticket_view_members (view_id, ticket_id) VALUES ")
                                            + values.join(QStringLiteral(", ")));
        if (Status s = insert.exec(); !s)
            return s;
    }
    ctx.changes().add(EntityKind::TicketView, ChangeSet::Op::Updated, viewId);
    return {};
}

} // namespace AssetDesk
