#include "storage/assetrepository.h"

#include "storage/assetrows.h"
#include "storage/assetsearchsql.h"
#include "storage/assetupsert.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <QHash>

namespace AssetDesk {

namespace {

Error storageError(ErrorKind kind, const QString& message)
{
    return Error(kind, message).withOrigin(QStringLiteral("storage"));
}

} // namespace

Result<QList<qint64>> AssetRepository::upsert(WriteContext& ctx, const QList<Asset>& assets)
{
    return AssetUpsert::run(ctx, assets);
}

QString AssetRepository::contentDigest(const Asset& asset)
{
    return AssetUpsert::contentDigest(asset);
}

Result<int> AssetRepository::removeByRemoteIds(WriteContext& ctx, qint64 accountId,
                                               const QStringList& remoteIds)
{
    constexpr qsizetype kChunk = 200;
    QList<qint64> ids;
    for (qsizetype from = 0; from < remoteIds.size(); from += kChunk) {
        const qsizetype to = qMin(from + kChunk, remoteIds.size());
        QStringList markers;
        for (qsizetype i = from; i < to; ++i)
            markers << QStringLiteral(":r%1").arg(i - from);
        SqlStatement select = ctx.statement(
            QStringLiteral(
                "SELECT id FROM assets WHERE account_id = :account_id AND remote_id IN (%1) ORDER BY id")
                .arg(markers.join(QLatin1Char(','))));
        select.bind(QStringLiteral("account_id"), accountId);
        for (qsizetype i = from; i < to; ++i)
            select.bind(QStringLiteral("r%1").arg(i - from), remoteIds.at(i));
        if (Status s = select.exec(); !s)
            return s.error();
        while (select.next())
            ids << select.value(0).toLongLong();
    }
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        QStringList chunk;
        for (qsizetype i = from; i < qMin(from + kChunk, ids.size()); ++i)
            chunk << QString::number(ids.at(i));
        SqlStatement remove = ctx.statement(
            QStringLiteral("DELETE FROM assets WHERE id IN (%1)").arg(chunk.join(QLatin1Char(','))));
        if (Status s = remove.exec(); !s)
            return s.error();
    }
    ctx.changes().add(EntityKind::Asset, ChangeSet::Op::Removed, ids);
    return int(ids.size());
}

Status AssetRepository::setRenditionLocalPath(WriteContext& ctx, qint64 assetId, const QString& renditionName,
                                              const QString& localPath)
{
    SqlStatement q = ctx.statement(QStringLiteral(
        "UPDATE asset_renditions SET local_path = :path WHERE asset_id = :id AND name = :name"));
    q.bind(QStringLiteral("path"), localPath)
        .bind(QStringLiteral("id"), assetId)
        .bind(QStringLiteral("name"), renditionName);
    if (Status s = q.exec(); !s)
        return s;
    if (q.rowsAffected() == 0) {
        return storageError(
            ErrorKind::NotFound,
            QStringLiteral("Asset %1 has no rendition \"%2\".").arg(assetId).arg(renditionName));
    }
    ctx.changes().add(EntityKind::Asset, ChangeSet::Op::Updated, assetId);
    return {};
}

Result<QList<Asset>> AssetRepository::load(const QString& where, const QVariantHash& values,
                                           const QString& order) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(
        connection.value(),
        QStringLiteral("SELECT %1 FROM assets a WHERE %2 %3").arg(AssetRows::columns(), where, order));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<Asset> assets;
    while (q.next())
        assets << AssetRows::fromRow(q);
    q.finish();
    if (Status s = AssetRows::attachDetails(connection.value(), assets); !s)
        return s.error();
    return assets;
}

Result<std::optional<Asset>> AssetRepository::get(qint64 id) const
{
    Result<QList<Asset>> rows = load(QStringLiteral("a.id = :id"), {{QStringLiteral("id"), id}}, {});
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? std::nullopt : std::optional<Asset>(rows.value().first());
}

Result<std::optional<Asset>> AssetRepository::findByRemoteId(qint64 accountId, const QString& remoteId) const
{
    Result<QList<Asset>> rows = load(
        QStringLiteral("a.account_id = :account_id AND a.remote_id = :remote_id"),
        {{QStringLiteral("account_id"), accountId}, {QStringLiteral("remote_id"), SqlValues::text(remoteId)}},
        {});
    if (!rows)
        return rows.error();
    return rows.value().isEmpty() ? std::nullopt : std::optional<Asset>(rows.value().first());
}

Result<QList<Asset>> AssetRepository::getMany(const QList<qint64>& ids) const
{
    QList<Asset> found;
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        QStringList chunk;
        for (qsizetype i = from; i < qMin(from + kChunk, ids.size()); ++i)
            chunk << QString::number(ids.at(i));
        Result<QList<Asset>> rows =
            load(QStringLiteral("a.id IN (%1)").arg(chunk.join(QLatin1Char(','))), {}, {});
        if (!rows)
            return rows.error();
        found << rows.value();
    }
    QHash<qint64, qsizetype> position;
    for (qsizetype i = 0; i < found.size(); ++i)
        position.insert(found.at(i).id, i);
    QList<Asset> ordered;
    for (qint64 id : ids) {
        if (const auto it = position.constFind(id); it != position.constEnd())
            ordered << found.at(it.value());
    }
    return ordered;
}

