#pragma once

#include <QDateTime>
#include <QString>

namespace AssetDesk {

// Keeps a folder of re-fetchable files (downloaded attachments) from growing without end.
//
// prune() removes every file not used for maxAge, then the least recently used ones until the
// folder holds at most maxBytes, and finally the folders that became empty. "Used" is the file's
// modification time: a cache touches a file it hands out again (touch()). The most recently used
// file always stays, even alone over the cap: it may be open in another application right now.
//
// Only regular files below the root are looked at; symbolic links are neither followed nor
// counted, so nothing outside the folder can be reached. The root itself is never removed.
// Blocking file I/O: call it off the GUI thread.
class CacheFolder
{
public:
    struct Policy
    {
        qint64 maxBytes = 0;
        qint64 maxAgeDays = 0; // 0: no age limit
    };
    struct Summary
    {
        int filesRemoved = 0;
        qint64 bytesRemoved = 0;
        int filesKept = 0;
        qint64 bytesKept = 0;
        int failures = 0; // files that could not be removed (in use, permissions)
    };

    static Summary prune(const QString& root, const Policy& policy, const QDateTime& now);
    // Marks `path` as used now. False if it cannot be touched.
    static bool touch(const QString& path, const QDateTime& now);
};

} // namespace AssetDesk
