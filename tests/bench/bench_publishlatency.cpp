// bench_publishlatency: drag-to-published latency of one image post on the sandbox (issue 4
// target: <= 500 ms). Runs the workbench's own wiring - a WorkspaceSession with its XPublisher on
// the network thread, woken by the outbox's commit - against an in-process sandbox X, and times
// each post from the compose submit (XOutbox::enqueue with one JPEG and alt text, as the
// composer's Publish queues it) to the publisher's jobFinished(Succeeded), i.e. media uploaded,
// post created and the post row committed; the sandbox's admin view then confirms exactly one
// post with that text. Prints min / p50 / p95 / max over the repetitions.
//
//   bench_publishlatency [repetitions=40] [imageWidth=1600]
#include "benchwait.h"
#include "workspacesession.h"

#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/sandboxmanifest.h"
#include "net/memorysecretvault.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/servicemodule.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/jobrunner.h"
#include "sync/sandboxaccountimporter.h"
#include "sync/xoutbox.h"
#include "sync/xpublisher.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>

using namespace AssetDesk;

namespace {
double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = std::clamp<qsizetype>(qsizetype(p * double(values.size() - 1) + 0.5), 0, values.size() - 1);
    return values.at(index);
}

int sandboxPosts(const Sandbox::SandboxServer& sandbox, const QString& text)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("text_sha256"),
                   QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex()));
    const Result<QJsonObject> view = sandbox.module(QStringLiteral("x"))->adminResource(QStringLiteral("posts"), q);
    return view ? view->value(QStringLiteral("total")).toInt() : -1;
}
} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(1, atoi(argv[1])) : 40;
    const int width = argc > 2 ? std::max(64, atoi(argv[2])) : 1600;

    QTemporaryDir dir;
    Sandbox::SandboxServer sandbox;
    if (!dir.isValid() || !sandbox.start()) {
        std::fprintf(stderr, "cannot start the sandbox\n");
        return 1;
    }
    const Result<SandboxManifest> manifest =
        SandboxManifest::parse(QJsonDocument(sandbox.startupJson()).toJson(QJsonDocument::Compact));
    Result<std::unique_ptr<Storage>> opened =
        Storage::open(StorageConfig::sqlite(dir.filePath(QStringLiteral("bench.sqlite3"))));
    if (!manifest || !opened) {
        std::fprintf(stderr, "cannot open the workspace\n");
        return 1;
    }
    std::shared_ptr<Storage> storage(std::move(opened).value());
    MemorySecretVault vault;
    ConnectorRegistry registry = ConnectorRegistry::withBuiltinServices();
    ConnectorContext connectors;
    JobRunner jobs;
    QThread network;
    network.setObjectName(QStringLiteral("network"));
    network.start();
    const Result<QString> id = storage->workspaceId();
    const QString workspaceId = id ? *id : QStringLiteral("bench");
    int status = 0;
    {
        WorkspaceSession session(storage, workspaceId, vault, registry, connectors, network, jobs);
        std::optional<Result<QList<Account>>> imported;
        SandboxAccountImporter importer(session.storage(), session.vault());
        importer.import(*manifest, [&imported](Result<QList<Account>> r) { imported = std::move(r); });
        if (!Bench::spinUntil([&] { return imported.has_value(); }, 20000) || !*imported) {
            std::fprintf(stderr, "cannot import the sandbox accounts\n");
            return 1;
        }
        qint64 accountId = 0;
        for (const Account& a : **imported) {
            if (a.service == Service::X && !accountId)
                accountId = a.id;
        }

        // A photo-like JPEG (gradients and noise compress like a photo, not like a flat fill).
        QImage image(width, width * 2 / 3, QImage::Format_RGB32);
        QPainter painter(&image);
        QLinearGradient gradient(0, 0, image.width(), image.height());
        gradient.setColorAt(0, QColor(30, 80, 160));
        gradient.setColorAt(1, QColor(230, 180, 60));
        painter.fillRect(image.rect(), gradient);
        for (int i = 0; i < 4000; ++i)
            painter.fillRect(QRect((i * 7919) % image.width(), (i * 104729) % image.height(), 6, 6),
                             QColor::fromHsv(i % 360, 200, 200));
        painter.end();
        const QString file = dir.filePath(QStringLiteral("photo.jpg"));
        image.save(file, "JPEG", 85);

        QHash<qint64, double> finishedAt;
        QHash<qint64, JobState> states;
        QElapsedTimer clock;
        clock.start();
        QObject::connect(&session.publisher(), &XPublisher::jobFinished, &app,
                         [&](qint64 jobId, JobState state, const QString&) {
                             finishedAt.insert(jobId, double(clock.nsecsElapsed()) / 1e6);
                             states.insert(jobId, state);
                         });
        session.startPublishing();
        QTest::qWait(300); // the publisher's first poll (recovery) is not part of a post

        QList<double> latencies;
        int confirmed = 0;
        for (int i = 0; i < repetitions; ++i) {
            XPublishPayload payload;
            payload.accountId = accountId;
            payload.text = QStringLiteral("Latency %1 %2").arg(i).arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
            XPublishPayload::Media media;
            media.path = file;
            media.altText = QStringLiteral("A gradient with coloured squares");
            payload.media = {media};
            const double start = double(clock.nsecsElapsed()) / 1e6;
            QFuture<Result<qint64>> queued = XOutbox(session.storage()).enqueue(payload);
            if (!Bench::spinUntil([&] { return queued.isFinished(); }, 10000) || !queued.result()) {
                std::fprintf(stderr, "queueing failed\n");
                status = 1;
                break;
            }
            const qint64 jobId = queued.result().value();
            if (!Bench::spinUntil([&] { return finishedAt.contains(jobId); }, 20000) || states.value(jobId) != JobState::Succeeded) {
                std::fprintf(stderr, "job %lld did not succeed\n", qlonglong(jobId));
                status = 1;
                break;
            }
            latencies << finishedAt.value(jobId) - start;
            confirmed += sandboxPosts(sandbox, payload.text) == 1;
        }
        if (!latencies.isEmpty()) {
            std::printf("bench_publishlatency: %lld image posts (JPEG %dx%d, %lld bytes), poll interval %lld ms\n",
                        qlonglong(latencies.size()), image.width(), image.height(), qlonglong(QFileInfo(file).size()),
                        qlonglong(XPublisher::Options{}.pollInterval.count()));
            std::printf("  compose submit -> published: min %.1f  p50 %.1f  p95 %.1f  max %.1f ms (target p50 <= 500)\n",
                        percentile(latencies, 0.0), percentile(latencies, 0.5), percentile(latencies, 0.95),
                        percentile(latencies, 1.0));
            std::printf("  confirmed by the sandbox's admin view: %d of %lld\n", confirmed, qlonglong(latencies.size()));
        }
    }
    network.quit();
    network.wait();
    return status;
}
