// AttachFlow in a real workspace session on the in-process sandbox (offscreen): assets dropped on
// a ticket or a case open the attach dialog, which lists each asset with the file that would go
// or why it will not (rights gate, size limit) before anything is sent; Attach runs the job on the
// network thread, and the sandbox's own records show the upload and the comment / note with the
// right bytes, file name and MIME type, while the local cache has the new comment / note.
#include "../sync/attachfixture.h"
#include "attachflow.h"
#include "attachmentopenflow.h"
#include "workspacesession.h"

#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "net/memorysecretvault.h"
#include "storage/storageconfig.h"
#include "sync/attachservice.h"
#include "sync/jobrunner.h"
#include "widgets/attachdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>
#include <QUuid>

using namespace AssetDesk;
using namespace AssetDesk::AttachTest;

class TestAttachFlow : public QObject
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
    std::unique_ptr<QMainWindow> m_window;
    std::unique_ptr<AttachFlow> m_flow;
    qint64 m_zendesk = 0;
    qint64 m_dynamics = 0;
    qint64 m_dam = 0;
    QByteArray m_logo;
    qint64 m_logoAsset = 0;

    qint64 addAsset(const QString& remoteId, const QString& title, const QString& fileName, const QByteArray& bytes,
                    ApprovalState approval = ApprovalState::Approved)
    {
        const QString path = m_dir.filePath(fileName);
        if (!writeFile(path, bytes))
            return 0;
        const Result<qint64> id =
            upsertAsset(*m_storage, assetWithFile(m_dam, remoteId, title, fileName, path, bytes.size(), approval));
        return id ? *id : 0;
    }

    AttachDialog* waitForDialog(QSignalSpy& opened)
    {
        if (!opened.wait(10000) && opened.isEmpty())
            return nullptr;
        return opened.takeFirst().first().value<AttachDialog*>();
    }

    Result<AttachOutcome> accept(AttachDialog* dialog)
    {
        QSignalSpy attached(&m_flow->service(), &AttachService::attached);
        QSignalSpy failed(&m_flow->service(), &AttachService::attachFailed);
        QPushButton* attach = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        if (!attach->isEnabled())
            return Error(ErrorKind::Validation, QStringLiteral("Attach is disabled"));
        QTest::mouseClick(attach, Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return !attached.isEmpty() || !failed.isEmpty(); }, 60000))
            return Error(ErrorKind::Internal, QStringLiteral("the job did not end"));
        if (!failed.isEmpty())
            return failed.first().at(2).value<Error>();
        return attached.first().at(1).value<AttachOutcome>();
    }

