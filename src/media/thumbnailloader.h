#pragma once

#include "core/error.h"
#include "media/thumbnaildecoder.h"

#include <QCache>
#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QSize>
#include <QString>
#include <QThreadPool>

#include <deque>

namespace AssetDesk {

// Turns thumbnail files into pixmaps for views, without ever decoding on the GUI thread.
//
// pixmap() answers from an in-memory LRU bounded in bytes; a miss queues a scaled decode
// (ThumbnailDecoder) on the loader's own small thread pool and returns a null pixmap at once. The
// decoded QImage comes back to the GUI thread, becomes a QPixmap there, enters the LRU, and
// thumbnailReady() tells the views to repaint. The queue is last-in-first-out and bounded: when
// someone scrolls fast, what is on screen now is decoded first and what scrolled away long ago is
// dropped. A file that fails to decode is remembered (thumbnailFailed() once) and not retried
// until forget().
//
// Threads: a ThumbnailLoader lives on the GUI thread and is used there only. The destructor drops
// the queue and waits for the decodes already running.
class ThumbnailLoader : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 memoryBytes = 96LL * 1024 * 1024; // pixmap bytes kept in memory
        int threads = 2;
        int maxQueued = 512;
        ThumbnailLimits limits;
    };

    explicit ThumbnailLoader(QObject* parent = nullptr);
    explicit ThumbnailLoader(Options options, QObject* parent = nullptr);
    ~ThumbnailLoader() override;

    // The pixmap of `path` fitted into `box` if it is in memory; otherwise a null pixmap, and the
    // decode is queued (once) unless it failed before.
    QPixmap pixmap(const QString& path, QSize box);
    // Only the memory lookup: never queues anything.
    QPixmap cachedPixmap(const QString& path, QSize box) const;
    bool hasFailed(const QString& path, QSize box) const;
    // Drops what is known about `path` (pixmaps and failures), e.g. after its file was replaced.
    void forget(const QString& path);
    // Drops every queued (not yet running) decode.
    void cancelQueued();

    qint64 memoryBytes() const { return m_pixmaps.totalCost(); }
    qint64 memoryLimit() const { return m_pixmaps.maxCost(); }
    int queuedCount() const { return int(m_queue.size()); }
    int runningCount() const { return m_running; }

signals:
    void thumbnailReady(const QString& path, QSize box);
    void thumbnailFailed(const QString& path, QSize box, const AssetDesk::Error& error);

private:
    struct Request
    {
        QString path;
        QSize box;
    };
    static QString keyOf(const QString& path, QSize box);
    void startNext();
    void finished(const Request& request, const Result<QImage>& image);

    Options m_options;
    QThreadPool m_pool;
    QCache<QString, QPixmap> m_pixmaps;
    std::deque<Request> m_queue;   // newest at the back: decoded first
    QSet<QString> m_pending;       // queued or running, by key
    QHash<QString, Error> m_failed;
    int m_running = 0;
};

} // namespace AssetDesk
