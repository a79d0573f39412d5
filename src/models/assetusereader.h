#pragma once

#include "core/changeset.h"
#include "core/post.h"
#include "core/result.h"
#include "models/assetdetails.h"
#include "storage/lineagenode.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <optional>

namespace AssetDesk {

class Storage;

// Puts into words where an asset was used, for the inspector's "Where used": the X post, Zendesk
// comment, Dynamics note, CRM record or derivative that each lineage node names, read from the
// workspace ("X post on @assetdesk", its text, when it went out).
//
// A node whose row is gone (a ticket no longer cached, a post deleted locally) stays in the list,
// marked `gone`: the lineage edge is the record that the asset was used, and it outlives the cache.
// Runs on a worker thread, like the rest of the inspector's reads.
class AssetUseReader
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::AssetUseReader)
public:
    explicit AssetUseReader(const Storage& storage)
        : m_storage(storage)
    {}

    Result<QList<AssetDetails::Use>> read(const QList<LineageNode>& nodes) const;
    Result<AssetDetails::Use> read(const LineageNode& node) const;

    // The kind a change set reports the use's row under (a post, a comment, a CRM record), so a
    // change to it can refresh the description; derivatives and archived copies report none.
    static std::optional<EntityKind> changeKindOf(const AssetDetails::Use& use);

private:
    Status describePost(const LineageNode& node, AssetDetails::Use& use) const;
    Status describeTicketComment(const LineageNode& node, AssetDetails::Use& use) const;
    Status describeCaseNote(const LineageNode& node, AssetDetails::Use& use) const;
    Status describeCustomerRecord(const LineageNode& node, AssetDetails::Use& use) const;
    Status describeDerivative(const LineageNode& node, AssetDetails::Use& use) const;
    QString accountName(qint64 accountId) const;
    static QString postPlace(Post::Status status, const QString& account);

    const Storage& m_storage;
    mutable QHash<qint64, QString> m_accountNames; // X handle or label by account id, for one read
};

} // namespace AssetDesk
