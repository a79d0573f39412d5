#include "models/accountsmodel.h"
#include "models/assetdragdata.h"
#include "models/ticketqueuemodel.h"
#include "widgets/assetdroptreeview.h"
#include "widgets/emptyviewhint.h"
#include "widgets/helpdeskpane.h"
#include "widgets/ticketdetailview.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QToolButton>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

namespace {
Account zendesk(qint64 id, const QString& label)
{
    Account a;
    a.id = id;
    a.service = Service::Zendesk;
    a.label = label;
    return a;
}

Ticket ticket(qint64 id, const QString& priority, int minute, const QStringList& tags = {})
{
    Ticket t;
    t.id = id;
    t.accountId = 5;
    t.remoteId = 100 + id;
    t.subject = u"Ticket %1"_s.arg(id);
    t.priority = priority;
    t.status = u"open"_s;
    t.tags = tags;
    t.organization = u"Northwind"_s;
    t.updatedAt = QDateTime(QDate(2026, 12, 5), QTime(8, 0), Qt::UTC).addSecs(60 * minute);
    return t;
}

// What the library puts in a drag.
std::unique_ptr<QMimeData> assetDrag(const QList<qint64>& ids)
{
    QList<AssetDragData::DraggedAsset> assets;
    for (qint64 id : ids)
        assets.append({id, 9, Service::PhotoShelter, {}});
    return std::unique_ptr<QMimeData>(AssetDragData::create(assets));
}

// Drags `mime` over `pos` of `target` and drops it there, as a user's drag and drop delivers it.
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
} // namespace

// The helpdesk pane offscreen: the queue, its fulfilment order and filter, drops on a ticket
// row or on the open ticket, and the conversation shown as text, never as markup.
class TestHelpdeskPane : public QObject
{
    Q_OBJECT
private:
    AccountsModel m_accounts;

private slots:
    void initTestCase() { m_accounts.setAccounts({zendesk(5, u"Support"_s)}); }

    void dropOnARowAsksToAttachToThatTicket()
    {
        TicketQueueModel queue;
        queue.setTickets({ticket(1, u"low"_s, 3), ticket(2, u"urgent"_s, 2), ticket(3, u"normal"_s, 1)});
        HelpdeskPane pane(&m_accounts);
        pane.setQueueModel(&queue);
        pane.resize(1000, 600);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QCOMPARE(pane.currentAccount(), 5);

        QSignalSpy dropped(&pane, &HelpdeskPane::assetsDroppedOnTicket);
        AssetDropTreeView* view = pane.queueView();
        const QModelIndex second = view->model()->index(1, TicketQueueModel::SubjectColumn);
        const auto drag = assetDrag({42, 43, 42});
        QVERIFY(dropAt(view->viewport(), view->visualRect(second).center(), drag.get()));
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(0).toLongLong(), 5);
        QCOMPARE(dropped.at(0).at(1).toLongLong(), second.data(TicketQueueModel::LocalIdRole).toLongLong());
        QCOMPARE(dropped.at(0).at(2).value<QList<qint64>>(), (QList<qint64>{42, 43}));

