// bench_ticketsync [--size N] [--per-page P] [--modify M] [--remove R] [--real-clock]: the Zendesk
// helpdesk sync at scale against the in-process sandbox (Zendesk module only, N tickets, default
// 100,000) into a fresh SQLite workspace, through the same ZendeskSyncService as the workbench:
//   - the initial sync (incremental export from start_time 0, P per page, default 1000, with
//     organizations, the requesters it meets and the views), then
//   - one incremental round after the sandbox changed M tickets (default 1000) and deleted R
//     (default 100).
// For each: wall time, tickets/s, pages, and the CPU time of the storage writer thread (its own
// getrusage(RUSAGE_THREAD), read inside a write before and after) next to the whole process's.
// The export allows 10 requests a minute (zendesk.md §9), so at the real limit 100 pages of 1000
// take at least 9 minutes whatever the client does; unless --real-clock, the bench moves the
// sandbox's clock a minute forward every real second, which lifts that floor and measures the
// client. The sandbox runs in this process: the process CPU includes the server's JSON.
#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/sandboxmanifest.h"
#include "net/memorysecretvault.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/servicemodule.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/ticketrepository.h"
#include "sync/connectorpool.h"
#include "sync/jobrunner.h"
#include "sync/zendesksyncservice.h"

#include "sandboxaccountsetup.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>

using namespace AssetDesk;

namespace {

qint64 argument(const QStringList& args, const QString& name, qint64 fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toLongLong() : fallback;
}

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The writer thread's CPU time so far, measured on the writer thread.
double writerCpu(Storage& storage)
{
    const Result<double> seconds = storage.writeAndWait([](WriteContext&) -> Result<double> { return cpuSeconds(RUSAGE_THREAD); });
    return seconds ? *seconds : -1.0;
}

struct Round
{
    QString name;
    Result<ZendeskSyncSummary> summary = Error(ErrorKind::Internal, QStringLiteral("not run"));
    qint64 wallMs = 0;
    double writerCpu = 0;
    double processCpu = 0;
};

Round runRound(const QString& name, Storage& storage, ZendeskSyncService& service, qint64 accountId, int perPage)
{
    Round round;
    round.name = name;
    const double writerBefore = writerCpu(storage);
    const double processBefore = cpuSeconds(RUSAGE_SELF);
    QElapsedTimer wall;
    wall.start();
    std::optional<Result<ZendeskSyncSummary>> outcome;
    ZendeskSyncService::Request request;
    request.accountId = accountId;
    request.perPage = perPage;
    service.sync(request, [&outcome](const Result<ZendeskSyncSummary>& r) { outcome = r; });
    while (!outcome)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    round.wallMs = wall.elapsed();
    round.writerCpu = writerCpu(storage) - writerBefore;
    round.processCpu = cpuSeconds(RUSAGE_SELF) - processBefore;
    round.summary = *outcome;
    return round;
}

QJsonObject report(const Round& r)
{
    if (!r.summary)
        return {{QStringLiteral("round"), r.name}, {QStringLiteral("error"), r.summary.error().toLogString()}};
    const ZendeskSyncSummary& s = *r.summary;
    return {{QStringLiteral("round"), r.name},
            {QStringLiteral("tickets"), s.ticketsSeen},
            {QStringLiteral("removed"), s.ticketsRemoved},
            {QStringLiteral("pages"), s.pages},
            {QStringLiteral("users_fetched"), s.usersFetched},
            {QStringLiteral("local_total"), s.totalLocal},
            {QStringLiteral("wall_ms"), r.wallMs},
            {QStringLiteral("tickets_per_s"), r.wallMs > 0 ? s.ticketsSeen * 1000.0 / r.wallMs : 0.0},
            {QStringLiteral("write_transactions_ms"), s.writeMs},
            {QStringLiteral("writer_cpu_s"), r.writerCpu},
            {QStringLiteral("process_cpu_s"), r.processCpu}};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 size = argument(args, QStringLiteral("--size"), 100000);
    const int perPage = int(argument(args, QStringLiteral("--per-page"), 1000));
    const qint64 modify = argument(args, QStringLiteral("--modify"), 1000);
    const qint64 remove = argument(args, QStringLiteral("--remove"), 100);

    Sandbox::SandboxServer sandbox;
    Sandbox::SandboxOptions options;
    options.size = int(size);
    options.services = QStringList{QStringLiteral("zendesk")};
    if (const Status s = sandbox.start(options); !s.ok()) {
        std::fprintf(stderr, "sandbox did not start: %s\n", qPrintable(s.error().toLogString()));
        return 1;
    }
    QTimer clockPush;
    if (!args.contains(QStringLiteral("--real-clock"))) {
        QObject::connect(&clockPush, &QTimer::timeout, &sandbox, [&sandbox] { sandbox.clock().advance(std::chrono::seconds(60)); });
        clockPush.start(1000);
    }
    sandbox.clock().advance(std::chrono::seconds(61)); // the export leaves out the last minute

    QTemporaryDir dir;
    Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(dir.filePath(QStringLiteral("bench.sqlite3"))));
    if (!opened) {
        std::fprintf(stderr, "storage: %s\n", qPrintable(opened.error().toLogString()));
        return 1;
    }
    std::unique_ptr<Storage> storage = std::move(opened).value();
    MemorySecretVault vault;
    const ConnectorRegistry registry = ConnectorRegistry::withBuiltinServices();
    ConnectorContext connectors;
    JobRunner jobs;
    ConnectorPool pool(*storage, vault, registry, connectors);
    ZendeskSyncService service(*storage, pool, jobs);
    const Result<SandboxManifest> manifest = SyncTest::manifestOf(sandbox);
    const Result<Account> account =
        manifest ? SyncTest::addSandboxAccount(*storage, vault, *manifest, Service::Zendesk, &app) : Result<Account>(manifest.error());
    if (!account) {
        std::fprintf(stderr, "account: %s\n", qPrintable(account.error().toLogString()));
        return 1;
    }

    QJsonArray rounds;
    const Round initial = runRound(QStringLiteral("initial"), *storage, service, account->id, perPage);
    rounds.append(report(initial));
    std::printf("%s\n", QJsonDocument(report(initial)).toJson(QJsonDocument::Compact).constData());

    const Result<QJsonObject> changed = sandbox.module(QStringLiteral("zendesk"))->changeContent(
        QJsonObject{{QStringLiteral("modify"), modify}, {QStringLiteral("remove"), remove}});
    if (!changed)
        std::fprintf(stderr, "changes: %s\n", qPrintable(changed.error().toLogString()));
    sandbox.clock().advance(std::chrono::seconds(61));
    const Round incremental = runRound(QStringLiteral("incremental"), *storage, service, account->id, perPage);
    rounds.append(report(incremental));
    std::printf("%s\n", QJsonDocument(report(incremental)).toJson(QJsonDocument::Compact).constData());

    const QJsonObject all{{QStringLiteral("size"), size}, {QStringLiteral("per_page"), perPage},
                          {QStringLiteral("accelerated_clock"), !args.contains(QStringLiteral("--real-clock"))},
                          {QStringLiteral("rounds"), rounds}};
    std::printf("%s\n", QJsonDocument(all).toJson(QJsonDocument::Indented).constData());
    return initial.summary && incremental.summary ? 0 : 1;
}
