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
    void editingAQueuedPostAndClosingTheComposerPutsItBack();
    void editingAFailedPostReplacesItOnceTheEditIsQueued();

private:
    ComposerDialog* waitForComposer(const QList<ComposerDialog*>& before);
    qint64 queueJob(const XPublishPayload& payload, const QDateTime& notBefore);
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
    return waitForComposer(before);
}

ComposerDialog* TestComposeFlow::waitForComposer(const QList<ComposerDialog*>& before)
{
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

qint64 TestComposeFlow::queueJob(const XPublishPayload& payload, const QDateTime& notBefore)
{
    QFuture<Result<qint64>> queued = XOutbox(*m_storage).enqueue(payload, notBefore);
    if (!QTest::qWaitFor([&] { return queued.isFinished(); }, 10000))
        return 0;
    return queued.result() ? queued.result().value() : 0;
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

// "Edit…" on a queued post pulls it back (so it cannot go out while it is edited); closing the
// composer without publishing must put it back as it was, never lose it.
void TestComposeFlow::editingAQueuedPostAndClosingTheComposerPutsItBack()
{
    const qint64 asset = upsert(storedAsset(QStringLiteral("h-4"), QStringLiteral("Lighthouse")));
    XPublishPayload payload;
    payload.accountId = m_acme;
    payload.text = QStringLiteral("The lighthouse, tomorrow morning");
    XPublishPayload::Media medium(m_imagePath, QString(), QStringLiteral("A white lighthouse"));
    medium.assetId = asset;
    payload.media = {medium};
    payload.assetIds = {asset};
    const QDateTime due = QDateTime::currentDateTimeUtc().addDays(2);
    const qint64 original = queueJob(payload, due);
    QVERIFY(original > 0);
    QFuture<Status> pulled = XOutbox(*m_storage).cancel(original); // what XDesk::edit does first
    QTRY_VERIFY(pulled.isFinished());
    QVERIFY(pulled.result());

    const QList<ComposerDialog*> before = m_window->findChildren<ComposerDialog*>();
    ComposeFlow::Edit edit;
    edit.original = payload;
    edit.notBefore = due;
    edit.requeueOnCancel = true;
    m_flow->recompose(edit);
    QPointer<ComposerDialog> dialog = waitForComposer(before);
    QVERIFY(dialog);
    QCOMPARE(dialog->editor()->toPlainText(), payload.text);
    auto* model = dialog->findChild<ComposerModel*>();
    QCOMPARE(model->attachments().size(), 1);
    QCOMPARE(model->attachments().first().altText, QStringLiteral("A white lighthouse"));

    const Result<QList<OutboxJob>> pendingBefore =
        JobRepository(*m_storage).listPending(XOutbox::kXPublishJobKind, m_acme);
    QVERIFY(pendingBefore);
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
    OutboxJob restored;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const Result<QList<OutboxJob>> pending =
                JobRepository(*m_storage).listPending(XOutbox::kXPublishJobKind, m_acme);
            if (!pending || pending->size() != pendingBefore->size() + 1)
                return false;
            for (const OutboxJob& j : *pending) {
                if (j.id > original && XPublishPayload::fromJson(j.payload).valueOr({}) == payload)
                    restored = j;
            }
            return restored.id != 0;
        }(),
        10000);
    QCOMPARE(restored.state, JobState::Queued);
    QVERIFY2(qAbs(restored.notBefore.secsTo(due)) <= 1, qPrintable(restored.notBefore.toString(Qt::ISODate)));
    QCOMPARE(job(original).state, JobState::Cancelled);
}

// "Edit…" on a failed post keeps it (failed, so never sent) until the edited post is queued;
// then the failed one leaves the queue.
void TestComposeFlow::editingAFailedPostReplacesItOnceTheEditIsQueued()
{
    const qint64 asset = upsert(storedAsset(QStringLiteral("h-5"), QStringLiteral("Quay")));
    XPublishPayload payload;
    payload.accountId = m_acme;
    payload.text = QStringLiteral("The quay at night");
    payload.media = {XPublishPayload::Media(m_imagePath, QString(), QStringLiteral("A stone quay"))};
    payload.assetIds = {asset};
    const qint64 failed = queueJob(payload, QDateTime());
    QVERIFY(failed > 0);
    // As the publisher does: claim it (only this job is due), then fail it for good.
    const Status marked = m_storage->writeAndWait([failed](WriteContext& ctx) -> Status {
        const Result<QList<OutboxJob>> claimed =
            JobRepository::claimDue(ctx, QDateTime::currentDateTimeUtc(), 10, XOutbox::kXPublishJobKind);
        if (!claimed)
            return claimed.error();
        if (claimed->size() != 1 || claimed->first().id != failed)
            return Error(ErrorKind::Internal, QStringLiteral("another job was due"));
        return JobRepository::markFailed(ctx, failed, QStringLiteral("X refused the post"));
    });
    QVERIFY2(marked, marked ? "" : qPrintable(marked.error().toLogString()));

    const QList<ComposerDialog*> before = m_window->findChildren<ComposerDialog*>();
    ComposeFlow::Edit edit;
    edit.original = payload;
    edit.failedJobId = failed;
    m_flow->recompose(edit);
    QPointer<ComposerDialog> dialog = waitForComposer(before);
    QVERIFY(dialog);
    QCOMPARE(job(failed).state, JobState::Failed); // untouched while the composer is open
    auto* model = dialog->findChild<ComposerModel*>();
    model->setSharedText(QStringLiteral("The quay at night, edited"));
    model->setScheduledAt(QDateTime::currentDateTimeUtc().addDays(1));
    QSignalSpy queued(m_flow.get(), &ComposeFlow::queued);
    emit dialog->scheduleRequested();
    QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, 10000);
    QTRY_VERIFY(dialog.isNull());
    QTRY_COMPARE(job(failed).state, JobState::Cancelled);
    const qint64 replacement = queued.first().first().value<QList<qint64>>().value(0);
    const Result<XPublishPayload> edited = XPublishPayload::fromJson(job(replacement).payload);
    QVERIFY(edited);
    QCOMPARE(edited->text, QStringLiteral("The quay at night, edited"));
    QCOMPARE(edited->media.value(0).assetId, asset); // the lineage fields travel with the media
}

QTEST_MAIN(TestComposeFlow)
#include "tst_composeflow.moc"