        // Below the last row there is no ticket: nothing is asked.
        const QPoint empty(10, view->viewport()->height() - 4);
        QVERIFY(!view->indexAt(empty).isValid());
        QVERIFY(!dropAt(view->viewport(), empty, drag.get()));
        // Other drags are not taken at all.
        QMimeData text;
        text.setText(u"hello"_s);
        QVERIFY(!dropAt(view->viewport(), view->visualRect(second).center(), &text));
        QCOMPARE(dropped.count(), 1);
    }

    void dropOnTheOpenTicketAndFindAssets()
    {
        TicketQueueModel queue;
        Ticket t = ticket(7, u"high"_s, 1, {u"press"_s, u"trail_runner"_s});
        t.subject = u"Trail Runner shots"_s;
        queue.setTickets({t});
        HelpdeskPane pane(&m_accounts);
        pane.setQueueModel(&queue);
        pane.resize(1000, 600);
        pane.show();
        QSignalSpy chosen(&pane, &HelpdeskPane::ticketChosen);
        QSignalSpy dropped(&pane, &HelpdeskPane::assetsDroppedOnTicket);
        QSignalSpy find(&pane, &HelpdeskPane::findAssetsRequested);
        TicketDetailView* detail = pane.detailView();
        const auto drag = assetDrag({9});
        QVERIFY(!dropAt(detail, detail->rect().center(), drag.get())); // no ticket open yet

        pane.queueView()->setCurrentIndex(pane.queueView()->model()->index(0, 0));
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(1).toLongLong(), 7);
        QVERIFY(detail->hasTicket());
        QVERIFY(dropAt(detail, detail->rect().center(), drag.get()));
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(1).toLongLong(), 7);
        QCOMPARE(dropped.at(0).at(2).value<QList<qint64>>(), QList<qint64>{9});

        detail->findAssetsButton()->click();
        QCOMPARE(find.count(), 1);
        const QStringList terms = find.at(0).at(0).toStringList();
        QCOMPARE(terms.first(), u"Northwind"_s);
        QVERIFY(terms.contains(u"trail"_s));
        QVERIFY(!terms.contains(u"press"_s));
    }

    void conversationIsPlainText()
    {
        TicketDetailView view;
        view.resize(500, 500);
        view.show();
        TicketDetail detail;
        detail.ticket = ticket(3, u"normal"_s, 0);
        detail.ticket.subject = u"<h1>Subject</h1>"_s;
        TicketComment hostile;
        hostile.author = u"<i>Mallory</i>"_s;
        hostile.isPublic = true;
        hostile.body = u"Hi <img src=\"http://tracker.invalid/pixel.png\"> <a href=\"http://evil.invalid\">click</a> "
                       u"<script>alert(1)</script>"_s;
        hostile.attachments = {TicketAttachment{1, u"<b>logo</b>.png"_s, u"image/png"_s, 2048, u"http://x.invalid/a"_s}};
        TicketComment note;
        note.author = u"Agent"_s;
        note.isPublic = false;
        note.body = u"internal & private"_s;
        detail.comments = {hostile, note};
        view.showDetail(detail);

        const QStringList texts = view.shownTexts();
        QVERIFY2(texts.contains(hostile.body), qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(note.body));
        QVERIFY(std::any_of(texts.begin(), texts.end(), [](const QString& t) {
            return t.contains(u"<b>logo</b>.png"_s) && t.contains(u"image/png"_s) && t.contains(u"2"_s);
        }));
        QVERIFY(std::any_of(texts.begin(), texts.end(), [](const QString& t) { return t.contains(u"Internal note"_s); }));
        // Every label shows its text as text: none would render markup or load an image.
        for (const QLabel* label : view.findChildren<QLabel*>()) {
            QCOMPARE(label->textFormat(), Qt::PlainText);
            QVERIFY(!label->openExternalLinks());
        }
        QCOMPARE(view.findChild<QFrame*>(u"internalComment"_s) != nullptr, true);
        QCOMPARE(view.findChild<QLabel*>(u"ticketSubject"_s)->text(), u"<h1>Subject</h1>"_s);
    }

    // An attachment Zendesk can hand out again has an "Open" button; it asks for that attachment.
    void attachmentsOpenFromTheConversation()
    {
        HelpdeskPane pane(&m_accounts);
        TicketDetail detail;
        detail.ticket = ticket(4, u"normal"_s, 0);
        detail.ticket.accountId = 7;
        TicketComment comment;
        comment.author = u"Requester"_s;
        comment.isPublic = true;
        comment.body = u"Photos of the damage"_s;
        const TicketAttachment linked{11, u"box.jpg"_s, u"image/jpeg"_s, 4096,
                                      u"https://acme.zendesk.com/attachments/token/t/"_s};
        const TicketAttachment unlinked{12, u"old.pdf"_s, u"application/pdf"_s, 10, QString()};
        comment.attachments = {unlinked, linked};
        detail.comments = {comment};
        pane.detailView()->showDetail(detail);

        const QList<QToolButton*> buttons =
            pane.detailView()->findChildren<QToolButton*>(u"openAttachment"_s);
        QCOMPARE(buttons.size(), 1);
        QSignalSpy requested(&pane, &HelpdeskPane::attachmentOpenRequested);
        buttons.first()->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toLongLong(), 7);
        QCOMPARE(requested.first().at(1).value<TicketAttachment>(), linked);
    }

    void fulfilmentOrderAndFilter()
    {
        TicketQueueModel queue;
        queue.setTickets({ticket(1, u"low"_s, 9), ticket(2, u"normal"_s, 1, {u"press"_s}), ticket(3, u"high"_s, 5)});
        HelpdeskPane pane(&m_accounts);
        pane.setQueueModel(&queue);
        const QAbstractItemModel* shown = pane.queueView()->model();
        QCOMPARE(shown->index(0, 0).data(TicketQueueModel::LocalIdRole).toLongLong(), 1); // newest first
        pane.fulfilmentButton()->click();
        QVERIFY(pane.isFulfilmentOrder());
        QCOMPARE(queue.order(), TicketQueueModel::Order::Fulfilment);
        QCOMPARE(shown->index(0, 0).data(TicketQueueModel::LocalIdRole).toLongLong(), 2); // press first
        QCOMPARE(shown->index(1, 0).data(TicketQueueModel::LocalIdRole).toLongLong(), 3);

        pane.filterEdit()->setText(u"ticket 3"_s);
        QCOMPARE(shown->rowCount(), 1);
        pane.filterEdit()->setText(u"PRESS"_s); // tags, any case
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, 0).data(TicketQueueModel::LocalIdRole).toLongLong(), 2);
        pane.filterEdit()->clear();
        QCOMPARE(shown->rowCount(), 3);

        auto* hint = pane.queueView()->viewport()->findChild<EmptyViewHint*>();
        QVERIFY(hint);
        QVERIFY(hint->isHidden());
        pane.filterEdit()->setText(u"refund"_s);
        QCOMPARE(shown->rowCount(), 0);
        QVERIFY(!hint->isHidden());
        QCOMPARE(hint->text(), u"No ticket matches “refund”."_s);
        pane.filterEdit()->clear();
        QVERIFY(hint->isHidden());
    }

    // A ticket named from elsewhere (the library's "Where used") becomes the current row, shown
    // in the detail, even when the text filter hid it; an unlisted ticket changes nothing.
    void showTicketMakesItCurrentPastTheFilter()
    {
        TicketQueueModel queue;
        QList<Ticket> tickets;
        for (int n = 1; n <= 80; ++n)
            tickets << ticket(n, u"normal"_s, n);
        queue.setTickets(tickets);
        HelpdeskPane pane(&m_accounts);
        pane.setQueueModel(&queue);
        pane.resize(900, 400);
        pane.show();
        QSignalSpy chosen(&pane, &HelpdeskPane::ticketChosen);
        pane.filterEdit()->setText(u"Ticket 7"_s); // hides ticket 2
        QVERIFY(pane.showTicket(2));
        QVERIFY(pane.filterEdit()->text().isEmpty());
        const QModelIndex current = pane.queueView()->currentIndex();
        QCOMPARE(current.data(TicketQueueModel::LocalIdRole).toLongLong(), 2);
        QTRY_VERIFY(pane.queueView()->viewport()->rect().intersects(pane.queueView()->visualRect(current)));
        QCOMPARE(pane.detailView()->ticket().id, 2);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(1).toLongLong(), 2);

        QVERIFY(!pane.showTicket(99));
        QCOMPARE(pane.detailView()->ticket().id, 2);
    }

    void viewChooserAsksForTheView()
    {
        HelpdeskPane pane(&m_accounts);
        QSignalSpy chosen(&pane, &HelpdeskPane::viewChosen);
        pane.setViews({{0, u"All Tickets"_s}, {11, u"Press queue"_s}, {12, u"Media requests"_s}}, 12);
        QCOMPARE(chosen.count(), 0); // filling the list is not a choice
        QCOMPARE(pane.currentView(), 12);
        pane.viewChooser()->setCurrentIndex(1);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toLongLong(), 5);
        QCOMPARE(chosen.at(0).at(1).toLongLong(), 11);
        QVERIFY(pane.setCurrentView(0));
        QCOMPARE(pane.currentView(), 0);
        QCOMPARE(chosen.count(), 2);
        QVERIFY(!pane.setCurrentView(99)); // not a view of the account
        QCOMPARE(pane.currentView(), 0);
    }
};

QTEST_MAIN(TestHelpdeskPane)
#include "tst_helpdeskpane.moc"
