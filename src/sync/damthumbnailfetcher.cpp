#include "core/whenfinished.h"
#include "sync/damthumbnailfetcher.h"

#include "connectors/damsource.h"
#include "media/thumbnailcache.h"
#include "media/thumbnaildecoder.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"
#include "sync/synclog.h"

#include <QFileInfo>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace AssetDesk {

namespace {
constexpr int kLoadBatch = 64;
constexpr int kFlushBatch = 32;

bool isThumbnailName(const QString& name)
{
    static const QStringList names{QStringLiteral("thumbnail"), QStringLiteral("thumb"), QStringLiteral("keyframe"),
                                   QStringLiteral("poster"), QStringLiteral("small")};
    return names.contains(name.toLower());
}
} // namespace

DamThumbnailFetcher::DamThumbnailFetcher(Storage& storage, ThumbnailCache& cache, DamSource& source, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_cache(cache)
    , m_source(source)
{
    m_pool.setMaxThreadCount(2);
}

std::optional<Rendition> DamThumbnailFetcher::pick(const Asset& asset, QSize box)
{
    const int edge = qMax(box.width(), box.height());
    std::optional<Rendition> best;
    qint64 bestScore = std::numeric_limits<qint64>::max();
    for (const Rendition& r : asset.renditions) {
        if (!r.remoteUrl.isValid() || r.remoteUrl.isEmpty())
            continue;
        const bool original = r.name == u"original";
        if (original && (asset.mediaType != MediaType::Image || asset.renditions.size() > 1))
            continue;
        const bool video = r.mimeType.startsWith(QLatin1String("video/")) || r.mimeType.startsWith(QLatin1String("audio/"));
        if (video)
            continue;
        qint64 score;
        const int longest = qMax(r.width, r.height);
        if (longest > 0) {
            // Covers the box: smaller is better. Below it: larger is better, after every cover.
            score = longest >= edge ? qint64(longest) : qint64(1) << 40 | qint64(edge - longest);
        } else {
            score = isThumbnailName(r.name) ? qint64(1) << 41 : qint64(1) << 42;
        }
        if (original)
            score = qint64(1) << 50;
        if (score < bestScore) {
            bestScore = score;
            best = r;
        }
    }
    return best;
}

void DamThumbnailFetcher::enqueue(const QList<qint64>& assetIds)
{
    for (qint64 id : assetIds)
        m_ids.push_back(id);
    pump();
}

void DamThumbnailFetcher::pump()
{
    while (m_work.size() < size_t(m_concurrency) && !m_ids.empty()) {
        QList<qint64> batch;
        while (!m_ids.empty() && batch.size() < kLoadBatch) {
            batch << m_ids.front();
            m_ids.pop_front();
        }
        const Result<QList<Asset>> assets = AssetRepository(m_storage).getMany(batch);
        if (!assets) {
            qCWarning(lcDamSync) << "thumbnails: reading assets failed:" << assets.error().toLogString();
            m_failed += batch.size();
            continue;
        }
        for (const Asset& asset : *assets) {
            const std::optional<Rendition> r = pick(asset, m_box);
            if (!r)
                continue;
            if (!r->localPath.isEmpty() && QFileInfo::exists(r->localPath))
                continue; // cached already
            m_work.push_back(Work{asset.id, *r});
        }
    }
    while (m_inFlight < m_concurrency && !m_work.empty()) {
        Work work = m_work.front();
        m_work.pop_front();
        fetch(work);
    }
    if (m_inFlight == 0 && m_work.empty() && m_ids.empty()) {
        flush();
        if (isIdle())
            emit idle();
    }
}

void DamThumbnailFetcher::fetch(const Work& work)
{
    ++m_inFlight;
    m_source.fetchRendition(work.rendition, m_maxBytes, this, [this, work](Result<QByteArray> bytes) {
        if (!bytes)
            return stored(work, bytes.error());
        ThumbnailCache* cache = &m_cache;
        const QSize box = m_box;
        const Rendition r = work.rendition;
        whenFinished(QtConcurrent::run(&m_pool,
                                       [cache, box, r, data = std::move(*bytes)]() -> Result<QString> {
                                           // Small JPEG / PNG renditions are already thumbnails; everything
                                           // else is scaled.
                                           const bool fits =
                                               r.width > 0 && r.height > 0 && r.width <= box.width() &&
                                               r.height <= box.height() &&
                                               (r.mimeType == u"image/jpeg" || r.mimeType == u"image/png");
                                           if (fits)
                                               return cache->store(data);
                                           const Result<QByteArray> thumb =
                                               ThumbnailDecoder::makeThumbnail(data, box);
                                           if (!thumb)
                                               return thumb.error();
                                           return cache->store(*thumb);
                                       }),
                     this, [this, work](Result<QString> path) { stored(work, path); });
    });
}

void DamThumbnailFetcher::stored(const Work& work, const Result<QString>& path)
{
    --m_inFlight;
    if (!path) {
        ++m_failed;
        qCInfo(lcDamSync) << "thumbnail of asset" << work.assetId << "failed:" << path.error().toLogString();
    } else {
        m_pendingPaths << std::pair{work, *path};
        if (m_pendingPaths.size() >= kFlushBatch)
            flush();
    }
    pump();
}

void DamThumbnailFetcher::flush()
{
    if (m_flushing || m_pendingPaths.isEmpty())
        return;
    m_flushing = true;
    const QList<std::pair<Work, QString>> batch = std::exchange(m_pendingPaths, {});
    whenFinished(m_storage.write([batch](WriteContext& ctx) -> Result<int> {
        int n = 0;
        for (const auto& [work, path] : batch) {
            // The asset may have gone meanwhile (a sweep): that is not a failure of the batch.
            const Status s =
                AssetRepository::setRenditionLocalPath(ctx, work.assetId, work.rendition.name, path);
            if (s)
                ++n;
            else if (s.error().kind() != ErrorKind::NotFound)
                return s.error();
        }
        return n;
    }),
                 this, [this, batch](Result<int> written) {
                     m_flushing = false;
                     if (!written) {
                         m_failed += batch.size();
                         qCWarning(lcDamSync)
                             << "recording thumbnails failed:" << written.error().toLogString();
                     } else {
                         m_stored += *written;
                         for (const auto& [work, path] : batch)
                             emit thumbnailStored(work.assetId, path);
                     }
                     pump();
                 });
}

} // namespace AssetDesk
