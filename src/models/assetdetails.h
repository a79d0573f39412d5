#pragma once

#include "core/asset.h"
#include "models/engagementseries.h"
#include "core/postengagement.h"

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
    struct Use
    {
        QString kind;     // lineage node kind id: "post", "case-note", …
        qint64 id = 0;
        int depth = 1;    // 1: used directly
        QString relation;
        QString assetVersion;
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
