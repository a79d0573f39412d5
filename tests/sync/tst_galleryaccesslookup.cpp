#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/photoshelter/photoshelterconnector.h"
#include "connectors/photoshelter/photosheltergalleries.h"
#include "connectors/photoshelter/photosheltergallerydirectory.h"
#include "net/memorysecretvault.h"
#include "sandbox/sandboxserver.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "sync/connectorpool.h"
#include "sync/galleryaccesslookup.h"

#include "sandboxaccountsetup.h"

#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using AssetDesk::SyncTest::addSandboxAccount;
using AssetDesk::SyncTest::manifestOf;

// GalleryAccessLookup (ZP3): which galleries a ticket is about, and how they stand - against the
// PhotoShelter emulator, whose gallery is changed first the way an administrator would.
class TestGalleryAccessLookup : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    std::unique_ptr<Storage> m_storage;
    ConnectorContext m_connectors;
    std::unique_ptr<ConnectorPool> m_pool;
    qint64 m_account = 0;

    PhotoShelterConnector* connector()
    {
        std::optional<Result<ServiceConnector*>> acquired;
        m_pool->acquire(m_account, [&acquired](Result<ServiceConnector*> c) { acquired = c; });
        if (!QTest::qWaitFor([&acquired] { return acquired.has_value(); }, 10000) || !*acquired)
            return nullptr;
        return qobject_cast<PhotoShelterConnector*>(acquired->value());
    }

    template <typename T, typename Call>
    static Result<T> wait(Call call)
    {
        std::optional<Result<T>> out;
        call([&out](Result<T> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&out] { return out.has_value(); }, 20000))
            return Error(ErrorKind::Internal, QStringLiteral("no answer in time"));
        return *out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        auto opened = Storage::open(StorageConfig::sqlite(m_dir.filePath(QStringLiteral("w.sqlite3"))));
        QVERIFY(opened.ok());
        m_storage = std::move(opened).value();
        m_pool = std::make_unique<ConnectorPool>(*m_storage, m_vault, m_registry, m_connectors);
        const Result<Account> added = addSandboxAccount(*m_storage, m_vault, *manifest, Service::PhotoShelter, this);
        QVERIFY2(added.ok(), added ? "" : qPrintable(added.error().toLogString()));
        m_account = added->id;
    }

    void accessProblem_data()
    {
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<bool>("expected");
        QTest::newRow("access_problem") << QStringList{QStringLiteral("access_problem")} << true;
        QTest::newRow("download") << QStringList{QStringLiteral("vip"), QStringLiteral("download_issue")} << true;
        QTest::newRow("licence") << QStringList{QStringLiteral("licence_question")} << true;
        QTest::newRow("media request") << QStringList{QStringLiteral("media_request"), QStringLiteral("press")} << false;
        QTest::newRow("no tags") << QStringList{} << false;
    }
    void accessProblem()
    {
        QFETCH(QStringList, tags);
        QFETCH(bool, expected);
        Ticket ticket;
        ticket.tags = tags;
        QCOMPARE(GalleryAccessLookup::isAccessProblem(ticket), expected);
    }

    void match_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("organization");
        QTest::addColumn<QStringList>("expected"); // "<id>:<matchedBy>"
        const QString a = QStringLiteral("G0000AAAAAAAAAAA");
        QTest::newRow("id in the body") << QStringLiteral("Cannot open") << QStringLiteral("the link to G0000AAAAAAAAAAA fails")
                                        << QString() << QStringList{a + QStringLiteral(":id")};
        QTest::newRow("name, longest first")
            << QStringLiteral("Spring Launch Day 2 gallery is gone") << QString() << QString()
            << QStringList{QStringLiteral("G0000CCCCCCCCCCC:name"), QStringLiteral("G0000BBBBBBBBBBB:name")};
        QTest::newRow("organization") << QStringLiteral("Download broken") << QString() << QStringLiteral("Northwind")
                                      << QStringList{QStringLiteral("G0000DDDDDDDDDDD:organization")};
        QTest::newRow("short names do not count") << QStringLiteral("Day 1 was fine") << QString() << QStringLiteral("Acme")
                                                  << QStringList{};
        QTest::newRow("id beats name") << QStringLiteral("Spring Launch") << QStringLiteral("G0000AAAAAAAAAAA")
                                       << QString()
                                       << QStringList{a + QStringLiteral(":id"), QStringLiteral("G0000BBBBBBBBBBB:name")};
    }
    void match()
    {
        QFETCH(QString, subject);
        QFETCH(QString, description);
        QFETCH(QString, organization);
        QFETCH(QStringList, expected);
        auto g = [](const char* id, const char* name, const char* galleryDescription = "") {
            PhotoShelterGallerySummary s;
            s.id = QString::fromLatin1(id);
            s.name = QString::fromLatin1(name);
            s.description = QString::fromLatin1(galleryDescription);
            return s;
        };
        const QList<PhotoShelterGallerySummary> galleries{
            g("G0000AAAAAAAAAAA", "Press Kit 2026"), g("G0000BBBBBBBBBBB", "Spring Launch"),
            g("G0000CCCCCCCCCCC", "Spring Launch Day 2"), g("G0000DDDDDDDDDDD", "Partner selects", "For Northwind Traders"),
            g("G0000EEEEEEEEEEE", "Day 1")};
        Ticket ticket;
        ticket.subject = subject;
        ticket.description = description;
        ticket.organization = organization;
        QStringList got;
        for (const GalleryAccessLookup::Match& m : GalleryAccessLookup::match(ticket, galleries))
            got << m.gallery.id + QLatin1Char(':') + m.matchedBy;
        QCOMPARE(got, expected);
    }

    // A gallery shared by permission, with one grant, a live link and one that just expired:
    // the lookup finds it by the id in the ticket and reports all of it.
    void reportsVisibilityGrantsAndLinks()
    {
        PhotoShelterConnector* ps = connector();
        QVERIFY(ps);
        PhotoShelterGalleryDirectory::NewGallery spec;
        spec.name = QStringLiteral("Support ZP3 %1").arg(QDateTime::currentMSecsSinceEpoch());
        spec.visibility = QStringLiteral("permission");
        const auto created = wait<PhotoShelterGallerySummary>(
            [&](auto done) { ps->galleryDirectory().create(spec, this, done); });
        QVERIFY2(created.ok(), created ? "" : qPrintable(created.error().toLogString()));
        QCOMPARE(created->visibility, QStringLiteral("permission"));
        const QString id = created->id;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto live = wait<PhotoShelterShareLink>(
            [&](auto done) { ps->galleries().createShareLink(id, now.addDays(7), this, done); });
        QVERIFY(live.ok());
        const auto shortLived = wait<PhotoShelterShareLink>(
            [&](auto done) { ps->galleries().createShareLink(id, now.addMSecs(1500), this, done); });
        QVERIFY2(shortLived.ok(), shortLived ? "" : qPrintable(shortLived.error().toLogString()));
        QTest::qWait(2000);

        GalleryAccessLookup lookup(*m_pool);
        Ticket ticket;
        ticket.id = 42;
        ticket.subject = QStringLiteral("Client cannot download");
        ticket.description = QStringLiteral("They get 'link expired' on gallery %1.").arg(id);
        ticket.tags = {QStringLiteral("access_problem")};
        const auto report = wait<GalleryAccessReport>([&](auto done) { lookup.lookUp(ticket, m_account, done); });
        QVERIFY2(report.ok(), report ? "" : qPrintable(report.error().toLogString()));
        QCOMPARE(report->ticketId, 42);
        QVERIFY(report->galleriesScanned > 1);
        QVERIFY(!report->galleries.isEmpty());
        const GalleryAccess& found = report->galleries.first();
        QCOMPARE(found.galleryId, id);
        QCOMPARE(found.matchedBy, QStringLiteral("id"));
        QCOMPARE(found.visibility, QStringLiteral("permission"));
        QVERIFY2(found.problem.isEmpty(), qPrintable(found.problem));
        QCOMPARE(found.shareLinks.size(), 2);
        int expired = 0;
        for (const GalleryAccess::ShareLink& l : found.shareLinks) {
            QVERIFY(l.url.isValid());
            QVERIFY(l.expiresAt.isValid());
            expired += l.expired ? 1 : 0;
        }
        QCOMPARE(expired, 1);
    }

    void unknownGalleryIdFindsNothing()
    {
        GalleryAccessLookup lookup(*m_pool);
        Ticket ticket;
        ticket.subject = QStringLiteral("G0000ZZZZZZZZZZZ zzqx");
        const auto report = wait<GalleryAccessReport>([&](auto done) { lookup.lookUp(ticket, m_account, done); });
        QVERIFY(report.ok());
        QVERIFY(report->galleries.isEmpty());
        QVERIFY(report->galleriesScanned > 0);
    }

    void notAPhotoShelterAccountIsAnError()
    {
        GalleryAccessLookup lookup(*m_pool);
        const auto report = wait<GalleryAccessReport>([&](auto done) { lookup.lookUp(Ticket{}, 999999, done); });
        QVERIFY(!report.ok());
    }
};

QTEST_MAIN(TestGalleryAccessLookup)
#include "tst_galleryaccesslookup.moc"
