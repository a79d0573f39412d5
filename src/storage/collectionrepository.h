#pragma once

#include "core/asset.h"
#include "core/collection.h"
#include "core/result.h"
#include "storage/connectionsource.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// DAM containers: PhotoShelter organizations / collections / galleries, iconik collections.
// Membership is stored with the asset (Asset::collectionRemoteIds, written by AssetRepository).
// Style as in AccountRepository: const reads on the calling thread, static writes in a WriteContext.
class CollectionRepository
{
public:
    explicit CollectionRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit CollectionRepository(const WriteContext& context)
        : m_source(context)
    {}

    Result<std::optional<Collection>> get(qint64 id) const;
    Result<std::optional<Collection>> findByRemoteId(qint64 accountId, const QString& remoteId) const;
    // Direct children of `parentRemoteId` in the account, by name; an empty parent lists the roots.
    Result<QList<Collection>> children(qint64 accountId, const QString& parentRemoteId = {}) const;
    // Every collection of the account, by name (what a chooser lists).
    Result<QList<Collection>> all(qint64 accountId) const;
    // The assets in a collection, newest (remote modification time) first, then by id. The
    // services' own ordering inside a gallery is not part of Asset, so it is not kept.
    Result<QList<Asset>> members(qint64 collectionId) const;
    Result<qint64> memberCount(qint64 collectionId) const;

    // Inserts or updates by (accountId, remoteId); returns ids in input order. Collections whose
    // stored fields already equal the given ones are not reported as changed.
    static Result<QList<qint64>> upsert(WriteContext& ctx, const QList<Collection>& collections);
    // Removes the account's collections with these remote ids; returns how many.
    static Result<int> removeByRemoteIds(WriteContext& ctx, qint64 accountId, const QStringList& remoteIds);

private:
    Result<QList<Collection>> query(const QString& where, const QVariantHash& values) const;

    ConnectionSource m_source;
};

} // namespace AssetDesk
