#include "sync/derivativeservice.h"

#include "../media/photoimage.h"
#include "../storage/testsamples.h"

#include "storage/assetrepository.h"
#include "storage/derivativerepository.h"
#include "storage/lineagerepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/writecontext.h"
#include "sync/jobrunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using Preset = DerivativeSpec::CropPreset;

class TestDerivativeService : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(m_dir->filePath(QStringLiteral("w.sqlite3"))));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toLogString()));
        m_storage = std::move(opened).value();
        m_account = Test::addAccount(*m_storage, Test::sampleAccount());
        QVERIFY(m_account > 0);
        m_photo = m_dir->filePath(QStringLiteral("original.jpg"));
        QFile f(m_photo);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(PhotoImage::jpeg(PhotoImage::photo(2400, 1600)));
    }
    void cleanup()
    {
        m_storage.reset();
        m_dir.reset();
    }

    void makesStoresAndLinksAnImageDerivative()
    {
        const qint64 asset = addAsset(QStringLiteral("p-1"), m_photo);
        const QString folder = m_dir->filePath(QStringLiteral("derivatives"));
        const Result<Derivative> made = DerivativeService::makeNow(*m_storage, folder, asset, DerivativeSpec::forXImage(Preset::Wide, 1600));
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toLogString()));
        QCOMPARE(made->size, QSize(1600, 900));
        QCOMPARE(made->mimeType, QStringLiteral("image/jpeg"));
        QCOMPARE(made->sourceAssetVersion, QStringLiteral("v1"));
        QVERIFY(made->filePath.startsWith(folder + QLatin1Char('/')));
        QFile file(made->filePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(qint64(bytes.size()), made->bytes);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()), made->sha256);
        QVERIFY(made->bytes <= XMediaLimits::kMaxImageBytes);

        const QList<LineageNode> uses = LineageRepository(*m_storage).usesOfAsset(asset).value();
        QCOMPARE(uses.size(), 1);
        QCOMPARE(uses.first().kind, LineageEdge::NodeKind::Derivative);
        QCOMPARE(uses.first().id, made->id);
        QCOMPARE(uses.first().assetVersion, QStringLiteral("v1"));

        // The same spec again: the same file and row.
        const Result<Derivative> again = DerivativeService::makeNow(*m_storage, folder, asset, DerivativeSpec::forXImage(Preset::Wide, 1600));
        QVERIFY(again.ok());
        QCOMPARE(again->id, made->id);
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 1);
    }

    void runsAsAJobWithProgress()
    {
        const qint64 asset = addAsset(QStringLiteral("p-2"), m_photo);
        JobRunner jobs;
        DerivativeService service(*m_storage, jobs, m_dir->filePath(QStringLiteral("d")));
        QSignalSpy made(&service, &DerivativeService::derivativeMade);
        QSignalSpy finished(&jobs, &JobRunner::jobFinished);
        const QUuid id = service.make(asset, DerivativeSpec::forXImage(Preset::Square, 1080));
        QVERIFY(!id.isNull());
        QVERIFY(finished.wait(20'000));
        const JobInfo info = finished.first().first().value<JobInfo>();
        QCOMPARE(info.id, id);
        QCOMPARE(info.state, JobState::Succeeded);
        QTRY_COMPARE(made.size(), 1);
        QCOMPARE(made.first().first().toUuid(), id);
        QCOMPARE(made.first().at(1).value<Derivative>().size, QSize(1080, 1080));
        QCOMPARE(DerivativeRepository(*m_storage).listForAsset(asset).value().size(), 1);
    }

    void failuresStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("cached");
        QTest::newRow("truncated JPEG") << PhotoImage::jpeg(PhotoImage::photo(800, 600)).left(5000) << true;
        QTest::newRow("not an image") << QByteArray("<html></html>") << true;
        QTest::newRow("no local file") << QByteArray() << false;
    }
    void failuresStoreNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, cached);
        QString path;
        if (cached) {
            path = m_dir->filePath(QStringLiteral("bad.jpg"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const qint64 asset = addAsset(QStringLiteral("bad"), path);
        const QString folder = m_dir->filePath(QStringLiteral("derivatives"));
        const Result<Derivative> made = DerivativeService::makeNow(*m_storage, folder, asset, DerivativeSpec::forXImage(Preset::Wide, 1600));
        QVERIFY(!made.ok());
        QVERIFY(!made.error().message().isEmpty());
        QVERIFY(!QDir(folder).exists() || QDir(folder).isEmpty());
        QVERIFY(DerivativeRepository(*m_storage).listForAsset(asset).value().isEmpty());
        QVERIFY(LineageRepository(*m_storage).usesOfAsset(asset).value().isEmpty());
    }

    void missingAssetIsNotFound()
    {
        const Result<Derivative> made = DerivativeService::makeNow(*m_storage, m_dir->filePath(QStringLiteral("d")), 424242, DerivativeSpec{});
        QVERIFY(!made.ok());
        QCOMPARE(made.error().kind(), ErrorKind::NotFound);
    }

private:
    qint64 addAsset(const QString& remoteId, const QString& localPath)
    {
        Asset a = Test::sampleAsset(m_account, remoteId);
        a.version = QStringLiteral("v1");
        a.mediaType = MediaType::Image;
        a.renditions.clear();
        Rendition original;
        original.name = QStringLiteral("original");
        original.width = 2400;
        original.height = 1600;
        original.mimeType = QStringLiteral("image/jpeg");
        original.localPath = localPath;
        a.renditions << original;
        const auto ids = m_storage->writeAndWait([a](WriteContext& ctx) { return AssetRepository::upsert(ctx, {a}); });
        return ids.ok() ? ids->constFirst() : 0;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
    qint64 m_account = 0;
    QString m_photo;
};

QTEST_GUILESS_MAIN(TestDerivativeService)
#include "tst_derivativeservice.moc"
