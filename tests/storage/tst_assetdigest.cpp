// AssetDigest: the stored sync_hash. Its value must not move between runs, builds, Qt versions or
// platforms (a moved digest makes every sync rewrite every asset), so the hash is checked against
// the xxHash reference and the digest of a fixed asset is pinned.
#include "storage/assetdigest.h"

#include <QTest>

#include <functional>

using namespace AssetDesk;

namespace {

Asset fixedAsset()
{
    Asset a;
    a.accountId = 7;
    a.service = Service::Iconik;
    a.remoteId = QStringLiteral("5b3d6c1e-0f2a-4c8e-9d11-3e7a2f4b6c80");
    a.version = QStringLiteral("v3");
    a.title = QStringLiteral("Fjord at dawn — Ålesund");
    a.caption = QStringLiteral("Morning light over the fjord.\nSecond line with emoji \U0001F305.");
    a.keywords = {QStringLiteral("fjord"), QStringLiteral("dawn"), QStringLiteral("norway")};
    a.campaign = QStringLiteral("Spring Launch");
    a.fileName = QStringLiteral("IMG_0042.jpg");
    a.mimeType = QStringLiteral("image/jpeg");
    a.mediaType = MediaType::Image;
    a.width = 6000;
    a.height = 4000;
    a.fileSize = 12345678;
    a.rights.approval = ApprovalState::Approved;
    a.rights.licenseExpiresAt = QDateTime(QDate(2027, 3, 1), QTime(12, 0), Qt::UTC);
    a.rights.usageRestrictions = QStringLiteral("Editorial only");
    a.rights.credit = QStringLiteral("Kari Nordmann");
    a.rights.copyright = QStringLiteral("© Acme Media");
    a.lifecycle = LifecycleState::Approved;
    a.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    a.modifiedAt = QDateTime(QDate(2026, 2, 3), QTime(4, 5, 6), Qt::UTC);
    Rendition thumb;
    thumb.name = QStringLiteral("thumbnail");
    thumb.width = 300;
    thumb.height = 200;
    thumb.mimeType = QStringLiteral("image/jpeg");
    thumb.bytes = 21000;
    thumb.remoteUrl = QUrl(QStringLiteral("https://cdn.example/a/thumb.jpg?sig=x%20y"));
    thumb.localPath = QStringLiteral("/cache/ab/cd.jpg");
    a.renditions << thumb;
    a.collectionRemoteIds = {QStringLiteral("G1"), QStringLiteral("C2")};
    a.rawJson = QByteArrayLiteral("{\"id\":\"5b3d6c1e\",\"title\":\"Fjord at dawn\"}");
    return a;
}

} // namespace

