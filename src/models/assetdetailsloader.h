#pragma once

#include "core/changeset.h"
#include "models/assetdetails.h"
#include "models/recordloader.h"

#include <QHash>
#include <QSet>

namespace AssetDesk {

// One asset's details for the inspector (RecordLoader): the asset, its versions, its collections,
// its uses (LineageRepository::usesOfAsset, in words by AssetUseReader) and its posts'
// engagement. A change set that updates or removes the shown asset, changes lineage, updates or
// removes a row a shown use names (a post deleted, a record renamed), or adds samples of its posts
// loads it again.
class AssetDetailsLoader : public RecordLoader
{
    Q_OBJECT
public:
    explicit AssetDetailsLoader(Storage& storage, QObject* parent = nullptr);

    qint64 currentId() const { return recordId(); }

signals:
    void loaded(const AssetDesk::AssetDetails& details);

private:
    void read(qint64 assetId) override;
    bool touches(const ChangeSet& changes, qint64 assetId) const override;
    // New samples of a post of the shown asset (the metrics poller) refresh its engagement.
    bool touchesShownPosts(const ChangeSet& changes, qint64 assetId) const;
    bool touchesShownUses(const ChangeSet& changes, qint64 assetId) const;

    qint64 m_postsOf = 0; // the asset whose posts m_postIds and uses m_useRows are
    QSet<qint64> m_postIds;
    QHash<EntityKind, QSet<qint64>> m_useRows; // the rows its uses name, by the kind changes report
};

} // namespace AssetDesk
