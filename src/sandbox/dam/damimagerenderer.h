#pragma once

#include <QByteArray>
#include <QCache>
#include <QSize>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <optional>

class QObject;

namespace AssetDesk::Sandbox {

struct DamAsset;

// Bytes of one rendition and what they claim to be.
struct DamRendition
{
    QByteArray bytes;
    QByteArray contentType;
    QSize size; // the picture's size; the declared size for the fixtures that are not pictures
};

// Real image bytes for renditions: a deterministic abstract picture per (catalog key, asset,
// version) - a two-colour gradient with a few shapes, no text (text needs fonts and a
// QGuiApplication; shapes do not) - scaled to fit a long edge and encoded as JPEG. Encoded bytes
// are kept in a bounded LRU by (asset, version, size), so a thumbnail grid asking for the same
// page twice does not encode twice; originals are not kept (large, rarely asked twice). Videos get a poster picture for sized renditions and a small
// ISO-BMFF ("MP4") file as their original. The bad-input fixtures get what they promise:
// undecodable bytes, or a PNG whose header claims 60000 x 60000 pixels. Server thread only.
class DamImageRenderer
{
public:
    static constexpr int kThumbnailEdge = 256;
    static constexpr int kPreviewEdge = 1600;

    explicit DamImageRenderer(qint64 cacheBytes = 64 * 1024 * 1024);

    // longEdge 0: the original (full size; a video's file). Otherwise a JPEG fitting in
    // longEdge x longEdge (never larger than the original).
    DamRendition rendition(quint64 key, const DamAsset& asset, int longEdge);

    // The same, without blocking the server thread: a cached rendition is handed to `done`
    // right away; otherwise it is drawn on the renderer's worker threads and `done` runs later on
    // `context`'s thread (never if `context` is gone by then). The renderer must outlive
    // `context`'s pending calls, which holds when `context` owns it.
    void renditionAsync(quint64 key, const DamAsset& asset, int longEdge, QObject* context,
                        std::function<void(DamRendition)> done);

    // Pieces of the above. cached()/store() are for the owning thread, render() for any thread.
    std::optional<DamRendition> cached(quint64 key, const DamAsset& asset, int longEdge);
    static DamRendition render(quint64 key, const DamAsset& asset, int longEdge);
    void store(quint64 key, const DamAsset& asset, int longEdge, const DamRendition& rendition);

    static QSize fitted(QSize size, int longEdge);
    static QByteArray picture(quint64 seed, QSize size, const char* format);
    static QByteArray undecodable(quint64 seed);
    static QByteArray enormousPng(int width, int height);
    static QByteArray videoFile(quint64 seed);

    int cachedCount() const { return int(m_cache.count()); }

private:
    static quint64 seedFor(quint64 key, const DamAsset& asset);
    static QString cacheKey(quint64 key, const DamAsset& asset, QSize size);

    QCache<QString, QByteArray> m_cache; // cost: bytes
    // Last member: destroyed (waiting for running renders) before the cache.
    QThreadPool m_workers;
};

} // namespace AssetDesk::Sandbox
