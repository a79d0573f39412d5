#pragma once

#include "core/changeset.h"
#include "core/error.h"
#include "models/assetdetails.h"

#include <QObject>
#include <QSet>
#include <QThreadPool>

namespace AssetDesk {

class Storage;

// Loads one asset's details for the inspector on a pool thread: the asset, its versions, its
// collections, its uses (LineageRepository::usesOfAsset) and its posts' engagement. The latest
// request wins; an answer to an earlier one is dropped. A change set that updates or removes the
// shown asset, or adds samples of its posts, loads it again.
//
// Threads: GUI thread; the queries run on the loader's own pool.
class AssetDetailsLoader : public QObject
{
    Q_OBJECT
public:
    explicit AssetDetailsLoader(Storage& storage, QObject* parent = nullptr);
    ~AssetDetailsLoader() override;

    void load(qint64 assetId);
    void clear();
    qint64 currentId() const { return m_id; }

signals:
    void loaded(const AssetDesk::AssetDetails& details);
    // The asset is not in the library (any more).
    void notFound(qint64 assetId);
    void failed(const AssetDesk::Error& error);

private:
    void applyChanges(const ChangeSet& changes);
    // New samples of a post of the shown asset (the metrics poller) refresh its engagement.
    bool touchesShownPosts(const ChangeSet& changes) const;

    Storage& m_storage;
    QThreadPool m_pool;
    qint64 m_id = 0;
    QSet<qint64> m_postIds; // the shown asset's posts
    quint64 m_ticket = 0;
};

} // namespace AssetDesk
