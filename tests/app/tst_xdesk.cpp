#include "composeflow.h"
#include "dockfront.h"
#include "workbench.h"
#include "workspacesession.h"
#include "xdesk.h"

#include "core/rightsgate.h"
#include "models/jobsmodel.h"
#include "models/libraryitem.h"
#include "models/librarymodel.h"
#include "models/xpostlistmodel.h"
#include "models/xqueuemodel.h"
#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/jobrepository.h"
#include "storage/lineagerepository.h"
#include "storage/postrepository.h"
#include "storage/storage.h"
#include "sync/xoutbox.h"
#include "widgets/composerattachmenteditor.h"
#include "widgets/composerdialog.h"
#include "widgets/librarygridview.h"
#include "widgets/libraryinspector.h"
#include "widgets/librarypane.h"
#include "widgets/mainwindow.h"
#include "widgets/xaccountcolumn.h"
#include "widgets/xpane.h"

#include <QCryptographicHash>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrlQuery>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

// The X pane in the whole workbench, offscreen, on the embedded sandbox: a column per X account,
// remembered per workspace; an asset dragged from the library onto a column is posted by the
// workbench's own publisher and shows up in the column and in the asset's lineage.
class TestXDesk : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    QNetworkAccessManager m_nam;

    WorkbenchOptions options(const QString& name) const
    {
        WorkbenchOptions o;
        o.workspace = m_home.filePath(name);
        o.sandboxExecutable = qEnvironmentVariable("ASSETDESK_SANDBOX_EXE");
        return o;
    }
    static int syncsDone(MainWindow* window)
    {
        QAbstractItemModel* jobs =
            window->findChild<QDockWidget*>(u"jobsDock"_s)->widget()->findChild<QTreeView*>()->model();
        int n = 0;
        for (int row = 0; row < jobs->rowCount(); ++row) {
            n += jobs->index(row, JobsModel::TitleColumn).data().toString().startsWith(u"Sync: "_s)
                && JobState(jobs->index(row, 0).data(JobsModel::StateRole).toInt()) == JobState::Succeeded;
        }
        return n;
    }
    // The sandbox's own record of X posts with exactly this text (its admin view).
    int sandboxPosts(const QUrl& admin, const QString& text)
    {
        QUrl url = admin;
        url.setPath(u"/admin/services/x/posts"_s);
        QUrlQuery q;
        q.addQueryItem(u"text_sha256"_s,
                       QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex()));
        url.setQuery(q);
        QNetworkReply* reply = m_nam.get(QNetworkRequest(url));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            return -1;
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object().value(u"total"_s).toInt(-1);
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("ASSETDESK_SANDBOX_EXE").isEmpty())
            QFAIL("ASSETDESK_SANDBOX_EXE is not set: run through ctest.");
        if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty())
            QFAIL("No D-Bus session: run inside the keyring session of scripts/run-tests.sh.");
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
        QCoreApplication::setOrganizationName(u"AssetDeskTest"_s);
        QCoreApplication::setApplicationName(u"AssetDeskXDesk"_s);
        // "Publish now" without the undo window: the test waits for the post, not the window.
        QSettings().setValue(u"publishing/undoWindowSeconds"_s, 0);
    }

    // Must show (issue 4): drag an asset from the library model onto an account column, compose,
    // publish, and find the post in the column and the lineage asset -> post.
    void dragAssetOntoColumnPublishesIt()
    {
        Workbench workbench(options(u"drag.sqlite3"_s));
        QSignalSpy active(&workbench, &Workbench::workspaceActive);
        workbench.start();
        QVERIFY(active.wait(30000));
        XPane* pane = workbench.xPane();
        QVERIFY(pane && workbench.xDesk());
        QTRY_COMPARE_WITH_TIMEOUT(pane->columns().size(), 3, 20000); // the sandbox's three X accounts
        QTRY_VERIFY_WITH_TIMEOUT(syncsDone(workbench.window()) == 2, 60000);
        LibraryModel* assets = workbench.libraryPane()->assets();
        QTRY_VERIFY_WITH_TIMEOUT(!assets->isSearching() && assets->rowCount() > 0, 20000);
        // An asset the rights gate lets through, with a local file to upload (its thumbnail).
        Storage& storage = workbench.xDesk()->session().storage();
        int row = -1;
        for (int r = 0; r < assets->rowCount() && row < 0; ++r) {
            const Result<std::optional<Asset>> asset = AssetRepository(storage).get(assets->ids().at(r));
            if (asset && asset->has_value() && RightsGate::check(**asset, QDateTime::currentDateTimeUtc())
                && LibraryItem::largestLocalRendition(**asset))
                row = r;
        }
        QVERIFY(row >= 0);
        const QModelIndex dragged = assets->index(row, 0);
        const qint64 assetId = assets->ids().at(row);

        // The drag: the library model's own MIME data, dropped on the first column.
        const qint64 accountId = pane->columns().first();
        XAccountColumn* column = pane->column(accountId);
        std::unique_ptr<QMimeData> mime(assets->mimeData({dragged}));
        QVERIFY(mime);
        QSignalSpy compose(workbench.xDesk(), &XDesk::composeRequested);
        QSignalSpy queued(workbench.xDesk()->composeFlow(), &ComposeFlow::queued);
        const QPoint at = column->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction | Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(column, &enter);
        QVERIFY(enter.isAccepted());
        QVERIFY(column->hasDropHighlight());
        QDropEvent drop(QPointF(at), Qt::CopyAction | Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(column, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(!column->hasDropHighlight());
        QCOMPARE(compose.size(), 1);
        QCOMPARE(compose.first().at(0).value<QList<qint64>>(), QList<qint64>{accountId});
        QCOMPARE(compose.first().at(1).value<QList<qint64>>(), QList<qint64>{assetId});

        // The composer opens with the asset attached: text, alt text, Publish.
        ComposerDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = workbench.window()->findChild<ComposerDialog*>()) && dialog->isVisible(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->attachmentEditors().size(), 1, 5000);
        const QString text = u"From the library %1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
        dialog->editor()->selectAll();
        QTest::keyClicks(dialog->editor(), text);
        QTest::keyClicks(dialog->attachmentEditors().first()->altTextEdit(), u"The photo from the library"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->publishButton()->isEnabled(), 5000);
        dialog->publishButton()->click();
        QVERIFY(queued.wait(10000));
        const qint64 jobId = queued.first().first().value<QList<qint64>>().value(0);
        QVERIFY(jobId > 0);
        const Result<std::optional<OutboxJob>> job = JobRepository(storage).get(jobId);
        QVERIFY(job && job->has_value());
        const XPublishPayload payload = XPublishPayload::fromJson((*job)->payload).value();
        QCOMPARE(payload.text, text);
        QCOMPARE(payload.accountId, accountId);
        QCOMPARE(payload.allAssetIds(), QList<qint64>{assetId});
        QCOMPARE(payload.media.size(), 1);

        // The workbench's publisher sends it; it leaves the queue and shows in the column.
        XPostListModel* posts = workbench.xDesk()->posts(accountId);
        QVERIFY(posts);
        const auto postRow = [&] {
            for (int r = 0; r < posts->rowCount(); ++r) {
                if (posts->index(r).data().toString() == text)
                    return r;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(postRow() >= 0, 20000);
        QVERIFY(posts->index(postRow()).data(XPostListModel::FromOutboxRole).toBool());
        QCOMPARE(workbench.xDesk()->queue(accountId)->rowOfJob(jobId), -1);
        QCOMPARE(sandboxPosts(workbench.sandboxAdminUrl(), text), 1);
        QCOMPARE(posts->index(postRow()).data(XPostListModel::MediaCountRole).toInt(), 1);
        // X's timeline then brings its counters into the same row.
        QTRY_VERIFY_WITH_TIMEOUT(posts->index(postRow()).data(XPostListModel::LikesRole).isValid(), 15000);

        // The lineage asset -> post, as the library inspector's "Where used" shows it.
        const std::optional<Post> post = PostRepository(storage).findByClientUuid((*job)->clientUuid).value();
        QVERIFY(post);
        const QList<LineageNode> uses = LineageRepository(storage).usesOfAsset(assetId).value();
        QVERIFY(std::any_of(uses.cbegin(), uses.cend(), [&](const LineageNode& n) {
            return n.kind == LineageEdge::NodeKind::Post && n.id == post->id;
        }));
        workbench.libraryPane()->gridView()->setCurrentIndex(dragged);
        LibraryInspector* inspector = workbench.libraryPane()->inspector();
        QTRY_COMPARE_WITH_TIMEOUT(inspector->assetId(), assetId, 10000);
        const std::optional<Account> account = AccountRepository(storage).get(accountId).value();
        QVERIFY(account);
        const auto postItem = [inspector, &post]() -> QTreeWidgetItem* {
            QTreeWidget* view = inspector->usesView();
            for (int i = 0; i < view->topLevelItemCount(); ++i) {
                QTreeWidgetItem* item = view->topLevelItem(i);
                if (item->data(0, LibraryInspector::UseKindRole).toString() == u"post"_s &&
                    item->data(0, LibraryInspector::UseIdRole).toLongLong() == post->id)
                    return item;
            }
            return nullptr;
        };
        // In words: which account it went out on, and its text.
        const auto shown = [&postItem, &account, &text] {
            const QTreeWidgetItem* item = postItem();
            return item && item->text(0) == u"X post on "_s + account->handle() && item->text(1) == text;
        };
        QTRY_VERIFY_WITH_TIMEOUT(shown(), 10000);

        // A double-click on the row shows the post where it lives: the X pane in front (it shares
        // its side with the helpdesk), its column back although it was closed, the post current
        // in the column's Posts tab.
        pane->removeColumn(accountId);
        QVERIFY(!pane->column(accountId));
        auto* xDock = workbench.window()->findChild<QDockWidget*>(u"xDock"_s);
        workbench.window()->findChild<QDockWidget*>(u"helpdeskDock"_s)->raise();
        QTRY_VERIFY(!GuiTest::isFrontDock(workbench.window(), xDock));
        inspector->tabs()->setCurrentWidget(inspector->usesView());
        QTreeWidget* usesView = inspector->usesView();
        // On the row's first column: a narrow inspector shows little more.
        const QRect rowRect = usesView->visualItemRect(postItem());
        const QPoint onRow(rowRect.left() + 8, rowRect.center().y());
        QTest::mouseClick(usesView->viewport(), Qt::LeftButton, {}, onRow);
        QTest::mouseDClick(usesView->viewport(), Qt::LeftButton, {}, onRow);
        QTRY_VERIFY(GuiTest::isFrontDock(workbench.window(), xDock));
        const auto current = [pane, accountId]() -> QString {
            XAccountColumn* c = pane->column(accountId);
            if (!c || c->currentTab() != XAccountColumn::Tab::Posts)
                return {};
            return c->view(XAccountColumn::Tab::Posts)
                ->currentIndex()
                .data(XPostListModel::RemoteIdRole)
                .toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(current(), post->remoteId, 10000);
        QVERIFY(pane->columns().contains(accountId));
    }

    // The columns' set and order are remembered per workspace.
    void columnsAreRemembered()
    {
        QList<qint64> order;
        {
            Workbench workbench(options(u"columns.sqlite3"_s));
            QSignalSpy active(&workbench, &Workbench::workspaceActive);
            workbench.start();
            QVERIFY(active.wait(30000));
            XPane* pane = workbench.xPane();
            QTRY_COMPARE_WITH_TIMEOUT(pane->columns().size(), 3, 20000);
            const QList<qint64> all = pane->columns();
            pane->removeColumn(all.at(0));
            pane->moveColumn(all.at(2), -1);
            order = {all.at(2), all.at(1)};
            QCOMPARE(pane->columns(), order);
        }
        Workbench again(options(u"columns.sqlite3"_s));
        QSignalSpy active(&again, &Workbench::workspaceActive);
        again.start();
        QVERIFY(active.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(again.xPane()->columns(), order, 20000);
    }
};

QTEST_MAIN(TestXDesk)
#include "tst_xdesk.moc"
