#include "storage/sqliteassetinsert.h"

#include "storage/assetwritevalues.h"
#include "storage/sqliterowbatch.h"
#include "storage/sqlitesearchindex.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"

#include <sqlite3.h>

namespace AssetDesk {

namespace {

Error storageError(const QString& message)
{
    return Error(ErrorKind::Storage, message).withOrigin(QStringLiteral("storage"));
}

// QtSql would store raw JSON as QString::fromUtf8(rawJson): bytes that are not UTF-8 become
// U+FFFD. Valid UTF-8 (every service's JSON) is bound as is, without the round trip.
QByteArray utf8Text(const QByteArray& bytes)
{
    return bytes.isValidUtf8() ? bytes : QString::fromUtf8(bytes).toUtf8();
}

// Rows per statement: enough to spread a statement's start, savepoint and halt over many rows,
// few enough that a statement's bindings stay small (measured: 20 assets per statement cost about
// half as much per asset as one).
constexpr int kSqliteAssetRowsPerStatement = 20;
constexpr int kSqliteDetailRowsPerStatement = 50;

// The rows of a page's new assets, gathered and written by table.
class PageRows
{
public:
    explicit PageRows(sqlite3* db)
        : m_db(db)
        , m_assets(db, QStringLiteral("assets"), AssetWriteValues::columns(), kSqliteAssetRowsPerStatement)
        , m_renditions(db, QStringLiteral("asset_renditions"),
                       {QStringLiteral("asset_id"), QStringLiteral("position"), QStringLiteral("name"),
                        QStringLiteral("width"), QStringLiteral("height"), QStringLiteral("mime_type"),
                        QStringLiteral("bytes"), QStringLiteral("remote_url"), QStringLiteral("local_path")},
                       kSqliteDetailRowsPerStatement)
        , m_members(db, QStringLiteral("collection_members"),
                    {QStringLiteral("asset_id"), QStringLiteral("collection_remote_id"), QStringLiteral("position")},
                    kSqliteDetailRowsPerStatement)
        , m_versions(db, QStringLiteral("asset_versions"),
                     {QStringLiteral("asset_id"), QStringLiteral("version"), QStringLiteral("modified_at"),
                      QStringLiteral("first_seen_at")},
                     kSqliteDetailRowsPerStatement)
    {}

    // Inserts the assets at `positions` (a chunk) and gathers their detail rows; returns their
    // ids in `positions` order.
    Result<QList<qint64>> insertAssets(const QList<Asset>& assets, const QList<int>& positions,
                                       const QStringList& digests, qint64 now)
    {
        for (int i : positions)
            SqliteAssetInsert::addAssetRow(m_assets, assets.at(i), digests.at(i));
        if (Status s = m_assets.flush(); !s)
            return s.error();
        // One statement (a chunk fits one). A multi-row VALUES inserts its rows in order, and an
        // AUTOINCREMENT id is one more than the highest id ever used, so the chunk's rows got
        // the consecutive ids ending at the last one inserted: no RETURNING (which collects its
        // rows in a temporary table) needed.
        const qint64 inserted = sqlite3_changes64(m_db);
        if (inserted != positions.size()) {
            return storageError(QStringLiteral("Storing %1 assets inserted %2 rows.")
                                    .arg(positions.size())
                                    .arg(inserted));
        }
        const qint64 last = sqlite3_last_insert_rowid(m_db);
        QList<qint64> ids;
        ids.reserve(positions.size());
        for (qsizetype k = 0; k < positions.size(); ++k)
            ids << last - positions.size() + 1 + k;
        for (qsizetype k = 0; k < positions.size(); ++k)
            addDetails(assets.at(positions.at(k)), ids.at(k), now);
        return ids;
    }

    Status flushDetails()
    {
        if (Status s = m_renditions.flush(); !s)
            return s;
        if (Status s = m_members.flush(); !s)
            return s;
        return m_versions.flush();
    }

private:
    void addDetails(const Asset& a, qint64 id, qint64 now)
    {
        int position = 0;
        for (const Rendition* r : AssetWriteValues::distinctRenditions(a)) {
            m_renditions.add(id)
                .add(position++)
                .add(r->name)
                .add(r->width)
                .add(r->height)
                .add(r->mimeType)
                .add(r->bytes)
                .addUtf8(r->remoteUrl.toEncoded())
                .add(r->localPath);
        }
        position = 0;
        for (const QString& collection : AssetWriteValues::distinctCollections(a))
            m_members.add(id).add(collection).add(position++);
        if (!a.version.isEmpty())
            m_versions.add(id).add(a.version).add(a.modifiedAt).add(now);
    }

    sqlite3* m_db;
    SqliteRowBatch m_assets, m_renditions, m_members, m_versions;
};

} // namespace

void SqliteAssetInsert::addAssetRow(SqliteRowBatch& rows, const Asset& a, const QString& digest)
{
    rows.add(a.accountId)
        .add(serviceId(a.service))
        .add(a.remoteId)
        .add(a.version)
        .add(a.title)
        .add(a.caption)
        .add(SqlValues::joinLines(a.keywords))
        .add(a.campaign)
        .add(a.fileName)
        .add(a.mimeType)
        .add(mediaTypeId(a.mediaType))
        .add(a.width)
        .add(a.height)
        .add(a.fileSize)
        .add(approvalStateId(a.rights.approval))
        .add(a.rights.licenseExpiresAt)
        .add(a.rights.usageRestrictions)
        .add(a.rights.credit)
        .add(a.rights.copyright)
        .add(lifecycleStateId(a.lifecycle))
        .add(a.createdAt)
        .add(a.modifiedAt)
        .addUtf8(utf8Text(a.rawJson))
        .add(digest);
}

Status SqliteAssetInsert::run(WriteContext& ctx, sqlite3* db, const QList<Asset>& assets, const QList<int>& fresh,
                              const QStringList& digests, QList<qint64>& ids, bool indexSearch)
{
    Q_ASSERT(AssetWriteValues::columns().size() == 24);
    // The assets' full-text entries are written at the end, in one statement (schema 4).
    if (indexSearch) {
        if (Status s = SqliteSearchIndex::defer(ctx.connection()); !s)
            return s;
    }
    PageRows inserts(db);
    const qint64 now = ctx.now().toMSecsSinceEpoch();
    QList<qint64> inserted;
    inserted.reserve(fresh.size());
    Status status;
    for (qsizetype from = 0; status && from < fresh.size(); from += kSqliteAssetRowsPerStatement) {
        const QList<int> chunk = fresh.mid(from, kSqliteAssetRowsPerStatement);
        const Result<QList<qint64>> chunkIds = inserts.insertAssets(assets, chunk, digests, now);
        if (!chunkIds) {
            status = chunkIds.error();
            break;
        }
        for (qsizetype k = 0; k < chunk.size(); ++k) {
            const qint64 id = chunkIds->at(k);
            ids[chunk.at(k)] = id;
            inserted << id;
            ctx.changes().add(EntityKind::Asset, ChangeSet::Op::Inserted, id);
        }
    }
    if (status)
        status = inserts.flushDetails();
    if (!indexSearch)
        return status;
    if (status)
        status = SqliteSearchIndex::add(db, inserted);
    // Also after a failure: a caller that went on regardless must not commit the mark.
    const Status resumed = SqliteSearchIndex::resume(ctx.connection());
    return status ? resumed : status;
}

} // namespace AssetDesk
