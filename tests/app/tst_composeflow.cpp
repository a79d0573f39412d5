// ComposeFlow against a real workspace: the dropped assets open the composer with the DAM's
// caption and credit, Publish queues one outbox job per account through the undo window (and Undo
// pulls them back), a schedule queues them for its time, and the rights gate is checked again on
// the assets as stored when the user presses Publish.
#include "composeflow.h"
#include "workspacesession.h"

#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "models/composermodel.h"
#include "models/composersettings.h"
#include "net/memorysecretvault.h"
#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/jobrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/writecontext.h"
#include "sync/jobrunner.h"
#include "sync/xoutbox.h"
#include "sync/xpublishpayload.h"
#include "widgets/composerdialog.h"
#include "widgets/composerundonotice.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace AssetDesk;

class TestComposeFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void publishNowQueuesOneJobPerAccountAndUndoPullsThemBack();
    void scheduleQueuesForTheChosenTime();
    void rightsAreCheckedAgainOnWhatIsStoredNow();

private:
    qint64 addAccount(const Account& account);
    Asset storedAsset(const QString& remoteId, const QString& title) const;
    qint64 upsert(const Asset& asset);
    ComposerDialog* openComposer(const QList<qint64>& accounts, const QList<qint64>& assets);
    OutboxJob job(qint64 id) const;

    QTemporaryDir m_dir;
    std::shared_ptr<Storage> m_storage;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    ConnectorContext m_connectors;
    JobRunner m_jobs;
    QThread m_network;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<QMainWindow> m_window;
    std::unique_ptr<ComposeFlow> m_flow;
    QString m_imagePath;
    qint64 m_dam = 0;
    qint64 m_acme = 0;
    qint64 m_acmeDe = 0;
};

void TestComposeFlow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
    {
        QSettings settings;
        ComposerSettings publishing;
        publishing.altTextRequired = true;
        publishing.undoWindowSeconds = 30;
        publishing.save(settings);
    }
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(QColor(20, 90, 160));
    m_imagePath = m_dir.filePath(QStringLiteral("harbour.jpg"));
    QVERIFY(image.save(m_imagePath));

    Result<std::unique_ptr<Storage>> opened =
        Storage::open(StorageConfig::sqlite(m_dir.filePath(QStringLiteral("w.sqlite3"))));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().toLogString()));
    m_storage = std::move(opened).value();
    Account dam;
    dam.service = Service::PhotoShelter;
    dam.label = QStringLiteral("Acme PhotoShelter");
    m_dam = addAccount(dam);
    Account acme;
    acme.service = Service::X;
    acme.label = QStringLiteral("Acme");
    acme.remoteUserName = QStringLiteral("acme");
    acme.login = QStringLiteral("acme");
    m_acme = addAccount(acme);
    acme.label = QStringLiteral("Acme DE");
    acme.login = QStringLiteral("acme_de");
    acme.remoteUserName = QStringLiteral("acme_de");
    acme.region = QStringLiteral("DACH");
    m_acmeDe = addAccount(acme);
    QVERIFY(m_dam > 0 && m_acme > 0 && m_acmeDe > 0);

    m_network.start();
    m_session =
        std::make_unique<WorkspaceSession>(m_storage, m_storage->workspaceId().valueOr(QStringLiteral("t")),
                                           m_vault, m_registry, m_connectors, m_network, m_jobs);
    m_window = std::make_unique<QMainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    m_flow = std::make_unique<ComposeFlow>(*m_session, m_window.get());
}

void TestComposeFlow::cleanupTestCase()
{
    m_flow.reset();
    m_window.reset();
    m_session.reset();
    m_network.quit();
    m_network.wait();
}

qint64 TestComposeFlow::addAccount(const Account& account)
{
    const Result<qint64> id = m_storage->writeAndWait(
        [account](WriteContext& ctx) { return AccountRepository::add(ctx, account); });
    return id ? id.value() : 0;
}

