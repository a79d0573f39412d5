#include "core/cachefolder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QList>

#include <algorithm>

namespace AssetDesk {

namespace {

struct CachedFile
{
    QString path;
    qint64 bytes = 0;
    QDateTime usedAt;
};

QList<CachedFile> filesBelow(const QString& root)
{
    QList<CachedFile> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        files.append({info.absoluteFilePath(), info.size(), info.lastModified()});
    }
    return files;
}

// Deepest first, so a folder is empty by the time it is reached once its children are gone.
void removeEmptyFolders(const QString& root)
{
    QStringList folders;
    QDirIterator it(root, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        folders.append(it.next());
    std::sort(folders.begin(), folders.end(),
              [](const QString& a, const QString& b) { return a.count(u'/') > b.count(u'/'); });
    for (const QString& folder : std::as_const(folders))
        QDir().rmdir(folder); // fails, as it should, on a folder that still has something in it
}

} // namespace

CacheFolder::Summary CacheFolder::prune(const QString& root, const Policy& policy, const QDateTime& now)
{
    Summary summary;
    if (root.isEmpty() || !QFileInfo(root).isDir())
        return summary;
    QList<CachedFile> files = filesBelow(root);
    // Most recently used first: what is kept is a prefix of the list.
    std::sort(files.begin(), files.end(),
              [](const CachedFile& a, const CachedFile& b) { return a.usedAt > b.usedAt; });
    const QDateTime oldest = policy.maxAgeDays > 0 ? now.addDays(-policy.maxAgeDays) : QDateTime();
    qint64 kept = 0;
    bool full = false; // once a file does not fit, every less recently used one goes too
    for (qsizetype i = 0; i < files.size(); ++i) {
        const CachedFile& f = files.at(i);
        const bool tooOld = oldest.isValid() && f.usedAt < oldest;
        full = full || (policy.maxBytes > 0 && kept + f.bytes > policy.maxBytes);
        if (i == 0 || (!tooOld && !full)) {
            kept += f.bytes;
            ++summary.filesKept;
            continue;
        }
        if (QFile::remove(f.path)) {
            ++summary.filesRemoved;
            summary.bytesRemoved += f.bytes;
        } else {
            ++summary.failures;
            kept += f.bytes;
            ++summary.filesKept;
        }
    }
    summary.bytesKept = kept;
    if (summary.filesRemoved > 0)
        removeEmptyFolders(root);
    return summary;
}

bool CacheFolder::touch(const QString& path, const QDateTime& now)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly))
        return false;
    return file.setFileTime(now, QFileDevice::FileModificationTime);
}

} // namespace AssetDesk
