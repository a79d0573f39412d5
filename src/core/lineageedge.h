#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace AssetDesk {

// One step of an asset's history: asset -> derivative -> post -> archived copy, asset -> case
// annotation, asset -> ticket comment. Nodes are (kind, local id) pairs so one recursive query
// answers "where was this asset used".
struct LineageEdge
{
    enum class NodeKind { Asset, Derivative, Post, CaseNote, TicketComment, CustomerRecord, ArchivedCopy };

    qint64 id = 0;
    NodeKind fromKind = NodeKind::Asset;
    qint64 fromId = 0;
    NodeKind toKind = NodeKind::Post;
    qint64 toId = 0;
    QString relation;      // "derived-from", "published-as", "attached-to", "archived-as"
    QString assetVersion;  // the source version at the time of use
    QString note;
    QDateTime createdAt;

    bool operator==(const LineageEdge&) const = default;

    // Relations of the edges asset -> customer record. The Dynamics table is part of the relation
    // because crm_accounts, opportunities and crm_events number their rows separately: the edge
    // alone must say which table its record id is in.
    //   associatedWithRelation("account" | "opportunity"): assets dropped on that record
    //   kUploadedForEventRelation: an asset uploaded into an event's collection (a crm_events row)
    static QString associatedWithRelation(const QString& dynamicsTable)
    {
        return QStringLiteral("associated-with-") + dynamicsTable;
    }
    static constexpr const char* kUploadedForEventRelation = "uploaded-for-event";
};

QString lineageNodeKindId(LineageEdge::NodeKind kind);
std::optional<LineageEdge::NodeKind> lineageNodeKindFromId(const QString& id);

} // namespace AssetDesk
