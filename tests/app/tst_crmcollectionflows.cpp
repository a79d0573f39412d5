// CrmCollectionFlows in a real workspace session on the in-process sandbox (offscreen), driven
// through the CRM pane's own requests and a real SupportDesk:
//  - DP3: "Create DAM Collection…" on a campaign opens the dialog with the campaign's facts; Create
//    makes a PhotoShelter gallery / an iconik collection whose metadata the sandbox then holds,
//    the library's source tree shows the new collection, and a second request points at the
//    existing one instead of making another.
//  - DP7: "Link to Collection…" on an event stores the link chosen in the dialog, shows it the next
//    time, and an upload to that collection afterwards is associated with the event.
#include "crmcollectionflows.h"
#include "supportdesk.h"
#include "workspacesession.h"

#include "../sync/attachfixture.h"

#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "models/accountsmodel.h"
#include "models/librarysourcemodel.h"
#include "net/memorysecretvault.h"
#include "storage/lineagerepository.h"
#include "storage/recordcollectionrepository.h"
#include "storage/storageconfig.h"
#include "sync/campaigncollectionservice.h"
#include "sync/eventcollectionlinker.h"
#include "sync/jobrunner.h"
#include "widgets/campaigncollectiondialog.h"
#include "widgets/crmpane.h"
#include "widgets/eventcollectiondialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

using namespace AssetDesk;
using namespace AssetDesk::AttachTest;

