#include "storage/assetupsert.h"

#include "storage/assetbulkinsert.h"
#include "storage/assetbulkload.h"
#include "storage/assetdigest.h"
#include "storage/sqlassetupdate.h"
#include "storage/sqliteassetupdate.h"
#include "storage/sqlitesearchindex.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlstatement.h"
#include "storage/writecontext.h"

#include <QHash>
#include <QPair>
#include <QSet>

namespace AssetDesk {

namespace {

Error storageError(ErrorKind kind, const QString& message)
{
    return Error(kind, message).withOrigin(QStringLiteral("storage"));
}

} // namespace

QString AssetUpsert::contentDigest(const Asset& a)
{
    return AssetDigest::of(a);
}

namespace {

using AssetKey = QPair<qint64, QString>; // (account id, remote id)

struct StoredAsset
{
    qint64 id = 0;
    QString digest;
};

// SQLite: one reused point query per asset through the C API; an indexed lookup costs SQLite a
// microsecond or two, less than building and binding a 400-placeholder IN list through QtSql.
Result<QHash<AssetKey, StoredAsset>> lookUpSqlite(sqlite3* db, const QList<Asset>& assets)
{
    Result<SqliteStatement> select = SqliteStatement::prepare(
        db, QStringLiteral("SELECT id, sync_hash FROM assets WHERE account_id = ?1 AND remote_id = ?2"));
    if (!select)
        return select.error();
    SqliteStatement& st = select.value();
    QHash<AssetKey, StoredAsset> stored;
    stored.reserve(assets.size());
    for (const Asset& a : assets) {
        st.bind(1, a.accountId).bind(2, a.remoteId);
        const Result<bool> row = st.next();
        if (!row)
            return row.error();
        if (*row)
            stored.insert(AssetKey(a.accountId, a.remoteId), StoredAsset{st.int64(0), st.text(1)});
        st.reset();
    }
    return stored;
}

// The stored id and digest of every asset of the batch that is already in the database: one
// query per account and 400 remote ids, instead of one per asset.
Result<QHash<AssetKey, StoredAsset>> lookUp(const WriteContext& ctx, const QList<Asset>& assets)
{
    if (sqlite3* db = SqliteStatement::handle(ctx.connection()))
        return lookUpSqlite(db, assets);
    QHash<qint64, QStringList> byAccount;
    for (const Asset& a : assets)
        byAccount[a.accountId] << a.remoteId;
    constexpr qsizetype kChunk = 400;
    QHash<AssetKey, StoredAsset> stored;
    for (auto it = byAccount.cbegin(); it != byAccount.cend(); ++it) {
        const QStringList& remoteIds = it.value();
        for (qsizetype from = 0; from < remoteIds.size(); from += kChunk) {
            const qsizetype to = qMin(from + kChunk, remoteIds.size());
            QStringList markers;
            for (qsizetype i = from; i < to; ++i)
                markers << QStringLiteral(":r%1").arg(i - from);
            SqlStatement select = ctx.statement(
                QStringLiteral("SELECT id, remote_id, sync_hash FROM assets WHERE account_id = :account_id "
                               "AND remote_id IN (%1)")
                    .arg(markers.join(QLatin1Char(','))));
            select.bind(QStringLiteral("account_id"), it.key());
            for (qsizetype i = from; i < to; ++i)
                select.bind(QStringLiteral("r%1").arg(i - from), remoteIds.at(i));
            if (Status s = select.exec(); !s)
                return s.error();
            while (select.next()) {
                stored.insert(AssetKey(it.key(), select.value(1).toString()),
                              StoredAsset{select.value(0).toLongLong(), select.value(2).toString()});
            }
        }
    }
    return stored;
}

// The changed assets (and repeats) one by one, in batch order. On SQLite their full-text entries
// are replaced for the whole batch at once (SqliteSearchIndex) rather than by the per-row update
// trigger: the ids they have now are taken out of the index first, and every id written is indexed
// again at the end. `ids` already holds the ids of this batch's new assets. During a bulk load
// (`indexSearch` false) the index is left alone: the load rebuilds it at its end.
Status upsertChanged(WriteContext& ctx, const QList<Asset>& assets, const QList<int>& changed,
                     const QStringList& digests, const QHash<AssetKey, StoredAsset>& stored, QList<qint64>& ids,
                     bool indexSearch)
{
    sqlite3* db = SqliteStatement::handle(ctx.connection());
    if (db && indexSearch) {
        QHash<AssetKey, qint64> indexed; // every changed asset that has a row (and so an entry) now
        for (auto it = stored.cbegin(); it != stored.cend(); ++it)
            indexed.insert(it.key(), it->id);
        for (int i = 0; i < assets.size(); ++i) {
            if (ids.at(i) > 0)
                indexed.insert(AssetKey(assets.at(i).accountId, assets.at(i).remoteId), ids.at(i));
        }
        QSet<qint64> before;
        for (int i : changed) {
            if (const qint64 id = indexed.value(AssetKey(assets.at(i).accountId, assets.at(i).remoteId)); id > 0)
                before.insert(id);
        }
        if (Status s = SqliteSearchIndex::defer(ctx.connection()); !s)
            return s;
        if (Status s = SqliteSearchIndex::remove(db, QList<qint64>(before.cbegin(), before.cend())); !s) {
            (void)SqliteSearchIndex::resume(ctx.connection());
            return s;
        }
    }
    if (!db) {
        SqlAssetUpdate update(ctx);
        for (int i : changed) {
            Result<qint64> id = update.upsert(ctx, assets.at(i), digests.at(i));
            if (!id)
                return id.error();
            ids[i] = *id;
        }
        return {};
    }
    Status status;
    QSet<qint64> written;
    if (Result<SqliteAssetUpdate> update = SqliteAssetUpdate::prepare(db); update) {
        for (int i : changed) {
            Result<qint64> id = update.value().upsert(ctx, assets.at(i), digests.at(i));
            if (!id) {
                status = id.error();
                break;
            }
            ids[i] = *id;
            written.insert(*id);
        }
    } else {
        status = update.error();
    }
    if (!indexSearch)
        return status;
    if (status)
        status = SqliteSearchIndex::add(db, QList<qint64>(written.cbegin(), written.cend()));
    // Also after a failure: a caller that went on regardless must not commit the mark.
    const Status resumed = SqliteSearchIndex::resume(ctx.connection());
    return status ? resumed : status;
}

} // namespace

Result<QList<qint64>> AssetUpsert::run(WriteContext& ctx, const QList<Asset>& assets)
{
    QStringList digests;
    digests.reserve(assets.size());
    for (const Asset& a : assets) {
        if (a.accountId <= 0 || a.remoteId.isEmpty())
            return storageError(ErrorKind::Validation,
                                QStringLiteral("An asset needs an account and a remote id."));
        digests << contentDigest(a);
    }
    bool indexSearch = true; // false during a bulk load (AssetBulkLoad), which indexes at its end
    if (sqlite3* db = SqliteStatement::handle(ctx.connection())) {
        const Result<bool> bulk = AssetBulkLoad::isActive(db);
        if (!bulk)
            return bulk.error();
        indexSearch = !*bulk;
    }
    Result<QHash<AssetKey, StoredAsset>> stored = lookUp(ctx, assets);
    if (!stored)
        return stored.error();

    QList<qint64> ids(assets.size(), 0);
    QList<int> fresh;   // not stored yet: bulk insert
    QList<int> changed; // stored with another digest, or a repeat within the batch: one by one, in order
    QSet<AssetKey> seen;
    for (int i = 0; i < assets.size(); ++i) {
        const AssetKey key(assets.at(i).accountId, assets.at(i).remoteId);
        const bool repeat = seen.contains(key);
        seen.insert(key);
        const auto it = stored->constFind(key);
        if (repeat)
            changed << i;
        else if (it == stored->constEnd())
            fresh << i;
        else if (it->digest == digests.at(i))
            ids[i] = it->id;
        else
            changed << i;
    }
    if (Status s = AssetBulkInsert::run(ctx, assets, fresh, digests, ids, indexSearch); !s)
        return s.error();
    if (!changed.isEmpty()) {
        if (Status s = upsertChanged(ctx, assets, changed, digests, *stored, ids, indexSearch); !s)
            return s.error();
    }
    return ids;
}

} // namespace AssetDesk
