#pragma once

#include "core/asset.h"
#include "core/result.h"
#include "storage/assetquery.h"
#include "storage/assetversion.h"
#include "storage/connectionsource.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// The local asset cache: assets with their renditions, rights and approval, campaign, lifecycle,
// versions seen, collection membership and the service's raw JSON; plus full-text search.
// Style as in AccountRepository: const reads on the calling thread, static writes in a WriteContext.
class AssetRepository
{
public:
    explicit AssetRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit AssetRepository(const WriteContext& context)
        : m_source(context)
    {}
    explicit AssetRepository(const ConnectionSource& source)
        : m_source(source)
    {}

    Result<std::optional<Asset>> get(qint64 id) const;
    Result<std::optional<Asset>> findByRemoteId(qint64 accountId, const QString& remoteId) const;
    // The assets with these ids, in the given order; ids that do not exist are skipped.
    Result<QList<Asset>> getMany(const QList<qint64>& ids) const;
    // The remote ids of every asset of the account, unordered: what a sync's full pass compares
    // against what the service still lists (deletions). Ids only, so it stays cheap at 1M assets.
    Result<QStringList> remoteIds(qint64 accountId) const;
    // Versions seen for an asset, oldest first.
    Result<QList<AssetVersion>> versions(qint64 assetId) const;

    // Matching assets in AssetQuery's order: a text matching at most query.rankLimit assets best
    // match first (relevance, then remote modification time, newest first); a more common text,
    // or no text, simply newest first. Results are complete Assets.
    Result<QList<Asset>> search(const AssetQuery& query) const;
    // How many assets match (limit and offset ignored); count() is every asset.
    Result<qint64> count(const AssetQuery& query = {}) const;
    // search() and count() in one pass over the matches: a page of results and the total.
    struct Page
    {
        QList<Asset> assets;
        qint64 total = 0;
    };
    Result<Page> searchPage(const AssetQuery& query) const;
    // The database's plan for search(query) (EXPLAIN QUERY PLAN / EXPLAIN), one line per step: the
    // plan of the ordered ids (the complete rows of the page are then read by id).
    Result<QString> explainSearch(const AssetQuery& query) const;

    // Inserts or updates each asset by (accountId, remoteId) and returns their ids in input order.
    // Renditions and collection memberships are replaced by the given lists; a rendition given
    // without a localPath keeps the cached file path it already had. Each new version id is added
    // to the asset's versions. An asset whose content is identical to what is stored is left
    // untouched and not reported as changed; the others are recorded as Inserted / Updated.
    // accountId and remoteId are required (ErrorKind::Validation).
    static Result<QList<qint64>> upsert(WriteContext& ctx, const QList<Asset>& assets);
    // Removes the account's assets with these remote ids (with their renditions, versions and
    // memberships); returns how many were removed.
    static Result<int> removeByRemoteIds(WriteContext& ctx, qint64 accountId, const QStringList& remoteIds);
    // Records where a rendition's file is cached (media layer). ErrorKind::NotFound if no such rendition.
    static Status setRenditionLocalPath(WriteContext& ctx, qint64 assetId, const QString& renditionName,
                                        const QString& localPath);

    // A digest of everything upsert() stores for an asset (its id excluded).
    static QString contentDigest(const Asset& asset);

private:
    Result<Page> findPage(const AssetQuery& query, bool withTotal) const;
    Result<QList<Asset>> load(const QString& where, const QVariantHash& values, const QString& order) const;

    ConnectionSource m_source;
};

} // namespace AssetDesk