Asset TestComposeFlow::storedAsset(const QString& remoteId, const QString& title) const
{
    Asset a;
    a.accountId = m_dam;
    a.remoteId = remoteId;
    a.version = QStringLiteral("v3");
    a.title = title;
    a.caption = QStringLiteral("Harbour at dawn");
    a.fileName = QStringLiteral("harbour.jpg");
    a.mimeType = QStringLiteral("image/jpeg");
    a.rights.approval = ApprovalState::Approved;
    a.rights.credit = QStringLiteral("Jane Doe");
    a.renditions = {
        Rendition{QStringLiteral("original"), 640, 480, QStringLiteral("image/jpeg"), 1000, {}, m_imagePath}};
    return a;
}

qint64 TestComposeFlow::upsert(const Asset& asset)
{
    const Result<QList<qint64>> ids =
        m_storage->writeAndWait([asset](WriteContext& ctx) { return AssetRepository::upsert(ctx, {asset}); });
    return ids && !ids->isEmpty() ? ids->first() : 0;
}

ComposerDialog* TestComposeFlow::openComposer(const QList<qint64>& accounts, const QList<qint64>& assets)
{
    const QList<ComposerDialog*> before = m_window->findChildren<ComposerDialog*>();
    m_flow->compose(accounts, assets);
    ComposerDialog* dialog = nullptr;
    const bool opened = QTest::qWaitFor(
        [&] {
            for (ComposerDialog* d : m_window->findChildren<ComposerDialog*>()) {
                if (!before.contains(d))
                    dialog = d;
            }
            return dialog != nullptr;
        },
        10000);
    return opened ? dialog : nullptr;
}

OutboxJob TestComposeFlow::job(qint64 id) const
{
    const Result<std::optional<OutboxJob>> found = JobRepository(*m_storage).get(id);
    return found && found->has_value() ? **found : OutboxJob{};
}

void TestComposeFlow::publishNowQueuesOneJobPerAccountAndUndoPullsThemBack()
{
    const qint64 asset = upsert(storedAsset(QStringLiteral("h-1"), QStringLiteral("Harbour")));
    QVERIFY(asset > 0);
    QPointer<ComposerDialog> dialog = openComposer({m_acme, m_acmeDe}, {asset});
    QVERIFY(dialog);
    auto* model = dialog->findChild<ComposerModel*>();
    QVERIFY(model);
    QCOMPARE(model->sharedText(), QStringLiteral("Harbour at dawn — © Jane Doe"));
    QCOMPARE(model->accountIds(), (QList<qint64>{m_acme, m_acmeDe}));
    QCOMPARE(model->undoWindowSeconds(), 30);
    QCOMPARE(model->attachments().size(), 1);
    QCOMPARE(model->attachments().first().localFile, m_imagePath);
    QVERIFY(!dialog->publishButton()->isEnabled()); // alt text required by the setting
    model->setAltText(0, QStringLiteral("Boats in the harbour at sunrise"));
    model->setOverride(m_acmeDe, QStringLiteral("Hafen im Morgenlicht — © Jane Doe"));
    QVERIFY(dialog->publishButton()->isEnabled());

    QSignalSpy queued(m_flow.get(), &ComposeFlow::queued);
    const QDateTime pressed = QDateTime::currentDateTimeUtc();
    dialog->publishButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, 10000);
    const QList<qint64> jobIds = queued.first().first().value<QList<qint64>>();
    QCOMPARE(jobIds.size(), 2);
    QTRY_VERIFY(dialog.isNull()); // closed once both jobs were committed

    const QStringList texts{QStringLiteral("Harbour at dawn — © Jane Doe"),
                            QStringLiteral("Hafen im Morgenlicht — © Jane Doe")};
    const QList<qint64> accounts{m_acme, m_acmeDe};
    for (int i = 0; i < 2; ++i) {
        const OutboxJob row = job(jobIds.at(i));
        QCOMPARE(row.kind, XOutbox::kXPublishJobKind);
        QCOMPARE(row.accountId, accounts.at(i));
        QCOMPARE(row.state, JobState::Queued);
        // Due after the undo window, not before.
        QVERIFY2(row.notBefore >= pressed.addSecs(29) && row.notBefore <= pressed.addSecs(40),
                 qPrintable(row.notBefore.toString(Qt::ISODateWithMs)));
        const Result<XPublishPayload> payload = XPublishPayload::fromJson(row.payload);
        QVERIFY(payload);
        QCOMPARE(payload->accountId, accounts.at(i));
        QCOMPARE(payload->text, texts.at(i));
        QCOMPARE(payload->media.size(), 1);
        QCOMPARE(payload->media.first().path, m_imagePath);
        QCOMPARE(payload->media.first().altText, QStringLiteral("Boats in the harbour at sunrise"));
        QCOMPARE(payload->assetIds, (QList<qint64>{asset}));
    }

    auto* notice = m_window->statusBar()->findChild<ComposerUndoNotice*>();
    QVERIFY(notice);
    QVERIFY(notice->secondsLeft() > 0);
    notice->undoButton()->click();
    QTRY_COMPARE(job(jobIds.at(0)).state, JobState::Cancelled);
    QTRY_COMPARE(job(jobIds.at(1)).state, JobState::Cancelled);
    QTRY_VERIFY(notice->findChild<QLabel*>()->text().contains(QLatin1String("pulled back")));
}

