#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QString>

#include <list>
#include <optional>

namespace AssetDesk {

// A content-addressed disk cache for thumbnails and other rendition bytes.
//
// A file's name is the SHA-256 of its bytes (64 lower-case hex digits) in a shard folder named by
// its first two digits: <root>/3f/3fa4…e1. Nothing a service says (file names, titles, ids) ever
// becomes part of a path, so a hostile name cannot reach outside the cache. Identical bytes are
// stored once. Files are written through QSaveFile (a temporary file renamed into place), so a
// reader never sees half a file, even if the process dies mid-write.
//
// The cache keeps its total size under maxBytes(): when a store goes over, the least recently used
// files are removed until the total is at 90 % of the cap. "Used" is a store or a find(); the order
// survives restarts through the files' modification times (refreshed at most hourly per file).
//
// Threads: every method may be called from any thread (one mutex guards the index); calls do disk
// I/O, so the GUI thread never calls them. The index is built on first use by scanning the root.
class ThumbnailCache
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::ThumbnailCache)

public:
    static constexpr qint64 kDefaultMaxBytes = 512LL * 1024 * 1024;

    // `root` is created on first store. An empty root means defaultRoot().
    explicit ThumbnailCache(QString root = {}, qint64 maxBytes = kDefaultMaxBytes);
    ThumbnailCache(const ThumbnailCache&) = delete;
    ThumbnailCache& operator=(const ThumbnailCache&) = delete;

    // $XDG_CACHE_HOME/<organization>/<application>/thumbnails (QStandardPaths::CacheLocation).
    static QString defaultRoot();
    // The key of some bytes: their SHA-256 in lower-case hex.
    static QString keyFor(const QByteArray& bytes);
    // Whether `key` has the shape of a key (64 lower-case hex digits) and nothing else.
    static bool isValidKey(const QString& key);

    QString root() const { return m_root; }
    qint64 maxBytes() const;
    // Lowers or raises the cap; evicts at once if the cache is now over it.
    void setMaxBytes(qint64 maxBytes);

    // Where the file of `key` lives (or would live); empty for an invalid key.
    QString pathForKey(const QString& key) const;
    // The key of a path inside this cache, or empty if `path` is not one of the cache's files.
    QString keyForPath(const QString& path) const;

    // Stores the bytes (once) and returns the absolute path of their file. Empty bytes are refused
    // (Validation); a disk problem is ErrorKind::Io.
    Result<QString> store(const QByteArray& bytes);
    // The path of `key`'s file if it is cached (and marks it used), otherwise nullopt.
    std::optional<QString> find(const QString& key);
    // The cached bytes of `key`: NotFound when absent, Validation for an invalid key.
    Result<QByteArray> read(const QString& key);
    bool contains(const QString& key);
    // Removes `key`'s file; true if there was one.
    bool remove(const QString& key);

    qint64 totalBytes();
    qsizetype fileCount();

private:
    struct Entry
    {
        QString key;
        qint64 bytes = 0;
        qint64 touchedAtMs = 0; // the file's modification time as last written to disk
    };
    using Lru = std::list<Entry>; // least recently used first

    void ensureIndexLocked();
    void touchLocked(Lru::iterator it);
    void addLocked(const QString& key, qint64 bytes, qint64 touchedAtMs);
    void evictLocked(qint64 target);
    void forgetLocked(const QString& key);

    const QString m_root;
    mutable QMutex m_mutex;
    qint64 m_maxBytes;
    qint64 m_totalBytes = 0;
    bool m_indexed = false;
    Lru m_lru;
    QHash<QString, Lru::iterator> m_entries;
};

} // namespace AssetDesk
