// bench_syncwatchdog: does the GUI thread stay responsive while the library syncs?
//
//   bench_syncwatchdog [--size N] [--services photoshelter,iconik] [--page-size P] [--thumbnails]
//                      [--sandbox-exe PATH] [--dir DIR]
//
// Starts assetdesk-sandbox as a child process with N assets per DAM (default 100,000; the issue's
// scale is --size 1000000), then the workbench's own composition for one workspace: a
// WorkspaceSession (storage writer thread, connector pool on a network thread, DamSyncService
// with its jobs), the library pane with its LibraryModel, LibrarySourceModel and inspector, and
// the Jobs pane, shown (offscreen unless QT_QPA_PLATFORM says otherwise). Then it runs a full
// sync of every DAM account at once (thumbnails only with --thumbnails: they multiply the time)
// and watches the GUI thread's event loop throughout with a 5 ms timer: the gap between its ticks
// (a gap of 60 ms means the loop was away ~55 ms), and for each gap the GUI thread's own CPU time
// and the time it waited for a core (/proc/thread-self/schedstat): the machine is shared, so a
// long gap with little CPU and a long run-queue wait is the machine, not our code; one with
// neither is a block (a lock, I/O). Prints max / p99 / count over 50 ms, every gap over 50 ms
// with that breakdown, and the sync's throughput (assets/s) per account and overall.
// (The event dispatcher's awake/aboutToBlock signals do not bracket timer and socket dispatch
// with the glib dispatcher, so they are not used as a probe.) For the gaps over 50 ms it also
// prints where the GUI thread was (BlockedThreadProbe): the call and kernel function it slept in,
// and its own stack. It is linked like the workbench, on the same allocator, and says which.
#include "blockedthreadprobe.h"
#include "processmemory.h"
#include "workspacesession.h"

#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/sandboxprocess.h"
#include "core/service.h"
#include "media/thumbnailcache.h"
#include "media/thumbnailloader.h"
#include "models/assetdetailsloader.h"
#include "models/jobsmodel.h"
#include "models/librarymodel.h"
#include "models/librarysourcemodel.h"
#include "net/memorysecretvault.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/damsyncservice.h"
#include "sync/jobrunner.h"
#include "sync/sandboxaccountimporter.h"
#include "widgets/jobspane.h"
#include "widgets/librarypane.h"
#include "widgets/syntaxrepository.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sqlite3.h>

#ifdef __GLIBC__
#include <malloc.h>
#if defined(ASSETDESK_MIMALLOC)
#include <mimalloc.h>
#endif
#endif

using namespace AssetDesk;

