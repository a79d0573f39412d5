#include "models/accountsmodel.h"
#include "models/assetdragdata.h"
#include "models/crmtreemodel.h"
#include "widgets/assetdroptreeview.h"
#include "widgets/casedetailview.h"
#include "widgets/crmpane.h"
#include "widgets/emptyviewhint.h"

#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QToolButton>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

namespace {
using Kind = CrmTreeModel::Kind;

std::unique_ptr<QMimeData> assetDrag(const QList<qint64>& ids)
{
    QList<AssetDragData::DraggedAsset> assets;
    for (qint64 id : ids)
        assets.append({id, 9, Service::Iconik, {}});
    return std::unique_ptr<QMimeData>(AssetDragData::create(assets));
}

bool dropAt(QWidget* target, const QPoint& pos, const QMimeData* mime)
{
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

CrmSnapshot snapshot()
{
    CrmSnapshot s;
    CrmAccount northwind;
    northwind.id = 1;
    northwind.name = u"Northwind"_s;
    Opportunity deal;
    deal.id = 11;
    deal.name = u"Booth graphics"_s;
    SupportCase claim;
    claim.id = 21;
    claim.accountId = 8;
    claim.title = u"Warranty claim"_s;
    claim.priority = 1;
    s.customers << CrmSnapshot::Customer{northwind, {deal}, {claim}};
    CrmCampaign campaign;
    campaign.id = 31;
    campaign.name = u"Spring Launch"_s;
    s.campaigns << campaign;
    return s;
}
} // namespace

// The CRM pane offscreen: drops on a case, a customer, an opportunity (and not on a campaign),
// the case detail as plain text.
class TestCrmPane : public QObject
{
    Q_OBJECT
private:
    AccountsModel m_accounts;

private slots:
    void initTestCase()
    {
        Account dynamics;
        dynamics.id = 8;
        dynamics.service = Service::Dynamics;
        dynamics.label = u"Contoso CRM"_s;
        m_accounts.setAccounts({dynamics});
    }

    void dropsReachTheRecordUnderThePointer()
    {
        CrmTreeModel tree;
        tree.setSnapshot(8, snapshot());
        CrmPane pane(&m_accounts);
        pane.setTreeModel(&tree);
        pane.resize(900, 600);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.treeView()->expandAll();
        QCOMPARE(pane.currentAccount(), 8);

        QSignalSpy onCase(&pane, &CrmPane::assetsDroppedOnCase);
        QSignalSpy onCustomer(&pane, &CrmPane::assetsDroppedOnCustomer);
        AssetDropTreeView* view = pane.treeView();
        const auto rowOf = [&](Kind kind, qint64 id) {
            const QModelIndex source = tree.indexOf(kind, id);
            return view->visualRect(pane.filteredTree()->mapFromSource(source)).center();
        };
        const auto drag = assetDrag({5, 6});

        QVERIFY(dropAt(view->viewport(), rowOf(Kind::Case, 21), drag.get()));
        QCOMPARE(onCase.count(), 1);
        QCOMPARE(onCase.at(0).at(0).toLongLong(), 8);
        QCOMPARE(onCase.at(0).at(1).toLongLong(), 21);
        QCOMPARE(onCase.at(0).at(2).value<QList<qint64>>(), (QList<qint64>{5, 6}));

        QVERIFY(dropAt(view->viewport(), rowOf(Kind::Customer, 1), drag.get()));
        QVERIFY(dropAt(view->viewport(), rowOf(Kind::Opportunity, 11), drag.get()));
        QCOMPARE(onCustomer.count(), 2);
        QCOMPARE(onCustomer.at(0).at(1).toString(), u"account"_s);
        QCOMPARE(onCustomer.at(0).at(2).toLongLong(), 1);
        QCOMPARE(onCustomer.at(1).at(1).toString(), u"opportunity"_s);
        QCOMPARE(onCustomer.at(1).at(2).toLongLong(), 11);

        // Campaigns take collections (a flow of their own), not dropped assets; groups nothing.
        QVERIFY(!dropAt(view->viewport(), rowOf(Kind::Campaign, 31), drag.get()));
        QVERIFY(!dropAt(view->viewport(), view->visualRect(pane.filteredTree()->index(0, 0)).center(), drag.get()));
        QCOMPARE(onCase.count() + onCustomer.count(), 3);
    }

    void caseDetailTakesDropsAndShowsText()
    {
        CrmTreeModel tree;
        tree.setSnapshot(8, snapshot());
        CrmPane pane(&m_accounts);
        pane.setTreeModel(&tree);
        pane.resize(900, 600);
        pane.show();
        QSignalSpy chosen(&pane, &CrmPane::caseChosen);
        QSignalSpy onCase(&pane, &CrmPane::assetsDroppedOnCase);
        pane.treeView()->setCurrentIndex(pane.filteredTree()->mapFromSource(tree.indexOf(Kind::Case, 21)));
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(1).toLongLong(), 21);

