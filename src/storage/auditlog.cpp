#include "storage/auditlog.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

namespace AssetDesk {

Result<QList<AuditEntry>> AuditLog::recent(int count) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT id, at, actor, action, service, account_id, target, "
                                  "result FROM audit_log ORDER BY id DESC LIMIT :count"));
    q.bind(QStringLiteral("count"), qMax(0, count));
    if (Status s = q.exec(); !s)
        return s.error();
    QList<AuditEntry> entries;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = SqlValues::toDateTime(q.value(1));
        e.actor = q.value(2).toString();
        e.action = q.value(3).toString();
        e.service = q.value(4).toString();
        e.accountId = q.value(5).toLongLong();
        e.target = q.value(6).toString();
        e.result = q.value(7).toString();
        entries << e;
    }
    return entries;
}

Result<qint64> AuditLog::append(WriteContext& ctx, const AuditEntry& entry)
{
    if (entry.action.isEmpty())
        return Error(ErrorKind::Validation, QStringLiteral("An audit entry needs an action."))
            .withOrigin(QStringLiteral("storage"));
    SqlStatement q = ctx.statement(QStringLiteral(
        "INSERT INTO audit_log (at, actor, action, service, account_id, target, result) "
        "VALUES (:at, :actor, :action, :service, :account_id, :target, :result) RETURNING id"));
    q.bind(QStringLiteral("at"), SqlValues::timestamp(entry.at.isValid() ? entry.at : ctx.now()))
        .bind(QStringLiteral("actor"), entry.actor)
        .bind(QStringLiteral("action"), entry.action)
        .bind(QStringLiteral("service"), entry.service)
        .bind(QStringLiteral("account_id"), entry.accountId > 0 ? QVariant(entry.accountId) : QVariant())
        .bind(QStringLiteral("target"), entry.target)
        .bind(QStringLiteral("result"), entry.result);
    if (Status s = q.exec(); !s)
        return s.error();
    if (!q.next())
        return Error(ErrorKind::Storage, QStringLiteral("The audit entry got no id."))
            .withOrigin(QStringLiteral("storage"));
    const qint64 id = q.value(0).toLongLong();
    ctx.changes().add(EntityKind::Audit, ChangeSet::Op::Inserted, id);
    return id;
}

} // namespace AssetDesk
