#include "storage/assetsearchsql.h"

#include "storage/engagementrepository.h"
#include "storage/sqlconnection.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"

#include <QRegularExpression>

#include <sqlite3.h>

namespace AssetDesk {

namespace {
constexpr int kMaxTerms = 16;

// The FTS5 auxiliary function assetdesk_rank(assets_fts, w0, w1, ...): minus the sum of the
// column weights over every place a word of the query occurs in the row (negative, so that
// ascending order is best first, as with bm25). Unlike bm25 it has no inverse document
// frequency, whose first call walks the whole index once per query word again (about 9 ms of a
// two-word search at a million assets), and no length normalisation - like ts_rank, which the
// PostgreSQL backend uses. Every word of a query must match anyway, so a word's rarity only
// scaled its share of the score.
void rankFunction(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int count,
                  sqlite3_value** weights)
{
    int instances = 0;
    if (api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(context, "assetdesk_rank: no match information", -1);
        return;
    }
    double score = 0;
    for (int i = 0; i < instances; ++i) {
        int phrase = 0;
        int column = 0;
        int offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK)
            continue;
        score += column < count ? sqlite3_value_double(weights[column]) : 1.0;
    }
    sqlite3_result_double(context, -score);
}

// Registers assetdesk_rank on the connection (again: cheap, and a connection may be new).
// false: not the SQLite library this program links, or no FTS5 - the caller ranks with bm25.
bool registerRankFunction(const SqlConnection& connection)
{
    sqlite3* db = SqliteStatement::handle(connection);
    if (!db)
        return false;
    fts5_api* fts = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return false;
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&fts), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return fts && fts->iVersion >= 2
           && fts->xCreateFunction(fts, "assetdesk_rank", nullptr, rankFunction, nullptr) == SQLITE_OK;
}

// The rank functions' column weights, in the assets_fts column order: title, keywords, caption,
// credit, campaign, file_name.
QString rankTerm(const char* function)
{
    return QStringLiteral("%1(assets_fts, 10.0, 5.0, 2.0, 1.0, 1.0, 1.0)").arg(QLatin1String(function));
}

// ORDER BY of a column order (AssetQuery::order): the column, then the id, in one direction, with
// SQLite's NULL order spelled out (so that PostgreSQL lists the same way) and text in byte order.
// Each matches an index of schema 6 (or 1) on both backends.
QString sortOrder(const AssetQuery& query, StorageBackend backend)
{
    const bool postgres = backend == StorageBackend::PostgreSQL;
    auto text = [postgres](const char* column) {
        return postgres ? QStringLiteral("a.%1 COLLATE \"C\"").arg(QLatin1String(column))
                        : QStringLiteral("a.%1").arg(QLatin1String(column));
    };
    QString key;
    bool nullable = false;
    switch (query.order) {
    case AssetQuery::Order::Default:
    case AssetQuery::Order::Title:
        key = postgres ? QStringLiteral("lower(a.title) COLLATE \"C\"") : QStringLiteral("a.title COLLATE NOCASE");
        break;
    case AssetQuery::Order::Created: key = QStringLiteral("a.created_at"); nullable = true; break;
    case AssetQuery::Order::Modified: key = QStringLiteral("a.modified_at"); nullable = true; break;
    case AssetQuery::Order::FileSize: key = QStringLiteral("a.file_size"); break;
    case AssetQuery::Order::Service: key = text("service"); break;
    case AssetQuery::Order::Approval: key = text("approval"); break;
    case AssetQuery::Order::LicenseExpiry: key = QStringLiteral("a.license_expires_at"); nullable = true; break;
    case AssetQuery::Order::Campaign: key = text("campaign"); break;
    }
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString nulls;
    if (nullable)
        nulls = query.descending ? QStringLiteral(" NULLS LAST") : QStringLiteral(" NULLS FIRST");
    return key + direction + nulls + QStringLiteral(", a.id") + direction;
}
} // namespace

AssetSearchSql::RightsWindow AssetSearchSql::rightsWindow(const AssetQuery& query)
{
    const QDateTime at = query.rightsAt.isValid() ? query.rightsAt : QDateTime::currentDateTimeUtc();
    return {at.toMSecsSinceEpoch(), at.addDays(query.soonDays).toMSecsSinceEpoch()};
}

QStringList AssetSearchSql::terms(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList words = text.toLower().split(separators, Qt::SkipEmptyParts);
    if (words.size() > kMaxTerms)
        words.resize(kMaxTerms);
    return words;
}

QString AssetSearchSql::ftsMatchExpression(const QStringList& terms)
{
    QStringList parts;
    for (const QString& term : terms)
        parts << QLatin1Char('"') + term + QStringLiteral("\"*");
    return parts.join(QLatin1Char(' '));
}

