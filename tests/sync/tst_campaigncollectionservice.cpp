#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/iconik/iconikassets.h"
#include "connectors/iconik/iconikcollections.h"
#include "connectors/iconik/iconikconnector.h"
#include "core/collection.h"
#include "net/memorysecretvault.h"
#include "sandbox/requestjournal.h"
#include "sandbox/sandboxserver.h"
#include "storage/collectionrepository.h"
#include "storage/recordcollectionrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/campaigncollectionservice.h"
#include "sync/connectorpool.h"

#include "sandboxaccountsetup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using AssetDesk::SyncTest::addSandboxAccount;
using AssetDesk::SyncTest::manifestOf;

// CampaignCollectionService (DP3) against the PhotoShelter and iconik emulators: the campaign
// becomes a gallery / collection carrying its name, audience, launch date and owner; it is stored
// and linked locally, and a second request returns the same one instead of making another.
class TestCampaignCollectionService : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    SandboxManifest m_manifest;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    std::unique_ptr<Storage> m_storage;
    ConnectorContext m_connectors;
    std::unique_ptr<ConnectorPool> m_pool;
    qint64 m_iconik = 0;

    static Result<RecordCollectionLink> create(CampaignCollectionService& service,
                                               const CampaignCollectionService::Request& request)
    {
        std::optional<Result<RecordCollectionLink>> out;
        service.create(request, [&out](Result<RecordCollectionLink> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&out] { return out.has_value(); }, 20000))
            return Error(ErrorKind::Internal, QStringLiteral("no answer in time"));
        return *out;
    }

    static CrmCampaign campaign()
    {
        CrmCampaign c;
        c.id = 12;
        c.remoteId = QStringLiteral("0b3e7c1a-0000-4000-8000-000000000012");
        c.name = QStringLiteral("Autumn Outdoor Launch");
        c.codeName = QStringLiteral("CMP-1012");
        c.audience = QStringLiteral("Outdoor retailers");
        c.launchDate = QDate(2026, 10, 1);
        c.owner = QStringLiteral("Dana Whitfield");
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        m_manifest = *manifest;
        auto opened = Storage::open(StorageConfig::sqlite(m_dir.filePath(QStringLiteral("w.sqlite3"))));
        QVERIFY(opened.ok());
        m_storage = std::move(opened).value();
        m_pool = std::make_unique<ConnectorPool>(*m_storage, m_vault, m_registry, m_connectors);
    }

    void descriptionCarriesTheCampaign()
    {
        const QString text = CampaignCollectionService::description(campaign());
        QVERIFY(text.contains(QStringLiteral("Autumn Outdoor Launch")));
        QVERIFY(text.contains(QStringLiteral("Outdoor retailers")));
        QVERIFY(text.contains(QStringLiteral("2026-10-01")));
        QVERIFY(text.contains(QStringLiteral("Dana Whitfield")));
        const QStringList words = CampaignCollectionService::keywords(campaign());
        QVERIFY(words.contains(QStringLiteral("CMP-1012")));
        QVERIFY(words.contains(QStringLiteral("2026-10")));
    }

    void photoShelterGallery()
    {
        const Result<Account> added = addSandboxAccount(*m_storage, m_vault, m_manifest, Service::PhotoShelter, this);
        QVERIFY2(added.ok(), added ? "" : qPrintable(added.error().toLogString()));
        CampaignCollectionService service(*m_storage, *m_pool);
        CampaignCollectionService::Request request{campaign(), added->id, {}};
        const Result<RecordCollectionLink> link = create(service, request);
        QVERIFY2(link.ok(), link ? "" : qPrintable(link.error().toLogString()));
        QVERIFY(link->collectionRemoteId.startsWith(QStringLiteral("G0000")));
        QCOMPARE(link->collectionName, QStringLiteral("Autumn Outdoor Launch"));

        // Stored as a gallery of the account, and linked to the campaign.
        const auto stored = CollectionRepository(*m_storage).findByRemoteId(added->id, link->collectionRemoteId);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->kind, Collection::Kind::Gallery);
        QCOMPARE((*stored)->visibility, QStringLiteral("permission"));
        const auto links = RecordCollectionRepository(*m_storage).linksOf(RecordCollectionLink::RecordKind::Campaign, 12);
        QVERIFY(links.ok());
        QCOMPARE(links->size(), 1);

        // The sandbox's journal: one POST with the campaign's metadata in description and keywords.
        int posts = 0;
        for (const Sandbox::JournalEntry& e : m_sandbox.journal().entries(QStringLiteral("photoshelter"))) {
            if (e.method != "POST" || !e.pathAndQuery.startsWith(QLatin1String("/psapi/v4.0/galleries")))
                continue;
            ++posts;
            QVERIFY2(e.body.contains("Outdoor retailers") && e.body.contains("Dana Whitfield") && e.body.contains("2026-10-01")
                         && e.body.contains("CMP-1012"),
                     e.body.constData());
        }
        QCOMPARE(posts, 1);

        // Again: the same gallery, nothing sent.
        const Result<RecordCollectionLink> again = create(service, request);
        QVERIFY(again.ok());
        QCOMPARE(again->collectionRemoteId, link->collectionRemoteId);
    }

    // iconik: a collection named after the campaign whose "Campaign" view values carry the
    // campaign, read back from the emulator through the connector; a second request is the
    // same collection, nothing sent.
    void iconikCollectionWithMetadata()
    {
        const Result<Account> added = addSandboxAccount(*m_storage, m_vault, m_manifest, Service::Iconik, this);
        QVERIFY(added.ok());
        m_iconik = added->id;
        CampaignCollectionService service(*m_storage, *m_pool);
        const Result<RecordCollectionLink> link = create(service, {campaign(), added->id, {}});
        QVERIFY2(link.ok(), link ? "" : qPrintable(link.error().toLogString()));
        QCOMPARE(link->collectionName, QStringLiteral("Autumn Outdoor Launch"));
        const auto stored = CollectionRepository(*m_storage).findByRemoteId(added->id, link->collectionRemoteId);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->service, Service::Iconik);
        QVERIFY((*stored)
                    ->parentRemoteId.isEmpty()); // asked for none: a top-level collection, as iconik makes it

        std::optional<Result<IconikMetadataValues>> values;
        m_pool->acquire(added->id, [&values, this, id = link->collectionRemoteId](Result<ServiceConnector*> c) {
            if (!c)
                return void(values = c.error());
            auto* iconik = qobject_cast<IconikConnector*>(*c);
            iconik->collections().viewId(QString::fromLatin1(CampaignCollectionService::kIconikView), this,
                                         [&values, iconik, id, this](Result<QString> view) {
                if (!view)
                    return void(values = view.error());
                iconik->assets().metadataValues(QStringLiteral("collections"), id, *view, this,
                                                [&values](Result<IconikMetadataValues> r) { values = r; });
            });
        });
        QVERIFY(QTest::qWaitFor([&values] { return values.has_value(); }, 20000));
        QVERIFY2(values->ok(), values->ok() ? "" : qPrintable(values->error().toLogString()));
        const QHash<QString, QStringList> fields = (*values)->fields;
        QCOMPARE(fields.value(QStringLiteral("campaign")), QStringList{QStringLiteral("Autumn Outdoor Launch")});
        QCOMPARE(fields.value(QStringLiteral("audience_segment")), QStringList{QStringLiteral("Outdoor retailers")});
        QCOMPARE(fields.value(QStringLiteral("launch_date")), QStringList{QStringLiteral("2026-10-01")});
        QCOMPARE(fields.value(QStringLiteral("campaign_owner")), QStringList{QStringLiteral("Dana Whitfield")});

        auto posts = [this] {
            int n = 0;
            for (const Sandbox::JournalEntry& e : m_sandbox.journal().entries(QStringLiteral("iconik")))
                n += e.method == "POST" && e.pathAndQuery.startsWith(QLatin1String("/API/assets/v1/collections/")) ? 1 : 0;
            return n;
        };
        QCOMPARE(posts(), 1);
        const Result<RecordCollectionLink> again = create(service, {campaign(), added->id, {}});
        QVERIFY(again.ok());
        QCOMPARE(again->collectionRemoteId, link->collectionRemoteId);
        QCOMPARE(posts(), 1);
    }

    // The emulator refuses an unknown parent: nothing is stored or linked.
    void iconikRefusalStoresNothing()
    {
        CrmCampaign other = campaign();
        other.id = 13;
        QVERIFY(m_iconik > 0);
        CampaignCollectionService service(*m_storage, *m_pool);
        const Result<RecordCollectionLink> refused =
            create(service, {other, m_iconik, QStringLiteral("00000000-0000-4000-8000-00000000dead")});
        QVERIFY(!refused.ok());
        const auto links = RecordCollectionRepository(*m_storage).linksOf(RecordCollectionLink::RecordKind::Campaign, 13);
        QVERIFY(links.ok() && links->isEmpty());
    }
};

QTEST_MAIN(TestCampaignCollectionService)
#include "tst_campaigncollectionservice.moc"
