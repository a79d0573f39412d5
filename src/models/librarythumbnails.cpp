#include "models/librarythumbnails.h"

#include "media/thumbnailloader.h"

#include <utility>

namespace AssetDesk {

namespace {
// Bounds the "asked once" memory when someone scrolls through a million assets without thumbnails.
constexpr qsizetype kMaxRememberedAsks = 200000;
// Rows painted within this time are asked for in one batch.
constexpr int kBatchMs = 50;
} // namespace

LibraryThumbnails::LibraryThumbnails(ThumbnailLoader* loader, QSize size, QObject* parent)
    : QObject(parent)
    , m_loader(loader)
    , m_size(size)
{
    m_batch.setSingleShot(true);
    m_batch.setInterval(kBatchMs);
    connect(&m_batch, &QTimer::timeout, this, [this] {
        if (!m_toAsk.isEmpty())
            emit wanted(std::exchange(m_toAsk, {}));
    });
    if (m_loader) {
        connect(m_loader, &ThumbnailLoader::thumbnailReady, this, &LibraryThumbnails::onDecodeDone);
        connect(m_loader, &ThumbnailLoader::thumbnailFailed, this,
                [this](const QString& path, QSize box) { onDecodeDone(path, box); });
    }
}

bool LibraryThumbnails::setSize(QSize size)
{
    if (size == m_size || size.isEmpty())
        return false;
    m_size = size;
    m_waiting.clear();
    return true;
}

QPixmap LibraryThumbnails::pixmapFor(const LibraryItem& item)
{
    if (item.thumbnailPath.isEmpty()) {
        want(item.id);
        return {};
    }
    if (!m_loader)
        return {};
    const QPixmap pixmap = m_loader->pixmap(item.thumbnailPath, m_size);
    if (!pixmap.isNull())
        return pixmap;
    if (m_loader->hasFailed(item.thumbnailPath, m_size))
        want(item.id); // the cached file is gone or broken: fetch it again
    else
        m_waiting.insert(item.thumbnailPath, item.id);
    return {};
}

bool LibraryThumbnails::isDecoded(const LibraryItem& item) const
{
    return m_loader && !item.thumbnailPath.isEmpty() &&
           !m_loader->cachedPixmap(item.thumbnailPath, m_size).isNull();
}

bool LibraryThumbnails::hasFailed(const LibraryItem& item) const
{
    return m_loader && !item.thumbnailPath.isEmpty() && m_loader->hasFailed(item.thumbnailPath, m_size);
}

void LibraryThumbnails::want(qint64 assetId)
{
    if (m_asked.contains(assetId))
        return;
    if (m_asked.size() >= kMaxRememberedAsks)
        m_asked.clear();
    m_asked.insert(assetId);
    m_toAsk.append(assetId);
    if (!m_batch.isActive())
        m_batch.start();
}

void LibraryThumbnails::onDecodeDone(const QString& path, QSize box)
{
    if (box != m_size)
        return;
    const QList<qint64> ids = m_waiting.values(path);
    if (ids.isEmpty())
        return;
    m_waiting.remove(path);
    emit decoded(ids);
}

} // namespace AssetDesk