namespace {

// Nanoseconds this thread waited on a run queue for a core (Linux schedstat; 0 elsewhere).
qint64 threadRunDelayNs()
{
    QFile f(QStringLiteral("/proc/thread-self/schedstat"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : 0;
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

// Watches the thread it is created on.
class EventLoopWatchdog : public QObject
{
public:
    EventLoopWatchdog()
    {
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(5);
        connect(&m_tick, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            const qint64 queued = threadRunDelayNs();
            if (m_lastTick >= 0) {
                const double gap = double(now - m_lastTick) / 1e6;
                m_gaps << gap;
                m_gapCpu << double(cpu - m_lastCpu) / 1e6;
                if (gap > 50.0)
                    m_longGaps.append({double(m_lastTick) / 1e6, gap, double(cpu - m_lastCpu) / 1e6,
                                       double(queued - m_lastQueued) / 1e6});
            }
            m_probe.beat();
            m_lastTick = now;
            m_lastCpu = cpu;
            m_lastQueued = queued;
        });
    }

    void start()
    {
        m_clock.start();
        m_tick.start();
        m_probe.start();
    }
    void stop()
    {
        m_tick.stop();
        m_probe.stop();
    }
    double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

    static void printDistribution(const char* what, QList<double> values)
    {
        if (values.isEmpty()) {
            std::printf("%-34s no samples\n", what);
            return;
        }
        std::sort(values.begin(), values.end());
        const double p99 = values.at(qMin(values.size() - 1, qsizetype(values.size() * 0.99)));
        const double p50 = values.at(values.size() / 2);
        const auto over = std::count_if(values.cbegin(), values.cend(), [](double v) { return v > 50.0; });
        std::printf("%-34s n=%lld  p50=%.2f ms  p99=%.2f ms  max=%.2f ms  over 50 ms: %lld\n", what,
                    qint64(values.size()), p50, p99, values.last(), qint64(over));
    }

    void report() const
    {
        printDistribution("timer gap (5 ms timer), wall", m_gaps);
        printDistribution("timer gap, GUI-thread CPU time", m_gapCpu);
        // Where the long gaps went: our code on the CPU, waiting for a core (the machine is
        // shared), or neither (blocked: a lock, a wait, I/O).
        std::printf("gaps over 50 ms (at s: wall / cpu / waiting for a core, ms):");
        for (const Gap& g : m_longGaps)
            std::printf("  %.1f: %.0f/%.1f/%.0f", g.atMs / 1000.0, g.wallMs, g.cpuMs, g.queuedMs);
        std::printf("\n");
        for (const BlockedThreadProbe::Stall& stall : m_probe.stalls(45.0)) {
            std::printf("stall at %.1f s, %.0f ms (host steal from 30 ms on: %.0f ms); sampled every 5 ms from 30 ms "
                        "on:\n",
                        stall.atMs / 1000.0, stall.durationMs, stall.stealMs);
            for (const QString& sample : stall.samples)
                std::printf("    %s\n", qPrintable(sample));
            std::printf("    stack: %s\n", qPrintable(stall.userStack));
            for (const QString& other : stall.otherThreads)
                std::printf("  other thread %s\n", qPrintable(other));
        }
    }

private:
    QElapsedTimer m_clock;
    QTimer m_tick;
    qint64 m_lastTick = -1;
    struct Gap
    {
        double atMs = 0;
        double wallMs = 0;
        double cpuMs = 0;
        double queuedMs = 0;
    };
    qint64 m_lastCpu = 0;
    qint64 m_lastQueued = 0;
    QList<double> m_gaps;
    QList<double> m_gapCpu;
    QList<Gap> m_longGaps;
    BlockedThreadProbe m_probe;
};

QString findSandbox(const QString& given)
{
    if (!given.isEmpty())
        return given;
    if (const QString env = qEnvironmentVariable("ASSETDESK_SANDBOX_EXE"); !env.isEmpty())
        return env;
    if (const QString located = SandboxProcess::locateExecutable(); !located.isEmpty())
        return located;
    // The build tree: tests/bench/ beside bin/.
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../../bin/assetdesk-sandbox"));
}

// Which allocator the bench ran on. The workbench's is mimalloc (AssetDeskAllocator.cmake), which
// frees another thread's block without taking a lock. Built without it, glibc's: then the number of
// malloc arenas matters. glibc gives each thread its own until there are 8 per core; past that,
// threads share them - the GUI thread's included - and wait for each other's allocations.
void reportAllocator()
{
#if defined(ASSETDESK_MIMALLOC)
    std::printf("allocator: mimalloc %d\n", mi_version());
#elif defined(__GLIBC__)
    char* text = nullptr;
    size_t size = 0;
    FILE* out = open_memstream(&text, &size);
    if (!out)
        return;
    malloc_info(0, out);
    std::fclose(out);
    const QByteArray xml(text, qsizetype(size));
    std::free(text);
    std::printf("allocator: glibc malloc, %lld arenas (glibc shares them past %d here)\n",
                qint64(xml.count("<heap nr=")), 8 * QThread::idealThreadCount());
#endif
}

// Who holds the resident memory: SQLite (on glibc's malloc, see SqliteMemory) counts its own
// blocks, and glibc's heap is SQLite's alone; the rest is the process's allocator.
void reportMemoryHolders()
{
    std::printf("memory: SQLite holds %.0f MB (its peak %.0f MB)\n",
                double(sqlite3_memory_used()) / 1048576.0, double(sqlite3_memory_highwater(0)) / 1048576.0);
#if defined(__GLIBC__)
    const struct mallinfo2 glibc = mallinfo2();
    std::printf("memory: glibc heap in use %.0f MB\n", double(glibc.uordblks + glibc.hblkhd) / 1048576.0);
#endif
}

// Runs the event loop (sleeping while there is nothing to do) until `done` or the timeout.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Assets per DAM."), QStringLiteral("n"),
                                        QStringLiteral("100000"));
    const QCommandLineOption servicesOption(QStringLiteral("services"), QStringLiteral("DAMs to sync."),
                                            QStringLiteral("ids"), QStringLiteral("photoshelter,iconik"));
    const QCommandLineOption pageOption(QStringLiteral("page-size"), QStringLiteral("Sync page size."), QStringLiteral("n"),
                                        QStringLiteral("500"));
    const QCommandLineOption thumbsOption(QStringLiteral("thumbnails"), QStringLiteral("Fetch thumbnails too."));
    const QCommandLineOption exeOption(QStringLiteral("sandbox-exe"), QStringLiteral("assetdesk-sandbox."), QStringLiteral("path"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Workspace directory (default: temporary)."),
                                       QStringLiteral("dir"));
    parser.addOptions({sizeOption, servicesOption, pageOption, thumbsOption, exeOption, dirOption});
    parser.addHelpOption();
    parser.process(app);
    const int size = parser.value(sizeOption).toInt();
    const QStringList services = parser.value(servicesOption).split(QLatin1Char(','), Qt::SkipEmptyParts);

    QTemporaryDir temp;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temp.path();
    QDir().mkpath(dir);
    const QString workspacePath = QDir(dir).filePath(QStringLiteral("syncwatchdog.sqlite3"));
    QFile::remove(workspacePath);
    QFile::remove(workspacePath + QStringLiteral("-wal"));
    QFile::remove(workspacePath + QStringLiteral("-shm"));

    // The sandbox, as the workbench starts it.
    QElapsedTimer clock;
    clock.start();
    SandboxProcess::Options sandboxOptions;
    sandboxOptions.executable = findSandbox(parser.value(exeOption));
    sandboxOptions.size = size;
    sandboxOptions.extraArguments = {QStringLiteral("--services"), services.join(QLatin1Char(',')), QStringLiteral("--quiet")};
    sandboxOptions.startTimeout = std::chrono::minutes(10);
    SandboxProcess sandbox(sandboxOptions);
    std::optional<Error> sandboxError;
    QObject::connect(&sandbox, &SandboxProcess::failed, &app, [&sandboxError](const Error& e) { sandboxError = e; });
    sandbox.start();
    if (!waitFor([&] { return sandbox.isReady() || sandboxError; }, 15 * 60 * 1000) || sandboxError) {
        std::fprintf(stderr, "the sandbox did not start: %s\n", sandboxError ? qPrintable(sandboxError->toLogString()) : "timeout");
        return 1;
    }
    std::printf("sandbox with %d assets per DAM (%s) ready in %.1f s\n", size, qPrintable(services.join(QLatin1Char(','))),
                clock.elapsed() / 1000.0);

    Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(workspacePath));
    if (!opened) {
        std::fprintf(stderr, "workspace: %s\n", qPrintable(opened.error().toLogString()));
        return 1;
    }
    std::shared_ptr<Storage> storage(std::move(opened).value());
    const QString workspaceId = storage->workspaceId().value();

    // The workbench's composition for one workspace (Workbench::onSandboxReady, showLibrary).
    QThread networkThread;
    networkThread.setObjectName(QStringLiteral("network"));
    networkThread.start();
    ConnectorContext connectors;
    const ConnectorRegistry registry = ConnectorRegistry::withBuiltinServices();
    MemorySecretVault vault;
    auto jobs = std::make_unique<JobRunner>();
    ThumbnailCache thumbnailCache(QDir(dir).filePath(QStringLiteral("thumbnails")));
    ThumbnailLoader thumbnails;
    SyntaxRepository syntax;
    auto* jobsModel = new JobsModel(&app);
    QObject::connect(jobs.get(), &JobRunner::jobUpdated, jobsModel, &JobsModel::apply);
    QObject::connect(jobs.get(), &JobRunner::jobRemoved, jobsModel, &JobsModel::remove);
    auto session = std::make_unique<WorkspaceSession>(storage, workspaceId, vault, registry, connectors, networkThread,
                                                      *jobs, &thumbnailCache);
    std::optional<Result<QList<Account>>> imported;
    SandboxAccountImporter importer(session->storage(), session->vault());
    importer.import(sandbox.manifest(), [&imported](const Result<QList<Account>>& r) { imported = r; });
    if (!waitFor([&] { return imported.has_value(); }, 60000) || !*imported) {
        std::fprintf(stderr, "importing the sandbox accounts failed\n");
        return 1;
    }

    auto pane = std::make_unique<LibraryPane>(&syntax);
    auto* assets = new LibraryModel(session->storage(), &thumbnails, session.get());
    QObject::connect(assets, &LibraryModel::thumbnailsWanted, &session->damSync(), &DamSyncService::fetchThumbnails);
    auto* sources = new LibrarySourceModel(session->storage(), session.get());
    auto* details = new AssetDetailsLoader(session->storage(), session.get());
    pane->setModels(assets, sources, details);
    pane->resize(1400, 800);
    pane->show();
    JobsPane jobsPane(jobsModel, &syntax);
    jobsPane.resize(900, 200);
    jobsPane.show();
    waitFor([&] { return !assets->isSearching(); }, 10000);

    EventLoopWatchdog watchdog;
    QTimer::singleShot(0, &app, [] {}); // the loop must have run once before the probe starts
    QCoreApplication::processEvents();
    watchdog.start();
    QList<Result<DamSyncSummary>> results;
    int pending = 0;
    for (const Account& account : imported->value()) {
        if (!services.contains(serviceId(account.service)))
            continue;
        DamSyncService::Request request;
        request.accountId = account.id;
        request.full = true;
        request.pageSize = parser.value(pageOption).toInt();
        request.thumbnails = parser.isSet(thumbsOption);
        ++pending;
        session->damSync().sync(request, [&](const Result<DamSyncSummary>& r) {
            results << r;
            --pending;
        });
    }
    const bool synced = waitFor([&] { return pending == 0; }, 6 * 60 * 60 * 1000);
    const double syncMs = watchdog.elapsedMs();
    // The library catches up with the last change sets (its re-search and row patches count too).
    waitFor([&] { return false; }, 1500);
    waitFor([&] { return !assets->isSearching(); }, 120000);
    waitFor([&] { return false; }, 500);
    watchdog.stop();

    if (!synced) {
        std::fprintf(stderr, "the sync did not finish\n");
        return 1;
    }
    qint64 seen = 0;
    for (const Result<DamSyncSummary>& r : std::as_const(results)) {
        if (!r) {
            std::printf("sync failed: %s\n", qPrintable(r.error().toLogString()));
            continue;
        }
        seen += r->assetsSeen;
        std::printf("sync %-14s %lld assets in %.1f s: %.0f assets/s (%lld pages, %lld skipped)\n",
                    qPrintable(r->accountLabel), r->assetsSeen, r->elapsedMs / 1000.0, r->assetsPerSecond(), r->pages,
                    r->skipped);
    }
    std::printf("all syncs together: %lld assets in %.1f s: %.0f assets/s; library shows %d rows\n", seen,
                syncMs / 1000.0, seen * 1000.0 / qMax(1.0, syncMs), assets->rowCount());
    std::printf("GUI thread during the sync and the library's catching up (%.1f s):\n", watchdog.elapsedMs() / 1000.0);
    watchdog.report();
    // The peak comes with the bulk load's index builds (their sorts stay in memory: temp_store).
    std::printf("memory: VmRSS %.0f MB with the library open on %d rows, peak (VmHWM) %.0f MB\n",
                Bench::processMemoryMb("VmRSS"), assets->rowCount(), Bench::processMemoryMb("VmHWM"));
#if defined(ASSETDESK_MIMALLOC)
    // How much of that is pages the allocator keeps for reuse rather than memory in use.
    mi_collect(true);
    std::printf("memory: VmRSS %.0f MB once mimalloc has returned its free pages\n",
                Bench::processMemoryMb("VmRSS"));
#endif
    // A few seconds without a write, and the writer gives back its cache (StorageWriter::setIdleRelease).
    waitFor([] { return false; }, 3500);
    std::printf("memory: VmRSS %.0f MB once the writer has been idle for 3.5 s\n",
                Bench::processMemoryMb("VmRSS"));
    reportMemoryHolders();
    reportAllocator();

    pane.reset();
    session.reset();
    jobs.reset();
    networkThread.quit();
    networkThread.wait();
    return 0;
}
