#include "storage/ticketcommentrows.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace AssetDesk::TicketCommentRows {

QString attachmentsToJson(const QList<TicketAttachment>& attachments)
{
    QJsonArray array;
    for (const TicketAttachment& a : attachments) {
        array.append(QJsonObject{{QStringLiteral("id"), a.remoteId},
                                 {QStringLiteral("fileName"), a.fileName},
                                 {QStringLiteral("contentType"), a.contentType},
                                 {QStringLiteral("size"), a.size},
                                 {QStringLiteral("contentUrl"), a.contentUrl}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<TicketAttachment> attachmentsFromJson(const QString& json)
{
    QList<TicketAttachment> result;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array) {
        const QJsonObject o = value.toObject();
        TicketAttachment a;
        a.remoteId = o.value(QLatin1String("id")).toInteger();
        a.fileName = o.value(QLatin1String("fileName")).toString();
        a.contentType = o.value(QLatin1String("contentType")).toString();
        a.size = o.value(QLatin1String("size")).toInteger();
        a.contentUrl = o.value(QLatin1String("contentUrl")).toString();
        result << a;
    }
    return result;
}

namespace {
// Comments with their author's name where the user is cached, `where` naming c (ticket_comments).
Result<QList<TicketComment>> select(const SqlConnection& connection, const QString& where, const QString& key,
                                    qint64 value)
{
    SqlStatement q(
        connection,
        QStringLiteral(
            "SELECT c.id, c.ticket_id, c.remote_id, c.author_id, COALESCE(u.name, ''), c.body, c.public, "
            "c.created_at, "
            "c.attachments FROM ticket_comments c JOIN tickets t ON t.id = c.ticket_id "
            "LEFT JOIN helpdesk_users u ON u.account_id = t.account_id AND u.remote_id = c.author_id %1")
            .arg(where));
    q.bind(key, value);
    if (Status s = q.exec(); !s)
        return s.error();
    QList<TicketComment> result;
    while (q.next()) {
        TicketComment c;
        c.id = q.value(0).toLongLong();
        c.ticketId = q.value(1).toLongLong();
        c.remoteId = q.value(2).toLongLong();
        c.authorId = q.value(3).toLongLong();
        c.author = q.value(4).toString();
        c.body = q.value(5).toString();
        c.isPublic = q.value(6).toBool();
        c.createdAt = SqlValues::toDateTime(q.value(7));
        c.attachments = attachmentsFromJson(q.value(8).toString());
        result << c;
    }
    return result;
}
} // namespace

Result<QList<TicketComment>> forTicket(const SqlConnection& connection, qint64 ticketId)
{
    return select(connection,
                  QStringLiteral("WHERE c.ticket_id = :ticket ORDER BY c.created_at, c.remote_id"),
                  QStringLiteral("ticket"), ticketId);
}

Result<std::optional<TicketComment>> byId(const SqlConnection& connection, qint64 id)
{
    Result<QList<TicketComment>> rows =
        select(connection, QStringLiteral("WHERE c.id = :id"), QStringLiteral("id"), id);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<TicketComment>(rows->first());
}

Result<qint64> upsert(WriteContext& ctx, const TicketComment& c)
{
    if (c.ticketId <= 0 || c.remoteId <= 0)
        return Error(ErrorKind::Validation, QStringLiteral("A ticket comment needs its ticket and its Zendesk id."))
            .withOrigin(QStringLiteral("storage"));
    SqlStatement existing = ctx.statement(
        QStringLiteral("SELECT id FROM ticket_comments WHERE ticket_id = :ticket AND remote_id = :remote"));
    existing.bind(QStringLiteral("ticket"), c.ticketId).bind(QStringLiteral("remote"), c.remoteId);
    if (Status s = existing.exec(); !s)
        return s.error();
    const bool known = existing.next();
    existing.finish();

    SqlStatement write = ctx.statement(QStringLiteral(
        "INSERT INTO ticket_comments (ticket_id, remote_id, author_id, body, public, attachments, created_at) "
        "VALUES (:ticket, :remote, :author, :body, :public, :attachments, :created) "
        "ON CONFLICT (ticket_id, remote_id) DO UPDATE SET author_id = excluded.author_id, body = excluded.body, "
        "public = excluded.public, attachments = excluded.attachments, created_at = excluded.created_at RETURNING id"));
    write.bind(QStringLiteral("ticket"), c.ticketId)
        .bind(QStringLiteral("remote"), c.remoteId)
        .bind(QStringLiteral("author"), c.authorId > 0 ? QVariant(c.authorId) : QVariant())
        .bind(QStringLiteral("body"), SqlValues::text(c.body))
        .bind(QStringLiteral("public"), c.isPublic)
        .bind(QStringLiteral("attachments"), attachmentsToJson(c.attachments))
        .bind(QStringLiteral("created"), SqlValues::timestamp(c.createdAt));
    if (Status s = write.exec(); !s)
        return s.error();
    if (!write.next())
        return Error(ErrorKind::Storage, QStringLiteral("The ticket comment was not stored.")).withOrigin(QStringLiteral("storage"));
    const qint64 id = write.value(0).toLongLong();
    write.finish();
    ctx.changes().add(EntityKind::TicketComment, known ? ChangeSet::Op::Updated : ChangeSet::Op::Inserted, id);
    return id;
}

} // namespace AssetDesk::TicketCommentRows
