// LibraryThumbnails: what a shown row's thumbnail is, and asking for what it lacks - a file
// (wanted, batched, once per asset) or a decode (decoded names the rows that waited).
#include "media/thumbnailloader.h"
#include "models/librarythumbnails.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

class TestLibraryThumbnails : public QObject
{
    Q_OBJECT

private:
    static LibraryItem item(qint64 id, const QString& path = {})
    {
        LibraryItem i;
        i.id = id;
        i.thumbnailPath = path;
        return i;
    }
    QString writeJpeg(const QString& name, int width, int height)
    {
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        const QString path = m_dir.filePath(name);
        if (!image.save(path, "JPEG"))
            return {};
        return path;
    }
    QString writeBroken(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write("\xff\xd8 not a jpeg at all") < 0)
            return {};
        return path;
    }
    QTemporaryDir m_dir;

private slots:
    void missingFilesAreAskedForOnceInABatch()
    {
        LibraryThumbnails thumbnails(nullptr, QSize(100, 100));
        QSignalSpy wanted(&thumbnails, &LibraryThumbnails::wanted);
        for (qint64 id : {7, 8, 7, 9})
            QVERIFY(thumbnails.pixmapFor(item(id)).isNull());
        QVERIFY(wanted.wait(2000));
        QCOMPARE(wanted.size(), 1);
        QCOMPARE(wanted.first().first().value<QList<qint64>>(), (QList<qint64>{7, 8, 9}));

        // Painted again: already asked. Until the asset changes.
        (void)thumbnails.pixmapFor(item(8));
        QVERIFY(!wanted.wait(200));
        thumbnails.forget(8);
        (void)thumbnails.pixmapFor(item(8));
        QVERIFY(wanted.wait(2000));
        QCOMPARE(wanted.last().first().value<QList<qint64>>(), QList<qint64>{8});
    }

    void aCachedFileIsDecodedOffTheGuiThreadAndTheRowsAreNamed()
    {
        ThumbnailLoader loader;
        LibraryThumbnails thumbnails(&loader, QSize(64, 64));
        QSignalSpy decoded(&thumbnails, &LibraryThumbnails::decoded);
        QSignalSpy wanted(&thumbnails, &LibraryThumbnails::wanted);
        const QString jpeg = writeJpeg(u"a.jpg"_s, 200, 100);
        QVERIFY(!jpeg.isEmpty());
        // Two rows show the same file: both are named when it is decoded.
        QVERIFY(thumbnails.pixmapFor(item(1, jpeg)).isNull());
        QVERIFY(thumbnails.pixmapFor(item(2, jpeg)).isNull());
        QVERIFY(!thumbnails.isDecoded(item(1, jpeg)));
        QVERIFY(decoded.wait(5000));
        QList<qint64> ids = decoded.first().first().value<QList<qint64>>();
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, (QList<qint64>{1, 2}));
        QVERIFY(thumbnails.isDecoded(item(1, jpeg)));
        QVERIFY(!thumbnails.hasFailed(item(1, jpeg)));
        QCOMPARE(thumbnails.pixmapFor(item(1, jpeg)).size(), QSize(64, 32));
        QVERIFY(!wanted.wait(200)); // the file was there: nothing to fetch
    }

    void aBrokenFileFailsAndIsFetchedAgain()
    {
        ThumbnailLoader loader;
        LibraryThumbnails thumbnails(&loader, QSize(64, 64));
        QSignalSpy decoded(&thumbnails, &LibraryThumbnails::decoded);
        QSignalSpy wanted(&thumbnails, &LibraryThumbnails::wanted);
        const QString broken = writeBroken(u"b.jpg"_s);
        QVERIFY(!broken.isEmpty());
        QVERIFY(thumbnails.pixmapFor(item(5, broken)).isNull());
        QVERIFY(decoded.wait(5000)); // a failure also ends the wait: the row shows its state
        QCOMPARE(decoded.first().first().value<QList<qint64>>(), QList<qint64>{5});
        QVERIFY(thumbnails.hasFailed(item(5, broken)));
        QVERIFY(!thumbnails.isDecoded(item(5, broken)));
        QVERIFY(thumbnails.pixmapFor(item(5, broken)).isNull());
        QVERIFY(wanted.wait(2000));
        QCOMPARE(wanted.first().first().value<QList<qint64>>(), QList<qint64>{5});
    }

    void aNewSizeForgetsTheDecodesItNoLongerWaitsFor()
    {
        ThumbnailLoader loader;
        LibraryThumbnails thumbnails(&loader, QSize(64, 64));
        QVERIFY(!thumbnails.setSize(QSize(64, 64)));
        QVERIFY(!thumbnails.setSize(QSize()));
        QSignalSpy decoded(&thumbnails, &LibraryThumbnails::decoded);
        const QString jpeg = writeJpeg(u"c.jpg"_s, 300, 300);
        QVERIFY(thumbnails.pixmapFor(item(3, jpeg)).isNull());
        QVERIFY(thumbnails.setSize(QSize(128, 128)));
        QCOMPARE(thumbnails.size(), QSize(128, 128));
        QVERIFY(!decoded.wait(500)); // the 64 px decode lands, but no row waits for it
        QVERIFY(thumbnails.pixmapFor(item(3, jpeg)).isNull());
        QVERIFY(decoded.wait(5000));
        QCOMPARE(thumbnails.pixmapFor(item(3, jpeg)).size(), QSize(128, 128));
    }
};

QTEST_MAIN(TestLibraryThumbnails)
#include "tst_librarythumbnails.moc"
