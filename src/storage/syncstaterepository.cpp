#include "storage/syncstaterepository.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

namespace AssetDesk {

Result<QList<SyncState>> SyncStateRepository::query(const QString& where, const QVariantHash& values) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT account_id, resource, cursor, updated_at FROM sync_state WHERE %1 "
                                  "ORDER BY resource")
                       .arg(where));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<SyncState> rows;
    while (q.next())
        rows << SyncState{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                          SqlValues::toDateTime(q.value(3))};
    return rows;
}

Result<std::optional<SyncState>> SyncStateRepository::get(qint64 accountId, const QString& resource) const
{
    Result<QList<SyncState>> rows = query(
        QStringLiteral("account_id = :account_id AND resource = :resource"),
        {{QStringLiteral("account_id"), accountId}, {QStringLiteral("resource"), SqlValues::text(resource)}});
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? std::nullopt : std::optional<SyncState>(rows.value().first());
}

Result<QList<SyncState>> SyncStateRepository::list(qint64 accountId) const
{
    return query(QStringLiteral("account_id = :account_id"), {{QStringLiteral("account_id"), accountId}});
}

Status SyncStateRepository::save(WriteContext& ctx, qint64 accountId, const QString& resource,
                                 const QString& cursor)
{
    if (accountId <= 0 || resource.isEmpty()) {
        return Error(ErrorKind::Validation,
                     QStringLiteral("A sync position needs an account and a resource."))
            .withOrigin(QStringLiteral("storage"));
    }
    SqlStatement q = ctx.statement(
        QStringLiteral("INSERT INTO sync_state (account_id, resource, cursor, updated_at) VALUES "
                       "(:account_id, :resource, :cursor, "
                       ":now) ON CONFLICT (account_id, resource) DO UPDATE SET cursor = excluded.cursor, "
                       "updated_at = excluded.updated_at"));
    q.bind(QStringLiteral("account_id"), accountId)
        .bind(QStringLiteral("resource"), resource)
        .bind(QStringLiteral("cursor"), cursor)
        .bind(QStringLiteral("now"), SqlValues::timestamp(ctx.now()));
    return q.exec();
}

Status SyncStateRepository::clear(WriteContext& ctx, qint64 accountId, const QString& resource)
{
    SqlStatement q = ctx.statement(
        QStringLiteral("DELETE FROM sync_state WHERE account_id = :account_id AND resource = :resource"));
    q.bind(QStringLiteral("account_id"), accountId).bind(QStringLiteral("resource"), resource);
    return q.exec();
}

} // namespace AssetDesk
