// HelpdeskFlows in a real workspace session on the in-process sandbox (offscreen), driven by the
// Helpdesk pane's own requests through a real SupportDesk: "Check Gallery Access" opens a tool
// window per ticket showing the PhotoShelter galleries the ticket names, with visibility and share
// links (or says clearly that the workspace has no PhotoShelter account, or that the lookup
// failed); "Send Follow-up Delivery…" shares a gallery or sends a replacement file, and the
// sandbox's own records show the share link and the comment (with the link, or with the file);
// a closed ticket is refused in the dialog before anything is sent.
#include "../sync/attachfixture.h"
#include "attachmentopenflow.h"
#include "followupflow.h"
#include "helpdeskflows.h"
#include "supportdesk.h"
#include "workspacesession.h"

#include "connectors/connectorcontext.h"
#include "connectors/connectorregistry.h"
#include "connectors/damtext.h"
#include "connectors/photoshelter/photoshelterconnector.h"
#include "connectors/photoshelter/photosheltergalleries.h"
#include "connectors/photoshelter/photosheltergallerydirectory.h"
#include "connectors/zendesk/zendeskconnector.h"
#include "connectors/zendesk/zendeskuploads.h"
#include "models/accountsmodel.h"
#include "models/ticketdetail.h"
#include "models/ticketdetailloader.h"
#include "net/memorysecretvault.h"
#include "storage/storageconfig.h"
#include "sync/attachmentfiles.h"
#include "sync/attachservice.h"
#include "sync/connectorpool.h"
#include "sync/jobrunner.h"
#include "sync/zendesksyncservice.h"
#include "widgets/crmpane.h"
#include "widgets/followupdialog.h"
#include "widgets/galleryaccessview.h"
#include "widgets/helpdeskpane.h"
#include "widgets/ticketdetailview.h"
#include "widgets/ticketfieldseditor.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>
#include <QUrlQuery>

using namespace AssetDesk;
using namespace AssetDesk::AttachTest;

namespace {
// One workspace on the sandbox: its session, the pane's requests through a SupportDesk, the flows.
struct Workspace
{
    std::shared_ptr<Storage> storage;
    std::unique_ptr<WorkspaceSession> session;
    std::unique_ptr<AccountsModel> accounts;
    std::unique_ptr<HelpdeskPane> helpdesk;
    std::unique_ptr<CrmPane> crm;
    SupportDesk* desk = nullptr;     // the session's child
    AttachService* attach = nullptr; // likewise
    HelpdeskFlows* flows = nullptr;  // likewise
    qint64 zendesk = 0;

    ~Workspace()
    {
        session.reset();
        helpdesk.reset();
        crm.reset();
    }
};
} // namespace

