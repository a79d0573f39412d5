#pragma once

#include "core/lineageedge.h"

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// A node reached from a starting node through lineage edges, at its shortest distance, with the
// edge that reached it there.
struct LineageNode
{
    LineageEdge::NodeKind kind = LineageEdge::NodeKind::Asset;
    qint64 id = 0;
    int depth = 0;                                                // 1 = a direct use
    LineageEdge::NodeKind viaKind = LineageEdge::NodeKind::Asset; // the node it was reached from
    qint64 viaId = 0;
    QString relation;     // of the reaching edge
    QString assetVersion; // of the reaching edge
    QDateTime linkedAt;   // when the reaching edge was recorded

    bool operator==(const LineageNode&) const = default;
};

} // namespace AssetDesk
