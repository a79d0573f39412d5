#pragma once

#include "core/asset.h"
#include "core/result.h"

#include <QList>
#include <QObject>
#include <QSize>
#include <QThreadPool>

#include <deque>
#include <optional>

namespace AssetDesk {

class DamSource;
class Storage;
class ThumbnailCache;

// Fetches thumbnails for synced assets that have none cached yet: the service's smallest
// suitable rendition through DamSource::fetchRendition (at most maxBytes), scaled down with
// ThumbnailDecoder on a pool thread when it is larger than the box (or not a JPEG / PNG), stored
// in the content-addressed ThumbnailCache, and recorded as the rendition's localPath.
// At most `concurrency` renditions are in flight. Lives on the DamSource's thread; the decoding
// and the cache's disk I/O run on its own small pool, never on the GUI thread.
class DamThumbnailFetcher : public QObject
{
    Q_OBJECT
public:
    DamThumbnailFetcher(Storage& storage, ThumbnailCache& cache, DamSource& source, QObject* parent = nullptr);

    void setConcurrency(int n) { m_concurrency = qMax(1, n); }
    void setBox(QSize box) { m_box = box; }
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }

    void enqueue(const QList<qint64>& assetIds);
    bool isIdle() const { return m_ids.empty() && m_work.empty() && m_inFlight == 0 && m_pendingPaths.isEmpty() && !m_flushing; }
    qint64 stored() const { return m_stored; }
    qint64 failed() const { return m_failed; }

    // The rendition a thumbnail is made from: the smallest that still covers `box`, else the
    // largest smaller one; the original only for images and only when nothing else exists.
    static std::optional<Rendition> pick(const Asset& asset, QSize box);

signals:
    void thumbnailStored(qint64 assetId, const QString& path);
    void idle();

private:
    struct Work
    {
        qint64 assetId = 0;
        Rendition rendition;
    };
    void pump();
    void fetch(const Work& work);
    void stored(const Work& work, const Result<QString>& path);
    void flush();

    Storage& m_storage;
    ThumbnailCache& m_cache;
    DamSource& m_source;
    QThreadPool m_pool;
    std::deque<qint64> m_ids;
    std::deque<Work> m_work;
    QList<std::pair<Work, QString>> m_pendingPaths;
    int m_concurrency = 4;
    int m_inFlight = 0;
    bool m_flushing = false;
    QSize m_box{256, 256};
    qint64 m_maxBytes = 8 * 1024 * 1024;
    qint64 m_stored = 0;
    qint64 m_failed = 0;
};

} // namespace AssetDesk
