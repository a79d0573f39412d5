// Must show (issue 5): in the whole workbench, offscreen, on its embedded sandbox, a library asset
// dragged onto a ticket (its detail, or its row in the queue) or a case (its row in the CRM tree,
// or its detail) opens the attach dialog; Attach sends it, and the sandbox's own records show the
// upload and the comment / note with the bytes, file name and MIME type of the file that was sent,
// while the pane shows the new comment or note. A non-approved asset is refused in the dialog and
// nothing reaches the sandbox. Drags go in as the platform delivers them (platformdrag.h).
#include "../sync/attachfixture.h"
#include "attachflow.h"
#include "dockfront.h"
#include "platformdrag.h"
#include "supportdesk.h"
#include "workbench.h"
#include "workspacesession.h"

#include "core/rightsgate.h"
#include "models/crmtreemodel.h"
#include "models/helpdeskfeed.h"
#include "models/jobsmodel.h"
#include "models/libraryitem.h"
#include "models/librarymodel.h"
#include "models/ticketqueuemodel.h"
#include "storage/storage.h"
#include "widgets/assetdroptreeview.h"
#include "widgets/attachdialog.h"
#include "widgets/casedetailview.h"
#include "widgets/crmpane.h"
#include "widgets/helpdeskpane.h"
#include "widgets/librarygridview.h"
#include "widgets/libraryinspector.h"
#include "widgets/librarypane.h"
#include "widgets/mainwindow.h"
#include "widgets/ticketdetailview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUuid>

using namespace AssetDesk;
using namespace AssetDesk::AttachTest;
using namespace AssetDesk::GuiTest;
using namespace Qt::StringLiterals;

namespace {
bool shows(const QStringList& texts, const QString& part)
{
    return std::any_of(texts.cbegin(), texts.cend(), [&part](const QString& t) { return t.contains(part); });
}

// A library asset as dragged, and the file of it that a test chooses to send (one on disk, so its
// bytes are known).
struct Dragged
{
    qint64 id = 0;
    QModelIndex index;
    Rendition file;
    QByteArray bytes;
};
} // namespace