QString AssetSearchSql::tsQueryExpression(const QStringList& terms)
{
    QStringList parts;
    for (const QString& term : terms)
        parts << term + QStringLiteral(":*");
    return parts.join(QStringLiteral(" & "));
}

AssetSearchSql::Statement AssetSearchSql::select(const AssetQuery& query, StorageBackend backend,
                                                 const QString& columns, Order order)
{
    return build(query, backend, columns, false, order);
}

AssetSearchSql::Statement AssetSearchSql::count(const AssetQuery& query, StorageBackend backend)
{
    return build(query, backend, QStringLiteral("count(*)"), true, Order::Newest);
}

AssetSearchSql::Statement AssetSearchSql::rankProbe(const AssetQuery& query, StorageBackend backend)
{
    Statement st;
    const QStringList words = terms(query.text);
    if (words.isEmpty() || query.rankLimit <= 0) {
        st.matchesNothing = true; // nothing to rank: no probe
        return st;
    }
    // Only the text, and only up to one past the limit: a common word stops early.
    if (backend == StorageBackend::SQLite) {
        st.sql = QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM assets_fts WHERE assets_fts MATCH :match "
                                "LIMIT :probe_limit) AS probe");
        st.values.insert(QStringLiteral("match"), ftsMatchExpression(words));
    } else {
        st.sql = QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM assets WHERE search_vector @@ "
                                "to_tsquery('simple', :tsquery) LIMIT :probe_limit) AS probe");
        st.values.insert(QStringLiteral("tsquery"), tsQueryExpression(words));
    }
    st.values.insert(QStringLiteral("probe_limit"), qint64(query.rankLimit) + 1);
    return st;
}

Result<AssetSearchSql::Statement> AssetSearchSql::select(const SqlConnection& connection, const AssetQuery& query,
                                                         const QString& columns, std::optional<qint64> textMatches)
{
    Order order = Order::Newest;
    if (query.order != AssetQuery::Order::Default)
        return select(query, connection.backend(), columns, order); // sorted by a column: never ranked
    const Statement probe = rankProbe(query, connection.backend());
    if (!probe.matchesNothing && textMatches) {
        if (*textMatches <= query.rankLimit)
            order = Order::Relevance;
    } else if (!probe.matchesNothing) {
        SqlStatement q(connection, probe.sql);
        for (auto it = probe.values.cbegin(); it != probe.values.cend(); ++it)
            q.bind(it.key(), it.value());
        if (Status s = q.exec(); !s)
            return s.error();
        if (q.next() && q.value(0).toLongLong() <= query.rankLimit)
            order = Order::Relevance;
        q.finish();
    }
    if (order == Order::Relevance && connection.isSQLite() && registerRankFunction(connection))
        order = Order::WeightedHits;
    return select(query, connection.backend(), columns, order);
}

QString AssetSearchSql::weightedHitsRank(const SqlConnection& connection)
{
    return connection.isSQLite() && registerRankFunction(connection) ? rankTerm("assetdesk_rank") : QString();
}

