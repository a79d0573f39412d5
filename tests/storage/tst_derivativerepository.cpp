#include "testdatabase.h"
#include "testsamples.h"

#include "storage/assetrepository.h"
#include "storage/derivativerepository.h"
#include "storage/lineagerepository.h"
#include "storage/writecontext.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

qint64 addAsset(Storage& storage, qint64 accountId, const QString& remoteId)
{
    const auto ids = storage.writeAndWait([&](WriteContext& ctx) { return AssetRepository::upsert(ctx, {sampleAsset(accountId, remoteId)}); });
    return ids.ok() ? ids->constFirst() : 0;
}

Derivative sample(qint64 assetId, const QString& version, char digit)
{
    Derivative d;
    d.sourceAssetId = assetId;
    d.sourceAssetVersion = version;
    d.spec = DerivativeSpec::forXImage(DerivativeSpec::CropPreset::Wide, 1600);
    d.spec.centre = QPointF(0.25, 0.5);
    d.sha256 = QString(64, QLatin1Char(digit));
    d.filePath = u"/data/derivatives/%1.jpg"_s.arg(d.sha256);
    d.mimeType = u"image/jpeg"_s;
    d.size = QSize(1600, 900);
    d.bytes = 412345;
    d.createdAt = utc(2026, 12, 5);
    return d;
}

} // namespace

class TestDerivativeRepository : public QObject
{
    Q_OBJECT
private slots:
    void storesTheRowAndItsLineageInOneWrite_data() { backendRows(); }
    void storesTheRowAndItsLineageInOneWrite()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        const qint64 asset = addAsset(*storage, account, u"a-1"_s);
        QVERIFY(asset > 0);

        const Derivative d = sample(asset, u"v7"_s, 'a');
        const Result<qint64> id = storage->writeAndWait([&](WriteContext& ctx) -> Result<qint64> {
            Result<qint64> added = DerivativeRepository::add(ctx, d);
            if (added && ctx.changes().ids(EntityKind::Lineage, ChangeSet::Op::Inserted).size() != 1)
                return Error(ErrorKind::Internal, u"the lineage edge was not recorded"_s);
            return added;
        });
        ASSETDESK_VERIFY_OK(id);

        const Result<std::optional<Derivative>> read = DerivativeRepository(*storage).get(*id);
        ASSETDESK_VERIFY_OK(read);
        QVERIFY(read->has_value());
        Derivative expected = d;
        expected.id = *id;
        QCOMPARE(**read, expected);

        const QList<LineageEdge> edges = LineageRepository(*storage).edgesFrom(LineageEdge::NodeKind::Asset, asset).value();
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges.first().toKind, LineageEdge::NodeKind::Derivative);
        QCOMPARE(edges.first().toId, *id);
        QCOMPARE(edges.first().relation, u"derived-from"_s);
        QCOMPARE(edges.first().assetVersion, u"v7"_s);
    }

    void theSameFileTwiceIsOneRow_data() { backendRows(); }
    void theSameFileTwiceIsOneRow()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 asset = addAsset(*storage, addAccount(*storage, sampleAccount()), u"a-2"_s);
        auto add = [&](const Derivative& d) { return storage->writeAndWait([d](WriteContext& ctx) { return DerivativeRepository::add(ctx, d); }); };
        const Result<qint64> first = add(sample(asset, u"v1"_s, 'b'));
        const Result<qint64> again = add(sample(asset, u"v1"_s, 'b'));
        ASSETDESK_VERIFY_OK(first);
        ASSETDESK_VERIFY_OK(again);
        QCOMPARE(*again, *first);
        // Another version of the asset, or other bytes, are other derivatives.
        const Result<qint64> otherVersion = add(sample(asset, u"v2"_s, 'b'));
        Derivative later = sample(asset, u"v1"_s, 'c');
        later.createdAt = utc(2026, 12, 6);
        const Result<qint64> otherBytes = add(later);
        ASSETDESK_VERIFY_OK(otherVersion);
        ASSETDESK_VERIFY_OK(otherBytes);
        QVERIFY(*otherVersion != *first && *otherBytes != *first && *otherBytes != *otherVersion);

        const QList<Derivative> all = DerivativeRepository(*storage).listForAsset(asset).value();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.first().id, *otherBytes); // newest first
        QCOMPARE(LineageRepository(*storage).usesOfAsset(asset).value().size(), 3);
        QVERIFY(DerivativeRepository(*storage).listForAsset(asset + 1000).value().isEmpty());
        QVERIFY(!DerivativeRepository(*storage).get(999999).value().has_value());
    }

    void invalidDerivativesAreRefused_data()
    {
        TestDatabase::addBackendColumn();
        QTest::addColumn<int>("defect");
        for (const QString& backend : {u"sqlite"_s, u"postgresql"_s}) {
            for (int defect = 0; defect < 5; ++defect)
                QTest::newRow(qPrintable(u"%1 defect %2"_s.arg(backend).arg(defect))) << backend << defect;
        }
    }
    void invalidDerivativesAreRefused()
    {
        QFETCH(QString, backend);
        QFETCH(int, defect);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 asset = addAsset(*storage, addAccount(*storage, sampleAccount()), u"a-3"_s);
        Derivative d = sample(asset, u"v1"_s, 'd');
        switch (defect) {
        case 0: d.sourceAssetId = 0; break;
        case 1: d.filePath.clear(); break;
        case 2: d.sha256 = u"../../etc/passwd"_s; break;
        case 3: d.mimeType.clear(); break;
        case 4: d.sourceAssetId = asset + 1000; break; // no such asset: the foreign key
        }
        const Result<qint64> id = storage->writeAndWait([d](WriteContext& ctx) { return DerivativeRepository::add(ctx, d); });
        QVERIFY(!id.ok());
        if (defect < 4)
            QCOMPARE(id.error().kind(), ErrorKind::Validation);
        // Nothing half-written: no row and no lineage edge.
        QVERIFY(DerivativeRepository(*storage).listForAsset(asset).value().isEmpty());
        QVERIFY(LineageRepository(*storage).usesOfAsset(asset).value().isEmpty());
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestDerivativeRepository)
#include "tst_derivativerepository.moc"
