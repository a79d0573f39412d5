#include "storage/recordcollectionrepository.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

namespace AssetDesk {

namespace {

const QString kColumns = QStringLiteral(
    "id, record_kind, record_id, record_remote_id, dam_account_id, collection_remote_id, collection_name, linked_at");

Error validation(const QString& message)
{
    return Error(ErrorKind::Validation, message).withOrigin(QStringLiteral("storage"));
}

} // namespace

QString RecordCollectionRepository::kindId(RecordCollectionLink::RecordKind kind)
{
    return kind == RecordCollectionLink::RecordKind::Event ? QStringLiteral("event") : QStringLiteral("campaign");
}

Result<QList<RecordCollectionLink>> RecordCollectionRepository::query(const QString& where, const QVariantHash& values) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT %1 FROM record_collections WHERE %2 ORDER BY linked_at, id").arg(kColumns, where));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<RecordCollectionLink> rows;
    while (q.next()) {
        RecordCollectionLink l;
        l.id = q.value(0).toLongLong();
        l.recordKind = q.value(1).toString() == QLatin1String("event") ? RecordCollectionLink::RecordKind::Event
                                                                        : RecordCollectionLink::RecordKind::Campaign;
        l.recordId = q.value(2).toLongLong();
        l.recordRemoteId = q.value(3).toString();
        l.damAccountId = q.value(4).toLongLong();
        l.collectionRemoteId = q.value(5).toString();
        l.collectionName = q.value(6).toString();
        l.linkedAt = SqlValues::toDateTime(q.value(7));
        rows << l;
    }
    return rows;
}

Result<QList<RecordCollectionLink>> RecordCollectionRepository::linksOf(RecordCollectionLink::RecordKind kind,
                                                                        qint64 recordId) const
{
    return query(QStringLiteral("record_kind = :kind AND record_id = :record"),
                 {{QStringLiteral("kind"), kindId(kind)}, {QStringLiteral("record"), recordId}});
}

Result<QList<RecordCollectionLink>> RecordCollectionRepository::linksInto(qint64 damAccountId) const
{
    return query(QStringLiteral("dam_account_id = :account"), {{QStringLiteral("account"), damAccountId}});
}

Result<qint64> RecordCollectionRepository::add(WriteContext& ctx, const RecordCollectionLink& link)
{
    if (link.recordId <= 0 || link.damAccountId <= 0 || link.collectionRemoteId.isEmpty())
        return validation(QStringLiteral("A record's collection needs the record, the DAM account and the collection."));
    SqlStatement insert = ctx.statement(QStringLiteral(
        "INSERT INTO record_collections (record_kind, record_id, record_remote_id, dam_account_id, collection_remote_id, "
        "collection_name, linked_at) VALUES (:kind, :record, :remote, :account, :collection, :name, :linked) "
        "ON CONFLICT (record_kind, record_id, dam_account_id, collection_remote_id) DO NOTHING RETURNING id"));
    insert.bind(QStringLiteral("kind"), kindId(link.recordKind))
        .bind(QStringLiteral("record"), link.recordId)
        .bind(QStringLiteral("remote"), link.recordRemoteId)
        .bind(QStringLiteral("account"), link.damAccountId)
        .bind(QStringLiteral("collection"), link.collectionRemoteId)
        .bind(QStringLiteral("name"), link.collectionName)
        .bind(QStringLiteral("linked"), SqlValues::timestamp(link.linkedAt.isValid() ? link.linkedAt : ctx.now()));
    if (Status s = insert.exec(); !s)
        return s.error();
    if (insert.next()) {
        const qint64 id = insert.value(0).toLongLong();
        insert.finish();
        // The record now shows its collection (the CRM pane follows the cache's changes).
        ctx.changes().add(link.recordKind == RecordCollectionLink::RecordKind::Campaign ? EntityKind::Campaign
                                                                                      : EntityKind::CrmEvent,
                          ChangeSet::Op::Updated, link.recordId);
        return id;
    }
    insert.finish();
    SqlStatement existing = ctx.statement(QStringLiteral(
        "SELECT id FROM record_collections WHERE record_kind = :kind AND record_id = :record "
        "AND dam_account_id = :account AND collection_remote_id = :collection"));
    existing.bind(QStringLiteral("kind"), kindId(link.recordKind))
        .bind(QStringLiteral("record"), link.recordId)
        .bind(QStringLiteral("account"), link.damAccountId)
        .bind(QStringLiteral("collection"), link.collectionRemoteId);
    if (Status s = existing.exec(); !s)
        return s.error();
    if (!existing.next())
        return Error(ErrorKind::Storage, QStringLiteral("The record's collection was neither added nor found."))
            .withOrigin(QStringLiteral("storage"));
    return existing.value(0).toLongLong();
}

Status RecordCollectionRepository::remove(WriteContext& ctx, qint64 id)
{
    SqlStatement del = ctx.statement(QStringLiteral("DELETE FROM record_collections WHERE id = :id"));
    del.bind(QStringLiteral("id"), id);
    return del.exec();
}

} // namespace AssetDesk
