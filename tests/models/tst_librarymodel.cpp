#include "libraryfixture.h"

#include "media/thumbnailloader.h"
#include "models/assetdragdata.h"
#include "models/librarymodel.h"
#include "storage/assetrepository.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;

namespace {
LibraryModel::Options smallPages()
{
    LibraryModel::Options o;
    o.pageSize = 50;
    o.maxCachedRows = 150;
    o.debounceMs = 150;
    o.changeDelayMs = 30;
    return o;
}

QString title(const LibraryModel& model, int row)
{
    return model.index(row, 0).data(LibraryModel::TitleRole).toString();
}

bool loaded(const LibraryModel& model, int row)
{
    return model.index(row, 0).data(LibraryModel::LoadedRole).toBool();
}
} // namespace

#define FIXTURE(f)                                                                                           \
    LibraryFixture f;                                                                                        \
    QVERIFY2(f.isValid(), qPrintable(f.error()))

class TestLibraryModel : public QObject
{
    Q_OBJECT
private slots:
    void firstPageComesWithTheIds()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 500));
        LibraryModel model(f.storage(), nullptr, smallPages());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.refresh();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toLongLong(), 500);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 500);
        // Newest first, and the first page is there for the first paint.
        QVERIFY(loaded(model, 0));
        QVERIFY(title(model, 0).endsWith(QStringLiteral("#499")));
        QVERIFY(loaded(model, 49));
        QCOMPARE(model.index(0, LibraryModel::ServiceColumn).data().toString(), QStringLiteral("PhotoShelter"));
        QCOMPARE(model.idAt(0), model.index(0, 0).data(LibraryModel::IdRole).toLongLong());
    }

    void windowFetchLoadsAroundWhatIsShown()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 1000));
        LibraryModel model(f.storage(), nullptr, smallPages());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        model.refresh();
        QVERIFY(finished.wait(5000));
        // An unloaded row answers at once with a placeholder, and its page is loaded off-thread.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(!loaded(model, 612));
        QCOMPARE(model.index(612, 0).data(Qt::DisplayRole).toString(), QString());
        QCOMPARE(model.index(612, 0).data(LibraryModel::ThumbnailStateRole).toInt(),
                 int(LibraryModel::ThumbnailState::NotLoaded));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, 612), 5000);
        QVERIFY(!changed.isEmpty());
        const QModelIndex first = changed.last().at(0).toModelIndex();
        const QModelIndex last = changed.last().at(1).toModelIndex();
        QVERIFY(first.row() <= 612 && last.row() >= 612);
        // The whole page of row 612 (600..649) came with it, and nothing far away.
        QVERIFY(loaded(model, 600));
        QVERIFY(loaded(model, 649));
        QCOMPARE(title(model, 612), LibraryFixture::sampleAsset(account, 999 - 612).title);
        QVERIFY(!loaded(model, 300));

        // The loaded rows stay within the cache's bound however far one scrolls.
        for (int row = 0; row < 1000; row += 50)
            model.index(row, 0).data(LibraryModel::LoadedRole);
        QTRY_COMPARE_WITH_TIMEOUT(model.pendingLoadCount(), 0, 5000);
        QVERIFY2(model.loadedRowCount() <= 150, qPrintable(QString::number(model.loadedRowCount())));
    }

    void typingIsDebounced()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 200));
        LibraryModel model(f.storage(), nullptr, smallPages());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy started(&model, &LibraryModel::searchStarted);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        model.refresh();
        QVERIFY(finished.wait(5000));
        started.clear();
        finished.clear();
        for (const char* text : {"s", "su", "sun", "suns", "sunse", "sunset"}) {
            model.setSearchText(QString::fromLatin1(text));
            QTest::qWait(20);
        }
        QVERIFY(model.isSearching());
        QCOMPARE(started.size(), 0); // still typing
        QVERIFY(finished.wait(5000));
        QCOMPARE(started.size(), 1); // one search for six keystrokes
        QCOMPARE(model.filter().text, QStringLiteral("sunset"));
        QCOMPARE(model.rowCount(), 25); // n % 8 == 0
        for (int row = 0; row < model.rowCount(); ++row)
            QTRY_VERIFY(title(model, row).startsWith(QStringLiteral("Sunset")));
    }

    void facetsNarrow_data()
    {
        QTest::addColumn<LibraryFilter>("filter");
        QTest::addColumn<int>("expected");
        // 240 samples: the counts follow LibraryFixture's n % k patterns.
        LibraryFilter approved;
        approved.approval = ApprovalState::Approved;
        QTest::newRow("approved") << approved << 120;
        LibraryFilter expired;
        expired.rights = RightsStatus::Expired;
        QTest::newRow("expired") << expired << 48;
        LibraryFilter soon;
        soon.rights = RightsStatus::ExpiringSoon;
        soon.soonDays = 30;
        QTest::newRow("expiring within 30 days") << soon << 48;
        LibraryFilter soonShort = soon;
        soonShort.soonDays = 5;
        QTest::newRow("expiring within 5 days") << soonShort << 0;
        LibraryFilter campaign;
        campaign.campaign = QStringLiteral("Summer Tour");
        QTest::newRow("campaign") << campaign << 80;
        LibraryFilter video;
        video.mediaType = MediaType::Video;
        QTest::newRow("video") << video << 34;
        LibraryFilter portrait;
        portrait.orientation = Orientation::Portrait;
        QTest::newRow("portrait") << portrait << 80;
        LibraryFilter square;
        square.orientation = Orientation::Square;
        QTest::newRow("square") << square << 80;
        LibraryFilter combined = approved;
        combined.orientation = Orientation::Landscape;
        combined.text = QStringLiteral("festival");
        QTest::newRow("text + approval + orientation") << combined << 10;
        LibraryFilter service;
        service.service = Service::Iconik;
        QTest::newRow("other service") << service << 0;
    }
    void facetsNarrow()
    {
        QFETCH(LibraryFilter, filter);
        QFETCH(int, expected);
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 240));
        LibraryModel model(f.storage(), nullptr, smallPages());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        model.setFilter(filter);
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.rowCount(), expected);
    }

    void dateRangeIsInclusiveLocalDays()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 240)); // one a minute from 08:00 UTC
        const QDate first = LibraryFixture::baseTime().toLocalTime().date();
        int onFirstDay = 0;
        for (int n = 0; n < 240; ++n)
            onFirstDay += LibraryFixture::sampleAsset(account, n).modifiedAt.toLocalTime().date() == first ? 1 : 0;
        LibraryModel model(f.storage(), nullptr, smallPages());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        LibraryFilter day;
        day.modifiedFrom = first;
        day.modifiedTo = first;
        model.setFilter(day);
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.rowCount(), onFirstDay);
        day.modifiedFrom = first.addDays(-10);
        day.modifiedTo = first.addDays(-1);
        model.setFilter(day);
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.rowCount(), 0);
        day.modifiedTo = QDate();
        model.setFilter(day);
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.rowCount(), 240);
    }

    void collectionsNarrowToTheirMembers()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QList<Asset> assets;
        for (int n = 0; n < 30; ++n) {
            Asset a = LibraryFixture::sampleAsset(account, n);
            a.collectionRemoteIds = {n < 10 ? QStringLiteral("G-1") : n < 15 ? QStringLiteral("G-2") : QString()};
            if (a.collectionRemoteIds.first().isEmpty())
                a.collectionRemoteIds.clear();
            assets << a;
        }
        QVERIFY(!f.upsert(assets).isEmpty());
        LibraryModel model(f.storage(), nullptr, smallPages());
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        LibraryFilter filter;
        filter.accountId = account;
        filter.collectionRemoteIds = {QStringLiteral("G-1")};
        model.setFilter(filter);
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.rowCount(), 10);
        filter.collectionRemoteIds = {QStringLiteral("G-1"), QStringLiteral("G-2")};
        model.setFilter(filter);
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.rowCount(), 15);
    }

    void changeSetsPatchRows()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 100));
        LibraryModel model(f.storage(), nullptr, smallPages());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        model.refresh();
        QVERIFY(finished.wait(5000));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // New assets (newest) arrive on top as one inserted range.
        QVERIFY(f.addSamples(account, 100, 105));
        QTRY_COMPARE(model.rowCount(), 105);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 4);
        QCOMPARE(reset.size(), 0);
        QTRY_VERIFY(title(model, 0).endsWith(QStringLiteral("#104")));

        // Removed assets leave as row removals.
        const QPersistentModelIndex keep = model.index(10, 0);
        const qint64 keptId = keep.data(LibraryModel::IdRole).toLongLong();
        QVERIFY(f.remove(account, {QStringLiteral("r103"), QStringLiteral("r50")}));
        QTRY_COMPARE(model.rowCount(), 103);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(reset.size(), 0);
        QVERIFY(keep.isValid());
        QCOMPARE(keep.data(LibraryModel::IdRole).toLongLong(), keptId);

        // A changed asset is reloaded in place; its old value stays on screen meanwhile.
        Asset a = LibraryFixture::sampleAsset(account, 102);
        a.title = QStringLiteral("Renamed <b>bold</b>");
        changed.clear();
        QVERIFY(!f.upsert({a}).isEmpty());
        QTRY_COMPARE(title(model, 1), QStringLiteral("Renamed <b>bold</b>"));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(reset.size(), 0);
        // Tooltips show service text escaped, never as markup.
        QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;")));

        // An update that leaves the filter removes the row; one that re-sorts moves it.
        LibraryFilter approved;
        approved.approval = ApprovalState::Approved;
        model.setFilter(approved);
        QVERIFY(finished.wait(5000));
        const int before = model.rowCount();
        Asset top = LibraryFixture::sampleAsset(account, 104); // n % 4 == 0: approved
        QVERIFY(model.index(0, 0).data(LibraryModel::IdRole).toLongLong() != 0);
        top.rights.approval = ApprovalState::NotApproved;
        QVERIFY(!f.upsert({top}).isEmpty());
        QTRY_COMPARE(model.rowCount(), before - 1);

        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        const QPersistentModelIndex old = model.index(model.rowCount() - 1, 0);
        const qint64 oldId = old.data(LibraryModel::IdRole).toLongLong();
        const Result<std::optional<Asset>> stored = AssetRepository(f.storage()).get(oldId);
        QVERIFY(stored.ok() && stored->has_value());
        Asset touched = **stored;
        touched.modifiedAt = QDateTime::currentDateTimeUtc();
        touched.version = QStringLiteral("v2");
        QVERIFY(!f.upsert({touched}).isEmpty());
        QTRY_COMPARE(model.idAt(0), oldId);
        QVERIFY(layout.size() >= 1);
        QVERIFY(old.isValid());
        QCOMPARE(old.row(), 0); // the selection follows the asset
    }

    void aFloodOfInsertsBecomesOneReset()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        // Even numbers first; the odd ones then interleave: one insert range per asset.
        QList<Asset> even;
        for (int n = 0; n < 400; n += 2)
            even << LibraryFixture::sampleAsset(account, n);
        QVERIFY(!f.upsert(even).isEmpty());
        LibraryModel::Options options = smallPages();
        options.patchBudget = 200 * 20; // 20 ranges on 200 rows
        LibraryModel model(f.storage(), nullptr, options);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        model.refresh();
        QVERIFY(finished.wait(5000));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QList<Asset> odd;
        for (int n = 1; n < 400; n += 2)
            odd << LibraryFixture::sampleAsset(account, n);
        QVERIFY(!f.upsert(odd).isEmpty());
        QTRY_COMPARE(model.rowCount(), 400);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(reset.size(), 1);
        QTRY_VERIFY(title(model, 1).endsWith(QStringLiteral("#398")));
    }

    void changeBurstsAreCoalesced()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        LibraryModel::Options options = smallPages();
        options.changeDelayMs = 200;
        LibraryModel model(f.storage(), nullptr, options);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        model.refresh();
        QVERIFY(finished.wait(5000));
        QSignalSpy count(&model, &LibraryModel::countChanged);
        // Fifty writes (fifty change sets) in quick succession, like a sync's pages.
        for (int page = 0; page < 50; ++page)
            QVERIFY(f.addSamples(account, page * 10, page * 10 + 10));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 500, 10000);
        QVERIFY2(count.size() <= 10, qPrintable(QString::number(count.size())));
    }

    void thumbnailsWantedAndShown()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 20));
        ThumbnailLoader loader;
        LibraryModel::Options options = smallPages();
        options.thumbnailSize = QSize(120, 120);
        LibraryModel model(f.storage(), &loader, options);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        QSignalSpy wanted(&model, &LibraryModel::thumbnailsWanted);
        model.refresh();
        QVERIFY(finished.wait(5000));
        // Rows shown without a cached thumbnail are asked for, in one batch, once.
        for (int row = 0; row < 5; ++row) {
            QVERIFY(model.index(row, 0).data(Qt::DecorationRole).isNull());
            QCOMPARE(model.index(row, 0).data(LibraryModel::ThumbnailStateRole).toInt(),
                     int(LibraryModel::ThumbnailState::Missing));
        }
        model.index(0, 0).data(Qt::DecorationRole);
        QVERIFY(wanted.wait(2000));
        QCOMPARE(wanted.size(), 1);
        QList<qint64> ids = wanted.first().first().value<QList<qint64>>();
        QCOMPARE(ids.size(), 5);
        QCOMPARE(ids.first(), model.idAt(0));
        model.index(1, 0).data(Qt::DecorationRole);
        QTest::qWait(100);
        QCOMPARE(wanted.size(), 1);

        // The fetcher stores a file and records it: the change set brings the row up to date,
        // the loader decodes it off the GUI thread, and the row shows it.
        const QString jpeg = f.writeJpeg(QStringLiteral("t.jpg"), 300, 200);
        const qint64 id = model.idAt(0);
        QVERIFY(f.storage()
                    .writeAndWait([id, jpeg](WriteContext& ctx) {
                        return AssetRepository::setRenditionLocalPath(ctx, id, QStringLiteral("thumbnail"), jpeg);
                    })
                    .ok());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!model.index(0, 0).data(Qt::DecorationRole).isNull(), 5000);
        const QPixmap pixmap = model.index(0, 0).data(Qt::DecorationRole).value<QPixmap>();
        QCOMPARE(pixmap.size(), QSize(120, 80));
        QCOMPARE(model.index(0, 0).data(LibraryModel::ThumbnailStateRole).toInt(),
                 int(LibraryModel::ThumbnailState::Ready));
        QCOMPARE(model.index(0, 0).data(LibraryModel::LocalFileRole).toString(), jpeg);
        bool decorationSignalled = false;
        for (const QList<QVariant>& args : changed)
            decorationSignalled |= args.at(2).value<QList<int>>().contains(Qt::DecorationRole);
        QVERIFY(decorationSignalled);
    }

    void dragCarriesIdsAndLocalFiles()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 10));
        const QString jpeg = f.writeJpeg(QStringLiteral("r9.jpg"), 64, 64);
        Asset withFile = LibraryFixture::sampleAsset(account, 9);
        withFile.renditions.first().localPath = jpeg;
        QVERIFY(!f.upsert({withFile}).isEmpty());
        LibraryModel model(f.storage(), nullptr, smallPages());
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        model.refresh();
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.mimeTypes(), QStringList({AssetDragData::mimeType(), QStringLiteral("text/uri-list")}));
        QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
        std::unique_ptr<QMimeData> mime(
            model.mimeData({model.index(0, 0), model.index(0, 3), model.index(2, 0)})); // row 0 twice
        QVERIFY(mime);
        const QJsonArray assets = QJsonDocument::fromJson(mime->data(AssetDragData::mimeType())).array();
        QCOMPARE(assets.size(), 2);
        QCOMPARE(assets.at(0).toObject().value(QStringLiteral("id")).toInteger(), model.idAt(0));
        QCOMPARE(assets.at(0).toObject().value(QStringLiteral("accountId")).toInteger(), account);
        QCOMPARE(assets.at(0).toObject().value(QStringLiteral("service")).toString(), QStringLiteral("photoshelter"));
        QCOMPARE(assets.at(1).toObject().value(QStringLiteral("id")).toInteger(), model.idAt(2));
        QCOMPARE(mime->urls(), QList<QUrl>({QUrl::fromLocalFile(jpeg)})); // only row 0 has a local file
    }

    void aSupersededSearchIsNeverShown()
    {
        FIXTURE(f);
        const qint64 account = f.addAccount(Service::PhotoShelter, QStringLiteral("Acme"));
        QVERIFY(f.addSamples(account, 0, 300));
        LibraryModel model(f.storage(), nullptr, smallPages());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        LibraryFilter a;
        a.text = QStringLiteral("harbour");
        model.setFilter(a);
        model.refresh();
        LibraryFilter b;
        b.text = QStringLiteral("forest");
        model.setFilter(b);
        model.refresh();
        QTRY_COMPARE(finished.size(), 1);
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        for (int row = 0; row < model.rowCount(); ++row)
            QTRY_VERIFY(title(model, row).startsWith(QStringLiteral("Forest")));
    }
};

QTEST_MAIN(TestLibraryModel)
#include "tst_librarymodel.moc"
