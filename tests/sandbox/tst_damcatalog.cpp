// DamCatalog: the same seed gives the same assets at any index (and another seed others); the
// layout covers every asset exactly once; the spread of media, approval, rights and orientation is
// what the issue asks for; changes go to the overlay with strictly later modification times;
// bad-input fixtures appear only when switched on.
#include "sandbox/dam/damcatalog.h"
#include "sandbox/dam/damfixtures.h"
#include "sandbox/dam/damvocabulary.h"

#include <QMap>
#include <QSet>
#include <QTest>

using namespace AssetDesk::Sandbox;

namespace {

DamCatalog::Config config(quint64 seed, qint64 size, const QString& stream = QStringLiteral("iconik"))
{
    return {seed, stream, size, {QStringLiteral("North"), QStringLiteral("South"), QStringLiteral("West")},
            QDate(2025, 3, 10)};
}

void compareAssets(const DamAsset& a, const DamAsset& b)
{
    QCOMPARE(a.index, b.index);
    QCOMPARE(a.gallery, b.gallery);
    QCOMPARE(a.title, b.title);
    QCOMPARE(a.caption, b.caption);
    QCOMPARE(a.keywords, b.keywords);
    QCOMPARE(a.credit, b.credit);
    QCOMPARE(a.copyright, b.copyright);
    QCOMPARE(a.campaignName, b.campaignName);
    QCOMPARE(a.fileName, b.fileName);
    QCOMPARE(a.width, b.width);
    QCOMPARE(a.height, b.height);
    QCOMPARE(a.createdAt, b.createdAt);
    QCOMPARE(a.modifiedAt, b.modifiedAt);
    QCOMPARE(a.licenceExpiry, b.licenceExpiry);
    QCOMPARE(int(a.approval), int(b.approval));
    QCOMPARE(int(a.mediaType), int(b.mediaType));
}

} // namespace

