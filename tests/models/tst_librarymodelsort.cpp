// LibraryModel::sort on both backends: a sortable column replaces the rows in that order (from
// the database, under QAbstractItemModelTester), a text search keeps it, an unsortable column
// changes nothing, and column -1 goes back to the search's own order.
#include "testdatabase.h"
#include "testsamples.h"

#include "models/assetidsearch.h"
#include "models/librarymodel.h"
#include "storage/assetrepository.h"

#include <QAbstractItemModelTester>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {
LibraryModel::Options quick()
{
    LibraryModel::Options o;
    o.pageSize = 10;
    o.debounceMs = 10;
    o.changeDelayMs = 10;
    return o;
}

QList<qint64> rowIds(const LibraryModel& model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(LibraryModel::IdRole).toLongLong();
    return ids;
}
} // namespace

class TestLibraryModelSort : public QObject
{
    Q_OBJECT
private slots:
    void sortsInTheDatabase_data()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
    void sortsInTheDatabase()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        QVERIFY(account > 0);
        QList<Asset> assets;
        const char* const words[] = {"pier", "Dune", "anchor", "Cliff", "buoy", "reef"};
        for (int i = 0; i < 30; ++i) {
            Asset a = sampleAsset(account, u"s%1"_s.arg(i));
            a.title = u"%1 %2"_s.arg(QLatin1String(words[i % 6])).arg(i);
            a.fileSize = 1000 + (i * 7919) % 31;
            a.createdAt = i % 9 == 4 ? QDateTime() : utc(2023, 1 + i % 12, 1 + i % 27);
            a.modifiedAt = utc(2024, 1, 1).addSecs(i * 60);
            assets << a;
        }
        ASSETDESK_VERIFY_OK(storage->writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); }));
        QHash<qint64, Asset> byId;
        const Result<QList<Asset>> stored = AssetRepository(*storage).getMany(AssetIdSearch::ids(*storage, LibraryFilter{}).value());
        ASSETDESK_VERIFY_OK(stored);
        for (const Asset& a : *stored)
            byId.insert(a.id, a);
        QCOMPARE(byId.size(), 30);

        LibraryModel model(*storage, nullptr, quick());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &LibraryModel::searchFinished);
        auto settle = [&] {
            finished.clear();
            return finished.wait(10000);
        };
        model.refresh();
        QVERIFY(settle());
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(model.sortColumn(), -1);
        QCOMPARE(byId.value(rowIds(model).first()).remoteId, u"s29"_s); // newest first

        // Titles ignoring case, ascending: anchor, buoy, Cliff, Dune, pier, reef.
        model.sort(LibraryModel::TitleColumn, Qt::AscendingOrder);
        QVERIFY(settle());
        QList<qint64> ids = rowIds(model);
        QCOMPARE(ids.size(), 30);
        for (int i = 1; i < ids.size(); ++i)
            QVERIFY(byId.value(ids.at(i - 1)).title.toLower() <= byId.value(ids.at(i)).title.toLower());
        QVERIFY(byId.value(ids.first()).title.startsWith(u"anchor"_s));
        QCOMPARE(model.sortColumn(), int(LibraryModel::TitleColumn));
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);

        // File size descending, ties newest id first.
        model.sort(LibraryModel::FileSizeColumn, Qt::DescendingOrder);
        QVERIFY(settle());
        ids = rowIds(model);
        for (int i = 1; i < ids.size(); ++i) {
            const Asset& a = byId.value(ids.at(i - 1));
            const Asset& b = byId.value(ids.at(i));
            QVERIFY(a.fileSize > b.fileSize || (a.fileSize == b.fileSize && a.id > b.id));
        }

        // Created ascending: the assets without a creation time first.
        model.sort(LibraryModel::CreatedColumn, Qt::AscendingOrder);
        QVERIFY(settle());
        ids = rowIds(model);
        QVERIFY(!byId.value(ids.at(0)).createdAt.isValid());
        QVERIFY(byId.value(ids.at(3)).createdAt.isValid());
        for (int i = 4; i < ids.size(); ++i)
            QVERIFY(byId.value(ids.at(i - 1)).createdAt <= byId.value(ids.at(i)).createdAt);

        // A text narrows and keeps the order.
        model.setSearchText(u"buoy"_s);
        QVERIFY(settle());
        ids = rowIds(model);
        QCOMPARE(ids.size(), 5);
        for (int i = 1; i < ids.size(); ++i)
            QVERIFY(byId.value(ids.at(i - 1)).createdAt <= byId.value(ids.at(i)).createdAt);
        QCOMPARE(ids, AssetIdSearch::ids(*storage, model.filter(), nullptr, {LibrarySort::Key::Created, false}).value());

        // Type cannot be sorted: nothing runs, the order stays.
        QSignalSpy started(&model, &LibraryModel::searchStarted);
        model.sort(LibraryModel::TypeColumn, Qt::DescendingOrder);
        QCOMPARE(started.size(), 0);
        QCOMPARE(model.sortColumn(), int(LibraryModel::CreatedColumn));
        QVERIFY(!LibraryModel::isSortableColumn(LibraryModel::TypeColumn));
        QVERIFY(!LibraryModel::isSortableColumn(LibraryModel::DimensionsColumn));

        // Back to the search's own order.
        model.sort(-1);
        QVERIFY(settle());
        QCOMPARE(model.sortColumn(), -1);
        QCOMPARE(rowIds(model), AssetIdSearch::ids(*storage, model.filter()).value());
    }
};

QTEST_MAIN(TestLibraryModelSort)
#include "tst_librarymodelsort.moc"
