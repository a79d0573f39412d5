// bench_ingest: what storing a synced page costs, against a plain bulk insert of the same rows.
//
//   build/tests/bench/bench_ingest [--count N] [--page P] [--postgres URL] [--only PHASE]
//
// In one run, on fresh SQLite workspaces (or the PostgreSQL URL given), for N generated assets in
// pages of P (a sync commits one page per write, in one transaction):
//   plain      a plain bulk insert of exactly the rows the upsert writes (asset with its
//              full-text index entry, three renditions, two collection memberships, one version),
//              nothing looked up or compared. SQLite: the sqlite3 C API on the workspace's writer
//              handle, one prepared single-row INSERT per table reused for every row, positional
//              binds, text bound as UTF-8; the schema's trigger indexes each asset for search.
//              PostgreSQL: prepared INSERTs through QtSql, one statement per row;
//   plain-fts  (SQLite) the same, but the full-text entries written once per page the way the
//              upsert writes them (schema 4), not by the per-row trigger;
//   upsert     AssetRepository::upsert, as the sync engines call it (new assets);
//   bulk       (SQLite) an initial full sync's bulk load: AssetBulkLoad::begin, the same upserts,
//              AssetBulkLoad::finish. The time finish takes to build the secondary indexes and
//              the full-text index is part of the figure (and shown on its own as "finish");
//   resync     the same pages again, unchanged (an incremental sync that finds nothing new);
//   update     the same pages with every title changed (a full metadata edit);
//   floor      (SQLite) the bulk load, its pages stored by one INSERT ... SELECT per table from
//              rows SQLite made beforehand (IngestFloor): no values bound, no C++ per row. The
//              SQLite engine's own cost for these rows in this schema, a lower bound for any
//              ingest on top of it.
//   floor-lean (SQLite) the floor again for the leanest data model that still holds what the
//              library shows (IngestFloor::makeLean): whether any schema could reach a target
//              this one cannot.
//   floor-split (SQLite) the lean floor on two writers, one per core: the library file without
//              its full-text index, and the index in a file of its own, filled page by page by a
//              second thread while the first stores the pages and then builds the indexes
//              (IngestFloor::makeSplit): whether that redesign could reach the target. Its cpu
//              figure is both threads'.
// Generating the assets is not timed. Prints assets/s and µs per asset (wall clock) for each, and
// the writer's CPU µs per asset, which holds when other work shares the machine.
#include "ingestfloor.h"

#include "core/asset.h"
#include "storage/accountrepository.h"
#include "storage/assetbulkload.h"
#include "storage/assetrepository.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/writecontext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <sqlite3.h>
#include <thread>

using namespace AssetDesk;

