#include "connectors/iconik/iconikassets.h"
#include "connectors/iconik/iconikmapper.h"
#include "fixtures.h"

#include <QJsonArray>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;

namespace {
const QString kFirst = QStringLiteral("0b6f3a52-1c1e-4d9e-9f51-2f4a0d6e7a01");

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
} // namespace

// iconik search documents, assets, collections, approvals and metadata values (iconik.md,
// specs/iconik) to core types.
class TestIconikMapper : public QObject
{
    Q_OBJECT
private:
    const IconikMapper m_mapper{7, QUrl(QStringLiteral("https://app.iconik.io"))};
    DamAssetPage m_page;

private slots:
    void initTestCase() { m_page = m_mapper.mapPage(fixture(QStringLiteral("iconik/search_page.json"))); }

    void mapsASearchDocument()
    {
        const Asset* a = byId(m_page.assets, kFirst);
        QVERIFY(a);
        QCOMPARE(a->accountId, 7);
        QCOMPARE(a->service, Service::Iconik);
        QCOMPARE(a->title, QStringLiteral("Drone shot of the bay"));
        QCOMPARE(a->caption, QStringLiteral("Aerial view, early morning."));
        QCOMPARE(a->mediaType, MediaType::Image);
        QCOMPARE(a->createdAt, QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC));
        QCOMPARE(a->modifiedAt, QDateTime(QDate(2024, 4, 2), QTime(10, 15, 30, 250), Qt::UTC));
        // The highest active version, not the failed one after it.
        QCOMPARE(a->version, QStringLiteral("9e0f0000-0000-4000-8000-0000000000v2"));
        QCOMPARE(a->collectionRemoteIds, QStringList{QStringLiteral("7c1d0e3e-0000-4000-8000-00000000c001")});
        QVERIFY(!m_page.membershipUnknown.contains(kFirst));
        QVERIFY(a->rawJson.contains("Drone shot"));
    }

    void metadataFieldsInEveryShape()
    {
        const Asset* a = byId(m_page.assets, kFirst);
        QVERIFY(a);
        QCOMPARE(a->keywords, (QStringList{QStringLiteral("bay"), QStringLiteral("drone"), QStringLiteral("morning")}));
        QCOMPARE(a->campaign, QStringLiteral("Summer Tour"));                 // [{"value"}]
        QCOMPARE(a->rights.credit, QStringLiteral("Bea Pilot"));              // a bare string
        QCOMPARE(a->rights.copyright, QStringLiteral("© 2024 Acme"));         // {"field_values"}
        QCOMPARE(a->rights.usageRestrictions, QStringLiteral("No print"));    // "Usage Restrictions"
        QCOMPARE(a->rights.licenseExpiresAt, QDateTime(QDate(2024, 6, 30), QTime(0, 0), Qt::UTC));
        QCOMPARE(a->rights.approval, ApprovalState::Approved);
        QCOMPARE(a->lifecycle, LifecycleState::Approved);
    }

    void renditionsFromKeyframesAndProxies()
    {
        const Asset* a = byId(m_page.assets, kFirst);
        QVERIFY(a);
        const Rendition* thumb = rendition(*a, QStringLiteral("thumbnail"));
        QVERIFY(thumb);
        // The poster wins over the keyframe; the keyframe map is no thumbnail.
        QCOMPARE(thumb->remoteUrl, QUrl(QStringLiteral("https://cdn.example.net/poster.jpg?sig=def")));
        QCOMPARE(thumb->width, 320);
        QCOMPARE(thumb->bytes, 20480);
        QCOMPARE(thumb->mimeType, QStringLiteral("image/jpeg"));
        const Rendition* keyframe = rendition(*a, QStringLiteral("keyframe"));
        QVERIFY(keyframe);
        QCOMPARE(keyframe->remoteUrl, QUrl(QStringLiteral("https://cdn.example.net/still.jpg?sig=abc")));
        const Rendition* proxy = rendition(*a, QStringLiteral("proxy"));
        QVERIFY(proxy);
        QCOMPARE(proxy->mimeType, QStringLiteral("video/mp4"));
        const Rendition* original = rendition(*a, QStringLiteral("original"));
        QVERIFY(original);
        QVERIFY(IconikMapper::isOriginalFilesUrl(original->remoteUrl));
        QCOMPARE(original->remoteUrl.path(), QStringLiteral("/API/files/v1/assets/%1/files/").arg(kFirst));
        // The proxy's size is the best size hint the document gives.
        QCOMPARE(a->width, 1280);
        QCOMPARE(a->height, 720);
    }

    void deletedAssetsAreRemovals()
    {
        QCOMPARE(m_page.removedRemoteIds, QStringList{QStringLiteral("0b6f3a52-1c1e-4d9e-9f51-2f4a0d6e7a02")});
        QVERIFY(!byId(m_page.assets, QStringLiteral("0b6f3a52-1c1e-4d9e-9f51-2f4a0d6e7a02")));
        // The watermark moves past deleted assets too.
        QCOMPARE(m_page.newestModification, QDateTime(QDate(2024, 4, 5), QTime(0, 0), Qt::UTC));
    }

    void pageLevelFacts()
    {
        QCOMPARE(m_page.totalHint, 14);
        QCOMPARE(m_page.assets.size(), 3); // the collection in the mixed result is not an asset
        int skipped = 0;
        for (const DamItemProblem& p : m_page.problems)
            skipped += p.kept ? 0 : 1;
        QCOMPARE(skipped, 1);
    }

    void oddMetadataIsReported()
    {
        const Asset* odd = byId(m_page.assets, QStringLiteral("0b6f3a52-1c1e-4d9e-9f51-2f4a0d6e7a03"));
        QVERIFY(odd);
        QVERIFY(!odd->rights.licenseExpiresAt.isValid());
        QCOMPARE(odd->keywords, (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(odd->mediaType, MediaType::Other);
        QVERIFY(m_page.membershipUnknown.contains(odd->remoteId)); // no in_collections at all
        const Asset* wrong = byId(m_page.assets, QStringLiteral("0b6f3a52-1c1e-4d9e-9f51-2f4a0d6e7a04"));
        QVERIFY(wrong);
        QVERIFY(!m_page.membershipUnknown.contains(wrong->remoteId));
        int kept = 0;
        for (const DamItemProblem& p : m_page.problems) {
            if (p.kept && (p.remoteId == odd->remoteId || p.remoteId == wrong->remoteId))
                ++kept;
        }
        QCOMPARE(kept, 2);
    }

    void collections()
    {
        const QJsonArray objects = fixture(QStringLiteral("iconik/collections.json")).value(QLatin1String("objects")).toArray();
        const std::optional<Collection> clips = m_mapper.mapCollection(objects.at(0).toObject());
        QVERIFY(clips);
        QCOMPARE(clips->name, QStringLiteral("Clips"));
        QCOMPARE(clips->parentRemoteId, QStringLiteral("7c1d0e3e-0000-4000-8000-00000000c001"));
        QCOMPARE(clips->service, Service::Iconik);
        QVERIFY(!m_mapper.mapCollection(objects.at(2).toObject())); // DELETED
        const std::optional<Collection> hidden = m_mapper.mapCollection(objects.at(3).toObject());
        QVERIFY(hidden);
        QCOMPARE(hidden->visibility, QStringLiteral("hidden"));
        QCOMPARE(hidden->parentRemoteId, QStringLiteral("7c1d0e3e-0000-4000-8000-00000000c001"));
    }

    void approval()
    {
        const Result<IconikApproval> approval = IconikAssets::parseApproval(fixtureBytes(QStringLiteral("iconik/approval_request.json")));
        QVERIFY(approval.ok());
        QCOMPARE(approval->state, ApprovalState::Mixed);
        QCOMPARE(approval->ownVote, ApprovalState::Approved);
        QCOMPARE(approval->minNumber, 2);
        QCOMPARE(approval->approvedBy, QStringList{QStringLiteral("u-1")});
        QCOMPARE(approval->rejectedBy, QStringList{QStringLiteral("reviewer@example.com")});
        QCOMPARE(approval->changedAt, QDateTime(QDate(2024, 4, 2), QTime(11, 0), Qt::UTC));
        QVERIFY(!IconikAssets::parseApproval("<html>").ok());
    }

    void metadataValues()
    {
        const Result<IconikMetadataValues> values =
            IconikAssets::parseMetadataValues(fixtureBytes(QStringLiteral("iconik/metadata_values.json")));
        QVERIFY(values.ok());
        QCOMPARE(values->fields.value(QStringLiteral("Campaign")), QStringList{QStringLiteral("Summer Tour")});
        QCOMPARE(values->fields.value(QStringLiteral("Keywords")), (QStringList{QStringLiteral("bay"), QStringLiteral("drone")}));
        QCOMPARE(values->fields.value(QStringLiteral("Rating")), QStringList{QStringLiteral("4")});
        QCOMPARE(values->modifiedAt, QDateTime(QDate(2024, 4, 2), QTime(12, 0), Qt::UTC));
    }

    void approvalWords_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("state");
        QTest::newRow("N/A") << QStringLiteral("N/A") << int(ApprovalState::NotRequested);
        QTest::newRow("REQUESTED") << QStringLiteral("REQUESTED") << int(ApprovalState::Requested);
        QTest::newRow("APPROVED") << QStringLiteral("APPROVED") << int(ApprovalState::Approved);
        QTest::newRow("NOT_APPROVED") << QStringLiteral("NOT_APPROVED") << int(ApprovalState::NotApproved);
        QTest::newRow("MIXED") << QStringLiteral("MIXED") << int(ApprovalState::Mixed);
    }
    void approvalWords()
    {
        QFETCH(QString, json);
        QFETCH(int, state);
        QJsonObject object{{QStringLiteral("id"), QStringLiteral("x")},
                           {QStringLiteral("title"), QStringLiteral("t")},
                           {QStringLiteral("approval_status"), json}};
        Asset a;
        QList<DamItemProblem> problems;
        QCOMPARE(m_mapper.mapAsset(object, a, problems), IconikMapper::Outcome::Mapped);
        QCOMPARE(int(a.rights.approval), state);
    }
};

QTEST_GUILESS_MAIN(TestIconikMapper)
#include "tst_iconikmapper.moc"