AssetSearchSql::Statement AssetSearchSql::build(const AssetQuery& query, StorageBackend backend,
                                                const QString& columns, bool counting, Order ordering)
{
    const bool ranked = ordering != Order::Newest;
    Statement st;
    QStringList where;
    QString from = QStringLiteral("assets a");
    QString rank;  // the relevance term of ORDER BY
    bool rankDescending = false;

    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        const QStringList words = terms(text);
        if (words.isEmpty()) {
            st.matchesNothing = true;
            return st;
        }
        if (backend == StorageBackend::SQLite) {
            from = QStringLiteral("assets_fts CROSS JOIN assets a ON a.id = assets_fts.rowid");
            where << QStringLiteral("assets_fts MATCH :match");
            st.values.insert(QStringLiteral("match"), ftsMatchExpression(words));
            rank = rankTerm(ordering == Order::WeightedHits ? "assetdesk_rank" : "bm25");
        } else {
            where << QStringLiteral("a.search_vector @@ to_tsquery('simple', :tsquery)");
            st.values.insert(QStringLiteral("tsquery"), tsQueryExpression(words));
            rank = QStringLiteral("ts_rank(a.search_vector, to_tsquery('simple', :tsquery))");
            rankDescending = true;
        }
    }
    auto filter = [&](const QString& condition, const QString& name, const QVariant& value) {
        where << condition;
        st.values.insert(name, value);
    };
    if (query.service)
        filter(QStringLiteral("a.service = :service"), QStringLiteral("service"), serviceId(*query.service));
    if (query.accountId)
        filter(QStringLiteral("a.account_id = :account_id"), QStringLiteral("account_id"), *query.accountId);
    if (query.approval)
        filter(QStringLiteral("a.approval = :approval"), QStringLiteral("approval"),
               approvalStateId(*query.approval));
    if (query.rightsStatus) {
        const auto [now, soon] = rightsWindow(query);
        switch (*query.rightsStatus) {
        case RightsStatus::Unrestricted:
            where << QStringLiteral("a.license_expires_at IS NULL");
            break;
        case RightsStatus::Expired:
            filter(QStringLiteral("a.license_expires_at <= :rights_now"), QStringLiteral("rights_now"), now);
            break;
        case RightsStatus::ExpiringSoon:
            filter(QStringLiteral("a.license_expires_at > :rights_now"), QStringLiteral("rights_now"), now);
            filter(QStringLiteral("a.license_expires_at <= :rights_soon"), QStringLiteral("rights_soon"),
                   soon);
            break;
        case RightsStatus::Valid:
            filter(QStringLiteral("a.license_expires_at > :rights_soon"), QStringLiteral("rights_soon"),
                   soon);
            break;
        }
    }
    if (!query.campaign.isEmpty())
        filter(QStringLiteral("a.campaign = :campaign"), QStringLiteral("campaign"), query.campaign);
    if (query.mediaType)
        filter(QStringLiteral("a.media_type = :media_type"), QStringLiteral("media_type"),
               mediaTypeId(*query.mediaType));
    if (query.lifecycle) {
        filter(QStringLiteral("a.lifecycle = :lifecycle"), QStringLiteral("lifecycle"),
               lifecycleStateId(*query.lifecycle));
    }
    if (query.modifiedFrom.isValid()) {
        filter(QStringLiteral("a.modified_at >= :modified_from"), QStringLiteral("modified_from"),
               SqlValues::timestamp(query.modifiedFrom));
    }
    if (query.modifiedTo.isValid()) {
        filter(QStringLiteral("a.modified_at < :modified_to"), QStringLiteral("modified_to"),
               SqlValues::timestamp(query.modifiedTo));
    }

    if (query.orientation) {
        switch (*query.orientation) {
        case Orientation::Landscape: where << QStringLiteral("a.width > a.height"); break;
        case Orientation::Portrait: where << QStringLiteral("a.height > a.width"); break;
        case Orientation::Square: where << QStringLiteral("a.width = a.height AND a.width > 0"); break;
        }
    }
    if (!query.collectionRemoteIds.isEmpty()) {
        QStringList markers;
        for (qsizetype i = 0; i < query.collectionRemoteIds.size(); ++i) {
            const QString name = QStringLiteral("collection%1").arg(i);
            markers << u':' + name;
            st.values.insert(name, query.collectionRemoteIds.at(i));
        }
        where << QStringLiteral("a.id IN (SELECT asset_id FROM collection_members WHERE collection_remote_id IN (%1))")
                     .arg(markers.join(QLatin1Char(',')));
    }


    if (query.usage) {
        // Posts reached from the asset directly or through a derivative: correlated lookups on
        // lineage_edges' unique (from_kind, from_id, ...) index, per asset that passed the rest.
        const QString hasPost = EngagementRepository::hasPostSql(QStringLiteral("a.id"));
        const QString posts = EngagementRepository::usageCountSql(QStringLiteral("a.id"));
        const qint64 threshold = qMax(1, query.overuseThreshold);
        switch (*query.usage) {
        case AssetUsage::Unused: where << QStringLiteral("NOT ") + hasPost; break;
        case AssetUsage::Used:
            filter(hasPost + QStringLiteral(" AND ") + posts + QStringLiteral(" < :overuse"), QStringLiteral("overuse"),
                   threshold);
            break;
        case AssetUsage::Overused:
            filter(posts + QStringLiteral(" >= :overuse"), QStringLiteral("overuse"), threshold);
            break;
        }
    }

    st.sql = QStringLiteral("SELECT %1 FROM %2").arg(columns, from);
    if (!where.isEmpty())
        st.sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    if (counting)
        return st;
    QString order = QStringLiteral("a.modified_at DESC NULLS LAST, a.id DESC");
    if (query.order != AssetQuery::Order::Default) {
        order = sortOrder(query, backend);
    } else if (ranked && !rank.isEmpty()) {
        order = rank + (rankDescending ? QStringLiteral(" DESC, ") : QStringLiteral(", ")) + order;
        st.ranked = true;
    }
    st.sql += QStringLiteral(" ORDER BY ") + order;
    if (query.limit > 0) {
        st.sql += QStringLiteral(" LIMIT :limit OFFSET :offset");
        st.values.insert(QStringLiteral("limit"), query.limit);
        st.values.insert(QStringLiteral("offset"), qMax(0, query.offset));
    } else if (query.offset > 0) {
        // Both dialects accept LIMIT -1 / LIMIT ALL only in their own spelling.
        st.sql += backend == StorageBackend::SQLite ? QStringLiteral(" LIMIT -1 OFFSET :offset")
                                                    : QStringLiteral(" OFFSET :offset");
        st.values.insert(QStringLiteral("offset"), query.offset);
    }
    return st;
}

} // namespace AssetDesk
