// bench_library: the library at a million assets.
//
//   bench_library [--assets N] [--workspace DIR] [--steps S]
//
// Seeds N assets (default 1,000,000) into a SQLite workspace in DIR (kept and reused while it holds
// N assets), then measures, printing one line per figure:
//   - seeding rate through AssetRepository::upsert (FTS index included);
//   - search: loading an AssetFacetIndex (time, memory); AssetIdSearch with that index, as the
//     library runs it, for one word with two facets (approval, media type), two words with the
//     same facets, and one word alone: wall and thread-CPU p50/p95/max over 30 runs, how many
//     texts were ranked by relevance (AssetQuery::rankLimit), the same searches in SQL alone (CPU)
//     and whether both gave the same ids in the same order, and the EXPLAIN QUERY PLAN of each
//     (it must drive from the assets_fts index); then the plan of one word with every facet and
//     every pair of facets;
//   - list-mode sorts (title, created, file size, rights expiry) of the whole library and of one
//     word with two facets: CPU and the plan;
//   - first paint: refresh() of a LibraryModel over all N assets until the grid has painted,
//     split into the query (pool thread) and the GUI thread's part (reset + paint);
//   - scrolling the grid from top to bottom in S jumps plus 400 consecutive page steps: GUI-thread
//     time per frame (scroll + paint + the events that arrived), max and p99, frames over 16 ms;
//   - resident memory (VmRSS) with the N ids and the row and thumbnail caches filled, and the
//     library model's own facet index loaded;
//   - catching up with a sync: 20 pages of 1,000 new assets written while the grid (and a list
//     table on the same model) show the library; the GUI thread's CPU per event-loop pass.
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "librarybenchseeder.h"
#include "libraryfixture.h"
#include "processmemory.h"

#include "media/thumbnailloader.h"
#include "models/assetfacetindex.h"
#include "models/assetidsearch.h"
#include "models/librarymodel.h"
#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/assetsearchsql.h"
#include "storage/sqlconnection.h"
#include "storage/sqlstatement.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/writecontext.h"
#include "widgets/librarygridview.h"
#include "widgets/libraryitemdelegate.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace AssetDesk;

