#include "storage/lineagerepository.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

namespace AssetDesk {

namespace {

using NodeKind = LineageEdge::NodeKind;

NodeKind kindFromId(const QVariant& value)
{
    return lineageNodeKindFromId(value.toString()).value_or(NodeKind::Asset);
}

// Shortest depth per node: the recursion walks every path up to kMaxDepth (which also ends
// cycles), then ROW_NUMBER keeps each node's first arrival.
const QString kReachableSql = QStringLiteral(
    "WITH RECURSIVE reach (kind, id, depth, via_kind, via_id, relation, asset_version, linked_at) AS ("
    "  SELECT e.to_kind, e.to_id, 1, e.from_kind, e.from_id, e.relation, e.asset_version, e.created_at"
    "  FROM lineage_edges e WHERE e.from_kind = :kind AND e.from_id = :id"
    "  UNION"
    "  SELECT e.to_kind, e.to_id, r.depth + 1, e.from_kind, e.from_id, e.relation, e.asset_version, "
    "e.created_at"
    "  FROM reach r JOIN lineage_edges e ON e.from_kind = r.kind AND e.from_id = r.id"
    "  WHERE r.depth < :max_depth"
    "), ranked AS ("
    "  SELECT kind, id, depth, via_kind, via_id, relation, asset_version, linked_at,"
    "         ROW_NUMBER() OVER (PARTITION BY kind, id ORDER BY depth, via_kind, via_id, relation) AS n"
    "  FROM reach WHERE NOT (kind = :start_kind AND id = :start_id)"
    ") "
    "SELECT kind, id, depth, via_kind, via_id, relation, asset_version, linked_at FROM ranked WHERE n = 1 "
    "ORDER BY depth, kind, id");

} // namespace

Result<QList<LineageNode>> LineageRepository::usesOfAsset(qint64 assetId) const
{
    return reachableFrom(NodeKind::Asset, assetId);
}

Result<QList<LineageNode>> LineageRepository::reachableFrom(NodeKind kind, qint64 id) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(), kReachableSql);
    q.bind(QStringLiteral("kind"), lineageNodeKindId(kind))
        .bind(QStringLiteral("id"), id)
        .bind(QStringLiteral("start_kind"), lineageNodeKindId(kind))
        .bind(QStringLiteral("start_id"), id)
        .bind(QStringLiteral("max_depth"), kMaxDepth);
    if (Status s = q.exec(); !s)
        return s.error();
    QList<LineageNode> nodes;
    while (q.next()) {
        LineageNode n;
        n.kind = kindFromId(q.value(0));
        n.id = q.value(1).toLongLong();
        n.depth = q.value(2).toInt();
        n.viaKind = kindFromId(q.value(3));
        n.viaId = q.value(4).toLongLong();
        n.relation = q.value(5).toString();
        n.assetVersion = q.value(6).toString();
        n.linkedAt = SqlValues::toDateTime(q.value(7));
        nodes << n;
    }
    return nodes;
}

Result<QList<LineageEdge>> LineageRepository::edges(const QString& where, NodeKind kind, qint64 id) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(
        connection.value(),
        QStringLiteral("SELECT id, from_kind, from_id, to_kind, to_id, relation, asset_version, note, "
                       "created_at FROM lineage_edges WHERE %1 ORDER BY created_at, id")
            .arg(where));
    q.bind(QStringLiteral("kind"), lineageNodeKindId(kind)).bind(QStringLiteral("id"), id);
    if (Status s = q.exec(); !s)
        return s.error();
    QList<LineageEdge> result;
    while (q.next()) {
        LineageEdge e;
        e.id = q.value(0).toLongLong();
        e.fromKind = kindFromId(q.value(1));
        e.fromId = q.value(2).toLongLong();
        e.toKind = kindFromId(q.value(3));
        e.toId = q.value(4).toLongLong();
        e.relation = q.value(5).toString();
        e.assetVersion = q.value(6).toString();
        e.note = q.value(7).toString();
        e.createdAt = SqlValues::toDateTime(q.value(8));
        result << e;
    }
    return result;
}

Result<QList<LineageEdge>> LineageRepository::edgesFrom(NodeKind kind, qint64 id) const
{
    return edges(QStringLiteral("from_kind = :kind AND from_id = :id"), kind, id);
}

Result<QList<LineageEdge>> LineageRepository::edgesTo(NodeKind kind, qint64 id) const
{
    return edges(QStringLiteral("to_kind = :kind AND to_id = :id"), kind, id);
}

Result<qint64> LineageRepository::addEdge(WriteContext& ctx, const LineageEdge& edge)
{
    if (edge.relation.isEmpty() || edge.fromId <= 0 || edge.toId <= 0) {
        return Error(ErrorKind::Validation, QStringLiteral("A lineage edge needs both ends and a relation."))
            .withOrigin(QStringLiteral("storage"));
    }
    SqlStatement insert = ctx.statement(QStringLiteral(
        "INSERT INTO lineage_edges (from_kind, from_id, to_kind, to_id, relation, asset_version, note, "
        "created_at) "
        "VALUES (:from_kind, :from_id, :to_kind, :to_id, :relation, :asset_version, :note, :created_at) "
        "ON CONFLICT (from_kind, from_id, to_kind, to_id, relation) DO NOTHING RETURNING id"));
    insert.bind(QStringLiteral("from_kind"), lineageNodeKindId(edge.fromKind))
        .bind(QStringLiteral("from_id"), edge.fromId)
        .bind(QStringLiteral("to_kind"), lineageNodeKindId(edge.toKind))
        .bind(QStringLiteral("to_id"), edge.toId)
        .bind(QStringLiteral("relation"), edge.relation)
        .bind(QStringLiteral("asset_version"), edge.assetVersion)
        .bind(QStringLiteral("note"), edge.note)
        .bind(QStringLiteral("created_at"),
              SqlValues::timestamp(edge.createdAt.isValid() ? edge.createdAt : ctx.now()));
    if (Status s = insert.exec(); !s)
        return s.error();
    if (insert.next()) {
        const qint64 id = insert.value(0).toLongLong();
        ctx.changes().add(EntityKind::Lineage, ChangeSet::Op::Inserted, id);
        return id;
    }
    insert.finish();
    SqlStatement existing =
        ctx.statement(QStringLiteral("SELECT id FROM lineage_edges WHERE from_kind = :from_kind AND from_id "
                                     "= :from_id AND to_kind = :to_kind "
                                     "AND to_id = :to_id AND relation = :relation"));
    existing.bind(QStringLiteral("from_kind"), lineageNodeKindId(edge.fromKind))
        .bind(QStringLiteral("from_id"), edge.fromId)
        .bind(QStringLiteral("to_kind"), lineageNodeKindId(edge.toKind))
        .bind(QStringLiteral("to_id"), edge.toId)
        .bind(QStringLiteral("relation"), edge.relation);
    if (Status s = existing.exec(); !s)
        return s.error();
    if (!existing.next())
        return Error(ErrorKind::Storage, QStringLiteral("The lineage edge was neither added nor found."))
            .withOrigin(QStringLiteral("storage"));
    return existing.value(0).toLongLong();
}

} // namespace AssetDesk