class TestHelpdeskFlows : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Sandbox::SandboxServer m_sandbox;
    SandboxManifest m_manifest;
    MemorySecretVault m_vault;
    ConnectorRegistry m_registry = ConnectorRegistry::withBuiltinServices();
    ConnectorContext m_connectors;
    JobRunner m_jobs;
    QThread m_network;
    std::unique_ptr<QMainWindow> m_window;
    std::unique_ptr<Workspace> m_mainHolder = std::make_unique<Workspace>();
    Workspace& m_main = *m_mainHolder;
    std::unique_ptr<ConnectorPool> m_testPool; // the test's own PhotoShelter calls, on this thread
    qint64 m_photoShelter = 0;
    QList<qint64> m_selection;
    QString m_galleryId;
    QString m_galleryName;
    QUrl m_liveLink;

    Result<void> open(Workspace& w, const QString& file)
    {
        Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(m_dir.filePath(file)));
        if (!opened)
            return opened.error();
        w.storage = std::move(opened).value();
        w.session = std::make_unique<WorkspaceSession>(w.storage, w.storage->workspaceId().valueOr(file), m_vault,
                                                       m_registry, m_connectors, m_network, m_jobs);
        const Result<Account> zendesk =
            SyncTest::addSandboxAccount(*w.storage, w.session->vault(), m_manifest, Service::Zendesk, this);
        if (!zendesk)
            return zendesk.error();
        w.zendesk = zendesk->id;
        w.accounts = std::make_unique<AccountsModel>();
        w.helpdesk = std::make_unique<HelpdeskPane>(w.accounts.get());
        w.crm = std::make_unique<CrmPane>(w.accounts.get());
        w.desk = new SupportDesk(*w.session, w.helpdesk.get(), w.crm.get(), w.session.get());
        w.attach = new AttachService(w.session->storage(), w.session->pool(), m_jobs, w.session.get());
        w.flows = new HelpdeskFlows(*w.session, *w.attach, m_window.get(), [this] { return m_selection; }, w.session.get());
        w.flows->follow(*w.desk);
        return {};
    }

    // A ticket of `w` cached with these fields (the sandbox has it, so comments can be added).
    Result<Ticket> ticket(Workspace& w, const QString& status, const QString& description, const QStringList& tags)
    {
        const Result<Ticket> t = freshTicket(m_sandbox, *w.storage, w.zendesk);
        if (!t)
            return t;
        Ticket updated = *t;
        updated.subject = QStringLiteral("Cannot open the gallery");
        updated.status = status;
        updated.description = description;
        updated.tags = tags;
        const qint64 account = w.zendesk;
        const Result<QList<qint64>> stored = w.storage->writeAndWait(
            [account, updated](WriteContext& ctx) { return TicketRepository::upsertTickets(ctx, account, {updated}); });
        if (!stored)
            return stored.error();
        return updated;
    }

    PhotoShelterConnector* photoShelter()
    {
        std::optional<Result<ServiceConnector*>> acquired;
        m_testPool->acquire(m_photoShelter, [&acquired](Result<ServiceConnector*> c) { acquired = c; });
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

    FollowUpDialog* requestFollowUp(Workspace& w, const Ticket& t)
    {
        QSignalSpy opened(&w.flows->followUp(), &FollowUpFlow::dialogOpened);
        emit w.helpdesk->followUpRequested(w.zendesk, t.id);
        if (!opened.wait(10000) && opened.isEmpty())
            return nullptr;
        return opened.takeFirst().first().value<FollowUpDialog*>();
    }

    static QPushButton* sendButton(FollowUpDialog* dialog)
    {
        for (QAbstractButton* b : dialog->buttons()->buttons()) {
            if (dialog->buttons()->buttonRole(b) == QDialogButtonBox::AcceptRole)
                return qobject_cast<QPushButton*>(b);
        }
        return nullptr;
    }

    // Clicks the dialog's send button; the delivery's end (ok, status text).
    std::pair<bool, QString> send(FollowUpDialog* dialog)
    {
        QSignalSpy ended(&m_main.flows->followUp(), &FollowUpFlow::deliveryEnded);
        QSignalSpy status(m_main.flows, &HelpdeskFlows::statusMessage);
        QPushButton* button = sendButton(dialog);
        if (!button || !button->isEnabled())
            return {false, QStringLiteral("send is disabled")};
        QTest::mouseClick(button, Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return !ended.isEmpty(); }, 60000))
            return {false, QStringLiteral("the delivery did not end")};
        if (status.isEmpty() || status.last().first().toString() != ended.first().at(1).toString())
            return {false, QStringLiteral("the outcome did not reach the status bar")};
        return {ended.first().at(0).toBool(), ended.first().at(1).toString()};
    }