class TestAssetDigest : public QObject
{
    Q_OBJECT

private slots:
    // Values from the reference implementation (libxxhash 0.8.1, XXH64()).
    void xxh64_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<quint64>("expected");
        QByteArray long773;
        for (int i = 0; i < 3; ++i) {
            for (int b = 0; b < 256; ++b)
                long773.append(char(b));
        }
        long773 += "tail!";
        const quint64 seed2 = 0x9E3779B97F4A7C15ULL;
        QTest::newRow("empty") << QByteArray() << quint64(0) << quint64(0xef46db3751d8e999ULL);
        QTest::newRow("empty seeded") << QByteArray() << seed2 << quint64(0xc4349fc93c010000ULL);
        QTest::newRow("1 byte") << QByteArray("a") << quint64(0) << quint64(0xd24ec4f1a98c6e5bULL);
        QTest::newRow("3 bytes") << QByteArray("abc") << quint64(0) << quint64(0x44bc2cf5ad770999ULL);
        QTest::newRow("3 bytes seeded") << QByteArray("abc") << seed2 << quint64(0x2ed0f59d6b43ac8bULL);
        QTest::newRow("4 bytes") << QByteArray("abcd") << quint64(0) << quint64(0xde0327b0d25d92ccULL);
        QTest::newRow("11 bytes") << QByteArray("hello world") << quint64(0) << quint64(0x45ab6734b21e6968ULL);
        QTest::newRow("32 bytes") << QByteArray("0123456789abcdef0123456789abcdef") << quint64(0)
                                  << quint64(0x642a94958e71e6c5ULL);
        QTest::newRow("32 bytes seeded") << QByteArray("0123456789abcdef0123456789abcdef") << seed2
                                         << quint64(0x91c9c9c721ea6985ULL);
        QTest::newRow("773 bytes") << long773 << quint64(0) << quint64(0x26bbff34e506daffULL);
        QTest::newRow("773 bytes seeded") << long773 << seed2 << quint64(0xfa94ef5799e942a2ULL);
    }

    void xxh64()
    {
        QFETCH(QByteArray, input);
        QFETCH(quint64, seed);
        QFETCH(quint64, expected);
        QCOMPARE(AssetDigest::xxh64(input.constData(), std::size_t(input.size()), seed), expected);
    }

    // The stored value of a fixed asset: if this moves, every workspace rewrites every asset on
    // its next sync. Change it only together with a new format prefix.
    void pinned()
    {
        const QString digest = AssetDigest::of(fixedAsset());
        QCOMPARE(digest, QStringLiteral("x2:eb2315b38525b7457feb16a60c077e42"));
        QCOMPARE(AssetDigest::of(fixedAsset()), digest);
    }

    void changesWithEveryField_data()
    {
        QTest::addColumn<std::function<void(Asset&)>>("edit");
        using Edit = std::function<void(Asset&)>;
        QTest::newRow("account") << Edit([](Asset& a) { a.accountId = 8; });
        QTest::newRow("service") << Edit([](Asset& a) { a.service = Service::PhotoShelter; });
        QTest::newRow("remote id") << Edit([](Asset& a) { a.remoteId += u'x'; });
        QTest::newRow("version") << Edit([](Asset& a) { a.version = QStringLiteral("v4"); });
        QTest::newRow("title") << Edit([](Asset& a) { a.title += u' '; });
        QTest::newRow("caption") << Edit([](Asset& a) { a.caption.chop(1); });
        QTest::newRow("keyword") << Edit([](Asset& a) { a.keywords[1] = QStringLiteral("dusk"); });
        QTest::newRow("keyword moved across the list boundary") << Edit([](Asset& a) {
            a.keywords = {QStringLiteral("fjorddawn"), QStringLiteral("norway")};
        });
        QTest::newRow("campaign") << Edit([](Asset& a) { a.campaign.clear(); });
        QTest::newRow("file name") << Edit([](Asset& a) { a.fileName = QStringLiteral("IMG_0043.jpg"); });
        QTest::newRow("mime type") << Edit([](Asset& a) { a.mimeType = QStringLiteral("image/png"); });
        QTest::newRow("media type") << Edit([](Asset& a) { a.mediaType = MediaType::Video; });
        QTest::newRow("width") << Edit([](Asset& a) { a.width = 6001; });
        QTest::newRow("height") << Edit([](Asset& a) { a.height = 3999; });
        QTest::newRow("file size") << Edit([](Asset& a) { a.fileSize += 1; });
        QTest::newRow("approval") << Edit([](Asset& a) { a.rights.approval = ApprovalState::NotApproved; });
        QTest::newRow("licence expiry") << Edit([](Asset& a) { a.rights.licenseExpiresAt = {}; });
        QTest::newRow("usage") << Edit([](Asset& a) { a.rights.usageRestrictions.clear(); });
        QTest::newRow("credit") << Edit([](Asset& a) { a.rights.credit = QStringLiteral("Ola"); });
        QTest::newRow("copyright") << Edit([](Asset& a) { a.rights.copyright.clear(); });
        QTest::newRow("lifecycle") << Edit([](Asset& a) { a.lifecycle = LifecycleState::Archived; });
        QTest::newRow("created") << Edit([](Asset& a) { a.createdAt = a.createdAt.addMSecs(1); });
        QTest::newRow("modified") << Edit([](Asset& a) { a.modifiedAt = a.modifiedAt.addMSecs(1); });
        QTest::newRow("raw json") << Edit([](Asset& a) { a.rawJson += ' '; });
        QTest::newRow("collections") << Edit([](Asset& a) { a.collectionRemoteIds.removeLast(); });
        QTest::newRow("rendition added") << Edit([](Asset& a) { a.renditions << a.renditions.first(); });
        QTest::newRow("rendition name") << Edit([](Asset& a) { a.renditions[0].name = QStringLiteral("proxy"); });
        QTest::newRow("rendition width") << Edit([](Asset& a) { a.renditions[0].width = 301; });
        QTest::newRow("rendition height") << Edit([](Asset& a) { a.renditions[0].height = 201; });
        QTest::newRow("rendition mime") << Edit([](Asset& a) { a.renditions[0].mimeType.clear(); });
        QTest::newRow("rendition bytes") << Edit([](Asset& a) { a.renditions[0].bytes = 1; });
        QTest::newRow("rendition url") << Edit([](Asset& a) {
            a.renditions[0].remoteUrl = QUrl(QStringLiteral("https://cdn.example/a/thumb.jpg?sig=z"));
        });
        QTest::newRow("rendition path") << Edit([](Asset& a) { a.renditions[0].localPath.clear(); });
    }

    void changesWithEveryField()
    {
        QFETCH(std::function<void(Asset&)>, edit);
        Asset changed = fixedAsset();
        edit(changed);
        QVERIFY(changed != fixedAsset());
        QVERIFY(AssetDigest::of(changed) != AssetDigest::of(fixedAsset()));
    }

    // Stored alike (''), so hashed alike: a service that sends "" one time and omits the field
    // the next must not rewrite the asset.
    void nullAndEmptyTextAlike()
    {
        Asset a = fixedAsset();
        a.campaign = QString();
        Asset b = fixedAsset();
        b.campaign = QStringLiteral("");
        QCOMPARE(AssetDigest::of(a), AssetDigest::of(b));
    }

    // The layout fixes byte order and string encoding, so the pinned value holds on every platform.
    void layoutIsLittleEndianUtf16()
    {
        Asset a;
        a.accountId = 0x0102;
        a.remoteId = QStringLiteral("\u00c5");
        const QByteArray bytes = AssetDigest::layout(a);
        QCOMPARE(bytes.left(8), QByteArray::fromHex("0201000000000000"));
        // service id "photoshelter" (12 code units) follows, then the remote id: length 1, U+00C5.
        const qsizetype remote = 8 + 8 + 12 * 2;
        QCOMPARE(bytes.mid(remote, 10), QByteArray::fromHex("0100000000000000c500"));
    }
};

QTEST_GUILESS_MAIN(TestAssetDigest)
#include "tst_assetdigest.moc"
