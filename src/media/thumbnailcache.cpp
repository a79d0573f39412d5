#include "media/thumbnailcache.h"

#include "core/atomicfile.h"
#include "media/imagepreflight.h"
#include "media/medialog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QStandardPaths>

#include <algorithm>
#include <vector>

namespace AssetDesk {

namespace {
constexpr int kKeyLength = 64;
constexpr qint64 kTouchIntervalMs = 60LL * 60 * 1000; // mtime refresh: LRU order across restarts
constexpr double kEvictTo = 0.9;                      // evict to 90 % so the next store has room

bool isHexLower(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
}

QString shardOf(const QString& key)
{
    return key.left(2);
}
} // namespace

ThumbnailCache::ThumbnailCache(QString root, qint64 maxBytes)
    : m_root(QDir::cleanPath(QFileInfo(root.isEmpty() ? defaultRoot() : root).absoluteFilePath()))
    , m_maxBytes(qMax<qint64>(0, maxBytes))
{
}

QString ThumbnailCache::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/thumbnails");
}

QString ThumbnailCache::keyFor(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool ThumbnailCache::isValidKey(const QString& key)
{
    return key.size() == kKeyLength && std::all_of(key.cbegin(), key.cend(), isHexLower);
}

qint64 ThumbnailCache::maxBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxBytes;
}

void ThumbnailCache::setMaxBytes(qint64 maxBytes)
{
    QMutexLocker lock(&m_mutex);
    m_maxBytes = qMax<qint64>(0, maxBytes);
    ensureIndexLocked();
    if (m_totalBytes > m_maxBytes)
        evictLocked(qint64(double(m_maxBytes) * kEvictTo));
}

QString ThumbnailCache::pathForKey(const QString& key) const
{
    if (!isValidKey(key))
        return {};
    return m_root + QLatin1Char('/') + shardOf(key) + QLatin1Char('/') + key;
}

QString ThumbnailCache::keyForPath(const QString& path) const
{
    const QString clean = QDir::cleanPath(path);
    const QString key = QFileInfo(clean).fileName();
    return isValidKey(key) && clean == pathForKey(key) ? key : QString();
}

void ThumbnailCache::ensureIndexLocked()
{
    if (m_indexed)
        return;
    m_indexed = true;
    struct Found
    {
        QString key;
        qint64 bytes;
        qint64 mtime;
    };
    std::vector<Found> found;
    QDirIterator shards(m_root, QDir::Dirs | QDir::NoDotAndDotDot);
    while (shards.hasNext()) {
        const QFileInfo shard = shards.nextFileInfo();
        QDirIterator files(shard.absoluteFilePath(), QDir::Files | QDir::Hidden);
        while (files.hasNext()) {
            const QFileInfo file = files.nextFileInfo();
            const QString name = file.fileName();
            if (isValidKey(name) && shardOf(name) == shard.fileName()) {
                found.push_back({name, file.size(), file.lastModified().toMSecsSinceEpoch()});
            } else if (name.size() > kKeyLength && name.at(kKeyLength) == u'.' && isValidKey(name.left(kKeyLength))) {
                // A QSaveFile temporary left by a process that died mid-write: never a finished file.
                QFile::remove(file.absoluteFilePath());
            }
        }
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.mtime < b.mtime; });
    for (const Found& f : found)
        addLocked(f.key, f.bytes, f.mtime);
    qCDebug(lcMedia) << "thumbnail cache" << m_root << "holds" << m_entries.size() << "files," << m_totalBytes
                     << "bytes";
}

void ThumbnailCache::addLocked(const QString& key, qint64 bytes, qint64 touchedAtMs)
{
    m_lru.push_back({key, bytes, touchedAtMs});
    m_entries.insert(key, std::prev(m_lru.end()));
    m_totalBytes += bytes;
}

void ThumbnailCache::forgetLocked(const QString& key)
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return;
    m_totalBytes -= it.value()->bytes;
    m_lru.erase(it.value());
    m_entries.erase(it);
}