namespace {

const char* const kWords[] = {"amber", "bridge", "canyon", "delta", "ember", "fjord", "glacier", "harbour",
                              "island", "jungle", "kelp", "lagoon", "meadow", "nebula", "orchard", "prairie"};
constexpr int kWordCount = int(sizeof(kWords) / sizeof(kWords[0]));

// An asset shaped like the DAM mappers' output: three renditions, two collections, raw JSON.
Asset benchAsset(qint64 accountId, int n, const QString& titleSuffix)
{
    Asset a;
    a.accountId = accountId;
    a.service = Service::PhotoShelter;
    a.remoteId = QStringLiteral("I%1").arg(n, 10, 16, QLatin1Char('0'));
    a.version = QStringLiteral("1");
    const QString w1 = QLatin1String(kWords[n % kWordCount]);
    const QString w2 = QLatin1String(kWords[(n / kWordCount) % kWordCount]);
    a.title = QStringLiteral("%1 over the %2 #%3%4").arg(w1, w2).arg(n).arg(titleSuffix);
    a.caption = QStringLiteral("Photographed at the %1 %2 festival for the regional team, frame %3.").arg(w2, w1).arg(n);
    a.keywords = {w1, w2, QStringLiteral("event"), QStringLiteral("k%1").arg(n % 50)};
    a.campaign = n % 3 == 0 ? QStringLiteral("Spring Launch") : QString();
    a.fileName = QStringLiteral("IMG_%1.jpg").arg(n, 7, 10, QLatin1Char('0'));
    a.mimeType = QStringLiteral("image/jpeg");
    a.mediaType = MediaType::Image;
    a.width = 6000;
    a.height = n % 2 ? 4000 : 6000;
    a.fileSize = 4000000 + n;
    a.rights.approval = n % 4 ? ApprovalState::Approved : ApprovalState::Requested;
    a.rights.licenseExpiresAt = QDateTime(QDate(2027, 1, 1).addDays(n % 900), QTime(0, 0), Qt::UTC);
    a.rights.credit = QStringLiteral("Photographer %1").arg(n % 40);
    a.rights.copyright = QStringLiteral("© Acme Media");
    a.lifecycle = LifecycleState::Approved;
    a.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(n) * 30);
    a.modifiedAt = a.createdAt;
    for (const auto& [name, w] : {std::pair{"thumbnail", 300}, {"preview", 1200}, {"original", 6000}}) {
        Rendition r;
        r.name = QLatin1String(name);
        r.width = w;
        r.height = w * a.height / a.width;
        r.mimeType = a.mimeType;
        r.bytes = w * 700;
        r.remoteUrl = QUrl(QStringLiteral("https://cdn.example/%1/%2.jpg").arg(a.remoteId, r.name));
        a.renditions << r;
    }
    a.collectionRemoteIds = {QStringLiteral("G%1").arg(n % 200), QStringLiteral("C%1").arg(n % 17)};
    a.rawJson = QStringLiteral("{\"id\":\"%1\",\"type\":\"media\",\"attributes\":{\"file_name\":\"%2\",\"caption\":\"%3\","
                               "\"width\":%4,\"height\":%5,\"keywords\":[\"%6\",\"%7\"]}}")
                    .arg(a.remoteId, a.fileName, a.caption)
                    .arg(a.width)
                    .arg(a.height)
                    .arg(w1, w2)
                    .toUtf8();
    return a;
}

