#include "media/thumbnailcache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace AssetDesk;

namespace {
QByteArray blob(char fill, int size)
{
    return QByteArray(size, fill);
}

QStringList filesUnder(const QString& root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

void setMtime(const QString& path, const QDateTime& when)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.setFileTime(when, QFileDevice::FileModificationTime));
}
} // namespace

class TestThumbnailCache : public QObject
{
    Q_OBJECT
private slots:
    void storesByContentInShards()
    {
        QTemporaryDir dir;
        ThumbnailCache cache(dir.path());
        const QByteArray bytes("some jpeg bytes");
        const QString key = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(ThumbnailCache::keyFor(bytes), key);

        QVERIFY(!cache.find(key)); // miss
        const Result<QString> path = cache.store(bytes);
        QVERIFY(path.ok());
        QCOMPARE(*path, dir.path() + QLatin1Char('/') + key.left(2) + QLatin1Char('/') + key);
        QFile file(*path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
        QCOMPARE(cache.find(key), std::optional<QString>(*path)); // hit
        QCOMPARE(cache.read(key).value(), bytes);
        QCOMPARE(cache.keyForPath(*path), key);

        // The same bytes again are the same file, stored once.
        QCOMPARE(cache.store(bytes).value(), *path);
        QCOMPARE(cache.fileCount(), 1);
        QCOMPARE(cache.totalBytes(), bytes.size());

        QVERIFY(cache.remove(key));
        QVERIFY(!cache.contains(key));
        QCOMPARE(cache.read(key).error().kind(), ErrorKind::NotFound);
        QVERIFY(!cache.store(QByteArray()).ok());
    }

    void hostileNamesNeverBecomePaths_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << QStringLiteral("../../etc/passwd");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
        QTest::newRow("control characters") << QStringLiteral("a\nb\u0001c");
        QTest::newRow("upper-case hex") << QStringLiteral("AB") + QString(62, u'0');
        QTest::newRow("hex with slash") << QStringLiteral("ab/") + QString(61, u'0');
        QTest::newRow("too short") << QStringLiteral("abc");
        QTest::newRow("empty") << QString();
    }
    void hostileNamesNeverBecomePaths()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        ThumbnailCache cache(dir.path());
        QVERIFY(!ThumbnailCache::isValidKey(name));
        QCOMPARE(cache.pathForKey(name), QString());
        QVERIFY(!cache.find(name));
        QVERIFY(!cache.remove(name));
        QCOMPARE(cache.read(name).error().kind(), ErrorKind::Validation);
        // Whatever a service calls the file, the cache names it by its bytes.
        const Result<QString> stored = cache.store(name.toUtf8() + "payload");
        QVERIFY(stored.ok());
        QVERIFY(stored->startsWith(dir.path() + QLatin1Char('/')));
        QVERIFY(ThumbnailCache::isValidKey(QFileInfo(*stored).fileName()));
        QCOMPARE(cache.keyForPath(QStringLiteral("/etc/passwd")), QString());
        QCOMPARE(cache.keyForPath(*stored + QStringLiteral("/../x")), QString());
    }

    void evictsLeastRecentlyUsed()
    {
        QTemporaryDir dir;
        ThumbnailCache cache(dir.path(), 1000);
        const QString a = cache.store(blob('a', 300)).value();
        const QString b = cache.store(blob('b', 300)).value();
        const QString c = cache.store(blob('c', 300)).value();
        QCOMPARE(cache.totalBytes(), 900);
        QVERIFY(cache.find(ThumbnailCache::keyFor(blob('a', 300)))); // a is now the most recent
        const QString d = cache.store(blob('d', 300)).value();   // 1200 > 1000: evict to <= 900
        QVERIFY(cache.totalBytes() <= 900);
        QVERIFY(!QFile::exists(b)); // least recently used
        QVERIFY(QFile::exists(a));
        QVERIFY(QFile::exists(c));
        QVERIFY(QFile::exists(d));
        QVERIFY(!cache.contains(ThumbnailCache::keyFor(blob('b', 300))));

        cache.setMaxBytes(350);
        QVERIFY(cache.totalBytes() <= 315);
        QCOMPARE(cache.fileCount(), 1);
        QVERIFY(QFile::exists(d)); // the newest stays

        // One file larger than the whole cap is refused, not silently half-kept.
        const Result<QString> huge = cache.store(blob('h', 400));
        QVERIFY(!huge.ok());
        QCOMPARE(huge.error().kind(), ErrorKind::TooLarge);
        QVERIFY(cache.totalBytes() <= 350);
    }

    void evictionOrderSurvivesARestart()
    {
        QTemporaryDir dir;
        QString oldest;
        QString newest;
        {
            ThumbnailCache cache(dir.path());
            oldest = cache.store(blob('o', 400)).value();
            newest = cache.store(blob('n', 400)).value();
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        setMtime(oldest, now.addDays(-3));
        setMtime(newest, now.addDays(-1));
        ThumbnailCache reopened(dir.path(), 1000);
        QCOMPARE(reopened.fileCount(), 2);
        QCOMPARE(reopened.totalBytes(), 800);
        reopened.store(blob('x', 400)).value();
        QVERIFY(!QFile::exists(oldest));
        QVERIFY(QFile::exists(newest));
    }

    void writesAreAtomic()
    {
        QTemporaryDir dir;
        const QString key = ThumbnailCache::keyFor(blob('z', 10));
        // A temporary left by a process killed mid-write is cleaned up, and never served.
        QDir().mkpath(dir.filePath(key.left(2)));
        QFile leftover(dir.filePath(key.left(2) + QLatin1Char('/') + key + QStringLiteral(".aB3xYz")));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.write("half a fi");
        leftover.close();
        ThumbnailCache cache(dir.path());
        QVERIFY(!cache.contains(key));
        QVERIFY(!leftover.exists());

        // Finished stores leave exactly their files, no temporaries.
        for (char c = 'a'; c < 'k'; ++c)
            QVERIFY(cache.store(blob(c, 1000)).ok());
        const QStringList files = filesUnder(dir.path());
        QCOMPARE(files.size(), 10);
        for (const QString& f : files)
            QVERIFY2(ThumbnailCache::isValidKey(QFileInfo(f).fileName()), qPrintable(f));

        // Many threads storing the same bytes at once: one complete file.
        const QByteArray shared = blob('s', 64 * 1024);
        QList<QFuture<Result<QString>>> futures;
        for (int i = 0; i < 8; ++i)
            futures << QtConcurrent::run([&cache, shared] { return cache.store(shared); });
        QString path;
        for (auto& f : futures) {
            const Result<QString> r = f.result();
            QVERIFY(r.ok());
            QVERIFY(path.isEmpty() || path == *r);
            path = *r;
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), shared);
        QCOMPARE(filesUnder(dir.path()).size(), 11);
    }

    void unwritableRootIsAnIoError()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        ThumbnailCache cache(blocker + QStringLiteral("/cache")); // a file where a folder should be
        const Result<QString> r = cache.store(QByteArray("x"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), ErrorKind::Io);
        QCOMPARE(cache.fileCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestThumbnailCache)
#include "tst_thumbnailcache.moc"