void ThumbnailCache::touchLocked(Lru::iterator it)
{
    m_lru.splice(m_lru.end(), m_lru, it);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - it->touchedAtMs < kTouchIntervalMs)
        return;
    QFile file(pathForKey(it->key));
    if (file.open(QIODevice::ReadOnly)
        && file.setFileTime(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC), QFileDevice::FileModificationTime))
        it->touchedAtMs = now;
}

void ThumbnailCache::evictLocked(qint64 target)
{
    while (m_totalBytes > target && !m_lru.empty()) {
        const Entry victim = m_lru.front();
        const QString path = pathForKey(victim.key);
        if (!QFile::remove(path) && QFile::exists(path)) {
            qCWarning(lcMedia) << "could not evict" << path;
            // Keep accounting honest and move on: the file stays but is no longer ours to count.
        }
        forgetLocked(victim.key);
    }
}

Result<QString> ThumbnailCache::store(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return mediaError(ErrorKind::Validation, ThumbnailCache::tr("There are no bytes to cache."));
    const QString key = keyFor(bytes);
    const QString path = pathForKey(key);

    QMutexLocker lock(&m_mutex);
    ensureIndexLocked();
    if (const auto it = m_entries.constFind(key); it != m_entries.constEnd()) {
        if (QFileInfo(path).size() == bytes.size()) {
            touchLocked(it.value());
            return path;
        }
        forgetLocked(key); // removed or damaged behind our back: write it again
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return mediaError(ErrorKind::Io,
                          ThumbnailCache::tr("The thumbnail cache folder could not be created."),
                          QFileInfo(path).absolutePath());
    }
    if (Status s = writeFileAtomically(path, bytes,
                                       ThumbnailCache::tr("A thumbnail could not be written to the cache."));
        !s)
        return Error(s.error()).withOrigin(QStringLiteral("media"));
    addLocked(key, bytes.size(), QDateTime::currentMSecsSinceEpoch());
    if (m_totalBytes > m_maxBytes) {
        evictLocked(qint64(double(m_maxBytes) * kEvictTo));
        // A single file larger than the whole cap is not kept either; say so instead of
        // returning the path of a file that is already gone.
        if (!m_entries.contains(key)) {
            return mediaError(ErrorKind::TooLarge,
                              ThumbnailCache::tr("The file is larger than the whole thumbnail cache."),
                              QStringLiteral("%1 bytes, cap %2").arg(bytes.size()).arg(m_maxBytes));
        }
    }
    return path;
}

std::optional<QString> ThumbnailCache::find(const QString& key)
{
    if (!isValidKey(key))
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    ensureIndexLocked();
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return std::nullopt;
    const QString path = pathForKey(key);
    if (!QFile::exists(path)) {
        forgetLocked(key);
        return std::nullopt;
    }
    touchLocked(it.value());
    return path;
}

Result<QByteArray> ThumbnailCache::read(const QString& key)
{
    if (!isValidKey(key))
        return mediaError(ErrorKind::Validation, ThumbnailCache::tr("That is not a thumbnail cache key."));
    const std::optional<QString> path = find(key);
    if (!path)
        return mediaError(ErrorKind::NotFound, ThumbnailCache::tr("The thumbnail is not in the cache."), key);
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly)) {
        return mediaError(ErrorKind::Io, ThumbnailCache::tr("A cached thumbnail could not be read."),
                          QStringLiteral("%1: %2").arg(*path, file.errorString()));
    }
    return file.readAll();
}

bool ThumbnailCache::contains(const QString& key)
{
    return find(key).has_value();
}

bool ThumbnailCache::remove(const QString& key)
{
    if (!isValidKey(key))
        return false;
    QMutexLocker lock(&m_mutex);
    ensureIndexLocked();
    const bool known = m_entries.contains(key);
    forgetLocked(key);
    return QFile::remove(pathForKey(key)) || known;
}

qint64 ThumbnailCache::totalBytes()
{
    QMutexLocker lock(&m_mutex);
    ensureIndexLocked();
    return m_totalBytes;
}

qsizetype ThumbnailCache::fileCount()
{
    QMutexLocker lock(&m_mutex);
    ensureIndexLocked();
    return m_entries.size();
}

} // namespace AssetDesk