// The same rows the upsert writes, by the plainest SQLite bulk insert there is: the C API with
// one prepared statement per table reused for every row, positional binds, UTF-8 text, in the
// page's transaction. With `ftsPerPage` the full-text entries are written the way the upsert
// writes them (schema 4: the trigger idle, one INSERT ... SELECT for the page) instead of by the
// schema's per-row trigger.
Result<int> insertPlainSqlite(WriteContext& ctx, sqlite3* db, const QList<Asset>& page, bool ftsPerPage)
{
    const qint64 firstId = [db] {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "SELECT coalesce(max(id), 0) + 1 FROM assets", -1, &st, nullptr);
        const qint64 id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_finalize(st);
        return id;
    }();
    if (ftsPerPage && sqlite3_exec(db, "INSERT INTO assets_fts_deferred (one) VALUES (1)", nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error(ErrorKind::Storage, QString::fromUtf8(sqlite3_errmsg(db)));
    using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;
    auto prepare = [db](const char* sql) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
            qFatal("prepare: %s", sqlite3_errmsg(db));
        return Statement(st, sqlite3_finalize);
    };
    const Statement asset = prepare(
        "INSERT INTO assets (account_id, service, remote_id, version, title, caption, keywords, campaign, "
        "file_name, mime_type, media_type, width, height, file_size, approval, license_expires_at, "
        "usage_restrictions, credit, copyright, lifecycle, created_at, modified_at, raw_json, sync_hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
        "?22, ?23, ?24)");
    const Statement rendition = prepare(
        "INSERT INTO asset_renditions (asset_id, position, name, width, height, mime_type, bytes, remote_url, "
        "local_path) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    const Statement member =
        prepare("INSERT INTO collection_members (asset_id, collection_remote_id, position) VALUES (?1, ?2, ?3)");
    const Statement version = prepare(
        "INSERT INTO asset_versions (asset_id, version, modified_at, first_seen_at) VALUES (?1, ?2, ?3, ?4)");
    // The upsert stores a 35-character digest (AssetDigest); the same width keeps the rows alike.
    static const QByteArray digest(35, '0');
    const qint64 now = ctx.now().toMSecsSinceEpoch();
    auto text = [](sqlite3_stmt* st, int index, const QByteArray& utf8) {
        sqlite3_bind_text(st, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    };
    auto time = [](sqlite3_stmt* st, int index, const QDateTime& t) {
        if (t.isValid())
            sqlite3_bind_int64(st, index, t.toMSecsSinceEpoch());
        else
            sqlite3_bind_null(st, index);
    };
    auto step = [](sqlite3_stmt* st) {
        if (sqlite3_step(st) != SQLITE_DONE)
            return false;
        sqlite3_reset(st);
        return true;
    };
    for (const Asset& a : page) {
        sqlite3_stmt* st = asset.get();
        sqlite3_bind_int64(st, 1, a.accountId);
        text(st, 2, serviceId(a.service).toUtf8());
        text(st, 3, a.remoteId.toUtf8());
        text(st, 4, a.version.toUtf8());
        text(st, 5, a.title.toUtf8());
        text(st, 6, a.caption.toUtf8());
        text(st, 7, SqlValues::joinLines(a.keywords).toUtf8());
        text(st, 8, a.campaign.toUtf8());
        text(st, 9, a.fileName.toUtf8());
        text(st, 10, a.mimeType.toUtf8());
        text(st, 11, mediaTypeId(a.mediaType).toUtf8());
        sqlite3_bind_int64(st, 12, a.width);
        sqlite3_bind_int64(st, 13, a.height);
        sqlite3_bind_int64(st, 14, a.fileSize);
        text(st, 15, approvalStateId(a.rights.approval).toUtf8());
        time(st, 16, a.rights.licenseExpiresAt);
        text(st, 17, a.rights.usageRestrictions.toUtf8());
        text(st, 18, a.rights.credit.toUtf8());
        text(st, 19, a.rights.copyright.toUtf8());
        text(st, 20, lifecycleStateId(a.lifecycle).toUtf8());
        time(st, 21, a.createdAt);
        time(st, 22, a.modifiedAt);
        text(st, 23, a.rawJson);
        text(st, 24, digest);
        if (!step(st))
            return Error(ErrorKind::Storage, QString::fromUtf8(sqlite3_errmsg(db)));
        const qint64 id = sqlite3_last_insert_rowid(db);
        int position = 0;
        for (const Rendition& r : a.renditions) {
            st = rendition.get();
            sqlite3_bind_int64(st, 1, id);
            sqlite3_bind_int64(st, 2, position++);
            text(st, 3, r.name.toUtf8());
            sqlite3_bind_int64(st, 4, r.width);
            sqlite3_bind_int64(st, 5, r.height);
            text(st, 6, r.mimeType.toUtf8());
            sqlite3_bind_int64(st, 7, r.bytes);
            text(st, 8, r.remoteUrl.toEncoded());
            text(st, 9, r.localPath.toUtf8());
            if (!step(st))
                return Error(ErrorKind::Storage, QString::fromUtf8(sqlite3_errmsg(db)));
        }
        position = 0;
        for (const QString& c : a.collectionRemoteIds) {
            st = member.get();
            sqlite3_bind_int64(st, 1, id);
            text(st, 2, c.toUtf8());
            sqlite3_bind_int64(st, 3, position++);
            if (!step(st))
                return Error(ErrorKind::Storage, QString::fromUtf8(sqlite3_errmsg(db)));
        }
        st = version.get();
        sqlite3_bind_int64(st, 1, id);
        text(st, 2, a.version.toUtf8());
        time(st, 3, a.modifiedAt);
        sqlite3_bind_int64(st, 4, now);
        if (!step(st))
            return Error(ErrorKind::Storage, QString::fromUtf8(sqlite3_errmsg(db)));
    }
    if (ftsPerPage) {
        const QByteArray index = QByteArrayLiteral(
            "INSERT INTO assets_fts (rowid, title, keywords, caption, credit, campaign, file_name) "
            "SELECT id, title, keywords, caption, credit, campaign, file_name FROM assets WHERE id >= ")
            + QByteArray::number(firstId) + "; DELETE FROM assets_fts_deferred;";
        if (sqlite3_exec(db, index.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return Error(ErrorKind::Storage, QString::fromUtf8(sqlite3_errmsg(db)));
    }
    return int(page.size());
}

// PostgreSQL: the same rows by prepared INSERTs through QtSql, one statement per row.
Result<int> insertPlain(WriteContext& ctx, const QList<Asset>& page, bool ftsPerPage)
{
    if (sqlite3* db = SqliteStatement::handle(ctx.connection()))
        return insertPlainSqlite(ctx, db, page, ftsPerPage);
    SqlStatement asset = ctx.statement(QStringLiteral(
        "INSERT INTO assets (account_id, service, remote_id, version, title, caption, keywords, campaign, "
        "file_name, mime_type, media_type, width, height, file_size, approval, license_expires_at, "
        "usage_restrictions, credit, copyright, lifecycle, created_at, modified_at, raw_json, sync_hash) "
        "VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7, :p8, :p9, :p10, :p11, :p12, :p13, :p14, :p15, :p16, :p17, :p18, :p19, :p20, :p21, :p22, :p23) RETURNING id"));
    SqlStatement rendition = ctx.statement(QStringLiteral(
        "INSERT INTO asset_renditions (asset_id, position, name, width, height, mime_type, bytes, remote_url, "
        "local_path) VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7, :p8)"));
    SqlStatement member = ctx.statement(
        QStringLiteral("INSERT INTO collection_members (asset_id, collection_remote_id, position) VALUES (:p0, :p1, :p2)"));
    SqlStatement version = ctx.statement(QStringLiteral(
        "INSERT INTO asset_versions (asset_id, version, modified_at, first_seen_at) VALUES (:p0, :p1, :p2, :p3)"));
    const QVariant now = SqlValues::timestamp(ctx.now());
    for (const Asset& a : page) {
        const QVariantList values = {a.accountId, serviceId(a.service), a.remoteId, a.version, a.title, a.caption,
                                     SqlValues::joinLines(a.keywords), a.campaign, a.fileName, a.mimeType,
                                     mediaTypeId(a.mediaType), a.width, a.height, a.fileSize,
                                     approvalStateId(a.rights.approval),
                                     SqlValues::timestamp(a.rights.licenseExpiresAt), a.rights.usageRestrictions,
                                     a.rights.credit, a.rights.copyright, lifecycleStateId(a.lifecycle),
                                     SqlValues::timestamp(a.createdAt), SqlValues::timestamp(a.modifiedAt),
                                     QString::fromUtf8(a.rawJson), QString()};
        for (int i = 0; i < values.size(); ++i)
            asset.bind(QStringLiteral("p%1").arg(i), values.at(i));
        if (Status s = asset.exec(); !s)
            return s.error();
        if (!asset.next())
            return Error(ErrorKind::Storage, QStringLiteral("no id"));
        const qint64 id = asset.value(0).toLongLong();
        asset.finish();
        int position = 0;
        for (const Rendition& r : a.renditions) {
            const QVariantList rv = {id, position++, r.name, r.width, r.height, r.mimeType, r.bytes,
                                     QString::fromUtf8(r.remoteUrl.toEncoded()), r.localPath};
            for (int i = 0; i < rv.size(); ++i)
                rendition.bind(QStringLiteral("p%1").arg(i), rv.at(i));
            if (Status s = rendition.exec(); !s)
                return s.error();
        }
        position = 0;
        for (const QString& c : a.collectionRemoteIds) {
            member.bind(QStringLiteral("p0"), id).bind(QStringLiteral("p1"), c).bind(QStringLiteral("p2"), position++);
            if (Status s = member.exec(); !s)
                return s.error();
        }
        version.bind(QStringLiteral("p0"), id)
            .bind(QStringLiteral("p1"), a.version)
            .bind(QStringLiteral("p2"), SqlValues::timestamp(a.modifiedAt))
            .bind(QStringLiteral("p3"), now);
        if (Status s = version.exec(); !s)
            return s.error();
    }
    return int(page.size());
}

struct Workspace
{
    QTemporaryDir dir;
    std::unique_ptr<Storage> storage;
    qint64 accountId = 0;
};

std::unique_ptr<Workspace> openWorkspace(const QString& postgresUrl)
{
    auto ws = std::make_unique<Workspace>();
    Result<StorageConfig> config = postgresUrl.isEmpty()
                                       ? Result<StorageConfig>(StorageConfig::sqlite(ws->dir.filePath(QStringLiteral("bench.sqlite3"))))
                                       : StorageConfig::fromString(postgresUrl);
    if (!config)
        qFatal("%s", qPrintable(config.error().toLogString()));
    Result<std::unique_ptr<Storage>> opened = Storage::open(*config);
    if (!opened)
        qFatal("%s", qPrintable(opened.error().toLogString()));
    ws->storage = std::move(opened).value();
    Account account;
    account.service = Service::PhotoShelter;
    account.label = QStringLiteral("Bench %1").arg(QDateTime::currentMSecsSinceEpoch());
    account.login = account.label;
    account.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    const Result<qint64> id =
        ws->storage->writeAndWait([account](WriteContext& ctx) { return AccountRepository::add(ctx, account); });
    if (!id)
        qFatal("%s", qPrintable(id.error().toLogString()));
    ws->accountId = *id;
    return ws;
}

using PageWriter = std::function<Status(Storage&, const QList<Asset>&)>;

// CPU time of the whole process: while a write is being timed the main thread only waits for
// the writer thread, so the difference is the writer's CPU cost, a figure that, unlike wall time,
// holds on a machine shared with other work.
qint64 processCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

struct Timing
{
    qint64 ms = 0;
    qint64 cpuMs = 0;
};

// Writes `count` assets in pages; only the writes are timed.
Timing run(Storage& storage, qint64 accountId, int count, int pageSize, const QString& suffix, const PageWriter& write)
{
    qint64 elapsedNs = 0;
    qint64 cpuNs = 0;
    for (int from = 0; from < count; from += pageSize) {
        QList<Asset> page;
        page.reserve(pageSize);
        for (int n = from; n < qMin(count, from + pageSize); ++n)
            page << benchAsset(accountId, n, suffix);
        QElapsedTimer timer;
        const qint64 cpuStart = processCpuNs();
        timer.start();
        if (Status s = write(storage, page); !s)
            qFatal("%s", qPrintable(s.error().toLogString()));
        elapsedNs += timer.nsecsElapsed();
        cpuNs += processCpuNs() - cpuStart;
    }
    return {elapsedNs / 1000000, cpuNs / 1000000};
}

using PagesRun = std::function<Timing(Storage&, qint64 accountId, int count, int pageSize)>;

// A bulk load: begin, the pages, finish, all timed; `finish` gets finish's share.
Timing runBulk(Storage& storage, qint64 accountId, int count, int pageSize, const PagesRun& pagesOf, Timing& finish)
{
    auto step = [&storage](auto body) {
        QElapsedTimer timer;
        const qint64 cpuStart = processCpuNs();
        timer.start();
        if (Status s = storage.writeAndWait(body); !s)
            qFatal("%s", qPrintable(s.error().toLogString()));
        return Timing{timer.nsecsElapsed() / 1000000, (processCpuNs() - cpuStart) / 1000000};
    };
    const Timing begin = step([](WriteContext& ctx) -> Status {
        const Result<bool> started = AssetBulkLoad::begin(ctx);
        if (!started)
            return started.error();
        if (!*started)
            return Error(ErrorKind::Storage, QStringLiteral("This backend has no bulk load."));
        return {};
    });
    const Timing pages = pagesOf(storage, accountId, count, pageSize);
    finish = step([](WriteContext& ctx) { return AssetBulkLoad::finish(ctx); });
    return {begin.ms + pages.ms + finish.ms, begin.cpuMs + pages.cpuMs + finish.cpuMs};
}

// One line per phase: wall-clock figures, the writer's CPU time, and both as multiples of each
// baseline given.
void report(const char* what, int count, const Timing& t, const QList<std::pair<const char*, Timing>>& baselines)
{
    const double perSecond = count * 1000.0 / double(qMax<qint64>(1, t.ms));
    std::printf("%-9s %9d assets %8lld ms %10.0f assets/s %8.1f us/asset  cpu %8.1f us/asset", what, count,
                static_cast<long long>(t.ms), perSecond, t.ms * 1000.0 / count, t.cpuMs * 1000.0 / count);
    for (const auto& [name, baseline] : baselines) {
        std::printf("   x%.2f of %s (cpu x%.2f)", double(t.ms) / double(qMax<qint64>(1, baseline.ms)), name,
                    double(t.cpuMs) / double(qMax<qint64>(1, baseline.cpuMs)));
    }
    std::printf("\n");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Asset ingest cost: the sync's upsert against a plain bulk insert."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Assets to store."), QStringLiteral("N"),
                                         QStringLiteral("200000"));
    const QCommandLineOption pageOption(QStringLiteral("page"), QStringLiteral("Assets per write."), QStringLiteral("P"),
                                        QStringLiteral("1000"));
    const QCommandLineOption pgOption(QStringLiteral("postgres"), QStringLiteral("A PostgreSQL workspace URL instead of SQLite."),
                                      QStringLiteral("URL"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("Run one phase alone (plain, plain-fts, upsert, bulk, "
                                                       "floor, floor-lean or floor-split), e.g. under perf."),
                                        QStringLiteral("PHASE"));
    parser.addOptions({countOption, pageOption, pgOption, onlyOption});
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    const int pageSize = qMax(1, parser.value(pageOption).toInt());
    const QString pg = parser.value(pgOption);
    std::printf("bench_ingest: %d assets in pages of %d on %s\n", count, pageSize, pg.isEmpty() ? "SQLite" : "PostgreSQL");

    auto plainWrite = [](bool ftsPerPage) {
        return [ftsPerPage](Storage& s, const QList<Asset>& page) -> Status {
            const Result<int> r =
                s.writeAndWait([page, ftsPerPage](WriteContext& ctx) { return insertPlain(ctx, page, ftsPerPage); });
            return r ? Status() : Status(r.error());
        };
    };
    auto upsertWrite = [](Storage& s, const QList<Asset>& page) -> Status {
        const Result<QList<qint64>> r =
            s.writeAndWait([page](WriteContext& ctx) { return AssetRepository::upsert(ctx, page); });
        return r ? Status() : Status(r.error());
    };
    auto fresh = [&](const PageWriter& write) {
        auto ws = openWorkspace(pg);
        return run(*ws->storage, ws->accountId, count, pageSize, {}, write);
    };

    const QString only = parser.value(onlyOption);
    if (only == u"plain") {
        report("plain", count, fresh(plainWrite(false)), {});
        return 0;
    }
    if (only == u"plain-fts") {
        report("plain-fts", count, fresh(plainWrite(true)), {});
        return 0;
    }
    if (only == u"upsert") {
        report("upsert", count, fresh(upsertWrite), {});
        return 0;
    }
    const PagesRun upsertPages = [&](Storage& storage, qint64 accountId, int n, int p) {
        return run(storage, accountId, n, p, {}, upsertWrite);
    };
    // The floor's pages: the rows made inside SQLite first (not timed), then each page one write
    // of four INSERT ... SELECTs.
    using FloorPrepare = Status (*)(sqlite3*, qint64, int);
    using FloorRange = Status (*)(sqlite3*, int, int);
    auto floorPagesOf = [](FloorPrepare prepare, FloorRange insertRange) -> PagesRun {
        return [prepare, insertRange](Storage& storage, qint64 accountId, int n, int p) {
            if (Status s = storage.writeAndWait([prepare, accountId, n](WriteContext& ctx) {
                    return prepare(SqliteStatement::handle(ctx.connection()), accountId, n);
                });
                !s)
                qFatal("%s", qPrintable(s.error().toLogString()));
            Timing t;
            for (int from = 0; from < n; from += p) {
                QElapsedTimer timer;
                const qint64 cpuStart = processCpuNs();
                timer.start();
                const Status s = storage.writeAndWait([insertRange, from, to = qMin(n, from + p)](WriteContext& ctx) {
                    return insertRange(SqliteStatement::handle(ctx.connection()), from, to);
                });
                if (!s)
                    qFatal("%s", qPrintable(s.error().toLogString()));
                t.ms += timer.nsecsElapsed();
                t.cpuMs += processCpuNs() - cpuStart;
            }
            return Timing{t.ms / 1000000, t.cpuMs / 1000000};
        };
    };
    auto floor = [&](const QList<std::pair<const char*, Timing>>& against) {
        auto ws = openWorkspace(pg);
        Timing finish;
        const Timing total = runBulk(*ws->storage, ws->accountId, count, pageSize,
                                     floorPagesOf(&IngestFloor::prepare, &IngestFloor::insertRange), finish);
        report("floor", count, total, against);
        return total;
    };
    // The floor of the leanest data model (IngestFloor::makeLean), reshaped before the load.
    auto floorLean = [&](const QList<std::pair<const char*, Timing>>& against) {
        auto ws = openWorkspace(pg);
        if (Status s = ws->storage->writeAndWait(
                [](WriteContext& ctx) { return IngestFloor::makeLean(SqliteStatement::handle(ctx.connection())); });
            !s)
            qFatal("%s", qPrintable(s.error().toLogString()));
        Timing finish;
        const Timing total = runBulk(*ws->storage, ws->accountId, count, pageSize,
                                     floorPagesOf(&IngestFloor::prepareLean, &IngestFloor::insertRangeLean), finish);
        report("floor-lean", count, total, against);
        std::printf("          (floor-lean includes begin and finish; finish built the indexes and the full-text index "
                    "in %lld ms, cpu %lld ms)\n",
                    static_cast<long long>(finish.ms), static_cast<long long>(finish.cpuMs));
        std::fflush(stdout);
        return total;
    };
    // The lean floor on two writers (IngestFloor::makeSplit): the library file's writer stores the
    // pages and builds the set-aside indexes, a second thread indexes the same pages for search in
    // its own file meanwhile. Timed from begin until both are done.
    auto floorSplit = [&](const QList<std::pair<const char*, Timing>>& against) {
        auto ws = openWorkspace(pg);
        auto onWriter = [&ws](auto body) {
            if (Status s = ws->storage->writeAndWait(
                    [body](WriteContext& ctx) { return body(SqliteStatement::handle(ctx.connection())); });
                !s)
                qFatal("%s", qPrintable(s.error().toLogString()));
        };
        const qint64 accountId = ws->accountId;
        onWriter([](sqlite3* db) { return IngestFloor::makeSplit(db); });
        onWriter([accountId, count](sqlite3* db) { return IngestFloor::prepareLean(db, accountId, count); });
        sqlite3* search = nullptr;
        const QByteArray searchPath = ws->dir.filePath(QStringLiteral("search.sqlite3")).toUtf8();
        if (sqlite3_open_v2(searchPath.constData(), &search, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) != SQLITE_OK)
            qFatal("cannot open the search file");
        // The library writer's settings (SqlConnection): 16 KiB pages, WAL, synchronous NORMAL.
        auto exec = [](sqlite3* db, const char* sql) {
            if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
                qFatal("%s: %s", sql, sqlite3_errmsg(db));
        };
        for (const char* pragma :
             {"PRAGMA page_size = 16384", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
              "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY"})
            exec(search, pragma);
        if (Status s = IngestFloor::prepareSearch(search, count); !s)
            qFatal("%s", qPrintable(s.error().toLogString()));

        QElapsedTimer timer;
        const qint64 cpuStart = processCpuNs();
        timer.start();
        if (Status s = ws->storage->writeAndWait([](WriteContext& ctx) -> Status {
                const Result<bool> started = AssetBulkLoad::begin(ctx);
                return started ? Status() : Status(started.error());
            });
            !s)
            qFatal("%s", qPrintable(s.error().toLogString()));
        std::thread indexer([&exec, search, count, pageSize] {
            for (int from = 0; from < count; from += pageSize) {
                exec(search, "BEGIN");
                if (Status s = IngestFloor::insertSearchRange(search, from, qMin(count, from + pageSize)); !s)
                    qFatal("%s", qPrintable(s.error().toLogString()));
                exec(search, "COMMIT");
            }
        });
        for (int from = 0; from < count; from += pageSize)
            onWriter([from, to = qMin(count, from + pageSize)](sqlite3* db) {
                return IngestFloor::insertRangeLean(db, from, to);
            });
        const qint64 libraryMs = timer.elapsed();
        onWriter([](sqlite3* db) { return IngestFloor::finishSplit(db); });
        const qint64 finishMs = timer.elapsed() - libraryMs;
        indexer.join();
        const Timing total{timer.elapsed(), (processCpuNs() - cpuStart) / 1000000};
        sqlite3_close(search);
        report("floor-split", count, total, against);
        std::printf(
            "          (floor-split: the library's pages took %lld ms, its indexes %lld ms; the search file "
            "was done %lld ms after the indexes)\n",
            static_cast<long long>(libraryMs), static_cast<long long>(finishMs),
            static_cast<long long>(total.ms - libraryMs - finishMs));
        std::fflush(stdout);
        return total;
    };
    auto bulk = [&](const QList<std::pair<const char*, Timing>>& against) {
        auto ws = openWorkspace(pg);
        Timing finish;
        const Timing total = runBulk(*ws->storage, ws->accountId, count, pageSize, upsertPages, finish);
        report("bulk", count, total, against);
        std::printf("          (bulk includes begin and finish; finish built the indexes and the full-text index in "
                    "%lld ms, cpu %lld ms)\n",
                    static_cast<long long>(finish.ms), static_cast<long long>(finish.cpuMs));
        std::fflush(stdout);
    };
    if (only == u"bulk") {
        bulk({});
        return 0;
    }
    if (only == u"floor") {
        floor({});
        return 0;
    }
    if (only == u"floor-lean") {
        floorLean({});
        return 0;
    }
    if (only == u"floor-split") {
        floorSplit({});
        return 0;
    }
    QList<std::pair<const char*, Timing>> baselines;
    const Timing plain = fresh(plainWrite(false));
    report("plain", count, plain, {});
    baselines.append({"plain", plain});
    if (pg.isEmpty()) {
        const Timing plainFts = fresh(plainWrite(true));
        report("plain-fts", count, plainFts, baselines);
        baselines.append({"plain-fts", plainFts});
    }
    auto ws = openWorkspace(pg);
    report("upsert", count, run(*ws->storage, ws->accountId, count, pageSize, {}, upsertWrite), baselines);
    report("resync", count, run(*ws->storage, ws->accountId, count, pageSize, {}, upsertWrite), baselines);
    report("update", count, run(*ws->storage, ws->accountId, count, pageSize, QStringLiteral(" (edited)"), upsertWrite),
           baselines);
    if (pg.isEmpty()) {
        baselines.append({"floor", floor(baselines)});
        bulk(baselines);
        floorLean(baselines);
        floorSplit(baselines);
    }
    return 0;
}
