#pragma once

#include "core/lineageedge.h"
#include "core/result.h"
#include "storage/connectionsource.h"
#include "storage/lineagenode.h"

#include <QList>

namespace AssetDesk {

class Storage;
class WriteContext;

// The lineage graph: asset -> derivative -> post -> archived copy, asset -> case note,
// asset -> ticket comment. usesOfAsset() answers "where was this asset used" with one recursive
// query (WITH RECURSIVE, the same SQL on both backends).
// Style as in AccountRepository: const reads on the calling thread, static writes in a WriteContext.
class LineageRepository
{
public:
    static constexpr int kMaxDepth = 32; // stops a cycle; real chains are a handful of steps

    explicit LineageRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit LineageRepository(const WriteContext& context)
        : m_source(context)
    {}

    // Every node reachable from the asset, each once at its shortest depth; ordered by depth,
    // then kind and id.
    Result<QList<LineageNode>> usesOfAsset(qint64 assetId) const;
    Result<QList<LineageNode>> reachableFrom(LineageEdge::NodeKind kind, qint64 id) const;
    // Edges leaving or entering a node, oldest first.
    Result<QList<LineageEdge>> edgesFrom(LineageEdge::NodeKind kind, qint64 id) const;
    Result<QList<LineageEdge>> edgesTo(LineageEdge::NodeKind kind, qint64 id) const;

    // Adds an edge and returns its id. Adding the same (from, to, relation) again returns the
    // existing id and changes nothing, so a retried publish cannot duplicate its lineage.
    static Result<qint64> addEdge(WriteContext& ctx, const LineageEdge& edge);

private:
    Result<QList<LineageEdge>> edges(const QString& where, LineageEdge::NodeKind kind, qint64 id) const;

    ConnectionSource m_source;
};

} // namespace AssetDesk
