// CacheFolder::prune: age first, then least recently used down to the cap; the newest file always
// stays; empty folders go, the root and anything behind a symbolic link stay.
#include "core/cachefolder.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

namespace {

const QDateTime kNow(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);

// A file of `bytes` bytes last used `daysAgo` days (and `minutes` minutes) before kNow.
QString makeFile(const QString& path, qint64 bytes, int daysAgo, int minutes = 0)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QByteArray(bytes, 'x'));
    f.flush(); // before the time: a later flush would set it again
    f.setFileTime(kNow.addDays(-daysAgo).addSecs(-60 * minutes), QFileDevice::FileModificationTime);
    return path;
}

} // namespace

class TestCacheFolder : public QObject
{
    Q_OBJECT
private slots:
    void oldFilesGo()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("attachments"));
        const QString fresh = makeFile(root + QStringLiteral("/7/1/fresh.pdf"), 10, 1);
        const QString old = makeFile(root + QStringLiteral("/7/2/old.pdf"), 10, 40);
        const CacheFolder::Summary s = CacheFolder::prune(root, {1000, 30}, kNow);
        QCOMPARE(s.filesRemoved, 1);
        QCOMPARE(s.bytesRemoved, 10);
        QCOMPARE(s.filesKept, 1);
        QVERIFY(QFile::exists(fresh));
        QVERIFY(!QFile::exists(old));
        QVERIFY(!QFileInfo::exists(root + QStringLiteral("/7/2"))); // emptied, so removed
        QVERIFY(QFileInfo(root + QStringLiteral("/7/1")).isDir());
    }

    void leastRecentlyUsedGoFirstDownToTheCap()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        const QString a = makeFile(root + QStringLiteral("/a"), 40, 0, 1); // newest
        const QString b = makeFile(root + QStringLiteral("/b"), 40, 0, 2);
        const QString c = makeFile(root + QStringLiteral("/c"), 40, 0, 3);
        const QString d = makeFile(root + QStringLiteral("/d"), 5, 0, 4); // would fit, but is older than c
        const CacheFolder::Summary s = CacheFolder::prune(root, {100, 0}, kNow);
        QVERIFY(QFile::exists(a));
        QVERIFY(QFile::exists(b));
        QVERIFY(!QFile::exists(c));
        QVERIFY(!QFile::exists(d));
        QCOMPARE(s.filesKept, 2);
        QCOMPARE(s.bytesKept, 80);
        QCOMPARE(s.bytesRemoved, 45);
        QVERIFY(QDir(root).exists()); // the root stays, even when it empties
    }

    void theNewestFileStaysEvenOverTheCapOrTooOld()
    {
        QTemporaryDir dir;
        const QString big = makeFile(dir.filePath(QStringLiteral("big.mov")), 500, 90);
        const CacheFolder::Summary s = CacheFolder::prune(dir.path(), {100, 30}, kNow);
        QCOMPARE(s.filesRemoved, 0);
        QVERIFY(QFile::exists(big));
    }

    void touchMakesAFileRecent()
    {
        QTemporaryDir dir;
        const QString a = makeFile(dir.filePath(QStringLiteral("a")), 60, 0, 1);
        const QString b = makeFile(dir.filePath(QStringLiteral("b")), 60, 0, 5);
        QVERIFY(CacheFolder::touch(b, kNow));
        CacheFolder::prune(dir.path(), {100, 0}, kNow);
        QVERIFY(QFile::exists(b));
        QVERIFY(!QFile::exists(a));
        QVERIFY(!CacheFolder::touch(dir.filePath(QStringLiteral("missing")), kNow));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing"))));
    }

    void linksAreNeitherFollowedNorCounted()
    {
        QTemporaryDir outside;
        const QString precious = makeFile(outside.filePath(QStringLiteral("keep/precious.doc")), 50, 400);
        QTemporaryDir dir;
        const QString root = dir.path();
        const QString newest = makeFile(root + QStringLiteral("/new"), 10, 0);
        QVERIFY(
            QFile::link(outside.filePath(QStringLiteral("keep")), root + QStringLiteral("/link-to-folder")));
        QVERIFY(QFile::link(precious, root + QStringLiteral("/link-to-file")));
        const CacheFolder::Summary s = CacheFolder::prune(root, {1, 1}, kNow);
        QCOMPARE(s.filesKept, 1);
        QCOMPARE(s.filesRemoved, 0);
        QVERIFY(QFile::exists(precious));
        QVERIFY(QFile::exists(newest));
    }

    void aMissingRootIsNothingToDo()
    {
        const CacheFolder::Summary s =
            CacheFolder::prune(QStringLiteral("/nonexistent/assetdesk-cache"), {1, 1}, kNow);
        QCOMPARE(s.filesKept + s.filesRemoved + s.failures, 0);
        QCOMPARE(CacheFolder::prune(QString(), {1, 1}, kNow).filesRemoved, 0);
    }
};

QTEST_GUILESS_MAIN(TestCacheFolder)
#include "tst_cachefolder.moc"
