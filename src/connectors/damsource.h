#pragma once

#include "core/asset.h"
#include "core/collection.h"
#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace AssetDesk {

// One step of a sync: where to continue and what is asked for.
struct DamSyncRequest
{
    enum class Mode {
        Full,         // everything, from the start (initial sync, periodic reconciliation)
        ChangedSince, // what changed after `since` (incremental)
    };
    Mode mode = Mode::Full;
    QDateTime since;          // ChangedSince: remote modification time already synced
    QString cursor;           // opaque, from the previous page; empty = first page
    int pageSize = 500;
    QString collectionRemoteId; // limit to one gallery/collection (watching a live event); empty = all
};

// A problem with one item of an otherwise good page: the item is skipped, the page is kept.
struct DamItemProblem
{
    QString remoteId;
    Error error;
};

// One page of a DAM's assets, already mapped to core types.
struct DamAssetPage
{
    QList<Asset> assets;
    QStringList removedRemoteIds;   // deleted or unpublished remotely, when the service says so
    QList<DamItemProblem> problems;
    QString nextCursor;             // empty when `complete`
    bool complete = false;
    qint64 totalHint = -1;          // how many the whole sync will see, if the service tells
    QDateTime newestModification;   // highest remote modification time on this page
};

// What the sync engines ask of a DAM connector (PhotoShelter, iconik). Implemented by those
// connectors next to ServiceConnector; the sync layer reaches it only through this interface.
// Callbacks run on `context`'s thread and are dropped if it dies.
class DamSource
{
public:
    using CollectionsCallback = std::function<void(Result<QList<Collection>>)>;
    using PageCallback = std::function<void(Result<DamAssetPage>)>;
    using BytesCallback = std::function<void(Result<QByteArray>)>;

    virtual ~DamSource() = default;

    // Organizations, collections and galleries, parents before children.
    virtual void fetchCollections(QObject* context, CollectionsCallback done) = 0;
    virtual void fetchAssets(const DamSyncRequest& request, QObject* context, PageCallback done) = 0;
    // The bytes of one rendition (thumbnails, previews), at most `maxBytes`.
    virtual void fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context, BytesCallback done) = 0;
    // Whether ChangedSince is supported; otherwise incremental syncs fall back to Full scans.
    virtual bool supportsChangedSince() const = 0;
};

} // namespace AssetDesk
