#include "media/thumbnailloader.h"

#include "testimages.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

class TestThumbnailLoader : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return path;
    }
    QString picture(const QString& name, int w, int h)
    {
        return write(name, TestImages::encoded(TestImages::picture(w, h), "jpeg"));
    }

private slots:
    void missThenReady()
    {
        const QString path = picture(QStringLiteral("p1.jpg"), 800, 600);
        ThumbnailLoader loader;
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        const QSize box(160, 160);
        QVERIFY(loader.pixmap(path, box).isNull()); // never decodes on the caller's thread
        QVERIFY(loader.cachedPixmap(path, box).isNull());
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.first().at(0).toString(), path);
        QCOMPARE(ready.first().at(1).toSize(), box);
        const QPixmap pixmap = loader.pixmap(path, box);
        QCOMPARE(pixmap.size(), QSize(160, 120));
        QVERIFY(loader.memoryBytes() >= 160 * 120 * 3);
        // Asking again is a hit: nothing more is decoded.
        QVERIFY(!loader.pixmap(path, box).isNull());
        QCOMPARE(loader.queuedCount() + loader.runningCount(), 0);
        // A different box is a different thumbnail.
        QVERIFY(loader.pixmap(path, QSize(64, 64)).isNull());
        QVERIFY(ready.wait(5000));
        QCOMPARE(loader.pixmap(path, QSize(64, 64)).size(), QSize(64, 48));
    }

    void failuresAreReportedOnceAndNotRetried()
    {
        const QString broken = write(QStringLiteral("broken.jpg"), QByteArray("definitely not a jpeg"));
        const QString huge = write(QStringLiteral("huge.png"), TestImages::pngDeclaring(60000, 60000));
        ThumbnailLoader loader;
        QSignalSpy failed(&loader, &ThumbnailLoader::thumbnailFailed);
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        loader.pixmap(broken, QSize(100, 100));
        loader.pixmap(huge, QSize(100, 100));
        QTRY_COMPARE(failed.size(), 2);
        QVERIFY(loader.hasFailed(broken, QSize(100, 100)));
        QVERIFY(loader.hasFailed(huge, QSize(100, 100)));
        for (const QList<QVariant>& args : failed) {
            const Error error = args.at(2).value<Error>();
            if (args.at(0).toString() == huge)
                QCOMPARE(error.kind(), ErrorKind::TooLarge);
            else
                QCOMPARE(error.kind(), ErrorKind::Parse);
        }
        QVERIFY(loader.pixmap(broken, QSize(100, 100)).isNull());
        QCOMPARE(loader.queuedCount() + loader.runningCount(), 0); // not queued again
        QTest::qWait(50);
        QCOMPARE(failed.size(), 2);

        // Once the file is replaced and forgotten, it is tried again.
        write(QStringLiteral("broken.jpg"), TestImages::encoded(TestImages::picture(50, 50), "jpeg"));
        loader.forget(broken);
        QVERIFY(!loader.hasFailed(broken, QSize(100, 100)));
        loader.pixmap(broken, QSize(100, 100));
        QVERIFY(ready.wait(5000));
        QCOMPARE(loader.pixmap(broken, QSize(100, 100)).size(), QSize(50, 50));
    }

    void newestRequestsFirstAndTheQueueIsBounded()
    {
        QStringList paths;
        for (int i = 0; i < 6; ++i)
            paths << picture(QStringLiteral("q%1.jpg").arg(i), 1600, 1200);
        ThumbnailLoader::Options options;
        options.threads = 1;
        options.maxQueued = 3;
        ThumbnailLoader loader(options);
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        for (const QString& p : paths)
            loader.pixmap(p, QSize(96, 96));
        // q0 started at once; q1 and q2 fell off the bounded queue; q5, q4, q3 follow newest first.
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 4, 10000);
        QStringList order;
        for (const QList<QVariant>& args : ready)
            order << QFileInfo(args.at(0).toString()).fileName();
        QCOMPARE(order, QStringList({QStringLiteral("q0.jpg"), QStringLiteral("q5.jpg"), QStringLiteral("q4.jpg"),
                                     QStringLiteral("q3.jpg")}));
        QTest::qWait(100);
        QCOMPARE(ready.size(), 4);
        // A dropped request is simply asked for again.
        QVERIFY(loader.pixmap(paths.at(1), QSize(96, 96)).isNull());
        QVERIFY(ready.wait(5000));
        QVERIFY(!loader.pixmap(paths.at(1), QSize(96, 96)).isNull());
    }

    void memoryIsBoundedInBytes()
    {
        ThumbnailLoader::Options options;
        options.memoryBytes = 200 * 1024; // about three 160 x 120 RGB32 pixmaps
        ThumbnailLoader loader(options);
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        QStringList paths;
        for (int i = 0; i < 8; ++i) {
            paths << picture(QStringLiteral("m%1.jpg").arg(i), 320, 240);
            loader.pixmap(paths.last(), QSize(160, 160));
        }
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 8, 10000);
        QVERIFY(loader.memoryBytes() <= options.memoryBytes);
        int inMemory = 0;
        for (const QString& p : paths)
            inMemory += loader.cachedPixmap(p, QSize(160, 160)).isNull() ? 0 : 1;
        QVERIFY(inMemory >= 1 && inMemory < 8);
    }

    void cancelQueuedDropsWaitingWork()
    {
        ThumbnailLoader::Options options;
        options.threads = 1;
        ThumbnailLoader loader(options);
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        for (int i = 0; i < 5; ++i)
            loader.pixmap(picture(QStringLiteral("c%1.jpg").arg(i), 1200, 900), QSize(64, 64));
        QCOMPARE(loader.runningCount(), 1);
        QCOMPARE(loader.queuedCount(), 4);
        loader.cancelQueued();
        QCOMPARE(loader.queuedCount(), 0);
        QVERIFY(ready.wait(5000));
        QTest::qWait(100);
        QCOMPARE(ready.size(), 1);
    }
};

QTEST_MAIN(TestThumbnailLoader)
#include "tst_thumbnailloader.moc"
