#include "models/assetdragdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace AssetDesk;
using AssetDragData::DraggedAsset;

namespace {

std::unique_ptr<QMimeData> rawDrag(const QByteArray& payload)
{
    auto mime = std::make_unique<QMimeData>();
    mime->setData(AssetDragData::mimeType(), payload);
    return mime;
}

} // namespace

class TestAssetDragData : public QObject
{
    Q_OBJECT

private slots:
    void writesTheWireFormat()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.jpg"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("jpeg");
        f.close();
        std::unique_ptr<QMimeData> mime(AssetDragData::create(
            {DraggedAsset{7, 3, Service::Iconik, file}, DraggedAsset{8, 0, std::nullopt, dir.filePath(QStringLiteral("gone.jpg"))}}));
        QVERIFY(mime);
        // Other AssetDesk windows and versions read this: the keys are the format.
        const QJsonArray entries = QJsonDocument::fromJson(mime->data(AssetDragData::mimeType())).array();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toObject(),
                 QJsonObject({{QStringLiteral("id"), 7}, {QStringLiteral("accountId"), 3}, {QStringLiteral("service"), QStringLiteral("iconik")}}));
        QCOMPARE(entries.at(1).toObject(), QJsonObject({{QStringLiteral("id"), 8}})); // not loaded: the id alone
        QCOMPARE(mime->urls(), QList<QUrl>({QUrl::fromLocalFile(file)}));          // a missing file is left out
        QCOMPARE(AssetDragData::assetIds(mime.get()), QList<qint64>({7, 8}));
    }

    void nothingToDragIsNoDrag()
    {
        QVERIFY(!AssetDragData::create({}));
        QVERIFY(!AssetDragData::carriesAssets(nullptr));
        QVERIFY(AssetDragData::assetIds(nullptr).isEmpty());
        QMimeData text;
        text.setText(QStringLiteral("[{\"id\": 1}]"));
        QVERIFY(!AssetDragData::carriesAssets(&text));
        QVERIFY(AssetDragData::assetIds(&text).isEmpty());
    }

    void readsIdsOnceEachInDragOrder()
    {
        const auto mime = rawDrag(R"([{"id":5},{"id":2},{"id":5},{"id":9},{"id":2}])");
        QVERIFY(AssetDragData::carriesAssets(mime.get()));
        QCOMPARE(AssetDragData::assetIds(mime.get()), QList<qint64>({5, 2, 9}));
    }

    // Anything can arrive under the MIME type from another program: it yields no ids, never a
    // crash, and entries that are not assets are passed over.
    void hostilePayloadsYieldNoIds_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QList<qint64>>("ids");
        QTest::newRow("empty") << QByteArray() << QList<qint64>();
        QTest::newRow("truncated") << QByteArray(R"([{"id":5},{"id")") << QList<qint64>();
        QTest::newRow("object, not array") << QByteArray(R"({"id":5})") << QList<qint64>();
        QTest::newRow("ids as text") << QByteArray(R"([{"id":"5"},{"id":6}])") << QList<qint64>({6});
        QTest::newRow("zero and negative") << QByteArray(R"([{"id":0},{"id":-4},{"id":3}])") << QList<qint64>({3});
        QTest::newRow("not objects") << QByteArray(R"([1, "2", null, [3], {"id":4}])") << QList<qint64>({4});
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe[", 4) << QList<qint64>();
    }
    void hostilePayloadsYieldNoIds()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QList<qint64>, ids);
        QCOMPARE(AssetDragData::assetIds(rawDrag(payload).get()), ids);
    }

    // A select-all drag of a large library: every id, once.
    void aMillionIds()
    {
        QList<DraggedAsset> assets;
        assets.reserve(1000000);
        for (qint64 id = 1; id <= 1000000; ++id)
            assets.append(DraggedAsset{id, 0, std::nullopt, {}});
        assets.append(DraggedAsset{42, 0, std::nullopt, {}});
        std::unique_ptr<QMimeData> mime(AssetDragData::create(assets));
        const QList<qint64> ids = AssetDragData::assetIds(mime.get());
        QCOMPARE(ids.size(), 1000000);
        QCOMPARE(ids.first(), 1);
        QCOMPARE(ids.last(), 1000000);
    }
};

QTEST_GUILESS_MAIN(TestAssetDragData)
#include "tst_assetdragdata.moc"
