#include "models/accountsmodel.h"
#include "models/assetdragdata.h"
#include "models/xpostlistmodel.h"
#include "models/xqueuemodel.h"
#include "widgets/servicepane.h"
#include "widgets/xaccountcolumn.h"
#include "widgets/xpane.h"

#include <QAction>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabBar>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

namespace {
Account account(qint64 id, Service service, const QString& label)
{
    Account a;
    a.id = id;
    a.service = service;
    a.label = label;
    a.remoteUserName = label.toLower();
    return a;
}

// What the library puts in a drag.
QMimeData* assetDrag(const QList<qint64>& ids)
{
    QList<AssetDragData::DraggedAsset> assets;
    for (qint64 id : ids)
        assets.append({id, 9, Service::PhotoShelter, {}});
    return AssetDragData::create(assets);
}

// Drags `mime` onto the column and drops it, as a user's drag and drop delivers it.
bool dropOn(XAccountColumn* column, const QMimeData* mime, bool drop = true)
{
    const QPoint pos = column->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(column, &enter);
    if (!enter.isAccepted())
        return false;
    if (!drop)
        return true;
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(column, &dropEvent);
    return dropEvent.isAccepted();
}

void clickHeader(XAccountColumn* column, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::mouseClick(column->header(), Qt::LeftButton, modifiers, QPoint(5, 5));
}
} // namespace

// The X pane: a column per chosen X account; add, remove, reorder; drops of library assets on one
// column or on a selection of several; the queue's actions.
class TestXPane : public QObject
{
    Q_OBJECT
private:
    AccountsModel m_accounts;
    XPostListModel m_posts;
    XPostListModel m_mentions;
    XQueueModel m_queue;

    XPane::ModelProvider provider()
    {
        return [this](qint64) { return XPane::ColumnModels{&m_posts, &m_mentions, &m_queue}; };
    }

private slots:
    void initTestCase()
    {
        m_accounts.setAccounts({account(1, Service::X, u"Global"_s), account(2, Service::X, u"DE"_s),
                                account(3, Service::X, u"FR"_s), account(4, Service::PhotoShelter, u"Photos"_s)});
    }

    void showsChosenAccountsAndOffersTheOthers()
    {
        XPane pane(&m_accounts);
        pane.resize(1000, 600);
        pane.show();
        QSignalSpy changed(&pane, &XPane::columnsChanged);
        pane.setColumns({3, 4, 1, 77}, provider()); // not X, and gone: skipped
        QCOMPARE(pane.columns(), (QList<qint64>{3, 1}));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(pane.addableAccounts(), QList<qint64>{2});
        XAccountColumn* fr = pane.column(3);
        QCOMPARE(fr->handle(), u"@fr"_s);
        QCOMPARE(fr->view(XAccountColumn::Tab::Posts)->model(), &m_posts);
        QCOMPARE(fr->view(XAccountColumn::Tab::Queue)->model(), &m_queue);

        // Add Column lists what is not shown.
        emit pane.addColumnMenu()->aboutToShow();
        auto* add = pane.addColumnMenu()->findChild<QAction*>(u"addColumn2"_s);
        QVERIFY(add);
        add->trigger();
        QCOMPARE(pane.columns(), (QList<qint64>{3, 1, 2}));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.last().first().value<QList<qint64>>(), (QList<qint64>{3, 1, 2}));
        QVERIFY(pane.addableAccounts().isEmpty());

        // Reordered from the column's menu, then removed.
        pane.column(2)->columnMenu()->findChild<QAction*>(u"moveLeftAction"_s)->trigger();
        QCOMPARE(pane.columns(), (QList<qint64>{3, 2, 1}));
        pane.column(3)->columnMenu()->findChild<QAction*>(u"moveLeftAction"_s)->trigger(); // already first
        pane.column(3)->columnMenu()->findChild<QAction*>(u"moveRightAction"_s)->trigger();
        QCOMPARE(pane.columns(), (QList<qint64>{2, 3, 1}));
        pane.column(3)->columnMenu()->findChild<QAction*>(u"removeColumnAction"_s)->trigger();
        QCOMPARE(pane.columns(), (QList<qint64>{2, 1}));
        QCOMPARE(changed.last().first().value<QList<qint64>>(), (QList<qint64>{2, 1}));
        QCOMPARE(pane.addableAccounts(), QList<qint64>{3});
        // The layout follows the order.
        QTRY_VERIFY(pane.column(2)->x() < pane.column(1)->x());

