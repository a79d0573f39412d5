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
        Newest,       // the most recent uploads first (watching a live event): the caller reads
                      // until it meets assets it already has; no totals, no removals
    };
    Mode mode = Mode::Full;
    QDateTime since;          // ChangedSince: remote modification time already synced
    QString cursor;           // opaque, from the previous page; empty = first page
    int pageSize = 500;
    QString collectionRemoteId; // limit to one gallery/collection (watching a live event); empty = all
};

// A problem with one item of an otherwise good page. Either the item is skipped (its fields could
// not be read at all) or it is kept with an adjustment the user should know about (a 10 MB
// caption truncated, a field of the wrong type left empty).
struct DamItemProblem
{
    QString remoteId;   // empty when the item did not even say who it is
    Error error;
    bool kept = false;  // true: the item is in the page's assets, adjusted as `error` says
};

// One page of a DAM's assets, already mapped to core types.
struct DamAssetPage
{
    QList<Asset> assets;
    QStringList removedRemoteIds;   // deleted or unpublished remotely, when the service says so
    QList<DamItemProblem> problems;
    // Assets whose listing did not say which collections they are in (their collectionRemoteIds
    // is empty for want of knowing, not because they are in none): the engine keeps the
    // memberships it has stored for them.
    QStringList membershipUnknown;
    QString nextCursor;             // empty when `complete`
    bool complete = false;
    qint64 totalHint = -1;          // how many the whole sync will see, if the service tells
    QDateTime newestModification;   // highest remote modification time on this page
};

// What the sync engines ask of a DAM connector (PhotoShelter, iconik). Implemented by those
// connectors next to ServiceConnector; the sync layer reaches it only through this interface.
// Callbacks run on `context`'s thread and are dropped if it dies; destroying `context` is how a
// caller abandons a request.
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
    // The current state of these assets, one page for all of them: those that exist in `assets`,
    // those the service says are gone (not found, deleted) in `removedRemoteIds`, the rest in
    // `problems`. The sync engines use it to confirm a removal a full pass only suspects, and to
    // renew short-lived rendition links. `complete` is always true.
    virtual void fetchAssetsById(const QStringList& remoteIds, QObject* context, PageCallback done) = 0;
    // The bytes of one rendition (thumbnails, previews), at most `maxBytes`.
    virtual void fetchRendition(const Rendition& rendition, qint64 maxBytes, QObject* context, BytesCallback done) = 0;
    // Whether ChangedSince is supported; otherwise incremental syncs fall back to Full scans.
    virtual bool supportsChangedSince() const = 0;
};

} // namespace AssetDesk