        CaseDetail detail;
        detail.supportCase.id = 21;
        detail.supportCase.accountId = 8;
        detail.supportCase.title = u"Warranty claim"_s;
        detail.supportCase.description = u"<img src=\"http://x.invalid/p.gif\">Cracked casing"_s;
        CaseNote note;
        note.subject = u"Photo"_s;
        note.text = u"<b>see</b> attached"_s;
        note.fileName = u"crack.jpg"_s;
        note.mimeType = u"image/jpeg"_s;
        note.fileSize = 5 * 1024 * 1024;
        detail.notes = {note};
        CaseDetailView* view = pane.detailView();
        view->showDetail(detail);
        const QStringList texts = view->shownTexts();
        QVERIFY(texts.contains(detail.supportCase.description));
        QVERIFY(texts.contains(note.text));
        QVERIFY(std::any_of(texts.begin(), texts.end(),
                            [](const QString& t) { return t.contains(u"crack.jpg"_s) && t.contains(u"image/jpeg"_s); }));
        for (const QLabel* label : view->findChildren<QLabel*>())
            QCOMPARE(label->textFormat(), Qt::PlainText);

        const auto drag = assetDrag({77});
        QVERIFY(dropAt(view, view->rect().center(), drag.get()));
        QCOMPARE(onCase.count(), 1);
        QCOMPARE(onCase.at(0).at(0).toLongLong(), 8);
        QCOMPARE(onCase.at(0).at(1).toLongLong(), 21);
        QCOMPARE(onCase.at(0).at(2).value<QList<qint64>>(), QList<qint64>{77});
    }

    // A note Dynamics says holds a document has an "Open" button that asks for that note.
    void noteFilesOpenFromTheCase()
    {
        CrmPane pane(&m_accounts);
        CaseDetail detail;
        detail.supportCase.id = 21;
        detail.supportCase.accountId = 8;
        CaseNote withFile;
        withFile.accountId = 8;
        withFile.remoteId = u"0b6f3c1e-1111-4e7b-9d2a-5f0c2a9e0001"_s;
        withFile.fileName = u"crack.jpg"_s;
        withFile.mimeType = u"image/jpeg"_s;
        withFile.fileSize = 2048;
        withFile.isDocument = true;
        CaseNote named = withFile; // a file name but no document: nothing to fetch
        named.remoteId = u"0b6f3c1e-1111-4e7b-9d2a-5f0c2a9e0002"_s;
        named.isDocument = false;
        detail.notes = {named, withFile};
        pane.detailView()->showDetail(detail);

        const QList<QToolButton*> buttons =
            pane.detailView()->findChildren<QToolButton*>(u"openAttachment"_s);
        QCOMPARE(buttons.size(), 1);
        QSignalSpy requested(&pane, &CrmPane::noteFileOpenRequested);
        buttons.first()->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().value<CaseNote>(), withFile);
    }

    // A record named from elsewhere (the library's "Where used") becomes the current row, its
    // customer expanded, even when the text filter hid it; a case opens in the detail.
    void showRecordExpandsAndSelectsIt()
    {
        CrmTreeModel tree;
        tree.setSnapshot(8, snapshot());
        CrmPane pane(&m_accounts);
        pane.setTreeModel(&tree);
        pane.resize(900, 600);
        pane.show();
        QSignalSpy chosen(&pane, &CrmPane::caseChosen);
        pane.treeView()->collapseAll();
        pane.filterEdit()->setText(u"spring"_s); // only the campaign
        QVERIFY(pane.showRecord(Kind::Case, 21));
        QVERIFY(pane.filterEdit()->text().isEmpty());
        const QModelIndex current = pane.treeView()->currentIndex();
        QCOMPARE(current.data(CrmTreeModel::LocalIdRole).toLongLong(), 21);
        QVERIFY(pane.treeView()->isExpanded(current.parent()));
        QCOMPARE(current.parent().data().toString(), u"Northwind"_s);
        QCOMPARE(pane.detailView()->supportCase().id, 21);
        QCOMPARE(chosen.size(), 1);

        QVERIFY(pane.showRecord(Kind::Opportunity, 11));
        QCOMPARE(pane.treeView()->currentIndex().data().toString(), u"Booth graphics"_s);
        QVERIFY(!pane.showRecord(Kind::Event, 11)); // no such event
        QVERIFY(!pane.showRecord(Kind::Case, 99));
        QCOMPARE(pane.treeView()->currentIndex().data().toString(), u"Booth graphics"_s);
    }

    void filterKeepsTheCustomerOfAMatch()
    {
        CrmTreeModel tree;
        tree.setSnapshot(8, snapshot());
        CrmPane pane(&m_accounts);
        pane.setTreeModel(&tree);
        pane.filterEdit()->setText(u"warranty"_s);
        const QAbstractItemModel* shown = pane.filteredTree();
        QCOMPARE(shown->rowCount(), 1); // Customers only
        const QModelIndex customer = shown->index(0, 0, shown->index(0, 0));
        QCOMPARE(customer.data().toString(), u"Northwind"_s);
        QCOMPARE(shown->rowCount(customer), 1);
        QCOMPARE(shown->index(0, 0, customer).data().toString(), u"Warranty claim"_s);

        // Nothing left: the tree says so, naming the words.
        auto* hint = pane.treeView()->viewport()->findChild<EmptyViewHint*>();
        QVERIFY(hint);
        QVERIFY(hint->isHidden());
        pane.filterEdit()->setText(u"no such record"_s);
        QCOMPARE(shown->rowCount(), 0);
        QVERIFY(!hint->isHidden());
        QCOMPARE(hint->text(), u"Nothing matches “no such record”."_s);
        pane.filterEdit()->clear();
        QVERIFY(hint->isHidden());
    }
};

QTEST_MAIN(TestCrmPane)
#include "tst_crmpane.moc"