void TestComposeFlow::scheduleQueuesForTheChosenTime()
{
    const qint64 asset = upsert(storedAsset(QStringLiteral("h-2"), QStringLiteral("Pier")));
    QPointer<ComposerDialog> dialog = openComposer({m_acme}, {asset});
    QVERIFY(dialog);
    auto* model = dialog->findChild<ComposerModel*>();
    model->setAltText(0, QStringLiteral("A wooden pier"));
    const QDateTime when = QDateTime::currentDateTimeUtc().addDays(1);
    model->setScheduledAt(when);
    QSignalSpy queued(m_flow.get(), &ComposeFlow::queued);
    emit dialog->scheduleRequested(); // what the schedule picker's OK does
    QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, 10000);
    const QList<qint64> jobIds = queued.first().first().value<QList<qint64>>();
    QCOMPARE(jobIds.size(), 1);
    const OutboxJob row = job(jobIds.first());
    QCOMPARE(row.state, JobState::Queued);
    QVERIFY2(qAbs(row.notBefore.secsTo(when)) <= 1, qPrintable(row.notBefore.toString(Qt::ISODate)));
    QVERIFY(m_window->statusBar()->findChildren<ComposerUndoNotice*>().size() <=
            1); // no undo offer for a schedule
    QTRY_VERIFY(dialog.isNull());
}

void TestComposeFlow::rightsAreCheckedAgainOnWhatIsStoredNow()
{
    Asset stored = storedAsset(QStringLiteral("h-3"), QStringLiteral("Lighthouse"));
    const qint64 asset = upsert(stored);
    QPointer<ComposerDialog> dialog = openComposer({m_acme}, {asset});
    QVERIFY(dialog);
    auto* model = dialog->findChild<ComposerModel*>();
    model->setAltText(0, QStringLiteral("A lighthouse"));
    QVERIFY(dialog->publishButton()->isEnabled());
    // Rejected in the DAM while the composer is open.
    stored.rights.approval = ApprovalState::NotApproved;
    QCOMPARE(upsert(stored), asset);
    const Result<QList<OutboxJob>> before = JobRepository(*m_storage).list();
    QVERIFY(before);

    QSignalSpy queued(m_flow.get(), &ComposeFlow::queued);
    dialog->publishButton()->click();
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("submitError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY2(error->text().contains(QLatin1String("Lighthouse")) &&
                 error->text().contains(QLatin1String("not approved")),
             qPrintable(error->text()));
    QCOMPARE(queued.count(), 0);
    const Result<QList<OutboxJob>> after = JobRepository(*m_storage).list();
    QCOMPARE(after->size(), before->size()); // nothing queued
    QVERIFY(dialog->editor()->isEnabled());  // still open, still editable: nothing lost
    dialog->reject();
}

QTEST_MAIN(TestComposeFlow)
#include "tst_composeflow.moc"
