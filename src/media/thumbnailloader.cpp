#include "media/thumbnailloader.h"

#include "media/medialog.h"

#include <QMetaObject>

namespace AssetDesk {

namespace {
constexpr qsizetype kMaxRememberedFailures = 20000;
} // namespace

ThumbnailLoader::ThumbnailLoader(QObject* parent)
    : ThumbnailLoader(Options{}, parent)
{
}

ThumbnailLoader::ThumbnailLoader(Options options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
    m_pool.setObjectName(QStringLiteral("thumbnails"));
    m_pool.setMaxThreadCount(qMax(1, options.threads));
    m_pixmaps.setMaxCost(qMax<qint64>(1, options.memoryBytes));
}

ThumbnailLoader::~ThumbnailLoader()
{
    m_queue.clear();
    m_pool.waitForDone();
}

QString ThumbnailLoader::keyOf(const QString& path, QSize box)
{
    return QStringLiteral("%1x%2|").arg(box.width()).arg(box.height()) + path;
}

QPixmap ThumbnailLoader::cachedPixmap(const QString& path, QSize box) const
{
    if (const QPixmap* cached = m_pixmaps.object(keyOf(path, box)))
        return *cached;
    return {};
}

bool ThumbnailLoader::hasFailed(const QString& path, QSize box) const
{
    return m_failed.contains(keyOf(path, box));
}

QPixmap ThumbnailLoader::pixmap(const QString& path, QSize box)
{
    if (path.isEmpty() || box.isEmpty())
        return {};
    const QString key = keyOf(path, box);
    if (const QPixmap* cached = m_pixmaps.object(key))
        return *cached;
    if (m_failed.contains(key))
        return {};
    if (m_pending.contains(key)) {
        // Asked again: it is on screen now, so move it to the front of the line.
        const auto it = std::find_if(m_queue.begin(), m_queue.end(),
                                     [&](const Request& r) { return r.box == box && r.path == path; });
        if (it != m_queue.end() && std::next(it) != m_queue.end()) {
            Request request = *it;
            m_queue.erase(it);
            m_queue.push_back(std::move(request));
        }
        return {};
    }
    m_pending.insert(key);
    m_queue.push_back({path, box});
    while (qsizetype(m_queue.size()) > qMax(1, m_options.maxQueued)) {
        m_pending.remove(keyOf(m_queue.front().path, m_queue.front().box));
        m_queue.pop_front();
    }
    startNext();
    return {};
}

void ThumbnailLoader::startNext()
{
    while (m_running < m_pool.maxThreadCount() && !m_queue.empty()) {
        Request request = std::move(m_queue.back());
        m_queue.pop_back();
        ++m_running;
        const ThumbnailLimits limits = m_options.limits;
        // Always queued back, even when the decode is quick: pixmap() never re-enters itself
        // through a synchronous completion. `this` outlives the task (the destructor waits).
        m_pool.start([this, request, limits] {
            Result<QImage> image = ThumbnailDecoder::decodeFile(request.path, request.box, limits);
            QMetaObject::invokeMethod(
                this, [this, request, image = std::move(image)] { finished(request, image); },
                Qt::QueuedConnection);
        });
    }
}

void ThumbnailLoader::finished(const Request& request, const Result<QImage>& image)
{
    --m_running;
    const QString key = keyOf(request.path, request.box);
    m_pending.remove(key);
    if (image) {
        // QPixmap belongs to the GUI thread: the conversion happens here, on a small image.
        auto* pixmap = new QPixmap(QPixmap::fromImage(*image));
        const qint64 cost = qint64(pixmap->width()) * pixmap->height() * qMax(1, pixmap->depth() / 8);
        m_pixmaps.insert(key, pixmap, qMax<qint64>(1, cost));
        emit thumbnailReady(request.path, request.box);
    } else {
        qCDebug(lcMedia) << "thumbnail failed:" << image.error().toLogString();
        if (m_failed.size() >= kMaxRememberedFailures)
            m_failed.clear();
        m_failed.insert(key, image.error());
        emit thumbnailFailed(request.path, request.box, image.error());
    }
    startNext();
}

void ThumbnailLoader::forget(const QString& path)
{
    const QString suffix = QLatin1Char('|') + path;
    const QList<QString> keys = m_pixmaps.keys();
    for (const QString& key : keys) {
        if (key.endsWith(suffix))
            m_pixmaps.remove(key);
    }
    for (auto it = m_failed.begin(); it != m_failed.end();) {
        if (it.key().endsWith(suffix))
            it = m_failed.erase(it);
        else
            ++it;
    }
}

void ThumbnailLoader::cancelQueued()
{
    for (const Request& r : m_queue)
        m_pending.remove(keyOf(r.path, r.box));
    m_queue.clear();
}

} // namespace AssetDesk
