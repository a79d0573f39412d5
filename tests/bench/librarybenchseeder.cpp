#include "librarybenchseeder.h"

#include "libraryfixture.h"
#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"
#include "storage/writecontext.h"
#include "storage/storage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QtConcurrent>

namespace AssetDesk::Bench {

namespace {
constexpr int kThumbnails = 48;
const char* const kWords[] = {"amber", "bridge", "canyon", "delta", "ember", "fjord", "glacier", "harbour", "island",
                              "jungle", "kelp", "lagoon", "meadow", "nebula", "orchard", "prairie", "quarry",
                              "reef", "savanna", "tundra", "umbra", "valley", "willow", "yonder", "zenith",
                              "atlas", "beacon", "cobalt", "dune", "estuary", "falcon", "grove"};
constexpr int kWordCount = int(sizeof(kWords) / sizeof(kWords[0]));

QStringList writeThumbnails(const QString& dir)
{
    QDir().mkpath(dir);
    QStringList files;
    for (int i = 0; i < kThumbnails; ++i) {
        QImage image(240, 160, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((i * 37) % 360, 120, 200));
        QPainter p(&image);
        p.fillRect(0, 100, 240, 60, QColor::fromHsv((i * 37 + 180) % 360, 160, 120));
        p.setBrush(QColor(255, 240, 200));
        p.drawEllipse(QPoint(60 + (i * 13) % 120, 50), 22, 22);
        p.end();
        const QString file = QDir(dir).filePath(QStringLiteral("thumb%1.jpg").arg(i));
        if (image.save(file, "JPEG", 80))
            files << file;
    }
    return files;
}

Asset makeAsset(qint64 accountId, int n, const QStringList& thumbs)
{
    Asset a = Test::LibraryFixture::sampleAsset(accountId, n);
    // Two words out of 32 each: a word matches ~6% of the library, a pair ~0.2%.
    const QString w1 = QLatin1String(kWords[n % kWordCount]);
    const QString w2 = QLatin1String(kWords[(n / kWordCount) % kWordCount]);
    a.title = QStringLiteral("%1 %2 %3").arg(a.title, w1, w2);
    a.keywords << w2;
    if (!thumbs.isEmpty())
        a.renditions.first().localPath = thumbs.at(n % thumbs.size());
    return a;
}
} // namespace

namespace {
// Plain prepared INSERTs into assets (its trigger fills the FTS index), renditions and versions:
// what a bulk import costs without the upsert's per-asset comparisons.
Result<int> insertBatch(WriteContext& ctx, const QList<Asset>& batch)
{
    SqlStatement asset = ctx.statement(QStringLiteral(
        "INSERT INTO assets (account_id, service, remote_id, version, title, caption, keywords, campaign, file_name, "
        "mime_type, media_type, width, height, file_size, approval, license_expires_at, credit, copyright, lifecycle, "
        "created_at, modified_at, raw_json) VALUES (:account, :service, :remote, :version, :title, :caption, :keywords, "
        ":campaign, :file, :mime, :media, :width, :height, :size, :approval, :expires, :credit, :copyright, :lifecycle, "
        ":created, :modified, :raw)"));
    SqlStatement rendition = ctx.statement(QStringLiteral(
        "INSERT INTO asset_renditions (asset_id, position, name, width, height, mime_type, bytes, remote_url, local_path) "
        "VALUES (last_insert_rowid(), 0, :name, :width, :height, :mime, :bytes, :url, :path)"));
    SqlStatement version = ctx.statement(QStringLiteral(
        "INSERT INTO asset_versions (asset_id, version, modified_at, first_seen_at) "
        "SELECT max(id), :version, :modified, :seen FROM assets"));
    const QVariant seen = SqlValues::timestamp(ctx.now());
    for (const Asset& a : batch) {
        asset.bind(QStringLiteral("account"), a.accountId).bind(QStringLiteral("service"), serviceId(a.service))
            .bind(QStringLiteral("remote"), a.remoteId).bind(QStringLiteral("version"), a.version)
            .bind(QStringLiteral("title"), a.title).bind(QStringLiteral("caption"), a.caption)
            .bind(QStringLiteral("keywords"), a.keywords.join(u'\n')).bind(QStringLiteral("campaign"), a.campaign)
            .bind(QStringLiteral("file"), a.fileName).bind(QStringLiteral("mime"), a.mimeType)
            .bind(QStringLiteral("media"), mediaTypeId(a.mediaType)).bind(QStringLiteral("width"), a.width)
            .bind(QStringLiteral("height"), a.height).bind(QStringLiteral("size"), a.fileSize)
            .bind(QStringLiteral("approval"), approvalStateId(a.rights.approval))
            .bind(QStringLiteral("expires"), SqlValues::timestamp(a.rights.licenseExpiresAt))
            .bind(QStringLiteral("credit"), a.rights.credit).bind(QStringLiteral("copyright"), a.rights.copyright)
            .bind(QStringLiteral("lifecycle"), lifecycleStateId(a.lifecycle))
            .bind(QStringLiteral("created"), SqlValues::timestamp(a.createdAt))
            .bind(QStringLiteral("modified"), SqlValues::timestamp(a.modifiedAt))
            .bind(QStringLiteral("raw"), QString::fromUtf8(a.rawJson));
        if (Status s = asset.exec(); !s)
            return s.error();
        const Rendition& r = a.renditions.first();
        rendition.bind(QStringLiteral("name"), r.name).bind(QStringLiteral("width"), r.width)
            .bind(QStringLiteral("height"), r.height).bind(QStringLiteral("mime"), r.mimeType)
            .bind(QStringLiteral("bytes"), r.bytes).bind(QStringLiteral("url"), r.remoteUrl.toString())
            .bind(QStringLiteral("path"), r.localPath);
        if (Status s = rendition.exec(); !s)
            return s.error();
        version.bind(QStringLiteral("version"), a.version).bind(QStringLiteral("modified"), SqlValues::timestamp(a.modifiedAt))
            .bind(QStringLiteral("seen"), seen);
        if (Status s = version.exec(); !s)
            return s.error();
    }
    return int(batch.size());
}
} // namespace

Result<SeedResult> seedLibrary(Storage& storage, qint64 accountId, int count, const QString& thumbnailDir)
{
    const QStringList thumbs = writeThumbnails(thumbnailDir);
    QElapsedTimer timer;
    timer.start();
    constexpr int kBatch = 50000;
    // The next batch is generated on a pool thread while the writer stores this one.
    auto generate = [accountId, thumbs, count](int from) {
        QList<Asset> batch;
        batch.reserve(kBatch);
        for (int n = from; n < qMin(count, from + kBatch); ++n)
            batch.append(makeAsset(accountId, n, thumbs));
        return batch;
    };
    QFuture<QList<Asset>> next = QtConcurrent::run(generate, 0);
    for (int from = 0; from < count; from += kBatch) {
        const QList<Asset> batch = next.result();
        if (from + kBatch < count)
            next = QtConcurrent::run(generate, from + kBatch);
        const Result<int> stored = storage.writeAndWait([batch](WriteContext& ctx) { return insertBatch(ctx, batch); });
        if (!stored)
            return stored.error();
        qInfo("seeded %d assets, %.0f/s", qMin(count, from + kBatch), qMin(count, from + kBatch) * 1000.0 / qMax<qint64>(1, timer.elapsed()));
    }
    return SeedResult{count, timer.elapsed()};
}

} // namespace AssetDesk::Bench