class TestSupportDrag : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    std::unique_ptr<Workbench> m_workbench;
    std::unique_ptr<SandboxAdmin> m_admin;

    MainWindow* window() const { return m_workbench->window(); }
    Storage& storage() const { return m_workbench->supportDesk()->session().storage(); }
    AttachFlow* flow() const { return m_workbench->supportDesk()->findChild<AttachFlow*>(); }

    // Succeeded jobs whose title starts with `prefix`, as the Jobs pane lists them.
    int succeeded(const QString& prefix) const
    {
        QAbstractItemModel* jobs =
            window()->findChild<QDockWidget*>(u"jobsDock"_s)->widget()->findChild<QTreeView*>()->model();
        int n = 0;
        for (int row = 0; row < jobs->rowCount(); ++row) {
            n += jobs->index(row, JobsModel::TitleColumn).data().toString().startsWith(prefix)
                && JobState(jobs->index(row, 0).data(JobsModel::StateRole).toInt()) == JobState::Succeeded;
        }
        return n;
    }

    void bringToFront(const QString& dock)
    {
        auto* d = window()->findChild<QDockWidget*>(dock);
        d->show();
        d->raise();
        QTRY_VERIFY(d->widget()->isVisible());
    }

    // The first shown asset the rights gate lets through (or refuses) that has a file on disk.
    Dragged asset(bool approved)
    {
        LibraryModel* assets = m_workbench->libraryPane()->assets();
        for (int row = 0; row < assets->rowCount(); ++row) {
            const Result<std::optional<Asset>> a = AssetRepository(storage()).get(assets->ids().at(row));
            if (!a || !a->has_value() || bool(RightsGate::check(**a, QDateTime::currentDateTimeUtc())) != approved)
                continue;
            const Rendition* local = LibraryItem::largestLocalRendition(**a);
            QFile file(local ? local->localPath : QString());
            if (!local || !file.open(QIODevice::ReadOnly))
                continue;
            return Dragged{(*a)->id, assets->index(row, 0), *local, file.readAll()};
        }
        return {};
    }

    // The library model's own drag data for the asset, as the grid hands it to a drag.
    std::unique_ptr<QMimeData> drag(const Dragged& dragged) const
    {
        return std::unique_ptr<QMimeData>(m_workbench->libraryPane()->assets()->mimeData({dragged.index}));
    }

    // Chooses the dragged asset's file on disk, writes `text` and presses Attach; the file name
    // the dialog listed for it.
    static QString attach(AttachDialog* dialog, const Dragged& dragged, const QString& text)
    {
        auto* box = dialog->findChild<QComboBox*>(u"renditionBox"_s);
        const int index = box->findData(dragged.file.name == u"original"_s ? QString() : dragged.file.name);
        if (index < 0)
            return {};
        box->setCurrentIndex(index);
        if (dialog->acceptedAssetIds() != QList<qint64>{dragged.id})
            return {};
        const QString listed = dialog->findChild<QTreeWidget*>(u"assetList"_s)->topLevelItem(0)->text(1);
        auto* edit = dialog->findChild<QPlainTextEdit*>(u"attachText"_s);
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        return listed;
    }

    static AttachDialog* opened(QSignalSpy& spy)
    {
        if (spy.isEmpty() && !spy.wait(10000))
            return nullptr;
        return spy.takeFirst().first().value<AttachDialog*>();
    }

    // An open (or new) ticket of the queue, skipping `other`: Zendesk takes comments on those.
    static QModelIndex openTicket(HelpdeskPane* pane, qint64 other = 0)
    {
        QAbstractItemModel* queue = pane->filteredQueue();
        for (int row = 0; row < queue->rowCount(); ++row) {
            const QModelIndex index = queue->index(row, TicketQueueModel::SubjectColumn);
            const QString status = index.data(TicketQueueModel::StatusRole).toString();
            if ((status == u"open"_s || status == u"new"_s) && index.data(TicketQueueModel::LocalIdRole).toLongLong() != other)
                return index;
        }
        return {};
    }

    // The sandbox's last comment on the ticket, once it carries `text`; empty if none comes.
    QJsonObject commentWith(qint64 ticketRemoteId, const QString& text)
    {
        QJsonObject last;
        const bool arrived = QTest::qWaitFor([&] {
            const QJsonArray comments = m_admin->zendeskComments(ticketRemoteId);
            last = comments.isEmpty() ? QJsonObject() : comments.last().toObject();
            return last.value(u"body"_s).toString().contains(text);
        }, 30000);
        return arrived ? last : QJsonObject();
    }

    // The sandbox's note on the case whose text contains `text`; empty while there is none.
    QJsonObject noteWith(const QString& caseRemoteId, const QString& text)
    {
        for (const QJsonValue& n : m_admin->dynamicsNotes(caseRemoteId)) {
            if (n.toObject().value(u"notetext"_s).toString().contains(text))
                return n.toObject();
        }
        return {};
    }

    // The upload and the comment the sandbox journaled and stored for one attached file.
    void verifyTicketAttachment(qint64 ticketRemoteId, quint64 since, const QString& text, bool isPublic,
                                const Dragged& dragged, const QString& fileName)
    {
        const QJsonObject comment = commentWith(ticketRemoteId, text);
        QVERIFY2(!comment.isEmpty(), "the comment did not reach the sandbox");
        QCOMPARE(comment.value(u"public"_s).toBool(), isPublic);
        const QJsonArray files = comment.value(u"attachments"_s).toArray();
        QCOMPARE(files.size(), 1);
        const QJsonObject file = files.first().toObject();
        QCOMPARE(file.value(u"file_name"_s).toString(), fileName);
        QCOMPARE(file.value(u"content_type"_s).toString(), dragged.file.mimeType);
        QCOMPARE(file.value(u"sha256"_s).toString(), sha256(dragged.bytes));

        const QList<QJsonObject> uploads =
            m_admin->journaled(u"zendesk"_s, since, u"POST"_s, u"/api/v2/uploads?filename="_s);
        QCOMPARE(uploads.size(), 1);
        QCOMPARE(QUrl::fromPercentEncoding(uploads.first().value(u"path"_s).toString().toUtf8()),
                 u"/api/v2/uploads?filename="_s + fileName);
        QCOMPARE(uploads.first().value(u"body_sha256"_s).toString(), sha256(dragged.bytes));
        QCOMPARE(SandboxAdmin::header(uploads.first(), u"Content-Type"_s), dragged.file.mimeType);
        const QList<QJsonObject> updates = m_admin->journaled(u"zendesk"_s, since, u"PUT"_s, u"/api/v2/tickets/"_s);
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.first().value(u"path"_s).toString().section(u'?', 0, 0), u"/api/v2/tickets/%1"_s.arg(ticketRemoteId));
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("ASSETDESK_SANDBOX_EXE").isEmpty())
            QFAIL("ASSETDESK_SANDBOX_EXE is not set: run through ctest.");
        if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty())
            QFAIL("No D-Bus session: run inside the keyring session of scripts/run-tests.sh.");
        // QSignalSpy keeps dialogOpened's argument as a QVariant.
        qRegisterMetaType<AssetDesk::AttachDialog*>();
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
        QCoreApplication::setOrganizationName(u"AssetDeskTest"_s);
        QCoreApplication::setApplicationName(u"AssetDeskSupportDrag"_s);

        WorkbenchOptions options;
        options.workspace = m_home.filePath(u"drag.sqlite3"_s);
        options.sandboxExecutable = qEnvironmentVariable("ASSETDESK_SANDBOX_EXE");
        m_workbench = std::make_unique<Workbench>(options);
        QSignalSpy active(m_workbench.get(), &Workbench::workspaceActive);
        m_workbench->start();
        QVERIFY(active.wait(30000));
        QVERIFY(m_workbench->supportDesk() && flow());
        m_admin = std::make_unique<SandboxAdmin>(m_workbench->sandboxAdminUrl());
        // The libraries (thumbnails on disk), the tickets and the CRM are synced.
        QTRY_VERIFY_WITH_TIMEOUT(succeeded(u"Sync: "_s) == 2, 90000);
        QTRY_VERIFY_WITH_TIMEOUT(succeeded(u"Ticket sync: "_s) == 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(succeeded(u"CRM sync: "_s) == 1, 60000);
        LibraryModel* assets = m_workbench->libraryPane()->assets();
        QTRY_VERIFY_WITH_TIMEOUT(!assets->isSearching() && assets->rowCount() > 0, 20000);
    }

    // A ticket chosen in the queue, an asset dropped on its conversation: dialog, Attach, and the
    // comment with the file in the sandbox and in the detail view.
    void dropOnTicketDetailAttachesTheFile()
    {
        bringToFront(u"helpdeskDock"_s);
        HelpdeskPane* pane = m_workbench->helpdeskPane();
        QTRY_VERIFY(pane->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(openTicket(pane).isValid(), 20000);
        const QModelIndex row = openTicket(pane);
        const qint64 ticketId = row.data(TicketQueueModel::LocalIdRole).toLongLong();
        const qint64 remoteId = row.data(TicketQueueModel::RemoteIdRole).toLongLong();
        clickRow(pane->queueView(), row);
        TicketDetailView* detail = pane->detailView();
        QCOMPARE(detail->ticket().id, ticketId);

        const Dragged dragged = asset(true);
        QVERIFY2(dragged.id > 0, "no approved asset with a file on disk in the library");
        const std::unique_ptr<QMimeData> mime = drag(dragged);
        QSignalSpy dialogs(flow(), &AttachFlow::dialogOpened);
        QSignalSpy status(window()->statusBar(), &QStatusBar::messageChanged);
        const quint64 since = m_admin->lastSequence();
        QVERIFY(dragAndDrop(detail, detail->rect().center(), mime.get()));
        AttachDialog* dialog = opened(dialogs);
        QVERIFY(dialog);
        // An internal note unless the agent chooses a public reply.
        QVERIFY(!dialog->isPublic());
        QTest::mouseClick(dialog->findChild<QRadioButton*>(u"publicReply"_s), Qt::LeftButton);
        QVERIFY(dialog->isPublic());
        const QString text = u"The file you asked for %1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        const QString fileName = attach(dialog, dragged, text);
        QVERIFY(!fileName.isEmpty());

        verifyTicketAttachment(remoteId, since, text, true, dragged, fileName);
        // The open conversation shows the new comment and its attachment once it is stored.
        QTRY_VERIFY_WITH_TIMEOUT(shows(detail->shownTexts(), text), 20000);
        const QString line = u"Attachment: %1 (%2, "_s.arg(fileName, dragged.file.mimeType);
        QTRY_VERIFY_WITH_TIMEOUT(shows(detail->shownTexts(), line), 10000);
        // And the status bar says so (other messages may follow it).
        const auto said = [&status, &fileName] {
            return std::any_of(status.cbegin(), status.cend(),
                               [&fileName](const QList<QVariant>& m) { return m.first().toString().contains(fileName); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(said(), 10000);
    }

    // Dropped on another ticket's row of the queue: that ticket gets the comment; the open one
    // stays open.
    void dropOnQueueRowAttachesToThatTicket()
    {
        bringToFront(u"helpdeskDock"_s);
        HelpdeskPane* pane = m_workbench->helpdeskPane();
        QTRY_VERIFY(pane->isVisible());
        const qint64 shown = pane->detailView()->ticket().id;
        const QModelIndex row = openTicket(pane, shown);
        QVERIFY(row.isValid());
        const qint64 remoteId = row.data(TicketQueueModel::RemoteIdRole).toLongLong();

        const Dragged dragged = asset(true);
        QVERIFY(dragged.id > 0);
        const std::unique_ptr<QMimeData> mime = drag(dragged);
        QSignalSpy dialogs(flow(), &AttachFlow::dialogOpened);
        const quint64 since = m_admin->lastSequence();
        QVERIFY(dropOnRow(pane->queueView(), row, mime.get()));
        AttachDialog* dialog = opened(dialogs);
        QVERIFY(dialog);
        const QString text = u"From the queue %1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        const QString fileName = attach(dialog, dragged, text);
        QVERIFY(!fileName.isEmpty());
        verifyTicketAttachment(remoteId, since, text, false, dragged, fileName);
        QCOMPARE(pane->detailView()->ticket().id, shown);
    }

    // A case chosen in the CRM tree: one asset dropped on its row, another on its detail; each
    // becomes a note with its file in the sandbox, and the detail lists both.
    void dropOnCaseRowAndDetailAddsNotes()
    {
        bringToFront(u"crmDock"_s);
        CrmPane* pane = m_workbench->crmPane();
        QTRY_VERIFY(pane->isVisible());
        QSortFilterProxyModel* tree = pane->filteredTree();
        // An active case, found in the tree the way an agent would: by typing its number.
        const auto activeCase = [tree] {
            QModelIndexList open{QModelIndex()};
            while (!open.isEmpty()) {
                const QModelIndex parent = open.takeFirst();
                for (int r = 0; r < tree->rowCount(parent); ++r) {
                    const QModelIndex i = tree->index(r, 0, parent);
                    if (i.data(CrmTreeModel::KindRole).toInt() == int(CrmTreeModel::Kind::Case)
                        && i.data(CrmTreeModel::StateRole).toInt() == 0)
                        return i.data(CrmTreeModel::LocalIdRole).toLongLong();
                    open << i;
                }
            }
            return qint64(0);
        };
        QTRY_VERIFY_WITH_TIMEOUT(activeCase() > 0, 20000);
        const Result<std::optional<SupportCase>> supportCase = CrmRepository(storage()).supportCase(activeCase());
        QVERIFY(supportCase && supportCase->has_value());
        const SupportCase c = **supportCase;
        QTest::keyClicks(pane->filterEdit(), c.ticketNumber);
        const QModelIndex row = pane->treeModel()->indexOf(CrmTreeModel::Kind::Case, c.id);
        const QModelIndex shownRow = tree->mapFromSource(row);
        QVERIFY(shownRow.isValid());
        clickRow(pane->treeView(), shownRow);
        CaseDetailView* detail = pane->detailView();
        QCOMPARE(detail->supportCase().id, c.id);
        const qsizetype before = m_admin->dynamicsNotes(c.remoteId).size();

        const Dragged dragged = asset(true);
        QVERIFY(dragged.id > 0);
        const std::unique_ptr<QMimeData> mime = drag(dragged);
        QSignalSpy dialogs(flow(), &AttachFlow::dialogOpened);
        QStringList sent;
        for (QWidget* target : {static_cast<QWidget*>(pane->treeView()), static_cast<QWidget*>(detail)}) {
            const bool dropped = target == detail ? dragAndDrop(detail, detail->rect().center(), mime.get())
                                                  : dropOnRow(pane->treeView(), shownRow, mime.get());
            QVERIFY(dropped);
            AttachDialog* dialog = opened(dialogs);
            QVERIFY(dialog);
            const QString text = u"Note %1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
            const QString fileName = attach(dialog, dragged, text);
            QVERIFY(!fileName.isEmpty());
            sent << fileName;
            QJsonObject note;
            QTRY_VERIFY_WITH_TIMEOUT(!(note = noteWith(c.remoteId, text)).isEmpty(), 30000);
            QCOMPARE(note.value(u"filename"_s).toString(), fileName);
            QCOMPARE(note.value(u"mimetype"_s).toString(), dragged.file.mimeType);
            QCOMPARE(note.value(u"documentbody_sha256"_s).toString(), sha256(dragged.bytes));
            QTRY_VERIFY_WITH_TIMEOUT(shows(detail->shownTexts(), text), 20000);
        }
        QCOMPARE(m_admin->dynamicsNotes(c.remoteId).size(), before + 2);
        const QString line = u"Attachment: %1 (%2, "_s.arg(sent.first(), dragged.file.mimeType);
        const QStringList texts = detail->shownTexts();
        QCOMPARE(std::count_if(texts.cbegin(), texts.cend(), [&line](const QString& t) { return t.startsWith(line); }),
                 std::ptrdiff_t(2));
        pane->filterEdit()->clear();
    }

    // The attached asset's "Where used" names the ticket and the case; a double-click on either
    // row brings its pane to the front with that ticket or case current: the ticket although
    // the queue showed a view without it and a filter, the case although the tree was filtered.
    void whereUsedShowsTheTicketAndTheCase()
    {
        const Dragged dragged = asset(true); // the asset the drops above attached
        QVERIFY(dragged.id > 0);
        m_workbench->libraryPane()->gridView()->setCurrentIndex(dragged.index);
        LibraryInspector* inspector = m_workbench->libraryPane()->inspector();
        QTRY_COMPARE_WITH_TIMEOUT(inspector->assetId(), dragged.id, 10000);
        QTreeWidget* uses = inspector->usesView();
        const auto useOf = [uses](const QString& kind) -> QTreeWidgetItem* {
            for (int i = 0; i < uses->topLevelItemCount(); ++i) {
                if (uses->topLevelItem(i)->data(0, LibraryInspector::UseKindRole).toString() == kind)
                    return uses->topLevelItem(i);
            }
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(useOf(u"ticket-comment"_s) && useOf(u"case-note"_s), 10000);
        const AssetDetails::Use::Location ticket =
            inspector->useLocation(uses->indexOfTopLevelItem(useOf(u"ticket-comment"_s)));
        const AssetDetails::Use::Location supportCase =
            inspector->useLocation(uses->indexOfTopLevelItem(useOf(u"case-note"_s)));
        QCOMPARE(ticket.pane, AssetDetails::Use::Location::Pane::Helpdesk);
        QCOMPARE(supportCase.pane, AssetDetails::Use::Location::Pane::Crm);
        QCOMPARE(supportCase.crmKind, CrmTreeModel::Kind::Case);

        // The helpdesk on a view that does not list the ticket, filtered, behind the CRM pane.
        bringToFront(u"helpdeskDock"_s);
        HelpdeskPane* helpdesk = m_workbench->helpdeskPane();
        HelpdeskFeed* feed = m_workbench->supportDesk()->helpdeskFeed();
        QTRY_VERIFY_WITH_TIMEOUT(helpdesk->viewChooser()->count() > 1, 20000);
        qint64 without = 0;
        for (int i = 1; i < helpdesk->viewChooser()->count() && without == 0; ++i) {
            const qint64 view = helpdesk->viewChooser()->itemData(i).toLongLong();
            QVERIFY(helpdesk->setCurrentView(view));
            QTRY_VERIFY_WITH_TIMEOUT(feed->viewId() == view && !feed->isLoading(), 10000);
            if (helpdesk->queueModel()->rowOfTicket(ticket.localId) < 0)
                without = view;
        }
        QVERIFY2(without != 0, "every Zendesk view of the sandbox lists the ticket");
        helpdesk->filterEdit()->setText(u"no such ticket"_s);
        bringToFront(u"crmDock"_s);
        const auto inFront = [this](const QString& dock) {
            return isFrontDock(window(), window()->findChild<QDockWidget*>(dock));
        };
        QTRY_VERIFY(!inFront(u"helpdeskDock"_s));

        const auto doubleClick = [uses](QTreeWidgetItem* item) {
            // On the row's first column: a narrow inspector shows little more.
            const QRect row = uses->visualItemRect(item);
            const QPoint at(row.left() + 8, row.center().y());
            QTest::mouseClick(uses->viewport(), Qt::LeftButton, {}, at);
            QTest::mouseDClick(uses->viewport(), Qt::LeftButton, {}, at);
        };
        inspector->tabs()->setCurrentWidget(uses);
        doubleClick(useOf(u"ticket-comment"_s));
        QTRY_VERIFY(inFront(u"helpdeskDock"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            helpdesk->queueView()->currentIndex().data(TicketQueueModel::LocalIdRole).toLongLong(),
            ticket.localId, 20000);
        QCOMPARE(helpdesk->currentView(), 0); // All Tickets
        QVERIFY(helpdesk->filterEdit()->text().isEmpty());
        QCOMPARE(helpdesk->detailView()->ticket().id, ticket.localId);

        CrmPane* crm = m_workbench->crmPane();
        crm->filterEdit()->setText(u"no such record"_s);
        QVERIFY(!inFront(u"crmDock"_s));
        doubleClick(useOf(u"case-note"_s));
        QTRY_VERIFY(inFront(u"crmDock"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            crm->treeView()->currentIndex().data(CrmTreeModel::LocalIdRole).toLongLong(), supportCase.localId,
            20000);
        QCOMPARE(crm->treeView()->currentIndex().data(CrmTreeModel::KindRole).toInt(),
                 int(CrmTreeModel::Kind::Case));
        QVERIFY(crm->filterEdit()->text().isEmpty());
        QCOMPARE(crm->detailView()->supportCase().id, supportCase.localId);
    }

    // A ticket beyond what the queue lists (its first HelpdeskFeed::limit() tickets; one here)
    // opens beside the queue all the same: its conversation in the detail, no row current, and
    // the status bar says why.
    void aTicketBeyondTheQueueOpensBesideIt()
    {
        LibraryInspector* inspector = m_workbench->libraryPane()->inspector();
        QTreeWidget* uses = inspector->usesView();
        HelpdeskPane* helpdesk = m_workbench->helpdeskPane();
        HelpdeskFeed* feed = m_workbench->supportDesk()->helpdeskFeed();
        feed->setLimit(1);
        feed->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!feed->isLoading() && helpdesk->queueModel()->rowCount() == 1, 10000);
        const qint64 listed = helpdesk->queueModel()->index(0, 0).data(TicketQueueModel::LocalIdRole).toLongLong();
        // The comments above went to two tickets; the queue lists one of them at most.
        QTreeWidgetItem* outside = nullptr;
        for (int i = 0; i < uses->topLevelItemCount() && !outside; ++i) {
            const AssetDetails::Use::Location l = inspector->useLocation(i);
            if (l.pane == AssetDetails::Use::Location::Pane::Helpdesk && l.localId != listed)
                outside = uses->topLevelItem(i);
        }
        QVERIFY(outside);
        const qint64 ticketId = inspector->useLocation(uses->indexOfTopLevelItem(outside)).localId;
        const Result<std::optional<Ticket>> ticket = TicketRepository(storage()).ticket(ticketId);
        QVERIFY(ticket && ticket->has_value());
        QSignalSpy status(window()->statusBar(), &QStatusBar::messageChanged);
        inspector->tabs()->setCurrentWidget(uses);
        const QRect row = uses->visualItemRect(outside);
        QTest::mouseClick(uses->viewport(), Qt::LeftButton, {}, QPoint(row.left() + 8, row.center().y()));
        QTest::mouseDClick(uses->viewport(), Qt::LeftButton, {}, QPoint(row.left() + 8, row.center().y()));
        TicketDetailView* detail = helpdesk->detailView();
        QTRY_COMPARE_WITH_TIMEOUT(detail->ticket().id, ticketId, 10000);
        QVERIFY(!helpdesk->queueView()->currentIndex().isValid());
        QTRY_VERIFY_WITH_TIMEOUT(shows(detail->shownTexts(), u"Attachment: "_s), 10000); // its conversation
        const QString number = u"Ticket #%1 "_s.arg((*ticket)->remoteId);
        QTRY_VERIFY(std::any_of(status.cbegin(), status.cend(), [&number](const QList<QVariant>& m) {
            const QString text = m.first().toString();
            return text.startsWith(number) && text.contains(u"the queue lists; its conversation is shown beside the queue"_s);
        }));

        feed->setLimit(HelpdeskFeed::kMaxTickets);
        feed->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!feed->isLoading() && helpdesk->queueModel()->rowCount() > 1, 10000);
    }

    // A non-approved asset: the dialog names the refusal, Attach stays disabled, and after
    // Cancel nothing was sent.
    void refusedAssetReachesNothing()
    {
        bringToFront(u"helpdeskDock"_s);
        HelpdeskPane* pane = m_workbench->helpdeskPane();
        QTRY_VERIFY(pane->isVisible());
        TicketDetailView* detail = pane->detailView();
        QVERIFY(detail->hasTicket());
        const Dragged refused = asset(false);
        QVERIFY2(refused.id > 0, "no refused asset with a file on disk in the library");
        const std::unique_ptr<QMimeData> mime = drag(refused);
        QSignalSpy dialogs(flow(), &AttachFlow::dialogOpened);
        const quint64 since = m_admin->lastSequence();
        QVERIFY(dragAndDrop(detail, detail->rect().center(), mime.get()));
        AttachDialog* dialog = opened(dialogs);
        QVERIFY(dialog);
        QVERIFY(dialog->acceptedAssetIds().isEmpty());
        QCOMPARE(dialog->refusals().size(), 1);
        const QString reason = dialog->findChild<QTreeWidget*>(u"assetList"_s)->topLevelItem(0)->text(3);
        QVERIFY2(!reason.isEmpty(), "the refusal gives no reason");
        QDialogButtonBox* buttons = dialog->findChild<QDialogButtonBox*>();
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
        const QPointer<AttachDialog> closing = dialog;
        QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!closing || !closing->isVisible());
        QTest::qWait(500); // a job, had one started, would have spoken to the sandbox by now
        for (const QString& method : {u"POST"_s, u"PUT"_s})
            QCOMPARE(m_admin->journaled(u"zendesk"_s, since, method, u"/api/v2/"_s).size(), 0);
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        m_workbench.reset(); // ends the sandbox before the temporary home goes
    }
};

QTEST_MAIN(TestSupportDrag)
#include "tst_supportdrag.moc"