Result<QStringList> AssetRepository::remoteIds(qint64 accountId) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(), QStringLiteral("SELECT remote_id FROM assets WHERE account_id = :account_id"));
    q.bind(QStringLiteral("account_id"), accountId);
    if (Status s = q.exec(); !s)
        return s.error();
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

Result<QList<AssetVersion>> AssetRepository::versions(qint64 assetId) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    SqlStatement q(connection.value(),
                   QStringLiteral("SELECT version, modified_at, first_seen_at FROM asset_versions "
                                  "WHERE asset_id = :id ORDER BY first_seen_at, version"));
    q.bind(QStringLiteral("id"), assetId);
    if (Status s = q.exec(); !s)
        return s.error();
    QList<AssetVersion> result;
    while (q.next())
        result << AssetVersion{q.value(0).toString(), SqlValues::toDateTime(q.value(1)),
                               SqlValues::toDateTime(q.value(2))};
    return result;
}

Result<QList<Asset>> AssetRepository::search(const AssetQuery& query) const
{
    Result<Page> page = findPage(query, false);
    if (!page)
        return page.error();
    return std::move(page.value().assets);
}

Result<AssetRepository::Page> AssetRepository::searchPage(const AssetQuery& query) const
{
    return findPage(query, true);
}

// The ordered ids first, then the complete rows of just those ids: ordering the complete rows
// would decode every column (raw JSON included) of every match to keep 50 of them (a page of a
// common word at a million assets: 220 ms instead of 90).
Result<AssetRepository::Page> AssetRepository::findPage(const AssetQuery& query, bool withTotal) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    const Result<AssetSearchSql::Statement> prepared =
        AssetSearchSql::select(connection.value(), query, QStringLiteral("a.id"));
    if (!prepared)
        return prepared.error();
    if (prepared->matchesNothing)
        return Page{};
    // The total rides along as a window count where every match is visited anyway: a text search
    // in date order. Not with bm25() (SQLite evaluates windows apart from the FTS cursor; a ranked
    // text has at most rankLimit matches, cheap to count apart), and not without text (the date
    // index yields a page without visiting every asset; count(*) is cheap there too).
    const bool windowCount = withTotal && !prepared->ranked && !AssetSearchSql::terms(query.text).isEmpty();
    const AssetSearchSql::Statement built =
        windowCount ? AssetSearchSql::select(query, connection.value().backend(), QStringLiteral("a.id, count(*) OVER ()"),
                                             AssetSearchSql::Order::Newest)
                    : prepared.value();
    SqlStatement q(connection.value(), built.sql);
    for (auto it = built.values.cbegin(); it != built.values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<qint64> ids;
    Page page;
    bool counted = false;
    while (q.next()) {
        ids << q.value(0).toLongLong();
        if (windowCount && !counted) {
            page.total = q.value(1).toLongLong();
            counted = true;
        }
    }
    q.finish();
    if (withTotal && !counted) {
        // No window count, or an empty page (an offset past the end carries none).
        const Result<qint64> total = !windowCount || query.offset > 0 ? count(query) : Result<qint64>(qint64(0));
        if (!total)
            return total.error();
        page.total = *total;
    }
    Result<QList<Asset>> assets = getMany(ids);
    if (!assets)
        return assets.error();
    page.assets = std::move(assets).value();
    return page;
}

Result<qint64> AssetRepository::count(const AssetQuery& query) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    const AssetSearchSql::Statement built = AssetSearchSql::count(query, connection.value().backend());
    if (built.matchesNothing)
        return qint64(0);
    SqlStatement q(connection.value(), built.sql);
    for (auto it = built.values.cbegin(); it != built.values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Result<QString> AssetRepository::explainSearch(const AssetQuery& query) const
{
    Result<SqlConnection> connection = m_source.get();
    if (!connection)
        return connection.error();
    const bool sqlite = connection.value().isSQLite();
    const Result<AssetSearchSql::Statement> prepared =
        AssetSearchSql::select(connection.value(), query, QStringLiteral("a.id"));
    if (!prepared)
        return prepared.error();
    const AssetSearchSql::Statement& built = prepared.value();
    if (built.matchesNothing)
        return QStringLiteral("(no searchable words: nothing is queried)");
    SqlStatement q(connection.value(),
                   (sqlite ? QStringLiteral("EXPLAIN QUERY PLAN ") : QStringLiteral("EXPLAIN ")) + built.sql);
    for (auto it = built.values.cbegin(); it != built.values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QStringList lines;
    while (q.next())
        lines << q.value(sqlite ? 3 : 0).toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace AssetDesk