class TestCrmCollectionFlows : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    std::shared_ptr<Storage> m_storage;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    ConnectorContext m_connectors;
    JobRunner m_jobs;
    QThread m_network;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<AccountsModel> m_accounts;
    std::unique_ptr<CrmPane> m_pane;
    std::unique_ptr<QMainWindow> m_window;
    std::unique_ptr<CrmCollectionFlows> m_flows;
    qint64 m_dynamics = 0;
    qint64 m_photoShelter = 0;
    qint64 m_iconik = 0;
    qint64 m_campaign = 0;
    qint64 m_event = 0;

    template<typename Dialog>
    static Dialog* waitForDialog(QSignalSpy& opened)
    {
        if (opened.isEmpty() && !opened.wait(10000))
            return nullptr;
        return opened.takeFirst().first().value<Dialog*>();
    }

    // The campaign's collection made through the pane's request and the dialog in `damAccount`.
    Result<RecordCollectionLink> createThroughThePane(qint64 damAccount)
    {
        QSignalSpy opened(m_flows.get(), &CrmCollectionFlows::campaignDialogOpened);
        QSignalSpy created(m_flows.get(), &CrmCollectionFlows::campaignCollectionCreated);
        QSignalSpy status(m_flows.get(), &CrmCollectionFlows::statusMessage);
        emit m_pane->campaignCollectionRequested(m_dynamics, m_campaign);
        auto* dialog = waitForDialog<CampaignCollectionDialog>(opened);
        if (!dialog)
            return Error(ErrorKind::Internal, QStringLiteral("no dialog"));
        dialog->setDamAccountId(damAccount);
        if (!dialog->createButton()->isEnabled())
            return Error(ErrorKind::Validation, QStringLiteral("Create is disabled"));
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return !created.isEmpty() || status.size() >= 2; }, 30000))
            return Error(ErrorKind::Internal, QStringLiteral("no answer in time"));
        if (created.isEmpty())
            return Error(ErrorKind::Internal, status.last().first().toString());
        return created.first().first().value<RecordCollectionLink>();
    }

    // GET on the iconik emulator with the demo credentials.
    QJsonObject iconikGet(const QString& path)
    {
        const QJsonObject creds = m_sandbox.demoCredentials(QStringLiteral("iconik"));
        QUrl url = m_sandbox.serviceUrl(QStringLiteral("iconik"));
        url.setPath(path);
        QNetworkRequest request(url);
        request.setRawHeader("App-ID", creds.value(QStringLiteral("app_id")).toString().toLatin1());
        request.setRawHeader("Auth-Token", creds.value(QStringLiteral("auth_token")).toString().toLatin1());
        QNetworkAccessManager manager;
        std::unique_ptr<QNetworkReply> reply(manager.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(10000))
            return {};
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<AssetDesk::CampaignCollectionDialog*>();
        qRegisterMetaType<AssetDesk::EventCollectionDialog*>();
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = SyncTest::manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        Result<std::unique_ptr<Storage>> opened =
            Storage::open(StorageConfig::sqlite(m_dir.filePath(QStringLiteral("w.sqlite3"))));
        QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().toLogString()));
        m_storage = std::move(opened).value();
        m_network.start();
        m_session = std::make_unique<WorkspaceSession>(m_storage, m_storage->workspaceId().valueOr(QStringLiteral("t")),
                                                       m_vault, m_registry, m_connectors, m_network, m_jobs);
        for (const auto& [service, id] : {std::pair{Service::Dynamics, &m_dynamics}, std::pair{Service::PhotoShelter, &m_photoShelter},
                                          std::pair{Service::Iconik, &m_iconik}}) {
            const Result<Account> added = SyncTest::addSandboxAccount(*m_storage, m_session->vault(), *manifest, service, this);
            QVERIFY2(added.ok(), added ? "" : qPrintable(added.error().toLogString()));
            *id = added->id;
        }
        // A campaign and an event as the Dynamics sync caches them.
        CrmCampaign campaign;
        campaign.accountId = m_dynamics;
        campaign.remoteId = QStringLiteral("0b3e7c1a-0000-4000-8000-000000000021");
        campaign.name = QStringLiteral("Autumn Outdoor Launch");
        campaign.audience = QStringLiteral("Outdoor retailers");
        campaign.launchDate = QDate(2026, 10, 1);
        campaign.owner = QStringLiteral("Dana Whitfield");
        CrmEvent event;
        event.accountId = m_dynamics;
        event.remoteId = QStringLiteral("0b3e7c1a-0000-4000-8000-000000000031");
        event.name = QStringLiteral("Trade Fair 2026");
        event.startAt = QDateTime(QDate(2026, 11, 4), QTime(9, 0), Qt::UTC);
        const Result<QPair<qint64, qint64>> ids = m_storage->writeAndWait([campaign, event](WriteContext& ctx) -> Result<QPair<qint64, qint64>> {
            const Result<QList<qint64>> c = CrmRepository::upsert(ctx, QList<CrmCampaign>{campaign});
            if (!c)
                return c.error();
            const Result<QList<qint64>> e = CrmRepository::upsert(ctx, QList<CrmEvent>{event});
            if (!e)
                return e.error();
            return qMakePair(c->first(), e->first());
        });
        QVERIFY2(ids.ok(), ids ? "" : qPrintable(ids.error().toLogString()));
        m_campaign = ids->first;
        m_event = ids->second;

        m_window = std::make_unique<QMainWindow>();
        m_window->show();
        m_accounts = std::make_unique<AccountsModel>();
        m_pane = std::make_unique<CrmPane>(m_accounts.get());
        auto* desk = new SupportDesk(*m_session, nullptr, m_pane.get(), m_session.get());
        m_flows = std::make_unique<CrmCollectionFlows>(*m_session, m_window.get());
        m_flows->follow(*desk);
    }

    void cleanupTestCase()
    {
        m_flows.reset();
        m_window.reset();
        m_session.reset();
        m_pane.reset();
        m_network.quit();
        m_network.wait();
    }

    void campaignBecomesAPhotoShelterGallery()
    {
        LibrarySourceModel sources(*m_storage);
        const quint64 since = lastSequence(m_sandbox);
        const Result<RecordCollectionLink> link = createThroughThePane(m_photoShelter);
        QVERIFY2(link.ok(), link ? "" : qPrintable(link.error().toLogString()));
        QCOMPARE(link->collectionName, QStringLiteral("Autumn Outdoor Launch"));
        QCOMPARE(journaled(m_sandbox, QStringLiteral("photoshelter"), since, "POST", QStringLiteral("/psapi/v4.0/galleries")), 1);
        for (const Sandbox::JournalEntry& e : m_sandbox.journal().entries(QStringLiteral("photoshelter"), since)) {
            if (e.method == "POST" && e.pathAndQuery.startsWith(QLatin1String("/psapi/v4.0/galleries")))
                QVERIFY2(e.body.contains("Outdoor retailers") && e.body.contains("Dana Whitfield") && e.body.contains("2026-10-01"),
                         e.body.constData());
        }
        // The library's source tree follows the cache: the new gallery shows without a sync.
        const QString key = LibrarySourceModel::collectionKey(m_photoShelter, link->collectionRemoteId);
        QTRY_VERIFY_WITH_TIMEOUT(sources.indexOfKey(key).isValid(), 10000);
    }

    void campaignBecomesAnIconikCollectionWithItsMetadata()
    {
        const Result<RecordCollectionLink> link = createThroughThePane(m_iconik);
        QVERIFY2(link.ok(), link ? "" : qPrintable(link.error().toLogString()));
        // Read back from the emulator: the collection and its "Campaign" view values.
        const QJsonObject collection = iconikGet(QStringLiteral("/API/assets/v1/collections/%1/").arg(link->collectionRemoteId));
        QCOMPARE(collection.value(QStringLiteral("title")).toString(), QStringLiteral("Autumn Outdoor Launch"));
        QString view;
        for (const QJsonValue& v : iconikGet(QStringLiteral("/API/metadata/v1/views/")).value(QStringLiteral("objects")).toArray()) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String(CampaignCollectionService::kIconikView))
                view = v.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!view.isEmpty());
        const QJsonObject values = iconikGet(QStringLiteral("/API/metadata/v1/collections/%1/views/%2/").arg(link->collectionRemoteId, view))
                                       .value(QStringLiteral("metadata_values")).toObject();
        auto value = [&values](const char* field) {
            return values.value(QLatin1String(field)).toObject().value(QStringLiteral("field_values")).toArray().first().toObject()
                .value(QStringLiteral("value")).toString();
        };
        QCOMPARE(value(CampaignCollectionService::kIconikNameField), QStringLiteral("Autumn Outdoor Launch"));
        QCOMPARE(value(CampaignCollectionService::kIconikAudienceField), QStringLiteral("Outdoor retailers"));
        QCOMPARE(value(CampaignCollectionService::kIconikLaunchDateField), QStringLiteral("2026-10-01"));
        QCOMPARE(value(CampaignCollectionService::kIconikOwnerField), QStringLiteral("Dana Whitfield"));
    }

    void aSecondRequestPointsAtTheExistingCollection()
    {
        QSignalSpy opened(m_flows.get(), &CrmCollectionFlows::campaignDialogOpened);
        QSignalSpy show(m_flows.get(), &CrmCollectionFlows::showCollectionRequested);
        const quint64 since = lastSequence(m_sandbox);
        emit m_pane->campaignCollectionRequested(m_dynamics, m_campaign);
        auto* dialog = waitForDialog<CampaignCollectionDialog>(opened);
        QVERIFY(dialog);
        const RecordCollectionLink existing = dialog->existingLink();
        QVERIFY(existing.id > 0);
        QVERIFY(!dialog->existingNote()->isHidden());
        QVERIFY(!dialog->createButton()->isEnabled());
        QTest::mouseClick(dialog->showButton(), Qt::LeftButton);
        QCOMPARE(show.size(), 1);
        QCOMPARE(show.first().at(0).toLongLong(), existing.damAccountId);
        QCOMPARE(show.first().at(1).toString(), existing.collectionRemoteId);
        QCOMPARE(journaled(m_sandbox, QStringLiteral("photoshelter"), since, "POST", QStringLiteral("/psapi")), 0);
        QCOMPARE(journaled(m_sandbox, QStringLiteral("iconik"), since, "POST", QStringLiteral("/API")), 0);
        const auto links = RecordCollectionRepository(*m_storage).linksOf(RecordCollectionLink::RecordKind::Campaign, m_campaign);
        QVERIFY(links.ok());
        QCOMPARE(links->size(), 2); // one per DAM account, no more
    }

    void aCampaignOfAnotherAccountIsRefused()
    {
        QSignalSpy opened(m_flows.get(), &CrmCollectionFlows::campaignDialogOpened);
        QSignalSpy status(m_flows.get(), &CrmCollectionFlows::statusMessage);
        emit m_pane->campaignCollectionRequested(m_dynamics + 1000, m_campaign);
        QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty() || !opened.isEmpty(), 10000);
        QVERIFY2(opened.isEmpty(), "the dialog opened");
        QVERIFY2(status.first().first().toString().contains(QStringLiteral("another account")),
                 qPrintable(status.first().first().toString()));
    }

    void eventLinkIsStoredAndLaterUploadsAssociated()
    {
        QSignalSpy opened(m_flows.get(), &CrmCollectionFlows::eventDialogOpened);
        QSignalSpy linked(m_flows.get(), &CrmCollectionFlows::eventLinked);
        emit m_pane->eventCollectionRequested(m_dynamics, m_event);
        auto* dialog = waitForDialog<EventCollectionDialog>(opened);
        QVERIFY(dialog);
        QVERIFY(dialog->existingNote()->isHidden());
        // The gallery the campaign got is one of the PhotoShelter account's synced collections.
        const auto galleries = RecordCollectionRepository(*m_storage).linksOf(RecordCollectionLink::RecordKind::Campaign, m_campaign);
        QVERIFY(galleries.ok());
        QString gallery;
        for (const RecordCollectionLink& l : *galleries)
            gallery = l.damAccountId == m_photoShelter ? l.collectionRemoteId : gallery;
        dialog->setDamAccountId(m_photoShelter);
        QTest::keyClicks(dialog->filterEdit(), QStringLiteral("autumn"));
        QVERIFY(dialog->selectCollection(gallery));
        QSignalSpy changes(m_storage.get(), &Storage::changed);
        QTest::mouseClick(dialog->linkButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!linked.isEmpty(), 10000); // the click may already have run the loop
        // The event reports as updated, so the CRM pane's tree shows its collection.
        QVERIFY(std::any_of(changes.cbegin(), changes.cend(), [this](const QList<QVariant>& args) {
            return args.first().value<ChangeSet>().ids(EntityKind::CrmEvent, ChangeSet::Op::Updated).contains(m_event);
        }));
        const auto links = RecordCollectionRepository(*m_storage).linksOf(RecordCollectionLink::RecordKind::Event, m_event);
        QVERIFY(links.ok());
        QCOMPARE(links->size(), 1);
        QCOMPARE(links->first().collectionRemoteId, gallery);
        QCOMPARE(links->first().damAccountId, m_photoShelter);

        // Shown the next time.
        emit m_pane->eventCollectionRequested(m_dynamics, m_event);
        auto* again = waitForDialog<EventCollectionDialog>(opened);
        QVERIFY(again);
        QVERIFY(!again->existingNote()->isHidden());
        QCOMPARE(again->collection().remoteId, gallery);
        QVERIFY(!again->linkButton()->isEnabled());
        again->reject();

        // An upload there afterwards (as the next DAM sync stores it) is associated with the event.
        Asset upload = assetWithFile(m_photoShelter, QStringLiteral("I-fair-1"), QStringLiteral("Booth"), QStringLiteral("booth.jpg"),
                                     m_dir.filePath(QStringLiteral("booth.jpg")), 10);
        upload.collectionRemoteIds = {gallery};
        upload.createdAt = QDateTime::currentDateTimeUtc().addSecs(60);
        const Result<qint64> asset = upsertAsset(*m_storage, upload);
        QVERIFY(asset.ok());
        std::optional<Result<int>> associated;
        m_session->eventCollections().associate(m_photoShelter, [&associated](Result<int> n) { associated = n; });
        QVERIFY(QTest::qWaitFor([&] { return associated.has_value(); }, 10000));
        QVERIFY(associated->ok());
        QCOMPARE(**associated, 1);
        const auto edges = LineageRepository(*m_storage).edgesFrom(LineageEdge::NodeKind::Asset, *asset);
        QVERIFY(edges.ok());
        QCOMPARE(edges->size(), 1);
        QCOMPARE(edges->first().toId, m_event);
    }
};

QTEST_MAIN(TestCrmCollectionFlows)
#include "tst_crmcollectionflows.moc"
