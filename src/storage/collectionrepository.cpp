#include "storage/collectionrepository.h"

#include "core/enumnames.h"
#include "storage/assetrepository.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

namespace AssetDesk {

namespace {

using Kind = Collection::Kind;
constexpr EnumName<Kind> kKinds[] = {
    {Kind::Organization, "organization"}, {Kind::Collection, "collection"}, {Kind::Gallery, "gallery"}};

const QString kColumns = QStringLiteral(
    "id, account_id, service, kind, remote_id, parent_remote_id, name, visibility, modified_at");

Collection fromRow(const SqlStatement& q)
{
    Collection c;
    c.id = q.value(0).toLongLong();
    c.accountId = q.value(1).toLongLong();
    c.service = serviceFromId(q.value(2).toString()).value_or(Service::PhotoShelter);
    c.kind = enumFromId(kKinds, q.value(3).toString()).value_or(Kind::Collection);
    c.remoteId = q.value(4).toString();
    c.parentRemoteId = q.value(5).toString();
    c.name = q.value(6).toString();
    c.visibility = q.value(7).toString();
    c.modifiedAt = SqlValues::toDateTime(q.value(8));
    return c;
}

Error storageError(ErrorKind kind, const QString& message)
{
    return Error(kind, message).withOrigin(QStringLiteral("storage"));
}

} // namespace

Result<QList<Collection>> CollectionRepository::query(const QString& where, const QVariantHash& values) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(
        connection.value(),
        QStringLiteral("SELECT %1 FROM collections WHERE %2 ORDER BY name, id").arg(kColumns, where));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<Collection> rows;
    while (q.next())
        rows << fromRow(q);
    return rows;
}

Result<std::optional<Collection>> CollectionRepository::get(qint64 id) const
{
    Result<QList<Collection>> rows = query(QStringLiteral("id = :id"), {{QStringLiteral("id"), id}});
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? std::nullopt : std::optional<Collection>(rows.value().first());
}

Result<std::optional<Collection>> CollectionRepository::findByRemoteId(qint64 accountId,
                                                                       const QString& remoteId) const
{
    Result<QList<Collection>> rows =
        query(QStringLiteral("account_id = :account_id AND remote_id = :remote_id"),
              {{QStringLiteral("account_id"), accountId},
               {QStringLiteral("remote_id"), SqlValues::text(remoteId)}});
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? std::nullopt : std::optional<Collection>(rows.value().first());
}

Result<QList<Collection>> CollectionRepository::children(qint64 accountId,
                                                         const QString& parentRemoteId) const
{
    return query(QStringLiteral("account_id = :account_id AND parent_remote_id = :parent"),
                 {{QStringLiteral("account_id"), accountId},
                  {QStringLiteral("parent"), SqlValues::text(parentRemoteId)}});
}

Result<QList<Collection>> CollectionRepository::all(qint64 accountId) const
{
    return query(QStringLiteral("account_id = :account_id"), {{QStringLiteral("account_id"), accountId}});
}

Result<QList<Asset>> CollectionRepository::members(qint64 collectionId) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT m.asset_id FROM collections c "
                                  "JOIN collection_members m ON m.collection_remote_id = c.remote_id "
                                  "JOIN assets a ON a.id = m.asset_id AND a.account_id = c.account_id "
                                  "WHERE c.id = :id ORDER BY a.modified_at DESC NULLS LAST, a.id"));
    q.bind(QStringLiteral("id"), collectionId);
    if (Status s = q.exec(); !s)
        return s.error();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    q.finish();
    // The same connection source: inside a write this sees the transaction's own assets too.
    return AssetRepository(m_source).getMany(ids);
}