private slots:
    void initTestCase()
    {
        // QSignalSpy keeps these arguments as QVariants.
        qRegisterMetaType<AssetDesk::FollowUpDialog*>();
        qRegisterMetaType<AssetDesk::TicketDetail>();
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start().ok());
        const Result<SandboxManifest> manifest = SyncTest::manifestOf(m_sandbox);
        QVERIFY(manifest.ok());
        m_manifest = *manifest;
        m_network.start();
        m_window = std::make_unique<QMainWindow>();
        m_window->resize(1024, 700);
        m_window->show();
        const Result<void> opened = open(m_main, QStringLiteral("main.sqlite3"));
        QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().toLogString()));
        const Result<Account> ps =
            SyncTest::addSandboxAccount(*m_main.storage, m_main.session->vault(), m_manifest, Service::PhotoShelter, this);
        QVERIFY2(ps.ok(), ps ? "" : qPrintable(ps.error().toLogString()));
        m_photoShelter = ps->id;
        m_testPool = std::make_unique<ConnectorPool>(*m_main.storage, m_main.session->vault(), m_registry, m_connectors);

        // A gallery shared by permission with a live link: what an access-problem ticket names.
        PhotoShelterConnector* connector = photoShelter();
        QVERIFY(connector);
        PhotoShelterGalleryDirectory::NewGallery spec;
        m_galleryName = QStringLiteral("Support ZP3 %1").arg(QDateTime::currentMSecsSinceEpoch());
        spec.name = m_galleryName;
        spec.visibility = QStringLiteral("permission");
        const auto created =
            wait<PhotoShelterGallerySummary>([&](auto done) { connector->galleryDirectory().create(spec, this, done); });
        QVERIFY2(created.ok(), created ? "" : qPrintable(created.error().toLogString()));
        m_galleryId = created->id;
        const auto link = wait<PhotoShelterShareLink>([&](auto done) {
            connector->galleries().createShareLink(m_galleryId, QDateTime::currentDateTimeUtc().addDays(7), this, done);
        });
        QVERIFY(link.ok());
        m_liveLink = link->url;
    }

    void cleanupTestCase()
    {
        m_testPool.reset();
        m_mainHolder.reset();
        m_window.reset();
        m_network.quit();
        m_network.wait();
    }

    void galleryAccessWindowShowsTheTicketsGallery()
    {
        const Result<Ticket> t = ticket(m_main, QStringLiteral("open"),
                                        QStringLiteral("The client gets 'access denied' on gallery %1.").arg(m_galleryId),
                                        {QStringLiteral("access_problem")});
        QVERIFY2(t.ok(), t ? "" : qPrintable(t.error().toLogString()));
        QSignalSpy shown(m_main.flows, &HelpdeskFlows::galleryAccessShown);
        emit m_main.helpdesk->galleryAccessRequested(m_main.zendesk, t->id);
        QCOMPARE(shown.size(), 1);
        QDialog* window = m_main.flows->galleryAccessWindow(t->id);
        QVERIFY(window);
        QVERIFY(window->isVisible());
        QVERIFY(!window->isModal());
        auto* view = window->findChild<GalleryAccessView*>();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->tree()->topLevelItemCount() > 0, 20000);
        QVERIFY2(window->windowTitle().contains(QStringLiteral("#%1").arg(t->remoteId)), qPrintable(window->windowTitle()));

        const QTreeWidgetItem* gallery = view->tree()->topLevelItem(0);
        QCOMPARE(gallery->text(0), m_galleryName);
        QCOMPARE(gallery->data(0, Qt::UserRole).toString(), m_galleryId);
        QCOMPARE(gallery->text(1), GalleryAccessView::visibilityText(QStringLiteral("permission")));
        QStringList links;
        for (int i = 0; i < gallery->childCount(); ++i) {
            if (gallery->child(i)->text(0) == QLatin1String("Share link"))
                links << gallery->child(i)->text(1);
        }
        QCOMPARE(links.size(), 1);
        QVERIFY2(links.first().startsWith(m_liveLink.toString()), qPrintable(links.first()));

        // Asking again for the same ticket reuses (and refreshes) its window.
        emit m_main.helpdesk->galleryAccessRequested(m_main.zendesk, t->id);
        QCOMPARE(m_main.flows->galleryAccessWindow(t->id), window);
        QTRY_VERIFY_WITH_TIMEOUT(view->tree()->topLevelItemCount() > 0, 20000);
        QCOMPARE(m_window->findChildren<QDialog*>(QStringLiteral("galleryAccessWindow")).size(), 1);
        window->close();
        QTRY_VERIFY(!m_main.flows->galleryAccessWindow(t->id));
    }

    void galleryAccessWithoutAUsablePhotoShelterAccountSaysWhy()
    {
        Workspace bare;
        const Result<void> opened = open(bare, QStringLiteral("bare.sqlite3"));
        QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().toLogString()));
        const Result<Ticket> t = ticket(bare, QStringLiteral("open"), QString(), {QStringLiteral("access_problem")});
        QVERIFY(t.ok());
        emit bare.helpdesk->galleryAccessRequested(bare.zendesk, t->id);
        QDialog* window = bare.flows->galleryAccessWindow(t->id);
        QVERIFY(window);
        auto* view = window->findChild<GalleryAccessView*>();
        QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QStringLiteral("no PhotoShelter account")), 10000);
        QCOMPARE(view->tree()->topLevelItemCount(), 0);

        // A PhotoShelter account that cannot sign in (no credentials stored): Check Again shows
        // the failed lookup in the same window.
        QVERIFY(addDamAccount(*bare.storage).ok());
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("checkAgain")), Qt::LeftButton);
        QCOMPARE(bare.flows->galleryAccessWindow(t->id), window);
        QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QStringLiteral("could not be looked up")), 20000);
        QVERIFY2(!view->statusText().contains(QStringLiteral("no PhotoShelter account")), qPrintable(view->statusText()));
    }

    void followUpSharesTheGalleryAndLogsTheLink()
    {
        const Result<Ticket> t = ticket(m_main, QStringLiteral("solved"),
                                        QStringLiteral("Please send the photos of %1 again.").arg(m_galleryName), {});
        QVERIFY(t.ok());
        TicketDetailLoader detail(*m_main.storage);
        QSignalSpy loaded(&detail, &TicketDetailLoader::loaded);
        QSignalSpy failed(&detail, &TicketDetailLoader::failed);
        QSignalSpy notFound(&detail, &TicketDetailLoader::notFound);
        detail.load(t->id);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !failed.isEmpty() || !notFound.isEmpty(), 10000);
        QVERIFY2(!loaded.isEmpty(), failed.isEmpty() ? "not found" : qPrintable(failed.first().first().value<Error>().toLogString()));
        loaded.clear();

        FollowUpDialog* dialog = requestFollowUp(m_main, *t);
        QVERIFY(dialog);
        QVERIFY(dialog->refusal().isEmpty());
        // The gallery the ticket names comes first.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->galleryBox()->count() > 0, 20000);
        QCOMPARE(dialog->galleryId(), m_galleryId);
        QCOMPARE(dialog->galleryName(), m_galleryName);
        QVERIFY(dialog->galleryBox()->count() > 1); // the account's other galleries follow
        const auto [ok, text] = send(dialog);
        QVERIFY2(ok, qPrintable(text));

        PhotoShelterConnector* connector = photoShelter();
        QVERIFY(connector);
        const auto links = wait<QList<PhotoShelterShareLink>>(
            [&](auto done) { connector->galleryDirectory().shareLinks(m_galleryId, this, done); });
        QVERIFY(links.ok());
        QUrl newLink;
        for (const PhotoShelterShareLink& l : *links) {
            if (l.url != m_liveLink)
                newLink = l.url;
        }
        QVERIFY(newLink.isValid());
        QVERIFY2(text.contains(newLink.toString()), qPrintable(text));
        const QJsonObject comment = zendeskComments(m_sandbox, t->remoteId).last().toObject();
        QCOMPARE(comment.value(QStringLiteral("public")).toBool(), true);
        QVERIFY(comment.value(QStringLiteral("body")).toString().contains(newLink.toString()));
        // The open ticket's detail follows the cache: the status comment shows without a reload.
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
        const TicketDetail shown = loaded.last().first().value<TicketDetail>();
        QVERIFY(!shown.comments.isEmpty());
        QVERIFY(shown.comments.last().body.contains(newLink.toString()));
    }

    void followUpSendsAReplacementFile()
    {
        const QByteArray bytes = jpegOfAbout(40 * 1024, 11);
        const QString path = m_dir.filePath(QStringLiteral("logo-v2.jpg"));
        QVERIFY(writeFile(path, bytes));
        const Result<qint64> good = upsertAsset(*m_main.storage, assetWithFile(m_photoShelter, QStringLiteral("I-v2"),
            QStringLiteral("Logo v2"), QStringLiteral("logo-v2.jpg"), path, bytes.size()));
        const Result<qint64> rejected = upsertAsset(*m_main.storage, assetWithFile(m_photoShelter, QStringLiteral("I-old"),
            QStringLiteral("Old logo"), QStringLiteral("old.jpg"), path, bytes.size(), ApprovalState::NotApproved));
        QVERIFY(good.ok() && rejected.ok());
        const Result<Ticket> t = ticket(m_main, QStringLiteral("solved"), QStringLiteral("Wrong logo version"), {});
        QVERIFY(t.ok());

        m_selection = {*rejected, *good};
        FollowUpDialog* dialog = requestFollowUp(m_main, *t);
        m_selection.clear();
        QVERIFY(dialog);
        dialog->findChild<QRadioButton*>(QStringLiteral("sendReplacementFile"))->click();
        QCOMPARE(dialog->kind(), FollowUpDialog::Kind::File);
        // The rights gate shows before anything is sent; only the approved asset goes.
        QCOMPARE(dialog->acceptedAssetIds(), QList<qint64>{*good});
        QCOMPARE(dialog->refusals().size(), 1);
        QCOMPARE(dialog->assetList()->topLevelItemCount(), 2);
        const quint64 since = lastSequence(m_sandbox);
        const auto [ok, text] = send(dialog);
        QVERIFY2(ok, qPrintable(text));

        QCOMPARE(journaled(m_sandbox, QStringLiteral("zendesk"), since, "POST", QStringLiteral("/api/v2/uploads?filename=logo-v2.jpg")), 1);
        const QJsonObject comment = zendeskComments(m_sandbox, t->remoteId).last().toObject();
        QCOMPARE(comment.value(QStringLiteral("public")).toBool(), true);
        QVERIFY2(comment.value(QStringLiteral("body")).toString().contains(QStringLiteral("Follow-up delivery")),
                 qPrintable(comment.value(QStringLiteral("body")).toString()));
        const QJsonArray files = comment.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.first().toObject().value(QStringLiteral("file_name")).toString(), QStringLiteral("logo-v2.jpg"));
        QCOMPARE(files.first().toObject().value(QStringLiteral("sha256")).toString(), sha256(bytes));
    }

    // "Open" on a comment's attachment: the file comes from its content_url into the attachment
    // folder under a safe name, and goes to the desktop's application; a second open reuses it.
    void attachmentOpensFromTheConversation()
    {
        std::optional<Result<ServiceConnector*>> acquired;
        m_testPool->acquire(m_main.zendesk, [&acquired](Result<ServiceConnector*> c) { acquired = c; });
        QVERIFY(QTest::qWaitFor([&acquired] { return acquired.has_value(); }, 10000) && *acquired);
        auto* zendesk = qobject_cast<ZendeskConnector*>(acquired->value());
        QVERIFY(zendesk);
        const QByteArray bytes = jpegOfAbout(30 * 1024, 21);
        const auto uploaded = wait<ZendeskUpload>([&](auto done) {
            zendesk->uploads().upload(QStringLiteral("damaged box.jpg"), QStringLiteral("image/jpeg"), bytes,
                                      {}, this, done);
        });
        QVERIFY2(uploaded.ok(), uploaded ? "" : qPrintable(uploaded.error().toLogString()));
        const ZendeskAttachment& z = uploaded->attachments.first();
        // A hostile name from the service: the file stays inside the folder, under a safe name.
        const QString hostile = QStringLiteral("../../") + QChar(1) + QStringLiteral("evil/damaged box.jpg");
        const TicketAttachment attachment{z.id, hostile, z.contentType, z.size, z.contentUrl.toString()};

        const QString folder = m_dir.filePath(QStringLiteral("attachments"));
        // A file opened long ago: the folder is a cache, and the next download clears it out.
        const QString stale =
            QDir(folder).filePath(QStringLiteral("%1/4711/old notes.pdf").arg(m_main.zendesk));
        QVERIFY(QDir().mkpath(QFileInfo(stale).absolutePath()));
        {
            QFile old(stale);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("%PDF-1.4");
            old.flush();
            QVERIFY(
                old.setFileTime(QDateTime::currentDateTimeUtc().addDays(-(AttachmentFiles::kMaxAgeDays + 1)),
                                QFileDevice::FileModificationTime));
        }
        AttachmentOpenFlow flow(*m_main.session, folder);
        QList<QUrl> handedOver;
        flow.setOpener([&handedOver](const QUrl& url) {
            handedOver << url;
            return true;
        });
        flow.follow(*m_main.desk);
        QSignalSpy opened(&flow, &AttachmentOpenFlow::opened);
        QSignalSpy status(&flow, &AttachmentOpenFlow::statusMessage);
        const quint64 since = lastSequence(m_sandbox);
        emit m_main.helpdesk->attachmentOpenRequested(m_main.zendesk, attachment);
        emit m_main.helpdesk->attachmentOpenRequested(m_main.zendesk, attachment); // still on its way: once
        QVERIFY(opened.wait(20000));
        const QString path = opened.first().first().toString();
        QVERIFY2(path.startsWith(QDir(folder).absolutePath() + QLatin1Char('/')), qPrintable(path));
        QVERIFY2(QDir::cleanPath(path) == path && !path.contains(QChar(1)),
                 qPrintable(path)); // no "../" step
        QCOMPARE(path, QDir(folder).absoluteFilePath(
                           QStringLiteral("%1/%2/%3")
                               .arg(m_main.zendesk)
                               .arg(z.id)
                               .arg(DamText::safeFileName(hostile, QStringLiteral("attachment")))));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(sha256(file.readAll()), sha256(bytes));
        QCOMPARE(handedOver, QList<QUrl>{QUrl::fromLocalFile(path)});
        QCOMPARE(status.last().first().toString(), QStringLiteral("Opened %1.").arg(hostile));
        QCOMPARE(journaled(m_sandbox, QStringLiteral("zendesk"), since, "GET",
                           QStringLiteral("/attachments/token/")),
                 1);
        QVERIFY(!QFileInfo::exists(stale));
        QVERIFY(!QFileInfo::exists(QFileInfo(stale).absolutePath())); // its emptied folder too

        // Again: the file is there already, and counts as used now.
        QFile(path).setFileTime(QDateTime::currentDateTimeUtc().addDays(-10),
                                QFileDevice::FileModificationTime);
        emit m_main.helpdesk->attachmentOpenRequested(m_main.zendesk, attachment);
        QVERIFY(opened.wait(10000));
        QCOMPARE(handedOver.size(), 2);
        QTRY_VERIFY(QFileInfo(path).lastModified().secsTo(QDateTime::currentDateTimeUtc()) < 3600);
        QCOMPARE(journaled(m_sandbox, QStringLiteral("zendesk"), since, "GET",
                           QStringLiteral("/attachments/token/")),
                 1);

        // A link that no longer serves the file: a clear message, nothing saved, nothing opened.
        TicketAttachment gone = attachment;
        gone.remoteId = z.id + 1000000;
        gone.contentUrl =
            QUrl(z.contentUrl).resolved(QUrl(QStringLiteral("/attachments/token/no-such-token/"))).toString();
        status.clear();
        flow.openTicketAttachment(m_main.zendesk, gone);
        QVERIFY(QTest::qWaitFor([&status] { return status.size() == 2; }, 20000));
        QVERIFY2(status.last().first().toString().startsWith(QStringLiteral("Cannot open")),
                 qPrintable(status.last().first().toString()));
        QVERIFY(!QFileInfo::exists(
            QFileInfo(path).dir().filePath(QStringLiteral("../../%1").arg(gone.remoteId))));
        QCOMPARE(handedOver.size(), 2);
    }

    void followUpOnAClosedTicketIsRefusedInTheDialog()
    {
        const Result<Ticket> t = ticket(m_main, QStringLiteral("closed"), QStringLiteral("Thanks, all good"), {});
        QVERIFY(t.ok());
        const quint64 since = lastSequence(m_sandbox);
        FollowUpDialog* dialog = requestFollowUp(m_main, *t);
        QVERIFY(dialog);
        QVERIFY2(dialog->refusal().contains(QStringLiteral("closed")), qPrintable(dialog->refusal()));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("refusal"))->isVisible());
        QVERIFY(!sendButton(dialog)->isEnabled());
        QVERIFY(!dialog->galleryBox()->isEnabled());
        // Asked again for the same ticket: the open dialog comes to the front, no second one.
        QSignalSpy again(&m_main.flows->followUp(), &FollowUpFlow::dialogOpened);
        emit m_main.helpdesk->followUpRequested(m_main.zendesk, t->id);
        QTest::qWait(300);
        QVERIFY(again.isEmpty());
        QCOMPARE(m_window->findChildren<FollowUpDialog*>().size(), 1);
        dialog->close();
        QTest::qWait(200);
        QCOMPARE(journaled(m_sandbox, QStringLiteral("zendesk"), since, "PUT", QStringLiteral("/api/v2/tickets")), 0);
        QCOMPARE(journaled(m_sandbox, QStringLiteral("photoshelter"), since, "POST", QStringLiteral("/")), 0);
    }

    // The open ticket's priority, status and tags, edited in its detail through the SupportDesk:
    // saved in Zendesk and shown as stored; a change against a ticket someone else changed since
    // is refused (nothing overwritten) and the ticket is fetched anew.
    void ticketFieldsAreSavedAndAConflictIsRefused()
    {
        const Result<Ticket> fresh = freshTicket(m_sandbox, *m_main.storage, m_main.zendesk);
        QVERIFY(fresh.ok());
        // The cache as Zendesk has it (freshTicket caches a sketch): the change carries its time.
        const Result<qint64> cached = wait<qint64>(
            [&](auto done) { m_main.session->zendeskSync().refreshTicket(m_main.zendesk, fresh->remoteId, done); });
        QVERIFY2(cached.ok(), cached ? "" : qPrintable(cached.error().toLogString()));
        TicketDetailView* detail = m_main.helpdesk->detailView();
        TicketFieldsEditor* fields = detail->fieldsEditor();
        // What the pane does when the agent picks the ticket in its queue.
        const std::optional<Ticket> picked = TicketRepository(*m_main.storage).ticket(fresh->id).value();
        QVERIFY(picked);
        detail->showTicket(*picked, QStringLiteral("Loading the conversation…"));
        emit m_main.helpdesk->ticketChosen(m_main.zendesk, fresh->id);
        QTRY_VERIFY_WITH_TIMEOUT(detail->ticket().id == fresh->id && fields->priorityBox()->isEnabled(), 10000);
        const auto remote = [&] {
            const Result<QJsonObject> r = m_sandbox.module(QStringLiteral("zendesk"))
                                              ->adminResource(QStringLiteral("ticket"),
                                                              QUrlQuery{{QStringLiteral("id"), QString::number(fresh->remoteId)}});
            return r ? r->value(QStringLiteral("ticket")).toObject() : QJsonObject();
        };

        fields->priorityBox()->setCurrentIndex(fields->priorityBox()->findData(QStringLiteral("urgent")));
        fields->tagsEdit()->setText(fields->tagsEdit()->text() + QStringLiteral(" Press"));
        QTest::mouseClick(fields->saveButton(), Qt::LeftButton);
        QVERIFY(fields->isSaving());
        QTRY_VERIFY_WITH_TIMEOUT(!fields->isSaving(), 20000);
        QVERIFY2(fields->messageLabel()->isHidden(), qPrintable(fields->messageLabel()->text()));
        QCOMPARE(remote().value(QStringLiteral("priority")).toString(), QStringLiteral("urgent"));
        QVERIFY(remote().value(QStringLiteral("tags")).toVariant().toStringList().contains(QStringLiteral("press")));
        QTRY_COMPARE_WITH_TIMEOUT(detail->ticket().priority, QStringLiteral("urgent"), 10000);
        QCOMPARE(fields->priorityBox()->currentData().toString(), QStringLiteral("urgent"));

        // Someone changes it in Zendesk (a second later: Zendesk's times are whole seconds).
        QTest::qWait(1100);
        const Result<QJsonObject> changed = m_sandbox.module(QStringLiteral("zendesk"))->changeContent(
            QJsonObject{{QStringLiteral("update"),
                         QJsonObject{{QStringLiteral("id"), fresh->remoteId}, {QStringLiteral("priority"), QStringLiteral("low")}}}});
        QVERIFY(changed.ok());
        const QString statusBefore = remote().value(QStringLiteral("status")).toString();
        QVERIFY(statusBefore != QLatin1String("pending"));
        fields->statusBox()->setCurrentIndex(fields->statusBox()->findData(QStringLiteral("pending")));
        QTest::mouseClick(fields->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!fields->messageLabel()->isHidden(), 20000);
        QVERIFY2(fields->messageLabel()->text().contains(QStringLiteral("changed this ticket")),
                 qPrintable(fields->messageLabel()->text()));
        QCOMPARE(remote().value(QStringLiteral("status")).toString(), statusBefore);
        QCOMPARE(remote().value(QStringLiteral("priority")).toString(), QStringLiteral("low"));
        // Fetched anew: the detail shows the ticket as it is now, and the next change goes through.
        QTRY_COMPARE_WITH_TIMEOUT(detail->ticket().priority, QStringLiteral("low"), 10000);
        QCOMPARE(fields->priorityBox()->currentData().toString(), QStringLiteral("low"));
        fields->statusBox()->setCurrentIndex(fields->statusBox()->findData(QStringLiteral("pending")));
        QTest::mouseClick(fields->saveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(remote().value(QStringLiteral("status")).toString(), QStringLiteral("pending"), 20000);
    }
};

QTEST_MAIN(TestHelpdeskFlows)
#include "tst_helpdeskflows.moc"