class TestDamCatalog : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedSameAsset_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<qint64>("index");
        QTest::newRow("first of 100") << qint64(100) << qint64(0);
        QTest::newRow("last of 100") << qint64(100) << qint64(99);
        QTest::newRow("middle of 1M") << qint64(1000000) << qint64(500000);
        QTest::newRow("last of 1M") << qint64(1000000) << qint64(999999);
    }

    void sameSeedSameAsset()
    {
        QFETCH(qint64, size);
        QFETCH(qint64, index);
        const DamCatalog a(config(5, size));
        const DamCatalog b(config(5, size));
        compareAssets(*a.find(index), *b.find(index));
        const DamCatalog otherSeed(config(6, size));
        QVERIFY(otherSeed.find(index)->title != a.find(index)->title ||
                otherSeed.find(index)->caption != a.find(index)->caption);
        const DamCatalog otherService(config(5, size, QStringLiteral("photoshelter")));
        QVERIFY(otherService.find(index)->caption != a.find(index)->caption);
        QVERIFY(!a.find(size));
        QVERIFY(!a.find(-1));
    }

    void timesIncreaseWithTheIndex()
    {
        const DamCatalog c(config(3, 1000));
        qint64 previousModified = 0;
        for (qint64 i = 0; i < 1000; ++i) {
            const DamAsset a = *c.find(i);
            QVERIFY(a.createdAt < a.modifiedAt);
            QVERIFY(a.createdAt.toMSecsSinceEpoch() > previousModified);
            previousModified = a.modifiedAt.toMSecsSinceEpoch();
        }
        QVERIFY(c.find(999)->modifiedAt < QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC));
    }

    void layoutCoversEveryAssetOnce_data()
    {
        QTest::addColumn<qint64>("size");
        for (qint64 size : {0, 1, 5, 100, 1000, 25000})
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }

    void layoutCoversEveryAssetOnce()
    {
        QFETCH(qint64, size);
        const DamCatalog c(config(9, size));
        const DamLayout& layout = c.layout();
        QCOMPARE(layout.organizations().size(), 3);
        qint64 next = 0;
        for (int g = 0; g < layout.regularGalleryCount(); ++g) {
            const DamGallery& gallery = layout.galleries().at(g);
            QCOMPARE(gallery.first, next);
            QVERIFY(gallery.end > gallery.first);
            QCOMPARE(layout.galleryOf(gallery.first), g);
            QCOMPARE(layout.galleryOf(gallery.end - 1), g);
            next = gallery.end;
        }
        QCOMPARE(next, size);
        // Organizations partition the assets; collections nest inside their organization.
        qint64 covered = 0;
        for (const DamOrganization& o : layout.organizations()) {
            covered += o.end - o.first;
            for (int top : o.rootCollections) {
                const DamCollection& t = layout.collections().at(top);
                QCOMPARE(t.parent, -1);
                QVERIFY(layout.collectionFirst(top) >= o.first && layout.collectionEnd(top) <= o.end);
                for (int sub : t.collections)
                    QCOMPARE(layout.collectionPath(sub), (QList<int>{top, sub}));
            }
            if (o.end > o.first) {
                QVERIFY(o.selectsGallery >= layout.regularGalleryCount());
                QVERIFY(layout.inSelects(o.first));
            }
        }
        QCOMPARE(covered, size);
    }

    void spreadLooksLikeALibrary()
    {
        const DamCatalog c(config(11, 5000));
        int videos = 0, approved = 0, requested = 0, notApproved = 0, none = 0;
        int expired = 0, soon = 0, valid = 0, noExpiry = 0, portrait = 0, landscape = 0, campaigns = 0;
        const QDate anchor(2025, 3, 10);
        for (qint64 i = 0; i < 5000; ++i) {
            const DamAsset a = *c.find(i);
            videos += a.mediaType == DamMediaType::Video;
            approved += a.approval == DamApproval::Approved;
            requested += a.approval == DamApproval::Requested;
            notApproved += a.approval == DamApproval::NotApproved;
            none += a.approval == DamApproval::None;
            portrait += a.orientation == DamOrientation::Portrait;
            landscape += a.orientation == DamOrientation::Landscape;
            campaigns += a.campaign >= 0;
            if (!a.licenceExpiry.isValid()) {
                ++noExpiry;
            } else if (a.licenceExpiry < anchor) {
                ++expired;
            } else if (a.licenceExpiry <= anchor.addDays(30)) {
                ++soon;
                QCOMPARE(int(a.rightsCase), int(DamRightsCase::ExpiringSoon));
            } else {
                ++valid;
                QVERIFY(a.licenceExpiry.year() >= 2030);
            }
            QVERIFY(!a.title.isEmpty() && !a.caption.isEmpty() && !a.keywords.isEmpty());
            QVERIFY(a.copyright.startsWith(QStringLiteral("\u00a9 ")));
            QVERIFY(DamVocabulary::photographers().contains(a.credit));
        }
        for (int n : {videos, approved, requested, notApproved, none, expired, soon, valid, noExpiry, portrait,
                      landscape, campaigns})
            QVERIFY2(n > 200, qPrintable(QString::number(n)));
        QVERIFY(videos < 1000);
    }

    void changesLiveInTheOverlay()
    {
        DamCatalog c(config(2, 200));
        QList<DamChange> changes;
        c.setListener([&changes](const DamChange& change) { changes << change; });
        const qint64 now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        const DamAsset before = *c.find(10);
        QVERIFY(c.modify(10, now, [](DamAsset& a) { a.title = QStringLiteral("Renamed"); }));
        const DamAsset after = *c.find(10);
        QCOMPARE(after.title, QStringLiteral("Renamed"));
        QCOMPARE(after.revision, before.revision + 1);
        QCOMPARE(after.createdAt, before.createdAt);
        QCOMPARE(after.modifiedAt.toMSecsSinceEpoch(), now);

        QVERIFY(c.remove(11, now));
        QVERIFY(c.find(11)->deleted);
        QVERIFY(!c.findActive(11));
        QVERIFY(!c.remove(11, now));
        QVERIFY(c.find(11)->modifiedAt.toMSecsSinceEpoch() > now); // strictly later than the edit

        const qint64 added = c.add(3, now);
        QCOMPARE(added, 200);
        QCOMPARE(c.indexEnd(), 201);
        QVERIFY(c.find(added)->added);
        QCOMPARE(c.find(added)->gallery, 3);
        QCOMPARE(c.find(added)->createdAt, c.find(added)->modifiedAt);

        QCOMPARE(changes.size(), 3);
        QCOMPARE(int(changes.at(0).kind), int(DamChange::Kind::Updated));
        QCOMPARE(int(changes.at(1).kind), int(DamChange::Kind::Deleted));
        QCOMPARE(int(changes.at(2).kind), int(DamChange::Kind::Created));
        QCOMPARE(c.overlay().records().size(), 3);
        QCOMPARE(c.overlay().deletedOrder(), QList<qint64>{11});
    }

    void mutateIsDeterministic()
    {
        const qint64 now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        DamCatalog a(config(4, 1000));
        DamCatalog b(config(4, 1000));
        const auto ma = a.mutate(5, 3, 2, -1, now);
        const auto mb = b.mutate(5, 3, 2, -1, now);
        QCOMPARE(ma.modified, mb.modified);
        QCOMPARE(ma.deleted, mb.deleted);
        QCOMPARE(ma.added, mb.added);
        QCOMPARE(ma.modified.size(), 5);
        QCOMPARE(ma.deleted.size(), 3);
        QCOMPARE(ma.added, (QList<qint64>{1000, 1001}));
        for (qint64 i : ma.deleted)
            QVERIFY(a.find(i)->deleted);
        const auto again = a.mutate(5, 0, 0, -1, now);
        QVERIFY(again.modified != ma.modified); // the change stream moves on
    }

    void uploadsKeepTheCachedCounts()
    {
        DamCatalog catalog(config(4, 200000));
        DamQuery videos;
        videos.mediaMask = 1u << int(DamMediaType::Video);
        const qint64 before = catalog.count(videos); // builds the block counts (large scope)
        QVERIFY(catalog.cachedBlocks(videos.predicateSignature()));
        // An upload (a live event) leaves the generated positions alone: counts stay cached, and
        // the answer still includes the upload when it matches.
        const qint64 added = catalog.add(0, 2000000000000, [](DamAsset& a) { a.mediaType = DamMediaType::Video; });
        QVERIFY(catalog.cachedBlocks(videos.predicateSignature()));
        QCOMPARE(catalog.count(videos), before + 1);
        videos.order = DamQuery::Order::Created;
        videos.descending = true;
        QCOMPARE(catalog.page(videos, 0, 1), QList<qint64>{added});
        // Touching a generated asset changes which positions are excluded: rebuilt, still right.
        QVERIFY(catalog.modify(catalog.page(videos, 5, 1).first(), 2000000000001,
                               [](DamAsset& a) { a.mediaType = DamMediaType::Image; }));
        QVERIFY(!catalog.cachedBlocks(videos.predicateSignature()));
        QCOMPARE(catalog.count(videos), before);
    }

    void fixturesOnlyWhenSwitchedOn()
    {
        DamCatalog c(config(1, 100));
        const auto table = c.fixtures();
        QCOMPARE(table.size(), int(DamFixture::EnormousImage));
        for (const auto& [fixture, index] : table) {
            QVERIFY(index >= DamFixtures::kFirstIndex);
            QVERIFY(index < 80);
            QCOMPARE(int(c.find(index)->fixture), int(DamFixture::None));
        }
        c.setBadInput(true);
        QMap<DamFixture, qint64> where;
        for (const auto& [fixture, index] : table) {
            where.insert(fixture, index);
            QCOMPARE(int(c.find(index)->fixture), int(fixture));
            QCOMPARE(int(c.find(index)->mediaType), int(DamMediaType::Image));
        }
        QCOMPARE(c.find(where.value(DamFixture::HugeCaption))->caption.size(), DamFixtures::kHugeCaptionBytes);
        QCOMPARE(c.find(where.value(DamFixture::TraversalFileName))->fileName, QStringLiteral("../../etc/passwd.jpg"));
        QCOMPARE(c.find(where.value(DamFixture::AbsoluteFileName))->fileName, QStringLiteral("/absolute/path.jpg"));
        QVERIFY(c.find(where.value(DamFixture::ControlCharFileName))->fileName.contains(QChar(0x1b)));
        QVERIFY(c.find(where.value(DamFixture::RtlOverrideFileName))->fileName.contains(QChar(0x202e)));
        QCOMPARE(c.find(where.value(DamFixture::EnormousImage))->width, 60000);
        QCOMPARE(c.find(where.value(DamFixture::EnormousImage))->mimeType(), QStringLiteral("image/png"));
        c.setBadInput(false);
        QCOMPARE(int(c.find(where.value(DamFixture::HugeCaption))->fixture), int(DamFixture::None));
    }
};

QTEST_GUILESS_MAIN(TestDamCatalog)
#include "tst_damcatalog.moc"