        // A header dragged onto another column takes that column's place.
        QMimeData header;
        header.setData(XAccountColumn::columnMimeType(), QByteArray::number(1));
        QVERIFY(dropOn(pane.column(2), &header));
        QCOMPARE(pane.columns(), (QList<qint64>{1, 2}));
        QCOMPARE(changed.last().first().value<QList<qint64>>(), (QList<qint64>{1, 2}));
        QVERIFY(!pane.column(2)->hasDropHighlight());

        // An account removed from the workspace loses its column.
        m_accounts.setAccounts({account(1, Service::X, u"Global"_s), account(3, Service::X, u"FR"_s)});
        QTRY_COMPARE(pane.columns(), QList<qint64>{1});
        QCOMPARE(changed.last().first().value<QList<qint64>>(), QList<qint64>{1});
        m_accounts.setAccounts({account(1, Service::X, u"Global"_s), account(2, Service::X, u"DE"_s),
                                account(3, Service::X, u"FR"_s), account(4, Service::PhotoShelter, u"Photos"_s)});
    }

    // A post named from elsewhere (the library's "Where used"): its column's Posts tab comes
    // forward with the post current; an unknown post or an account without a column shows nothing.
    void showPostMakesThePostCurrentInItsColumn()
    {
        XPostListModel posts;
        XQueueModel queue;
        XPostListModel mentions;
        QList<PublishedPost> published;
        for (int n = 0; n < 60; ++n) {
            PublishedPost p;
            p.id = QString::number(1790000000000000000LL + n);
            p.text = u"Post %1"_s.arg(n);
            p.createdAt = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).addSecs(n * 60);
            published << p;
        }
        posts.mergeRemote(published);
        XPane pane(&m_accounts);
        pane.resize(700, 400);
        pane.show();
        pane.setColumns({1, 2}, [&](qint64 account) {
            return account == 2 ? XPane::ColumnModels{&posts, &mentions, &queue}
                                : XPane::ColumnModels{&m_posts, &m_mentions, &m_queue};
        });
        XAccountColumn* de = pane.column(2);
        de->setCurrentTab(XAccountColumn::Tab::Queue);

        const QString oldest = published.first().id; // listed last: newest first
        QVERIFY(pane.showPost(2, oldest));
        QCOMPARE(de->currentTab(), XAccountColumn::Tab::Posts);
        QListView* view = de->view(XAccountColumn::Tab::Posts);
        QCOMPARE(view->currentIndex().data(XPostListModel::RemoteIdRole).toString(), oldest);
        QCOMPARE(view->currentIndex().row(), 59);
        QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(view->currentIndex())));

        QVERIFY(!pane.showPost(2, u"1"_s));
        QVERIFY(!pane.showPost(3, oldest)); // no column for it
        QCOMPARE(view->currentIndex().row(), 59);
    }

    void dropOnOneColumnOrOnTheSelection()
    {
        XPane pane(&m_accounts);
        pane.resize(1000, 600);
        pane.show();
        pane.setColumns({1, 2, 3}, provider());
        QSignalSpy compose(&pane, &XPane::composeRequested);
        std::unique_ptr<QMimeData> drag(assetDrag({41, 42}));

        // Nothing selected: the column under the drop.
        QVERIFY(dropOn(pane.column(2), drag.get()));
        QCOMPARE(compose.size(), 1);
        QCOMPARE(compose.last().at(0).value<QList<qint64>>(), QList<qint64>{2});
        QCOMPARE(compose.last().at(1).value<QList<qint64>>(), (QList<qint64>{41, 42}));

        // Ctrl-click selects several; a drop on one of them reaches all, in column order.
        clickHeader(pane.column(3), Qt::ControlModifier);
        clickHeader(pane.column(1), Qt::ControlModifier);
        QCOMPARE(pane.selectedColumns(), (QList<qint64>{1, 3}));
        // While dragging, every column the drop would reach is highlighted, and only those.
        QVERIFY(dropOn(pane.column(3), drag.get(), false));
        QVERIFY(pane.column(1)->hasDropHighlight());
        QVERIFY(pane.column(3)->hasDropHighlight());
        QVERIFY(!pane.column(2)->hasDropHighlight());
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(pane.column(3), &leave);
        QVERIFY(!pane.column(1)->hasDropHighlight() && !pane.column(3)->hasDropHighlight());

        QVERIFY(dropOn(pane.column(3), drag.get()));
        QCOMPARE(compose.last().at(0).value<QList<qint64>>(), (QList<qint64>{1, 3}));
        QVERIFY(!pane.column(3)->hasDropHighlight());
        // A drop on a column outside the selection is for that column alone.
        QVERIFY(dropOn(pane.column(2), drag.get()));
        QCOMPARE(compose.last().at(0).value<QList<qint64>>(), QList<qint64>{2});

        // A plain click selects one column; clicking it again clears the selection.
        clickHeader(pane.column(2));
        QCOMPARE(pane.selectedColumns(), QList<qint64>{2});
        clickHeader(pane.column(2));
        QVERIFY(pane.selectedColumns().isEmpty());

        // Anything that is not library assets is refused.
        QMimeData text;
        text.setText(u"hello"_s);
        QVERIFY(!dropOn(pane.column(1), &text));
        QCOMPARE(compose.size(), 3);
    }

    void queueActionsFollowTheJobsState()
    {
        XQueueModel queue;
        XPostListModel posts;
        XPane pane(&m_accounts);
        pane.setColumns({2}, [&](qint64) { return XPane::ColumnModels{&posts, &posts, &queue}; });
        pane.show();
        XAccountColumn* column = pane.column(2);
        column->setCurrentTab(XAccountColumn::Tab::Queue);
        XQueueModel::Item failed;
        failed.jobId = 7;
        failed.state = XQueueModel::State::Failed;
        failed.reason = u"The media was refused"_s;
        XQueueModel::Item running;
        running.jobId = 8;
        running.state = XQueueModel::State::Publishing;
        XQueueModel::Item scheduled;
        scheduled.jobId = 9;
        scheduled.state = XQueueModel::State::Scheduled;
        queue.setItems({failed, running, scheduled});
        auto* tabs = column->findChild<QTabBar*>();
        QCOMPARE(tabs->tabText(2), u"Queue (3)"_s);

        auto* retry = column->findChild<QPushButton*>(u"retryButton"_s);
        auto* edit = column->findChild<QPushButton*>(u"editButton"_s);
        auto* cancel = column->findChild<QPushButton*>(u"cancelButton"_s);
        QVERIFY(!retry->isEnabled() && !edit->isEnabled() && !cancel->isEnabled()); // nothing chosen
        QListView* view = column->view(XAccountColumn::Tab::Queue);
        QSignalSpy retried(&pane, &XPane::retryRequested);
        QSignalSpy edited(&pane, &XPane::editRequested);
        QSignalSpy cancelled(&pane, &XPane::cancelRequested);

        view->setCurrentIndex(queue.index(0));
        QVERIFY(retry->isEnabled() && edit->isEnabled() && cancel->isEnabled());
        retry->click();
        QCOMPARE(retried.size(), 1);
        QCOMPARE(retried.first().at(0).toLongLong(), 2);
        QCOMPARE(retried.first().at(1).toLongLong(), 7);

        view->setCurrentIndex(queue.index(1)); // being published: hands off
        QVERIFY(!retry->isEnabled() && !edit->isEnabled() && !cancel->isEnabled());

        view->setCurrentIndex(queue.index(2));
        QVERIFY(!retry->isEnabled() && edit->isEnabled() && cancel->isEnabled());
        cancel->click();
        edit->click();
        QCOMPARE(cancelled.first().at(1).toLongLong(), 9);
        QCOMPARE(edited.first().at(1).toLongLong(), 9);

        queue.setItems({scheduled});
        QCOMPARE(tabs->tabText(2), u"Queue (1)"_s);
    }

    // The X dock keeps its empty state without X accounts and shows the pane with them.
    // A translation longer than English widens the column rather than hiding a tab behind
    // scroll arrows.
    void columnFitsItsTranslatedTabs()
    {
        class LongWords : public QTranslator
        {
        public:
            bool isEmpty() const override { return false; }
            QString translate(const char* context, const char* source, const char*, int) const override
            {
                if (qstrcmp(context, "AssetDesk::XAccountColumn") == 0 && qstrcmp(source, "Mentions") == 0)
                    return u"Erwähnungen und Antworten auf Beiträge"_s;
                return {};
            }
        } longWords;
        QVERIFY(QCoreApplication::installTranslator(&longWords));
        XAccountColumn column(7);
        column.show();
        QVERIFY(QTest::qWaitForWindowExposed(&column));
        auto* tabs = column.findChild<QTabBar*>();
        QCOMPARE(tabs->tabText(1), u"Erwähnungen und Antworten auf Beiträge"_s);
        QVERIFY2(column.minimumWidth() > 260, qPrintable(QString::number(column.minimumWidth())));
        column.resize(column.minimumWidth(), 400);
        QTRY_COMPARE(tabs->width(), tabs->sizeHint().width());
        for (int i = 0; i < tabs->count(); ++i)
            QVERIFY(tabs->rect().contains(tabs->tabRect(i)));
        QCoreApplication::removeTranslator(&longWords);
    }

    // A column goes by the account's handle with exactly one "@", whether the connector stored it
    // with one or not; an account never tested has no handle yet and goes by its plain label.
    // A connection test's answer renames the column.
    void columnNamesItsAccountByHandleOrLabel()
    {
        AccountsModel accounts;
        Account stored = account(1, Service::X, u"Global"_s);
        stored.remoteUserName = u"@acme"_s;
        Account bare = account(2, Service::X, u"DE"_s);
        Account untested = account(3, Service::X, u"Brand Japan"_s);
        untested.remoteUserName.clear();
        accounts.setAccounts({stored, bare, untested});
        XPane pane(&accounts);
        pane.setColumns({1, 2, 3}, provider());
        QCOMPARE(pane.column(1)->handle(), u"@acme"_s);
        QCOMPARE(pane.column(2)->handle(), u"@de"_s);
        QCOMPARE(pane.column(3)->handle(), u"Brand Japan"_s);

        ConnectionInfo info;
        info.userName = u"@acme_jp"_s;
        accounts.setConnected(3, info);
        QTRY_COMPARE(pane.column(3)->handle(), u"@acme_jp"_s);
    }

    void replacesTheServicePanesContent()
    {
        AccountsModel accounts;
        ServicePane dock(ServiceCategory::Social, u"X"_s, &accounts);
        auto* pane = new XPane(&accounts);
        dock.setContent(pane);
        dock.show();
        auto* stack = dock.findChild<QStackedWidget*>();
        QCOMPARE(stack->currentIndex(), 0);
        QVERIFY(!pane->isVisible());
        accounts.setAccounts({account(5, Service::X, u"Global"_s)});
        QCOMPARE(stack->currentIndex(), 1);
        QVERIFY(pane->isVisible());
        QCOMPARE(pane->addableAccounts(), QList<qint64>{5});
        QTRY_VERIFY(pane->findChild<QToolButton*>(u"addColumnButton"_s)->isEnabled());
    }
};

QTEST_MAIN(TestXPane)
#include "tst_xpane.moc"
