#include "connectors/damtext.h"
#include "connectors/photoshelter/photosheltermapper.h"
#include "fixtures.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;

namespace {
const Asset* byId(const QList<Asset>& assets, const QString& id)
{
    for (const Asset& a : assets) {
        if (a.remoteId == id)
            return &a;
    }
    return nullptr;
}
const Rendition* rendition(const Asset& a, const QString& name)
{
    for (const Rendition& r : a.renditions) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}
const DamItemProblem* problemFor(const QList<DamItemProblem>& problems, const QString& id)
{
    for (const DamItemProblem& p : problems) {
        if (p.remoteId == id)
            return &p;
    }
    return nullptr;
}
} // namespace

// PhotoShelter v4 media, galleries and collections (photoshelter.md) to core types.
class TestPhotoShelterMapper : public QObject
{
    Q_OBJECT
private:
    const PhotoShelterMapper m_mapper{42, QUrl(QStringLiteral("https://www.photoshelter.com"))};
    DamAssetPage m_page;

private slots:
    void initTestCase() { m_page = m_mapper.mapMediaPage(fixture(QStringLiteral("photoshelter/search_page.json"))); }

    void mapsEveryDocumentedField()
    {
        const Asset* a = byId(m_page.assets, QStringLiteral("I0000aBcDeFgHiJk"));
        QVERIFY(a);
        QCOMPARE(a->accountId, 42);
        QCOMPARE(a->service, Service::PhotoShelter);
        QCOMPARE(a->fileName, QStringLiteral("harbour-sunset.jpg"));
        QCOMPARE(a->title, QStringLiteral("Sunset over the harbour"));
        QCOMPARE(a->caption, QStringLiteral("Container ships leave the harbour at dusk."));
        QCOMPARE(a->keywords, (QStringList{QStringLiteral("harbour"), QStringLiteral("sunset"), QStringLiteral("ships")}));
        QCOMPARE(a->mediaType, MediaType::Image);
        QCOMPARE(a->mimeType, QStringLiteral("image/jpeg"));
        QCOMPARE(a->width, 6000);
        QCOMPARE(a->height, 4000);
        QCOMPARE(a->fileSize, 4823112);
        // v3's "Y-m-d H:i:s GMT" and ISO 8601 both read as UTC.
        QCOMPARE(a->createdAt, QDateTime(QDate(2024, 3, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(a->modifiedAt, QDateTime(QDate(2024, 3, 5), QTime(8, 30), Qt::UTC));
        QCOMPARE(a->version, QStringLiteral("2024-03-05T08:30:00.000Z"));
        QCOMPARE(a->rights.approval, ApprovalState::Approved);
        QCOMPARE(a->lifecycle, LifecycleState::Approved);
        QCOMPARE(a->rights.licenseExpiresAt, QDateTime(QDate(2027, 1, 31), QTime(0, 0), Qt::UTC));
        QCOMPARE(a->rights.usageRestrictions, QStringLiteral("Editorial use only"));
        QCOMPARE(a->rights.credit, QStringLiteral("Ada Photographer"));
        QCOMPARE(a->rights.copyright, QStringLiteral("© 2024 Acme Media"));
        QCOMPARE(a->campaign, QStringLiteral("Spring Launch"));
        QCOMPARE(a->collectionRemoteIds, (QStringList{QStringLiteral("G0000GalleryOne1"), QStringLiteral("G0000GalleryTwo2")}));
        QVERIFY(!m_page.membershipUnknown.contains(a->remoteId));
        QVERIFY(!problemFor(m_page.problems, a->remoteId)); // nothing odd about it
        QVERIFY(a->rawJson.contains("harbour-sunset.jpg"));
    }

    void renditionsComeFromTheDownloadEndpoint()
    {
        const Asset* a = byId(m_page.assets, QStringLiteral("I0000aBcDeFgHiJk"));
        QVERIFY(a);
        const Rendition* original = rendition(*a, QStringLiteral("original"));
        QVERIFY(original);
        QCOMPARE(original->remoteUrl.path(), QStringLiteral("/psapi/v4.0/media/I0000aBcDeFgHiJk/download"));
        QCOMPARE(QUrlQuery(original->remoteUrl).queryItemValue(QStringLiteral("download_filetype")), QStringLiteral("original"));
        QCOMPARE(original->width, 6000);
        QCOMPARE(original->bytes, 4823112);
        const Rendition* thumb = rendition(*a, QStringLiteral("thumbnail"));
        QVERIFY(thumb);
        QCOMPARE(QUrlQuery(thumb->remoteUrl).queryItemValue(QStringLiteral("download_filetype")), QStringLiteral("jpeg"));
        QCOMPARE(thumb->mimeType, QStringLiteral("image/jpeg"));
        // A video gets no JPEG thumbnail link it could not serve.
        const Asset* video = byId(m_page.assets, QStringLiteral("VD000VideoOnly01"));
        QVERIFY(video);
        QVERIFY(rendition(*video, QStringLiteral("original")));
        QVERIFY(!rendition(*video, QStringLiteral("thumbnail")));
    }

    void explicitLinksWin()
    {
        QJsonObject resource{{QStringLiteral("id"), QStringLiteral("I0000WithLinks01")},
                             {QStringLiteral("attributes"),
                              QJsonObject{{QStringLiteral("file_name"), QStringLiteral("a.jpg")},
                                          {QStringLiteral("links"),
                                           QJsonObject{{QStringLiteral("thumbnail"), QStringLiteral("https://cdn.example.net/t.jpg")}}}}}};
        QList<DamItemProblem> problems;
        const std::optional<Asset> a = m_mapper.mapMedia(resource, problems);
        QVERIFY(a);
        const Rendition* thumb = rendition(*a, QStringLiteral("thumbnail"));
        QVERIFY(thumb);
        QCOMPARE(thumb->remoteUrl, QUrl(QStringLiteral("https://cdn.example.net/t.jpg")));
    }

    void minimalItemFallsBackSensibly()
    {
        const Asset* video = byId(m_page.assets, QStringLiteral("VD000VideoOnly01"));
        QVERIFY(video);
        QCOMPARE(video->mediaType, MediaType::Video); // from the id prefix (photoshelter.md §1)
        QCOMPARE(video->title, QStringLiteral("interview.mp4"));
        QCOMPARE(video->mimeType, QStringLiteral("video/mp4"));
        QCOMPARE(video->modifiedAt, video->createdAt);
        QCOMPARE(video->rights.approval, ApprovalState::Unknown);
        QVERIFY(video->collectionRemoteIds.isEmpty());
        // The listing did not say which galleries hold it: the engine must keep what it knows.
        QVERIFY(m_page.membershipUnknown.contains(video->remoteId));
    }

    void wrongTypesAreReadOrLeftEmptyAndReported()
    {
        const Asset* a = byId(m_page.assets, QStringLiteral("I0000WrongTypes1"));
        QVERIFY(a);
        QCOMPARE(a->width, 1200);  // "1200" is a number in a string
        QCOMPARE(a->height, 0);    // an object is not
        QVERIFY(a->keywords.isEmpty());
        QVERIFY(!a->createdAt.isValid());
        QCOMPARE(a->modifiedAt, QDateTime::fromSecsSinceEpoch(1709290800, Qt::UTC));
        QCOMPARE(a->fileSize, 0);
        QCOMPARE(a->rights.approval, ApprovalState::NotApproved);
        QVERIFY(!m_page.membershipUnknown.contains(a->remoteId)); // an empty list is an answer
        const DamItemProblem* p = problemFor(m_page.problems, a->remoteId);
        QVERIFY(p);
        QVERIFY(p->kept);
        for (const char* field : {"height", "keyword", "uploaded_at", "file_size"})
            QVERIFY2(p->error.message().contains(QLatin1String(field)), qPrintable(p->error.message()));
    }

    void unusableItemsAreSkippedNotFatal()
    {
        int skipped = 0;
        for (const DamItemProblem& p : m_page.problems)
            skipped += p.kept ? 0 : 1;
        QCOMPARE(skipped, 2); // the item without an id and the string in the list
        QCOMPARE(m_page.assets.size(), 4);
        QCOMPARE(m_page.totalHint, 6);
        QCOMPARE(m_page.newestModification, QDateTime(QDate(2024, 3, 5), QTime(8, 30), Qt::UTC));
    }

    void hostileTextIsKeptAsTextButDefused()
    {
        const Asset* a = byId(m_page.assets, QStringLiteral("I0000HostileName"));
        QVERIFY(a);
        // Shown as sent, control characters defused...
        QVERIFY(a->title.startsWith(QLatin1String("../../etc/passwd")));
        QVERIFY(!a->title.contains(QChar(0x07)));
        QVERIFY(!a->title.contains(QChar(0x202e)));
        QVERIFY(a->title.contains(QChar(0xfffd)));
        // ...stored as one harmless path component.
        QVERIFY(!a->fileName.isEmpty());
        QVERIFY(!a->fileName.contains(QLatin1Char('/')));
        QVERIFY(!a->fileName.contains(QLatin1Char('\\')));
        QVERIFY(!a->fileName.startsWith(QLatin1Char('.')));
        QVERIFY(!a->fileName.contains(QChar(0x07)));
        QVERIFY(!a->fileName.contains(QChar(0x202e)));
        QVERIFY(a->caption.contains(QLatin1Char('\n')));
        QVERIFY(!a->caption.contains(QChar(0)));
        QVERIFY(!a->caption.contains(QChar(0x1b)));
        QCOMPARE(a->createdAt, QDateTime(QDate(2024, 3, 3), QTime(10, 0), Qt::UTC));
        // As a path component it is harmless.
        const QString safe = DamText::safeFileName(a->fileName);
        QVERIFY(!safe.contains(QLatin1Char('/')));
        QVERIFY(!safe.startsWith(QLatin1Char('.')));
    }

    void hugeCaptionIsTruncatedWithANote()
    {
        const QString caption(10 * 1024 * 1024, QLatin1Char('x'));
        QJsonObject resource{{QStringLiteral("id"), QStringLiteral("I0000HugeCaption")},
                             {QStringLiteral("attributes"),
                              QJsonObject{{QStringLiteral("file_name"), QStringLiteral("big.jpg")},
                                          {QStringLiteral("caption"), caption}}}};
        QList<DamItemProblem> problems;
        const std::optional<Asset> a = m_mapper.mapMedia(resource, problems);
        QVERIFY(a);
        QCOMPARE(a->caption.size(), DamText::kMaxCaption);
        QVERIFY(a->rawJson.size() < 64 * 1024);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().kept);
        QVERIFY(problems.first().error.message().contains(QLatin1String("caption")));
    }

    void containers()
    {
        const QJsonArray collections = fixture(QStringLiteral("photoshelter/collections.json")).value(QLatin1String("data")).toArray();
        const std::optional<Collection> sub = m_mapper.mapContainer(collections.at(0).toObject(), Collection::Kind::Collection);
        QVERIFY(sub);
        QCOMPARE(sub->remoteId, QStringLiteral("C0000SubCollect1"));
        QCOMPARE(sub->parentRemoteId, QStringLiteral("C0000RootCollect"));
        QCOMPARE(sub->name, QStringLiteral("Events 2024"));
        QCOMPARE(sub->modifiedAt, QDateTime(QDate(2024, 2, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(!m_mapper.mapContainer(collections.at(2).toObject(), Collection::Kind::Collection));

        const QJsonArray galleries = fixture(QStringLiteral("photoshelter/galleries.json")).value(QLatin1String("data")).toArray();
        const std::optional<Collection> live = m_mapper.mapContainer(galleries.at(0).toObject(), Collection::Kind::Gallery);
        QVERIFY(live);
        QCOMPARE(live->kind, Collection::Kind::Gallery);
        QCOMPARE(live->visibility, QStringLiteral("permission"));
        QCOMPARE(live->parentRemoteId, QStringLiteral("C0000SubCollect1"));
        const std::optional<Collection> loose = m_mapper.mapContainer(galleries.at(1).toObject(), Collection::Kind::Gallery);
        QVERIFY(loose);
        QCOMPARE(loose->visibility, QStringLiteral("public"));
        QVERIFY(loose->parentRemoteId.isEmpty());
    }

    void galleriesOfAMedia()
    {
        QCOMPARE(PhotoShelterMapper::galleryIdsOfListing(fixture(QStringLiteral("photoshelter/media_galleries.json"))),
                 (QStringList{QStringLiteral("G0000GalleryOne1"), QStringLiteral("G0000GalleryTwo2")}));
    }

    void mediaTypeFromId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("type");
        QTest::newRow("image") << QStringLiteral("I0000abcdefghijk") << int(MediaType::Image);
        QTest::newRow("video") << QStringLiteral("VD000abcdefghijk") << int(MediaType::Video);
        QTest::newRow("audio") << QStringLiteral("AD000abcdefghijk") << int(MediaType::Audio);
        QTest::newRow("document") << QStringLiteral("DO000abcdefghijk") << int(MediaType::Document);
        QTest::newRow("unknown") << QStringLiteral("X123") << int(MediaType::Other);
    }
    void mediaTypeFromId()
    {
        QFETCH(QString, id);
        QFETCH(int, type);
        QCOMPARE(int(PhotoShelterMapper::mediaTypeFromId(id)), type);
    }

    void totals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("total");
        QTest::newRow("meta.total") << QByteArray(R"({"meta":{"total":12}})") << qint64(12);
        QTest::newRow("meta.total_count") << QByteArray(R"({"meta":{"total_count":"7"}})") << qint64(7);
        QTest::newRow("none") << QByteArray(R"({"meta":{}})") << qint64(-1);
    }
    void totals()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, total);
        QCOMPARE(PhotoShelterMapper::total(QJsonDocument::fromJson(json).object()), total);
    }
};

QTEST_GUILESS_MAIN(TestPhotoShelterMapper)
#include "tst_photosheltermapper.moc"
