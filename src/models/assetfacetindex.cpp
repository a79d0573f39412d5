#include "models/assetfacetindex.h"

#include "storage/assetquery.h"
#include "storage/assetsearchsql.h"
#include "storage/sqlconnection.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlvalues.h"

#include <QMutexLocker>

#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace AssetDesk {

namespace {
using StatementPtr = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

Error sqliteError(sqlite3* db, const char* what)
{
    return Error(ErrorKind::Storage, QStringLiteral("The library search failed."),
                 QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db))))
        .withOrigin(QStringLiteral("models"));
}

Result<StatementPtr> prepare(sqlite3* db, const char* sql)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return sqliteError(db, "prepare");
    return StatementPtr(statement, sqlite3_finalize);
}

QString columnText(sqlite3_stmt* statement, int column)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)),
                             sqlite3_column_bytes(statement, column));
}

// Runs `select` (a select list over assets_fts) for the rows of the full-text `match`, calling
// `onRow` with the statement on each.
template<typename OnRow>
Status eachMatch(sqlite3* db, const QByteArray& select, const QString& match, OnRow onRow)
{
    const QByteArray sql = select + " FROM assets_fts WHERE assets_fts MATCH ?1";
    Result<StatementPtr> prepared = prepare(db, sql.constData());
    if (!prepared)
        return prepared.error();
    const QByteArray text = match.toUtf8();
    sqlite3_bind_text(prepared->get(), 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    for (;;) {
        const int rc = sqlite3_step(prepared->get());
        if (rc == SQLITE_ROW)
            onRow(prepared->get());
        else if (rc == SQLITE_DONE)
            return {};
        else
            return sqliteError(db, "step");
    }
}

// The columns the facets compare, in the order readRows() reads them.
constexpr const char* kColumns = "SELECT id, account_id, service, approval, media_type, lifecycle, campaign, width, height, "
                                 "license_expires_at, modified_at FROM assets ";

// A read transaction for the duration of a scope, so the full-text index and the rows re-read
// are one snapshot (none when the connection is inside one already).
class ReadTransaction
{
public:
    explicit ReadTransaction(sqlite3* db)
        : m_db(db)
        , m_own(sqlite3_get_autocommit(db) != 0)
    {
        if (m_own && sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
            m_own = false;
    }
    ~ReadTransaction()
    {
        if (m_own)
            sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    sqlite3* m_db;
    bool m_own;
};
} // namespace

bool AssetFacetIndex::covers(const AssetQuery& query)
{
    // The query again with only the fields the entries hold: any other condition (one added to
    // AssetQuery later included) makes its SQL differ, and SQL answers.
    AssetQuery covered;
    covered.text = query.text;
    covered.service = query.service;
    covered.accountId = query.accountId;
    covered.approval = query.approval;
    covered.rightsStatus = query.rightsStatus;
    covered.rightsAt = query.rightsAt;
    covered.soonDays = query.soonDays;
    covered.campaign = query.campaign;
    covered.mediaType = query.mediaType;
    covered.lifecycle = query.lifecycle;
    covered.modifiedFrom = query.modifiedFrom;
    covered.modifiedTo = query.modifiedTo;
    covered.orientation = query.orientation;
    return AssetSearchSql::count(covered, StorageBackend::SQLite).sql
           == AssetSearchSql::count(query, StorageBackend::SQLite).sql;
}

AssetFacetIndex::AssetFacetIndex()
{
    static_assert(sizeof(Entry) == 32, "an asset's facets take 32 bytes");
}

quint16 AssetFacetIndex::code(Snapshot& into, const QString& text)
{
    const auto found = into.codes.constFind(text);
    if (found != into.codes.cend())
        return *found;
    if (into.strings.size() >= std::numeric_limits<quint16>::max()) {
        into.overflow = true;
        return 0;
    }
    const auto next = quint16(into.strings.size());
    into.strings.append(text);
    into.codes.insert(text, next);
    return next;
}

Status AssetFacetIndex::readRows(sqlite3* db, const char* sql, const QList<qint64>& ids, qint64 after, Snapshot& into,
                                 const std::atomic_bool* cancelled)
{
    Result<StatementPtr> prepared = prepare(db, sql);
    if (!prepared)
        return prepared.error();
    sqlite3_stmt* statement = prepared->get();
    const bool byId = !ids.isEmpty();
    for (qsizetype i = 0; i < (byId ? ids.size() : 1); ++i) {
        const qint64 wanted = byId ? ids.at(i) : after;
        sqlite3_reset(statement);
        sqlite3_bind_int64(statement, 1, wanted);
        if (byId && wanted > 0 && quint64(wanted) < into.entries.size() && into.entries[size_t(wanted)].present) {
            into.entries[size_t(wanted)].present = false; // removed unless read again below
            --into.count;
        }
        for (int rows = 0;; ++rows) {
            if (cancelled && rows % 4096 == 0 && cancelled->load())
                return Error(ErrorKind::Cancelled, QStringLiteral("The library index load was cancelled."));
            const int rc = sqlite3_step(statement);
            if (rc == SQLITE_DONE)
                break;
            if (rc != SQLITE_ROW)
                return sqliteError(db, "step");
            const qint64 id = sqlite3_column_int64(statement, 0);
            if (id <= 0)
                continue;
            if (quint64(id) >= into.entries.size()) {
                // Room for the next inserts without doubling a million entries for one.
                if (quint64(id) >= into.entries.capacity())
                    into.entries.reserve(size_t(id) + size_t(id) / 8 + 1024);
                into.entries.resize(size_t(id) + 1);
            }
            Entry e;
            const qint64 accountId = sqlite3_column_int64(statement, 1);
            e.accountId = qint32(accountId);
            e.service = code(into, columnText(statement, 2));
            e.approval = code(into, columnText(statement, 3));
            e.mediaType = code(into, columnText(statement, 4));
            e.lifecycle = code(into, columnText(statement, 5));
            e.campaign = code(into, columnText(statement, 6));
            if (accountId != e.accountId)
                into.overflow = true;
            if (into.overflow)
                return Error(ErrorKind::Internal, QStringLiteral("A facet value does not fit the library index."));
            // As AssetSearchSql: landscape width > height, portrait height > width, square equal
            // and known.
            const qint64 width = sqlite3_column_int64(statement, 7);
            const qint64 height = sqlite3_column_int64(statement, 8);
            if (width > height)
                e.orientation = quint8(Orientation::Landscape) + 1;
            else if (height > width)
                e.orientation = quint8(Orientation::Portrait) + 1;
            else if (width > 0)
                e.orientation = quint8(Orientation::Square) + 1;
            if (sqlite3_column_type(statement, 9) != SQLITE_NULL)
                e.expires = sqlite3_column_int64(statement, 9);
            if (sqlite3_column_type(statement, 10) != SQLITE_NULL)
                e.modified = sqlite3_column_int64(statement, 10);
            e.present = true;
            if (!into.entries[size_t(id)].present)
                ++into.count;
            into.entries[size_t(id)] = e;
            into.maxId = qMax(into.maxId, id);
        }
    }
    return {};
}

Status AssetFacetIndex::load(const SqlConnection& connection, const std::atomic_bool* cancelled)
{
    sqlite3* db = SqliteStatement::handle(connection);
    if (!db)
        return Error(ErrorKind::Storage, QStringLiteral("The library index needs a SQLite workspace."));
    {
        // Whatever changes from here on is read again by the first answer.
        QMutexLocker dirty(&m_dirtyMutex);
        m_dirty.clear();
    }
    Snapshot loaded;
    {
        ReadTransaction transaction(db);
        sqlite3_stmt* maxId = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT max(id) FROM assets", -1, &maxId, nullptr) == SQLITE_OK
            && sqlite3_step(maxId) == SQLITE_ROW)
            loaded.entries.resize(size_t(qMax<qint64>(0, sqlite3_column_int64(maxId, 0))) + 1);
        sqlite3_finalize(maxId);
        const QByteArray sql = QByteArray(kColumns) + "WHERE id > ?1";
        if (Status s = readRows(db, sql.constData(), {}, 0, loaded, cancelled); !s) {
            QMutexLocker lock(&m_mutex);
            m_unusable = loaded.overflow;
            return s;
        }
    }
    QMutexLocker lock(&m_mutex);
    m_data = std::move(loaded);
    m_loaded = true;
    return {};
}

void AssetFacetIndex::markChanged(const ChangeSet& changes)
{
    if (!changes.touches(EntityKind::Asset))
        return;
    QMutexLocker lock(&m_dirtyMutex);
    for (const ChangeSet::Op op : {ChangeSet::Op::Inserted, ChangeSet::Op::Updated, ChangeSet::Op::Removed}) {
        for (qint64 id : changes.ids(EntityKind::Asset, op))
            m_dirty.insert(id);
    }
}

Status AssetFacetIndex::refresh(sqlite3* db)
{
    QList<qint64> dirty;
    {
        QMutexLocker lock(&m_dirtyMutex);
        dirty = m_dirty.values();
        m_dirty.clear();
    }
    std::sort(dirty.begin(), dirty.end());
    Status s = readRows(db, (QByteArray(kColumns) + "WHERE id = ?1").constData(), dirty, 0, m_data, nullptr);
    if (s)
        s = readRows(db, (QByteArray(kColumns) + "WHERE id > ?1").constData(), {}, m_data.maxId, m_data, nullptr);
    if (!s) {
        // Read them again next time.
        QMutexLocker lock(&m_dirtyMutex);
        for (qint64 id : dirty)
            m_dirty.insert(id);
    }
    return s;
}

Result<QList<qint64>> AssetFacetIndex::matches(sqlite3* db, const QString& match)
{
    QList<qint64> ids;
    if (Status s = eachMatch(db, "SELECT rowid", match,
                             [&ids](sqlite3_stmt* row) { ids.append(sqlite3_column_int64(row, 0)); });
        !s)
        return s.error();
    return ids;
}

Result<QHash<qint64, double>> AssetFacetIndex::rankedMatches(sqlite3* db, const QString& rank,
                                                             const QString& match)
{
    QHash<qint64, double> ranks;
    if (Status s = eachMatch(db, "SELECT rowid, " + rank.toUtf8(), match,
                             [&ranks](sqlite3_stmt* row) {
                                 ranks.insert(sqlite3_column_int64(row, 0), sqlite3_column_double(row, 1));
                             });
        !s)
        return s.error();
    return ranks;
}

std::optional<Result<AssetFacetIndex::Answer>> AssetFacetIndex::answer(const SqlConnection& connection, const AssetQuery& query)
{
    if (!m_loaded || query.limit > 0 || query.offset > 0 || !query.collectionRemoteIds.isEmpty()
        || query.order != AssetQuery::Order::Default)
        return std::nullopt;
    const QStringList words = AssetSearchSql::terms(query.text);
    sqlite3* db = SqliteStatement::handle(connection);
    if (words.isEmpty() || !db || !covers(query))
        return std::nullopt;

    QMutexLocker lock(&m_mutex);
    if (m_unusable)
        return std::nullopt;
    ReadTransaction transaction(db);
    Status refreshed = refresh(db);
    if (m_data.overflow) {
        m_unusable = true;
        return std::nullopt;
    }
    if (!refreshed)
        return Result<Answer>(refreshed.error());
    const QString match = AssetSearchSql::ftsMatchExpression(words);
    Result<QList<qint64>> found = matches(db, match);
    if (!found)
        return Result<Answer>(found.error());
    Answer answered;
    answered.textMatches = found->size();
    answered.ranked = query.rankLimit > 0 && found->size() <= query.rankLimit;
    // Whether the connection can rank is known before anything is filtered: if not, SQL ranks.
    const QString rank = answered.ranked ? AssetSearchSql::weightedHitsRank(connection) : QString();
    if (answered.ranked && rank.isEmpty()) {
        answered.leftToSql = true; // bm25 then, in SQL
        return Result<Answer>(std::move(answered));
    }

    // Matches the index does not hold (the index lost a change set): read them now.
    QList<qint64> unknown;
    for (qint64 id : *found) {
        if (id <= 0 || quint64(id) >= m_data.entries.size() || !m_data.entries[size_t(id)].present)
            unknown.append(id);
    }
    if (!unknown.isEmpty()) {
        const Status s = readRows(db, (QByteArray(kColumns) + "WHERE id = ?1").constData(), unknown, 0, m_data, nullptr);
        if (m_data.overflow) {
            m_unusable = true;
            return std::nullopt;
        }
        if (!s)
            return Result<Answer>(s.error());
    }

    // The wanted codes (-1: any); a value no asset holds matches nothing.
    bool none = false;
    auto wanted = [this, &none](bool set, const QString& text) -> int {
        if (!set)
            return -1;
        const auto known = m_data.codes.constFind(text);
        if (known == m_data.codes.cend()) {
            none = true;
            return -1;
        }
        return *known;
    };
    const int service = wanted(query.service.has_value(), query.service ? serviceId(*query.service) : QString());
    const int approval =
        wanted(query.approval.has_value(), query.approval ? approvalStateId(*query.approval) : QString());
    const int media = wanted(query.mediaType.has_value(), query.mediaType ? mediaTypeId(*query.mediaType) : QString());
    const int lifecycle =
        wanted(query.lifecycle.has_value(), query.lifecycle ? lifecycleStateId(*query.lifecycle) : QString());
    const int campaign = wanted(!query.campaign.isEmpty(), query.campaign);
    if (none)
        return Result<Answer>(std::move(answered));
    const AssetSearchSql::RightsWindow rights = AssetSearchSql::rightsWindow(query);
    const qint64 from = query.modifiedFrom.isValid() ? query.modifiedFrom.toMSecsSinceEpoch() : Entry::kNull;
    const qint64 to = query.modifiedTo.isValid() ? query.modifiedTo.toMSecsSinceEpoch() : Entry::kNull;
    const quint8 orientation = query.orientation ? quint8(*query.orientation) + 1 : 0;

    auto passes = [&](const Entry& e) {
        if (!e.present || (service >= 0 && e.service != service) || (approval >= 0 && e.approval != approval)
            || (media >= 0 && e.mediaType != media) || (lifecycle >= 0 && e.lifecycle != lifecycle)
            || (campaign >= 0 && e.campaign != campaign) || (query.accountId && e.accountId != *query.accountId)
            || (orientation && e.orientation != orientation))
            return false;
        if (query.modifiedFrom.isValid() && (e.modified == Entry::kNull || e.modified < from))
            return false;
        if (query.modifiedTo.isValid() && (e.modified == Entry::kNull || e.modified >= to))
            return false;
        if (query.rightsStatus) {
            // NULL compares false in SQL, as kNull would not.
            const bool known = e.expires != Entry::kNull;
            switch (*query.rightsStatus) {
            case RightsStatus::Unrestricted: return !known;
            case RightsStatus::Expired: return known && e.expires <= rights.now;
            case RightsStatus::ExpiringSoon: return known && e.expires > rights.now && e.expires <= rights.soon;
            case RightsStatus::Valid: return known && e.expires > rights.soon;
            }
        }
        return true;
    };
    // Best rank first when ranked (ascending: the rank terms are lower for better), then newest
    // first (modified_at DESC NULLS LAST, id DESC): kNull is the smallest time.
    struct Kept
    {
        double rank;
        qint64 modified;
        qint64 id;
    };
    std::vector<Kept> kept;
    kept.reserve(size_t(found->size()));
    for (qint64 id : *found) {
        if (id > 0 && quint64(id) < m_data.entries.size()) {
            const Entry& e = m_data.entries[size_t(id)];
            if (passes(e))
                kept.push_back({0.0, e.modified, id});
        }
    }
    // A ranked text's relevance, as SQL would order by it: a second walk of (at most rankLimit)
    // matches, with their positions this time, which a common word's unranked search never pays,
    // and none when the facets left nothing.
    if (answered.ranked && !kept.empty()) {
        Result<QHash<qint64, double>> ranks = rankedMatches(db, rank, match);
        if (!ranks)
            return Result<Answer>(ranks.error());
        for (Kept& k : kept)
            k.rank = ranks->value(k.id);
    }
    std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        return std::pair(a.modified, a.id) > std::pair(b.modified, b.id);
    });
    answered.ids.reserve(qsizetype(kept.size()));
    for (const Kept& k : kept)
        answered.ids.append(k.id);
    return Result<Answer>(std::move(answered));
}

qsizetype AssetFacetIndex::assetCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_data.count;
}

qint64 AssetFacetIndex::memoryBytes() const
{
    QMutexLocker lock(&m_mutex);
    return qint64(m_data.entries.capacity() * sizeof(Entry));
}

} // namespace AssetDesk
