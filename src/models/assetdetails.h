#pragma once

#include "core/asset.h"
#include "core/postengagement.h"
#include "models/crmtreenode.h"
#include "models/engagementseries.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace AssetDesk {

// Everything the library's inspector shows of one asset: the whole Asset (caption, rights, raw
// JSON), the versions seen, the collections it is in, where it was used (lineage) and how its
// posts did (engagement per post, summed, and the sum over time for a chart).
struct AssetDetails
{
    struct Version
    {
        QString version;
        QDateTime modifiedAt;
        QDateTime firstSeenAt;
    };
    // One place the asset was used (AssetUseReader).
    struct Use
    {
        // Where the workbench lists the use, so the inspector can show it there: the X column's
        // post, the helpdesk queue's ticket, the CRM tree's case or record. Nowhere (Pane::None)
        // for a derivative, an archived copy, a deleted post or a row no longer cached.
        struct Location
        {
            enum class Pane
            {
                None,
                X,
                Helpdesk,
                Crm
            };
            Pane pane = Pane::None;
            qint64 accountId = 0; // the X, Zendesk or Dynamics account
            qint64 localId = 0;   // Helpdesk: the ticket; Crm: the record of crmKind
            CrmTreeNode::Kind crmKind = CrmTreeNode::Kind::Group;
            QString postRemoteId; // X: the post's id on X (the column lists posts by it)

            bool operator==(const Location&) const = default;
        };

        QString kind;     // lineage node kind id: "post", "case-note", …
        qint64 id = 0;    // local id of that row
        int depth = 1;    // 1: used directly; more: through a derivative or another use
        QString relation;
        QString assetVersion;
        QString place;     // what and where, in words: "X post on @assetdesk", "Zendesk ticket #10100"
        QString summary;   // its text, subject or name, on one line
        QDateTime at;      // published, scheduled, commented, noted, made; else when it was linked
        bool gone = false; // the row is no longer in the workspace (the lineage edge remains)
        Location location;
        // A derivative: the file it was written to, while it is on disk and an image or a video.
        // No pane lists derivatives; the inspector opens the file with the system's viewer instead.
        QString filePath;
    };

    Asset asset;
    QString accountLabel;
    QList<Version> versions;
    QStringList collections; // names
    QList<Use> uses;
    AssetEngagement engagement;
    QList<EngagementPoint> engagementSeries;
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::AssetDetails)
Q_DECLARE_METATYPE(AssetDesk::AssetDetails::Use::Location)