namespace {
double rssMb()
{
    return Bench::processMemoryMb("VmRSS");
}

// CPU time of the calling thread: on a shared machine, wall time also counts the time the thread
// waited for a core; the frame budget is about the work the GUI thread does.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(qMin<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

void print(const char* what, const QString& text)
{
    std::printf("%-28s %s\n", what, qPrintable(text));
    std::fflush(stdout);
}

bool waitFor(QSignalSpy& spy, int ms = 60000)
{
    return !spy.isEmpty() || spy.wait(ms);
}
} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("assets"), QStringLiteral("Assets to seed."), QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("Folder of the bench workspace."), QStringLiteral("dir"),
                      QDir::temp().filePath(QStringLiteral("assetdesk-bench-library"))});
    parser.addOption({QStringLiteral("steps"), QStringLiteral("Scroll jumps from top to bottom."), QStringLiteral("n"), QStringLiteral("2000")});
    parser.process(app);
    const int assets = parser.value(QStringLiteral("assets")).toInt();
    const QString dir = parser.value(QStringLiteral("workspace"));
    QDir().mkpath(dir);
    const QString dbPath = QDir(dir).filePath(QStringLiteral("library.sqlite3"));
    const double rssStart = rssMb();

    // ---- seed -------------------------------------------------------------------------------
    auto opened = Storage::open(StorageConfig::sqlite(dbPath));
    if (!opened) {
        print("error", opened.error().toLogString());
        return 1;
    }
    std::unique_ptr<Storage> storage = std::move(opened).value();
    const Result<qint64> existing = AssetRepository(*storage).count();
    if (!existing || *existing != assets) {
        storage.reset();
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(dbPath + suffix);
        storage = std::move(Storage::open(StorageConfig::sqlite(dbPath))).value();
        Account account;
        account.service = Service::PhotoShelter;
        account.label = QStringLiteral("Bench");
        account.login = QStringLiteral("bench");
        account.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        const Result<qint64> accountId = storage->writeAndWait([account](WriteContext& ctx) { return AccountRepository::add(ctx, account); });
        const Result<Bench::SeedResult> seeded =
            Bench::seedLibrary(*storage, accountId.value(), assets, QDir(dir).filePath(QStringLiteral("thumbs")));
        if (!seeded) {
            print("error", seeded.error().toLogString());
            return 1;
        }
        print("seed", QStringLiteral("%1 assets in %2 s: %3 assets/s (bulk insert with FTS index, rendition, version)")
                          .arg(seeded->count).arg(seeded->elapsedMs / 1000.0, 0, 'f', 1)
                          .arg(seeded->count * 1000.0 / qMax<qint64>(1, seeded->elapsedMs), 0, 'f', 0));
    } else {
        print("seed", QStringLiteral("reusing %1 assets in %2").arg(*existing).arg(dbPath));
    }

    // ---- search -----------------------------------------------------------------------------
    const QStringList words{QStringLiteral("amber"), QStringLiteral("canyon"), QStringLiteral("ember"), QStringLiteral("glacier"),
                            QStringLiteral("island"), QStringLiteral("kelp"), QStringLiteral("meadow"), QStringLiteral("orchard"),
                            QStringLiteral("quarry"), QStringLiteral("savanna")};
    struct SearchCase
    {
        const char* label;
        bool twoWords;
        bool facets;
    };
    const SearchCase cases[] = {{"search 1 word + 2 facets", false, true},
                                {"search 2 words + 2 facets", true, true},
                                {"search 1 word alone", false, false}};
    auto caseFilter = [&words](const SearchCase& c, int i) {
        LibraryFilter f;
        f.text = c.twoWords ? words.at(i) + u' ' + words.at((i + 3) % words.size()).left(3) : words.at(i);
        if (c.facets) {
            f.approval = ApprovalState::Approved;
            f.mediaType = MediaType::Image;
        }
        return f;
    };
    // The plan must drive from the full-text index: its first step scans assets_fts, and assets
    // is only ever looked up (never scanned).
    static const QRegularExpression scansAssets(QStringLiteral("^SCAN a(\\s|$)"), QRegularExpression::MultilineOption);
    auto drivenByFts = [](const QString& plan) {
        return plan.startsWith(QLatin1String("SCAN assets_fts VIRTUAL TABLE INDEX")) && !scansAssets.match(plan).hasMatch();
    };
    AssetRepository repo(*storage);
    auto index = std::make_unique<AssetFacetIndex>();
    {
        const double rss0 = rssMb();
        QElapsedTimer t;
        t.start();
        const double c0 = threadCpuMs();
        const Status loaded = index->load(storage->readConnection().value());
        print("facet index", loaded ? QStringLiteral("%1 assets loaded in %2 ms (CPU %3 ms); %4 MB of entries, VmRSS +%5 MB")
                                          .arg(index->assetCount()).arg(t.elapsed()).arg(threadCpuMs() - c0, 0, 'f', 0)
                                          .arg(index->memoryBytes() / 1048576.0, 0, 'f', 1).arg(rssMb() - rss0, 0, 'f', 0)
                                    : loaded.error().toLogString());
    }
    for (const SearchCase& c : cases) {
        QList<double> times;
        QList<double> cpu;
        QList<double> probeCpu;
        QList<double> sqlCpu;
        qsizetype hits = 0;
        int ranked = 0;
        int different = 0;
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < words.size(); ++i) {
                QElapsedTimer t;
                t.start();
                const double c0 = threadCpuMs();
                const Result<QList<qint64>> ids = AssetIdSearch::ids(*storage, caseFilter(c, i), index.get());
                times << t.nsecsElapsed() / 1e6;
                cpu << threadCpuMs() - c0;
                hits += ids ? ids->size() : 0;
                const double s0 = threadCpuMs();
                const Result<QList<qint64>> sqlIds = AssetIdSearch::ids(*storage, caseFilter(c, i));
                sqlCpu << threadCpuMs() - s0;
                if (!ids || !sqlIds || *ids != *sqlIds)
                    ++different;
                // Apart from the timed search: its rank probe alone (part of the time above), and
                // whether the text was ranked.
                const Result<SqlConnection> connection = storage->readConnection();
                const AssetQuery query = AssetIdSearch::toAssetQuery(caseFilter(c, i));
                const AssetSearchSql::Statement probe = AssetSearchSql::rankProbe(query, connection->backend());
                const double p0 = threadCpuMs();
                SqlStatement probing(*connection, probe.sql);
                for (auto it = probe.values.cbegin(); it != probe.values.cend(); ++it)
                    probing.bind(it.key(), it.value());
                if (probing.exec() && probing.next())
                    probeCpu << threadCpuMs() - p0;
                probing.finish();
                if (round == 0) {
                    const Result<AssetSearchSql::Statement> built = AssetSearchSql::select(*connection, query, QStringLiteral("a.id"));
                    ranked += built && built->ranked ? 1 : 0;
                }
            }
        }
        print(c.label, QStringLiteral("wall p50 %1 ms, p95 %2 ms, max %3 ms; CPU p50 %4 ms, p95 %5 ms, max %6 ms; "
                                      "%7 matches on average (%8 runs); ranked by relevance: %9 of %10 texts; "
                                      "the rank probe alone: CPU p50 %11 ms, p95 %12 ms; in SQL alone: CPU p50 %13 ms, "
                                      "p95 %14 ms; %15")
                           .arg(percentile(times, 0.5), 0, 'f', 1).arg(percentile(times, 0.95), 0, 'f', 1)
                           .arg(percentile(times, 1.0), 0, 'f', 1).arg(percentile(cpu, 0.5), 0, 'f', 1)
                           .arg(percentile(cpu, 0.95), 0, 'f', 1).arg(percentile(cpu, 1.0), 0, 'f', 1)
                           .arg(hits / times.size()).arg(times.size()).arg(ranked).arg(words.size())
                           .arg(percentile(probeCpu, 0.5), 0, 'f', 1).arg(percentile(probeCpu, 0.95), 0, 'f', 1)
                           .arg(percentile(sqlCpu, 0.5), 0, 'f', 1).arg(percentile(sqlCpu, 0.95), 0, 'f', 1)
                           .arg(different == 0 ? QStringLiteral("same ids in the same order")
                                               : QStringLiteral("DIFFERENT IDS in %1 runs").arg(different)));
        const Result<QString> plan = repo.explainSearch(AssetIdSearch::toAssetQuery(caseFilter(c, 0)));
        print("  query plan", plan ? QStringLiteral("%1: %2").arg(drivenByFts(*plan) ? QStringLiteral("FTS index drives")
                                                                                    : QStringLiteral("NOT DRIVEN BY THE FTS INDEX"),
                                                               QString(*plan).replace(u'\n', QStringLiteral(" | ")))
                                   : plan.error().toLogString());
    }

    // Every facet alone and every pair of facets, with one word: each plan must keep the FTS index.
    const Result<QList<Account>> accounts = AccountRepository(*storage).list();
    const qint64 benchAccount = accounts && !accounts->isEmpty() ? accounts->first().id : 0;
    const QList<std::function<void(LibraryFilter&)>> facets{
        [](LibraryFilter& f) { f.service = Service::PhotoShelter; },
        [benchAccount](LibraryFilter& f) { f.accountId = benchAccount; },
        [](LibraryFilter& f) { f.approval = ApprovalState::Approved; },
        [](LibraryFilter& f) { f.rights = RightsStatus::Valid; },
        [](LibraryFilter& f) { f.rights = RightsStatus::ExpiringSoon; },
        [](LibraryFilter& f) { f.rights = RightsStatus::Expired; },
        [](LibraryFilter& f) { f.rights = RightsStatus::Unrestricted; },
        [](LibraryFilter& f) { f.campaign = QStringLiteral("Spring Launch"); },
        [](LibraryFilter& f) { f.mediaType = MediaType::Video; },
        [](LibraryFilter& f) { f.modifiedFrom = QDate(2024, 1, 1); f.modifiedTo = QDate(2024, 12, 31); },
        [](LibraryFilter& f) { f.orientation = Orientation::Landscape; },
        [](LibraryFilter& f) { f.orientation = Orientation::Square; },
        [](LibraryFilter& f) { f.collectionRemoteIds = {QStringLiteral("G-1"), QStringLiteral("G-2")}; },
    };
    int combinations = 0;
    QStringList offIndex;
    for (qsizetype i = 0; i < facets.size(); ++i) {
        for (qsizetype j = i; j < facets.size(); ++j) {
            LibraryFilter f;
            f.text = words.first();
            facets.at(i)(f);
            facets.at(j)(f);
            const Result<QString> plan = repo.explainSearch(AssetIdSearch::toAssetQuery(f));
            ++combinations;
            if (!plan || !drivenByFts(*plan))
                offIndex << QStringLiteral("facets %1+%2: %3").arg(i).arg(j).arg(plan ? *plan : plan.error().toLogString());
        }
    }
    print("query plans", offIndex.isEmpty() ? QStringLiteral("all %1 facet combinations (each facet, each pair) driven by the FTS index")
                                                  .arg(combinations)
                                            : QStringLiteral("%1 of %2 NOT DRIVEN BY THE FTS INDEX: %3")
                                                  .arg(offIndex.size()).arg(combinations).arg(offIndex.join(QStringLiteral("; "))));

    // List-mode sorts: the whole library and one word with two facets in a column order (SQL: the
    // facet index keeps only the default order), CPU p50/p95 of 5 runs, and the plan of the first.
    const std::pair<const char*, LibrarySort::Key> sorts[] = {{"title", LibrarySort::Key::Title},
                                                              {"created", LibrarySort::Key::Created},
                                                              {"file size", LibrarySort::Key::FileSize},
                                                              {"rights expiry", LibrarySort::Key::RightsExpiry}};
    for (const auto& [name, key] : sorts) {
        QStringList figures;
        for (const bool withText : {false, true}) {
            LibraryFilter f = withText ? caseFilter(cases[0], 0) : LibraryFilter{};
            const LibrarySort sort{key, true};
            QList<double> cpu;
            qsizetype rows = 0;
            for (int run = 0; run < 5; ++run) {
                const double c0 = threadCpuMs();
                const Result<QList<qint64>> ids = AssetIdSearch::ids(*storage, f, index.get(), sort);
                cpu << threadCpuMs() - c0;
                rows = ids ? ids->size() : -1;
            }
            const Result<QString> plan = repo.explainSearch(AssetIdSearch::toAssetQuery(f, sort));
            figures << QStringLiteral("%1: %2 rows, CPU p50 %3 ms, p95 %4 ms, plan %5")
                           .arg(withText ? QStringLiteral("1 word + 2 facets") : QStringLiteral("all"))
                           .arg(rows).arg(percentile(cpu, 0.5), 0, 'f', 1).arg(percentile(cpu, 0.95), 0, 'f', 1)
                           .arg(plan ? QString(*plan).replace(u'\n', QStringLiteral(" | ")) : plan.error().toLogString());
        }
        print(qPrintable(QStringLiteral("sort by %1, descending").arg(QLatin1String(name))), figures.join(QStringLiteral("; ")));
    }

    index.reset(); // the model loads its own

    // ---- first paint --------------------------------------------------------------------------
    ThumbnailLoader thumbnails;
    LibraryModel model(*storage, &thumbnails);
    LibraryItemDelegate delegate;
    model.setThumbnailSize(QSize(delegate.thumbnailSide(), delegate.thumbnailSide()));
    LibraryGridView grid;
    grid.setItemDelegate(&delegate);
    grid.setCellSize(delegate.cellSize());
    grid.resize(1280, 900);
    grid.setModel(&model);
    grid.show();
    app.processEvents();
    qint64 resetNs = 0;
    QElapsedTimer resetTimer;
    QObject::connect(&model, &QAbstractItemModel::modelAboutToBeReset, &app, [&] { resetTimer.start(); });
    QObject::connect(&model, &QAbstractItemModel::modelReset, &app, [&] { resetNs = resetTimer.nsecsElapsed(); });
    QSignalSpy finished(&model, &LibraryModel::searchFinished);
    QElapsedTimer total;
    total.start();
    model.refresh();
    if (!waitFor(finished))
        return 1;
    QElapsedTimer paint;
    paint.start();
    grid.viewport()->repaint();
    const double paintMs = paint.nsecsElapsed() / 1e6;
    const double firstPaintMs = total.nsecsElapsed() / 1e6;
    print("first paint", QStringLiteral("%1 ms from refresh() to a painted grid of %2 rows (query on the pool thread %3 ms; "
                                        "GUI thread: reset %4 ms, paint %5 ms)")
                             .arg(firstPaintMs, 0, 'f', 1).arg(model.rowCount()).arg(finished.first().at(1).toLongLong())
                             .arg(resetNs / 1e6, 0, 'f', 2).arg(paintMs, 0, 'f', 2));
    const double rssIds = rssMb();

    // ---- scrolling ----------------------------------------------------------------------------
    const int steps = parser.value(QStringLiteral("steps")).toInt();
    QScrollBar* bar = grid.verticalScrollBar();
    QList<double> frames;
    QList<double> frameCpu;
    auto frame = [&](int value) {
        QElapsedTimer t;
        t.start();
        const double c0 = threadCpuMs();
        bar->setValue(value);
        grid.viewport()->repaint();
        app.processEvents(); // loaded rows and decoded thumbnails arriving: their repaints count too
        frames << t.nsecsElapsed() / 1e6;
        frameCpu << threadCpuMs() - c0;
    };
    QElapsedTimer scrollTimer;
    scrollTimer.start();
    for (int i = 0; i <= steps; ++i)
        frame(int(qint64(bar->maximum()) * i / qMax(1, steps)));
    const qint64 mid = bar->maximum() / 2;
    for (int i = 0; i < 400; ++i)
        frame(int(mid + qint64(i) * bar->pageStep() / 2));
    // Let the last loads and decodes land (still measured as frames).
    for (int i = 0; i < 200 && (model.pendingLoadCount() > 0 || thumbnails.queuedCount() + thumbnails.runningCount() > 0); ++i) {
        const double c0 = threadCpuMs();
        app.processEvents(QEventLoop::WaitForMoreEvents, 20);
        frameCpu << threadCpuMs() - c0; // waiting is not work: only CPU time is recorded here
    }
    const auto over = [](const QList<double>& list) {
        return std::count_if(list.cbegin(), list.cend(), [](double ms) { return ms > 16.0; });
    };
    print("scroll (wall)", QStringLiteral("%1 frames in %2 s: p50 %3 ms, p99 %4 ms, max %5 ms, %6 over 16 ms; %7 rows loaded, %8 MB of pixmaps")
                        .arg(frames.size()).arg(scrollTimer.elapsed() / 1000.0, 0, 'f', 1)
                        .arg(percentile(frames, 0.5), 0, 'f', 2).arg(percentile(frames, 0.99), 0, 'f', 2)
                        .arg(percentile(frames, 1.0), 0, 'f', 2).arg(over(frames)).arg(model.loadedRowCount())
                        .arg(thumbnails.memoryBytes() / 1048576.0, 0, 'f', 1));
    print("scroll (GUI thread CPU)", QStringLiteral("%1 frames: p50 %2 ms, p99 %3 ms, max %4 ms, %5 over 16 ms")
                        .arg(frameCpu.size()).arg(percentile(frameCpu, 0.5), 0, 'f', 2)
                        .arg(percentile(frameCpu, 0.99), 0, 'f', 2).arg(percentile(frameCpu, 1.0), 0, 'f', 2)
                        .arg(over(frameCpu)));
    QElapsedTimer indexWait;
    indexWait.start();
    while (!model.isSearchIndexLoaded() && indexWait.elapsed() < 60000) {
        app.processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(20);
    }
    print("memory", QStringLiteral("VmRSS %1 MB at start, %2 MB with %3 ids, %4 MB after scrolling (caches full, facet index %5)")
                        .arg(rssStart, 0, 'f', 0).arg(rssIds, 0, 'f', 0).arg(model.rowCount()).arg(rssMb(), 0, 'f', 0)
                        .arg(model.isSearchIndexLoaded() ? QStringLiteral("loaded") : QStringLiteral("NOT LOADED")));

    // ---- catching up with a sync -------------------------------------------------------------
    // Pages of new assets land in the shown library the way an incremental sync writes them;
    // their titles fall all over the default (title) order, so every refresh is a patch of many
    // insertion ranges. The list-mode table shares the model, as in the library pane. Measured:
    // the GUI thread's CPU per event-loop pass while the model catches up.
    QTableView table;
    table.verticalHeader()->hide();
    table.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table.setModel(&model);
    int inserts = 0, resets = 0;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &app, [&] { ++inserts; });
    QObject::connect(&model, &QAbstractItemModel::modelReset, &app, [&] { ++resets; });
    const qint64 accountId = storage->writeAndWait([](WriteContext& ctx) -> Result<qint64> {
        SqlStatement q = ctx.statement(QStringLiteral("SELECT min(id) FROM accounts"));
        if (Status s = q.exec(); !s)
            return s.error();
        return q.next() ? q.value(0).toLongLong() : 0;
    }).value();
    constexpr int kCatchUpPages = 20;
    constexpr int kCatchUpPageSize = 1000;
    const qint64 target = model.rowCount() + qint64(kCatchUpPages) * kCatchUpPageSize;
    QList<double> passes;
    auto pump = [&](int ms) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            const double c0 = threadCpuMs();
            app.processEvents(QEventLoop::WaitForMoreEvents, 5);
            passes << threadCpuMs() - c0;
        }
    };
    for (int page = 0; page < kCatchUpPages; ++page) {
        QList<Asset> fresh;
        for (int i = 0; i < kCatchUpPageSize; ++i)
            fresh << Test::LibraryFixture::sampleAsset(accountId, assets + page * kCatchUpPageSize + i);
        const Result<QList<qint64>> stored =
            storage->writeAndWait([fresh](WriteContext& ctx) { return AssetRepository::upsert(ctx, fresh); });
        if (!stored) {
            print("error", stored.error().toLogString());
            return 1;
        }
        pump(250); // about one sync page's time
    }
    QElapsedTimer catchUp;
    catchUp.start();
    while (model.rowCount() < target && catchUp.elapsed() < 120000)
        pump(50);
    const auto overMs = [](const QList<double>& list, double ms) {
        return std::count_if(list.cbegin(), list.cend(), [ms](double v) { return v > ms; });
    };
    QList<double> busy; // the passes that had something to do
    std::copy_if(passes.cbegin(), passes.cend(), std::back_inserter(busy), [](double ms) { return ms > 0.1; });
    print("catch-up (GUI thread CPU)", QStringLiteral("%1 pages of %2 new assets into %3 rows: %4 busy event-loop passes, "
                                                    "p99 %5 ms, max %6 ms, %7 over 16 ms, %8 over 50 ms; "
                                                    "%9 insertion ranges, %10 resets")
                                        .arg(kCatchUpPages).arg(kCatchUpPageSize).arg(model.rowCount())
                                        .arg(busy.size()).arg(percentile(busy, 0.99), 0, 'f', 2)
                                        .arg(percentile(busy, 1.0), 0, 'f', 2).arg(overMs(busy, 16.0))
                                        .arg(overMs(busy, 50.0)).arg(inserts).arg(resets));
    // Back to N assets, so the next run reuses the workspace.
    const Status cleaned = storage->writeAndWait([accountId, assets](WriteContext& ctx) -> Status {
        SqlStatement remove = ctx.statement(QStringLiteral("DELETE FROM assets WHERE account_id = :account AND id > "
                                                           "(SELECT id FROM assets ORDER BY id LIMIT 1 OFFSET :keep)"));
        remove.bind(QStringLiteral("account"), accountId).bind(QStringLiteral("keep"), assets - 1);
        return remove.exec();
    });
    if (!cleaned)
        print("error", cleaned.error().toLogString());
    return 0;
}
