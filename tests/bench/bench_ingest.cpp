// bench_ingest: what storing a synced page costs, against a plain bulk insert of the same rows.
//
//   build/bin/bench_ingest [--count N] [--page P] [--postgres URL]
//
// In one run, on fresh SQLite workspaces (or the PostgreSQL URL given), for N generated assets in
// pages of P (a sync commits one page per write):
//   plain    prepared INSERTs of exactly the rows the upsert writes (asset with its FTS trigger,
//            three renditions, two collection memberships, one version), nothing compared;
//   upsert   AssetRepository::upsert, as the sync engines call it (new assets);
//   resync   the same pages again, unchanged (an incremental sync that finds nothing new);
//   update   the same pages with every title changed (a full metadata edit).
// Generating the assets is not timed. Prints assets/s and µs per asset for each.
#include "core/asset.h"
#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
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
#include <functional>

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

// The same rows the upsert writes, by plain prepared INSERTs: the floor a bulk import costs.
Result<int> insertPlain(WriteContext& ctx, const QList<Asset>& page)
{
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

// Writes `count` assets in pages; only the writes are timed. Returns milliseconds.
qint64 run(Storage& storage, qint64 accountId, int count, int pageSize, const QString& suffix, const PageWriter& write)
{
    qint64 elapsedNs = 0;
    for (int from = 0; from < count; from += pageSize) {
        QList<Asset> page;
        page.reserve(pageSize);
        for (int n = from; n < qMin(count, from + pageSize); ++n)
            page << benchAsset(accountId, n, suffix);
        QElapsedTimer timer;
        timer.start();
        if (Status s = write(storage, page); !s)
            qFatal("%s", qPrintable(s.error().toLogString()));
        elapsedNs += timer.nsecsElapsed();
    }
    return elapsedNs / 1000000;
}

void report(const char* what, int count, qint64 ms, qint64 baselineMs)
{
    const double perSecond = count * 1000.0 / double(qMax<qint64>(1, ms));
    std::printf("%-8s %9d assets %8lld ms %10.0f assets/s %8.1f us/asset", what, count, static_cast<long long>(ms),
                perSecond, ms * 1000.0 / count);
    if (baselineMs > 0)
        std::printf("   x%.2f of plain", double(ms) / double(baselineMs));
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
    parser.addOptions({countOption, pageOption, pgOption});
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    const int pageSize = qMax(1, parser.value(pageOption).toInt());
    const QString pg = parser.value(pgOption);
    std::printf("bench_ingest: %d assets in pages of %d on %s\n", count, pageSize, pg.isEmpty() ? "SQLite" : "PostgreSQL");

    auto plainWrite = [](Storage& s, const QList<Asset>& page) -> Status {
        const Result<int> r = s.writeAndWait([page](WriteContext& ctx) { return insertPlain(ctx, page); });
        return r ? Status() : Status(r.error());
    };
    auto upsertWrite = [](Storage& s, const QList<Asset>& page) -> Status {
        const Result<QList<qint64>> r =
            s.writeAndWait([page](WriteContext& ctx) { return AssetRepository::upsert(ctx, page); });
        return r ? Status() : Status(r.error());
    };

    qint64 plainMs = 0;
    {
        auto ws = openWorkspace(pg);
        plainMs = run(*ws->storage, ws->accountId, count, pageSize, {}, plainWrite);
        report("plain", count, plainMs, 0);
    }
    auto ws = openWorkspace(pg);
    report("upsert", count, run(*ws->storage, ws->accountId, count, pageSize, {}, upsertWrite), plainMs);
    report("resync", count, run(*ws->storage, ws->accountId, count, pageSize, {}, upsertWrite), plainMs);
    report("update", count, run(*ws->storage, ws->accountId, count, pageSize, QStringLiteral(" (edited)"), upsertWrite),
           plainMs);
    return 0;
}
