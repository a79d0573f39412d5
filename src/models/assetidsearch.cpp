#include "models/assetidsearch.h"

#include "models/assetfacetindex.h"
#include "storage/assetquery.h"
#include "storage/assetsearchsql.h"
#include "storage/sqlstatement.h"
#include "storage/storage.h"

#include <QSqlDriver>
#include <QTimeZone>

#include <sqlite3.h>

#include <optional>

namespace AssetDesk {

namespace {
QDateTime startOfDay(const QDate& date)
{
    return date.startOfDay(QTimeZone::systemTimeZone()).toUTC();
}

// The id list straight from SQLite: a million matches cost QtSql a QVariant and a virtual call
// per row (most of a 1M-row search); stepping the statement directly reads them in a fraction
// of that. nullopt: not the SQLite driver as expected (the caller then uses QtSql).
std::optional<Result<QList<qint64>>> sqliteIds(const SqlConnection& connection, const QString& sql,
                                               const QVariantHash& values)
{
    const QVariant handle = connection.database().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return std::nullopt;
    sqlite3* db = *static_cast<sqlite3* const*>(handle.constData());
    if (!db)
        return std::nullopt;
    auto failed = [db](const char* what) {
        return Result<QList<qint64>>(
            Error(ErrorKind::Storage, QStringLiteral("The library search failed."),
                  QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db))))
                .withOrigin(QStringLiteral("models")));
    };
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, text.constData(), int(text.size()), &statement, nullptr) != SQLITE_OK)
        return failed("prepare");
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(statement, sqlite3_finalize);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const int index = sqlite3_bind_parameter_index(statement, (u':' + it.key()).toUtf8().constData());
        if (index == 0)
            continue;
        const QVariant& v = it.value();
        int rc = SQLITE_OK;
        switch (v.typeId()) {
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Bool: rc = sqlite3_bind_int64(statement, index, v.toLongLong()); break;
        case QMetaType::Double: rc = sqlite3_bind_double(statement, index, v.toDouble()); break;
        default:
            if (v.isNull()) {
                rc = sqlite3_bind_null(statement, index);
            } else {
                const QByteArray bytes = v.toString().toUtf8();
                rc = sqlite3_bind_text(statement, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
            }
        }
        if (rc != SQLITE_OK)
            return failed("bind");
    }
    QList<qint64> ids;
    for (;;) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_ROW)
            ids.append(sqlite3_column_int64(statement, 0));
        else if (rc == SQLITE_DONE)
            break;
        else
            return failed("step");
    }
    return Result<QList<qint64>>(std::move(ids));
}
} // namespace

AssetQuery AssetIdSearch::toAssetQuery(const LibraryFilter& filter, LibrarySort sort)
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
    query.orientation = filter.orientation;
    query.usage = filter.usage;
    query.overuseThreshold = filter.overuseThreshold;
    query.collectionRemoteIds = filter.collectionRemoteIds;
    query.limit = 0;
    switch (sort.key) {
    case LibrarySort::Key::Default: query.order = AssetQuery::Order::Default; break;
    case LibrarySort::Key::Title: query.order = AssetQuery::Order::Title; break;
    case LibrarySort::Key::Created: query.order = AssetQuery::Order::Created; break;
    case LibrarySort::Key::Modified: query.order = AssetQuery::Order::Modified; break;
    case LibrarySort::Key::FileSize: query.order = AssetQuery::Order::FileSize; break;
    case LibrarySort::Key::Service: query.order = AssetQuery::Order::Service; break;
    case LibrarySort::Key::Approval: query.order = AssetQuery::Order::Approval; break;
    case LibrarySort::Key::RightsExpiry: query.order = AssetQuery::Order::LicenseExpiry; break;
    case LibrarySort::Key::Campaign: query.order = AssetQuery::Order::Campaign; break;
    }
    query.descending = sort.descending;
    return query;
}

Result<QList<qint64>> AssetIdSearch::ids(const Storage& storage, const LibraryFilter& filter, AssetFacetIndex* index,
                                         LibrarySort sort)
{
    Result<SqlConnection> connection = storage.readConnection();
    if (!connection)
        return connection.error();
    const AssetQuery query = toAssetQuery(filter, sort);
    std::optional<qint64> textMatches;
    if (index) {
        if (std::optional<Result<AssetFacetIndex::Answer>> answered = index->answer(*connection, query)) {
            if (!*answered)
                return answered->error();
            if (!(*answered)->leftToSql)
                return std::move(answered->value().ids);
            textMatches = (*answered)->textMatches;
        }
    }
    const Result<AssetSearchSql::Statement> prepared =
        AssetSearchSql::select(connection.value(), query, QStringLiteral("a.id"), textMatches);
    if (!prepared)
        return prepared.error();
    const AssetSearchSql::Statement& built = prepared.value();
    if (built.matchesNothing)
        return QList<qint64>{};

    if (connection->isSQLite()) {
        if (std::optional<Result<QList<qint64>>> fast = sqliteIds(*connection, built.sql, built.values))
            return std::move(*fast);
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