private slots:
    void initTestCase()
    {
        // QSignalSpy keeps dialogOpened's argument as a QVariant.
        qRegisterMetaType<AssetDesk::AttachDialog*>();
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
        const Result<Account> zendesk =
            SyncTest::addSandboxAccount(*m_storage, m_session->vault(), *manifest, Service::Zendesk, this);
        QVERIFY2(zendesk.ok(), zendesk ? "" : qPrintable(zendesk.error().toLogString()));
        m_zendesk = zendesk->id;
        const Result<Account> dynamics =
            SyncTest::addSandboxAccount(*m_storage, m_session->vault(), *manifest, Service::Dynamics, this);
        QVERIFY2(dynamics.ok(), dynamics ? "" : qPrintable(dynamics.error().toLogString()));
        m_dynamics = dynamics->id;
        const Result<qint64> dam = addDamAccount(*m_storage);
        QVERIFY(dam.ok());
        m_dam = *dam;
        m_logo = jpegOfAbout(60 * 1024, 7);
        m_logoAsset = addAsset(QStringLiteral("I-logo"), QStringLiteral("Acme logo"), QStringLiteral("acme-logo.jpg"), m_logo);
        QVERIFY(m_logoAsset > 0);
        m_window = std::make_unique<QMainWindow>();
        m_window->resize(1024, 700);
        m_window->show();
        m_flow = std::make_unique<AttachFlow>(*m_session, m_jobs, m_window.get());
    }

    void cleanupTestCase()
    {
        m_flow.reset();
        m_window.reset();
        m_session.reset();
        m_network.quit();
        m_network.wait();
    }

    void dropOnATicketAddsAPublicReplyWithTheFile()
    {
        const Result<Ticket> ticket = freshTicket(m_sandbox, *m_storage, m_zendesk);
        QVERIFY2(ticket.ok(), ticket ? "" : qPrintable(ticket.error().toLogString()));
        QSignalSpy opened(m_flow.get(), &AttachFlow::dialogOpened);
        const quint64 since = lastSequence(m_sandbox);
        m_flow->attachToTicket(m_zendesk, ticket->id, {m_logoAsset});
        AttachDialog* dialog = waitForDialog(opened);
        QVERIFY(dialog);
        QCOMPARE(dialog->acceptedAssetIds(), QList<qint64>{m_logoAsset});
        // Internal by default; the agent chooses a public reply and writes to the customer.
        QVERIFY(!dialog->isPublic());
        QTest::mouseClick(dialog->findChild<QRadioButton*>(QStringLiteral("publicReply")), Qt::LeftButton);
        QVERIFY(dialog->isPublic());
        QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("attachText")), QStringLiteral("Your logo, as requested."));
        const Result<AttachOutcome> outcome = accept(dialog);
        QVERIFY2(outcome.ok(), outcome ? "" : qPrintable(outcome.error().toLogString()));

        QCOMPARE(journaled(m_sandbox, QStringLiteral("zendesk"), since, "POST", QStringLiteral("/api/v2/uploads?filename=acme-logo.jpg")), 1);
        const QJsonArray comments = zendeskComments(m_sandbox, ticket->remoteId);
        const QJsonObject last = comments.last().toObject();
        QCOMPARE(last.value(QStringLiteral("public")).toBool(), true);
        QVERIFY(last.value(QStringLiteral("body")).toString().contains(QStringLiteral("Your logo, as requested.")));
        const QJsonObject file = last.value(QStringLiteral("attachments")).toArray().first().toObject();
        QCOMPARE(file.value(QStringLiteral("file_name")).toString(), QStringLiteral("acme-logo.jpg"));
        QCOMPARE(file.value(QStringLiteral("content_type")).toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(file.value(QStringLiteral("sha256")).toString(), sha256(m_logo));
        const Result<QList<TicketComment>> local = TicketRepository(*m_storage).comments(ticket->id);
        QVERIFY(local.ok());
        QCOMPARE(local->size(), 1);
        QCOMPARE(local->first().attachments.size(), 1);
        QCOMPARE(local->first().attachments.first().contentType, QStringLiteral("image/jpeg"));
    }

    void dropOnACaseAddsANoteWithTheChosenRendition()
    {
        const Result<SupportCase> supportCase = freshCase(m_sandbox, *m_storage, m_dynamics);
        QVERIFY2(supportCase.ok(), supportCase ? "" : qPrintable(supportCase.error().toLogString()));
        // A 7 MB original with a 1200 px rendition: over the 5 MB Dynamics limit, so only the
        // rendition can go.
        const QByteArray original(7 * 1024 * 1024, 'o');
        const QByteArray small = jpegOfAbout(80 * 1024, 9);
        const QString originalPath = m_dir.filePath(QStringLiteral("poster.jpg"));
        const QString smallPath = m_dir.filePath(QStringLiteral("poster-1200.jpg"));
        QVERIFY(writeFile(originalPath, original) && writeFile(smallPath, small));
        Asset poster = assetWithFile(m_dam, QStringLiteral("I-poster"), QStringLiteral("Launch poster"),
                                     QStringLiteral("poster.jpg"), originalPath, original.size());
        poster.renditions << Rendition{QStringLiteral("jpeg-1200"), 1200, 800, QStringLiteral("image/jpeg"), small.size(), {}, smallPath};
        const Result<qint64> posterId = upsertAsset(*m_storage, poster);
        QVERIFY(posterId.ok());

        QSignalSpy opened(m_flow.get(), &AttachFlow::dialogOpened);
        m_flow->attachToCase(m_dynamics, supportCase->id, {*posterId});
        AttachDialog* dialog = waitForDialog(opened);
        QVERIFY(dialog);
        // The original is refused with the limit, before anything is sent; Attach is disabled.
        QVERIFY(dialog->acceptedAssetIds().isEmpty());
        QCOMPARE(dialog->refusals().size(), 1);
        QVERIFY2(dialog->refusals().first().contains(QStringLiteral("Launch poster")), qPrintable(dialog->refusals().first()));
        QVERIFY(!dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        dialog->setRendition(QStringLiteral("jpeg-1200"));
        QCOMPARE(dialog->acceptedAssetIds(), QList<qint64>{*posterId});
        QCOMPARE(dialog->findChild<QTreeWidget*>(QStringLiteral("assetList"))->topLevelItem(0)->text(1),
                 QStringLiteral("poster-jpeg-1200.jpg"));
        const Result<AttachOutcome> outcome = accept(dialog);
        QVERIFY2(outcome.ok(), outcome ? "" : qPrintable(outcome.error().toLogString()));

        const QJsonArray notes = dynamicsNotes(m_sandbox, supportCase->remoteId);
        QCOMPARE(notes.size(), 1);
        const QJsonObject note = notes.first().toObject();
        QCOMPARE(note.value(QStringLiteral("filename")).toString(), QStringLiteral("poster-jpeg-1200.jpg"));
        QCOMPARE(note.value(QStringLiteral("mimetype")).toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(note.value(QStringLiteral("documentbody_sha256")).toString(), sha256(small));
        const Result<QList<CaseNote>> local = CrmRepository(*m_storage).notes(supportCase->id);
        QVERIFY(local.ok());
        QCOMPARE(local->size(), 1);
        QCOMPARE(local->first().fileName, QStringLiteral("poster-jpeg-1200.jpg"));

        // The note's file opens from the case: its documentbody, fetched when asked for.
        AttachmentOpenFlow files(*m_session, m_dir.filePath(QStringLiteral("attachments")));
        QList<QUrl> handedOver;
        files.setOpener([&handedOver](const QUrl& url) {
            handedOver << url;
            return true;
        });
        QSignalSpy shown(&files, &AttachmentOpenFlow::opened);
        QSignalSpy status(&files, &AttachmentOpenFlow::statusMessage);
        files.openCaseNoteFile(local->first());
        QVERIFY2(shown.wait(20000),
                 qPrintable(status.isEmpty() ? QString() : status.last().first().toString()));
        QFile file(shown.first().first().toString());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(sha256(file.readAll()), sha256(small));
        QCOMPARE(QFileInfo(file).fileName(), QStringLiteral("poster-jpeg-1200.jpg"));
        QCOMPARE(handedOver, QList<QUrl>{QUrl::fromLocalFile(file.fileName())});
        // A note that is gone at Dynamics: a message that says so, nothing opened.
        CaseNote gone = local->first();
        gone.remoteId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        status.clear();
        files.openCaseNoteFile(gone);
        QVERIFY(QTest::qWaitFor([&status] { return status.size() == 2; }, 20000));
        QVERIFY2(
            status.last().first().toString().startsWith(QStringLiteral("Cannot open poster-jpeg-1200.jpg")),
            qPrintable(status.last().first().toString()));
        QCOMPARE(handedOver.size(), 1);
    }

    void theDialogShowsTheRightsRefusalAndLeavesTheAssetOut()
    {
        const Result<Ticket> ticket = freshTicket(m_sandbox, *m_storage, m_zendesk);
        QVERIFY(ticket.ok());
        const qint64 rejected = addAsset(QStringLiteral("I-rejected"), QStringLiteral("Old logo"), QStringLiteral("old-logo.jpg"),
                                         m_logo, ApprovalState::NotApproved);
        QVERIFY(rejected > 0);
        QSignalSpy opened(m_flow.get(), &AttachFlow::dialogOpened);
        m_flow->attachToTicket(m_zendesk, ticket->id, {rejected, m_logoAsset});
        AttachDialog* dialog = waitForDialog(opened);
        QVERIFY(dialog);
        QCOMPARE(dialog->acceptedAssetIds(), QList<qint64>{m_logoAsset});
        QCOMPARE(dialog->refusals().size(), 1);
        const QTreeWidgetItem* row = dialog->findChild<QTreeWidget*>(QStringLiteral("assetList"))->topLevelItem(0);
        QVERIFY2(row->text(3).contains(QStringLiteral("rejected in review")), qPrintable(row->text(3)));
        const Result<AttachOutcome> outcome = accept(dialog);
        QVERIFY2(outcome.ok(), outcome ? "" : qPrintable(outcome.error().toLogString()));
        QCOMPARE(outcome->assetIds, QList<qint64>{m_logoAsset});
        const QJsonArray attachments =
            zendeskComments(m_sandbox, ticket->remoteId).last().toObject().value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().toObject().value(QStringLiteral("file_name")).toString(), QStringLiteral("acme-logo.jpg"));
    }
};

QTEST_MAIN(TestAttachFlow)
#include "tst_attachflow.moc"
