#include "models/assetidsearch.h"

#include "storage/assetquery.h"
#include "storage/assetsearchsql.h"
#include "storage/sqlstatement.h"
#include "storage/storage.h"

#include <QTimeZone>

namespace AssetDesk {

namespace {
QDateTime startOfDay(const QDate& date)
{
    return date.startOfDay(QTimeZone::systemTimeZone()).toUTC();
}

QString orientationCondition(Orientation orientation)
{
    switch (orientation) {
    case Orientation::Landscape: return QStringLiteral("a.width > a.height");
    case Orientation::Portrait: return QStringLiteral("a.height > a.width");
    case Orientation::Square: return QStringLiteral("a.width = a.height AND a.width > 0");
    }
    return {};
}
} // namespace

AssetQuery AssetIdSearch::toAssetQuery(const LibraryFilter& filter)
{
    AssetQuery query;
    query.text = filter.text;
    query.service = filter.service;
    query.accountId = filter.accountId;
    query.approval = filter.approval;
    query.rightsStatus = filter.rights;
    query.soonDays = filter.soonDays;
    query.campaign = filter.campaign;
    query.mediaType = filter.mediaType;
    if (filter.modifiedFrom.isValid())
        query.modifiedFrom = startOfDay(filter.modifiedFrom);
    if (filter.modifiedTo.isValid())
        query.modifiedTo = startOfDay(filter.modifiedTo.addDays(1));
    query.limit = 0;
    return query;
}

Result<QList<qint64>> AssetIdSearch::ids(const Storage& storage, const LibraryFilter& filter)
{
    Result<SqlConnection> connection = storage.readConnection();
    if (!connection)
        return connection.error();
    AssetSearchSql::Statement built =
        AssetSearchSql::select(toAssetQuery(filter), connection->backend(), QStringLiteral("a.id"));
    if (built.matchesNothing)
        return QList<qint64>{};

    QStringList extra;
    if (filter.orientation)
        extra << orientationCondition(*filter.orientation);
    if (!filter.collectionRemoteIds.isEmpty()) {
        QStringList markers;
        for (qsizetype i = 0; i < filter.collectionRemoteIds.size(); ++i) {
            markers << QStringLiteral(":collection%1").arg(i);
            built.values.insert(QStringLiteral("collection%1").arg(i), filter.collectionRemoteIds.at(i));
        }
        extra << QStringLiteral("a.id IN (SELECT asset_id FROM collection_members WHERE collection_remote_id IN (%1))")
                     .arg(markers.join(QLatin1Char(',')));
    }
    if (!extra.isEmpty()) {
        // The built statement is "SELECT … FROM … [WHERE …] ORDER BY …": the conditions go in front
        // of its one top-level ORDER BY.
        const qsizetype order = built.sql.lastIndexOf(QLatin1String(" ORDER BY "));
        if (order < 0)
            return Error(ErrorKind::Internal, QStringLiteral("The library search could not be built."))
                .withOrigin(QStringLiteral("models"));
        const bool hasWhere = built.sql.left(order).contains(QLatin1String(" WHERE "));
        built.sql.insert(order, (hasWhere ? QStringLiteral(" AND ") : QStringLiteral(" WHERE "))
                                    + extra.join(QStringLiteral(" AND ")));
    }

    SqlStatement q(connection.value(), built.sql);
    for (auto it = built.values.cbegin(); it != built.values.cend(); ++it)
        q.bind(it.key(), it.value());
    if (Status s = q.exec(); !s)
        return s.error();
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    return ids;
}

} // namespace AssetDesk
