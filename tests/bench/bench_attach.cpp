// bench_attach: attaching a 10 MB image end to end on the sandbox (issue 5). Runs the
// AttachService job as the workbench does - read the asset as stored, the rights gate and the size
// limit, the file's bytes from disk, then Zendesk: upload + one comment (PUT ticket), or Dynamics:
// one note with the file base64 in documentbody - against the in-process sandbox, and the local
// record (comment / note row + lineage). Dynamics runs with its attachment limit raised to 32 MB
// (the default 5 MB would refuse the file, as it should). Each run goes to a fresh ticket / case;
// the sandbox's admin view confirms the stored file's SHA-256. Prints min / p50 / p95 / max in ms.
//
//   bench_attach [runs=20] [megabytes=10]
#include "benchwait.h"
#include "../sync/attachfixture.h"

#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "net/memorysecretvault.h"
#include "storage/storageconfig.h"
#include "sync/attachservice.h"
#include "sync/connectorpool.h"
#include "sync/jobrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace AssetDesk;
using namespace AssetDesk::AttachTest;

namespace {
double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = std::clamp<qsizetype>(qsizetype(p * double(values.size() - 1) + 0.5), 0, values.size() - 1);
    return values.at(index);
}

void report(const char* name, const QList<double>& ms, qint64 bytes)
{
    if (ms.isEmpty()) {
        std::printf("%-28s no successful run\n", name);
        return;
    }
    const double p50 = percentile(ms, 0.5);
    std::printf("%-28s runs %3lld  min %7.1f  p50 %7.1f  p95 %7.1f  max %7.1f ms  (%.1f MB/s at p50)\n", name,
                static_cast<long long>(ms.size()), *std::min_element(ms.cbegin(), ms.cend()), p50, percentile(ms, 0.95),
                *std::max_element(ms.cbegin(), ms.cend()), double(bytes) / (1024.0 * 1024.0) / (p50 / 1000.0));
}

int fail(const QString& what, const Error& error)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(what), qPrintable(error.toLogString()));
    return 1;
}
} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv); // QImage for the test image; no window
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 20;
    const int megabytes = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 10;

    QTemporaryDir dir;
    Sandbox::SandboxServer sandbox;
    if (const Status started = sandbox.start(); !started)
        return fail(QStringLiteral("sandbox"), started.error());
    const Result<SandboxManifest> manifest = SyncTest::manifestOf(sandbox);
    if (!manifest)
        return fail(QStringLiteral("manifest"), manifest.error());
    Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(dir.filePath(QStringLiteral("w.sqlite3"))));
    if (!opened)
        return fail(QStringLiteral("storage"), opened.error());
    std::unique_ptr<Storage> storage = std::move(opened).value();
    MemorySecretVault vault;
    QObject context;
    const Result<Account> zendesk = SyncTest::addSandboxAccount(*storage, vault, *manifest, Service::Zendesk, &context);
    const Result<Account> dynamics = SyncTest::addSandboxAccount(*storage, vault, *manifest, Service::Dynamics, &context);
    const Result<qint64> dam = addDamAccount(*storage);
    if (!zendesk || !dynamics || !dam)
        return fail(QStringLiteral("accounts"), !zendesk ? zendesk.error() : !dynamics ? dynamics.error() : dam.error());
    const qint64 raised = 32LL * 1024 * 1024;
    if (const Result<QJsonObject> set = sandbox.module(QStringLiteral("dynamics"))
                                            ->applySettings(QJsonObject{{QStringLiteral("max_upload_file_size"), raised}});
        !set)
        return fail(QStringLiteral("dynamics limit"), set.error());

    std::printf("generating a %d MB JPEG...\n", megabytes);
    const QByteArray image = jpegOfAbout(qint64(megabytes) * 1024 * 1024, 42);
    const QString path = dir.filePath(QStringLiteral("campaign-hero.jpg"));
    if (!writeFile(path, image))
        return fail(QStringLiteral("image"), Error(ErrorKind::Io, path));
    const Result<qint64> asset = upsertAsset(*storage, assetWithFile(*dam, QStringLiteral("I-hero"), QStringLiteral("Campaign hero"),
                                                                     QStringLiteral("campaign-hero.jpg"), path, image.size()));
    if (!asset)
        return fail(QStringLiteral("asset"), asset.error());
    const QString digest = sha256(image);
    std::printf("image: %lld bytes, %d runs per service\n", static_cast<long long>(image.size()), runs);

    ConnectorRegistry registry = ConnectorRegistry::withBuiltinServices();
    ConnectorContext connectors;
    ConnectorPool pool(*storage, vault, registry, connectors);
    JobRunner jobs;
    AttachService service(*storage, pool, jobs);
    auto once = [&](const AttachRequest& request, double* ms) -> Status {
        std::optional<Result<AttachOutcome>> outcome;
        QElapsedTimer timer;
        timer.start();
        service.attach(request, [&outcome](const Result<AttachOutcome>& r) { outcome = r; });
        if (!Bench::spinUntil([&] { return outcome.has_value(); }, 120000))
            return Error(ErrorKind::Internal, QStringLiteral("timed out"));
        *ms = double(timer.nsecsElapsed()) / 1e6;
        if (!*outcome)
            return outcome->error();
        return {};
    };

    QList<double> zendeskMs;
    QList<double> dynamicsMs;
    for (int i = 0; i < runs; ++i) {
        const Result<Ticket> ticket = freshTicket(sandbox, *storage, zendesk->id);
        if (!ticket)
            return fail(QStringLiteral("ticket"), ticket.error());
        AttachRequest request;
        request.target = {AttachTarget::Kind::Ticket, zendesk->id, ticket->id, QString::number(ticket->remoteId),
                          QStringLiteral("#%1").arg(ticket->remoteId)};
        request.assetIds = {*asset};
        request.text = QStringLiteral("Hero image attached.");
        double ms = 0;
        if (const Status s = once(request, &ms); !s)
            return fail(QStringLiteral("zendesk run %1").arg(i), s.error());
        const QJsonArray comments = zendeskComments(sandbox, ticket->remoteId);
        const QJsonArray files = comments.last().toObject().value(QStringLiteral("attachments")).toArray();
        if (files.size() != 1 || files.first().toObject().value(QStringLiteral("sha256")).toString() != digest)
            return fail(QStringLiteral("zendesk run %1").arg(i), Error(ErrorKind::Internal, QStringLiteral("wrong bytes stored")));
        zendeskMs << ms;

        const Result<SupportCase> supportCase = freshCase(sandbox, *storage, dynamics->id);
        if (!supportCase)
            return fail(QStringLiteral("case"), supportCase.error());
        AttachRequest note;
        note.target = {AttachTarget::Kind::Case, dynamics->id, supportCase->id, supportCase->remoteId, supportCase->ticketNumber};
        note.assetIds = {*asset};
        note.subject = QStringLiteral("Hero image");
        note.maxBytes = raised;
        if (const Status s = once(note, &ms); !s)
            return fail(QStringLiteral("dynamics run %1").arg(i), s.error());
        const QJsonArray notes = dynamicsNotes(sandbox, supportCase->remoteId);
        if (notes.size() != 1 || notes.first().toObject().value(QStringLiteral("documentbody_sha256")).toString() != digest)
            return fail(QStringLiteral("dynamics run %1").arg(i), Error(ErrorKind::Internal, QStringLiteral("wrong bytes stored")));
        dynamicsMs << ms;
    }
    report("zendesk upload+comment", zendeskMs, image.size());
    report("dynamics note (32 MB limit)", dynamicsMs, image.size());
    return 0;
}