Result<qint64> CollectionRepository::memberCount(qint64 collectionId) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT count(*) FROM collections c "
                                  "JOIN collection_members m ON m.collection_remote_id = c.remote_id "
                                  "JOIN assets a ON a.id = m.asset_id AND a.account_id = c.account_id "
                                  "WHERE c.id = :id"));
    q.bind(QStringLiteral("id"), collectionId);
    if (Status s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Result<QList<qint64>> CollectionRepository::upsert(WriteContext& ctx, const QList<Collection>& collections)
{
    SqlStatement existing = ctx.statement(QStringLiteral(
        "SELECT id, service, kind, parent_remote_id, name, visibility, modified_at FROM collections "
        "WHERE account_id = :account_id AND remote_id = :remote_id"));
    SqlStatement upsert = ctx.statement(QStringLiteral(
        "INSERT INTO collections (account_id, service, kind, remote_id, parent_remote_id, name, visibility, "
        "modified_at) VALUES (:account_id, :service, :kind, :remote_id, :parent, :name, :visibility, "
        ":modified_at) "
        "ON CONFLICT (account_id, remote_id) DO UPDATE SET service = excluded.service, kind = excluded.kind, "
        "parent_remote_id = excluded.parent_remote_id, name = excluded.name, visibility = "
        "excluded.visibility, "
        "modified_at = excluded.modified_at RETURNING id"));
    QList<qint64> ids;
    for (const Collection& c : collections) {
        if (c.accountId <= 0 || c.remoteId.isEmpty())
            return storageError(ErrorKind::Validation,
                                QStringLiteral("A collection needs an account and a remote id."));
        existing.bind(QStringLiteral("account_id"), c.accountId)
            .bind(QStringLiteral("remote_id"), c.remoteId);
        if (Status s = existing.exec(); !s)
            return s.error();
        const bool existed = existing.next();
        if (existed) {
            Collection stored = c;
            stored.id = existing.value(0).toLongLong();
            const bool same = existing.value(1).toString() == serviceId(c.service) &&
                              existing.value(2).toString() == enumToId(kKinds, c.kind) &&
                              existing.value(3).toString() == c.parentRemoteId &&
                              existing.value(4).toString() == c.name &&
                              existing.value(5).toString() == c.visibility &&
                              SqlValues::toDateTime(existing.value(6)) == c.modifiedAt;
            existing.finish();
            if (same) {
                ids << stored.id;
                continue;
            }
        }
        existing.finish();
        upsert.bind(QStringLiteral("account_id"), c.accountId)
            .bind(QStringLiteral("service"), serviceId(c.service))
            .bind(QStringLiteral("kind"), enumToId(kKinds, c.kind))
            .bind(QStringLiteral("remote_id"), c.remoteId)
            .bind(QStringLiteral("parent"), c.parentRemoteId)
            .bind(QStringLiteral("name"), c.name)
            .bind(QStringLiteral("visibility"), c.visibility)
            .bind(QStringLiteral("modified_at"), SqlValues::timestamp(c.modifiedAt));
        if (Status s = upsert.exec(); !s)
            return s.error();
        if (!upsert.next())
            return storageError(ErrorKind::Storage,
                                QStringLiteral("Storing collection %1 returned no id.").arg(c.remoteId));
        const qint64 id = upsert.value(0).toLongLong();
        upsert.finish();
        ctx.changes().add(EntityKind::Collection, existed ? ChangeSet::Op::Updated : ChangeSet::Op::Inserted,
                          id);
        ids << id;
    }
    return ids;
}

Result<int> CollectionRepository::removeByRemoteIds(WriteContext& ctx, qint64 accountId,
                                                    const QStringList& remoteIds)
{
    SqlStatement select = ctx.statement(QStringLiteral(
        "SELECT id FROM collections WHERE account_id = :account_id AND remote_id = :remote_id"));
    SqlStatement remove = ctx.statement(QStringLiteral("DELETE FROM collections WHERE id = :id"));
    int removed = 0;
    for (const QString& remoteId : remoteIds) {
        select.bind(QStringLiteral("account_id"), accountId).bind(QStringLiteral("remote_id"), remoteId);
        if (Status s = select.exec(); !s)
            return s.error();
        if (!select.next())
            continue;
        const qint64 id = select.value(0).toLongLong();
        select.finish();
        remove.bind(QStringLiteral("id"), id);
        if (Status s = remove.exec(); !s)
            return s.error();
        ctx.changes().add(EntityKind::Collection, ChangeSet::Op::Removed, id);
        ++removed;
    }
    return removed;
}

} // namespace AssetDesk
