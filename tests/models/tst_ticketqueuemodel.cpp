#include "models/assetsearchcontext.h"
#include "models/ticketqueuemodel.h"
#include "core/ticketurgency.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

namespace {
Ticket ticket(qint64 id, const QString& priority, int minute, const QStringList& tags = {}, const QString& status = u"open"_s)
{
    Ticket t;
    t.id = id;
    t.accountId = 7;
    t.remoteId = 1000 + id;
    t.subject = u"Ticket %1"_s.arg(id);
    t.priority = priority;
    t.status = status;
    t.tags = tags;
    t.updatedAt = QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC).addSecs(minute * 60);
    return t;
}

QList<qint64> ids(const TicketQueueModel& model)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(TicketQueueModel::LocalIdRole).toLongLong();
    return out;
}
} // namespace

// The helpdesk queue: newest update first or the fulfilment order (ZP6), merged by local id
// with row signals only - a sync never resets the list under the agent.
class TestTicketQueueModel : public QObject
{
    Q_OBJECT
private slots:
    void urgencyRules_data()
    {
        QTest::addColumn<QString>("priority");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<bool>("urgent");
        QTest::newRow("urgent priority") << u"urgent"_s << QStringList{} << true;
        QTest::newRow("press tag") << u"low"_s << QStringList{u"press"_s} << true;
        QTest::newRow("press request") << u""_s << QStringList{u"media_request"_s, u"press_request"_s} << true;
        QTest::newRow("press deadline, any case") << u"normal"_s << QStringList{u"Press-Deadline"_s} << true;
        QTest::newRow("high is not urgent") << u"high"_s << QStringList{u"media_request"_s} << false;
        QTest::newRow("express is not press") << u"normal"_s << QStringList{u"express"_s, u"pressure"_s} << false;
    }
    void urgencyRules()
    {
        QFETCH(QString, priority);
        QFETCH(QStringList, tags);
        QFETCH(bool, urgent);
        Ticket t = ticket(1, priority, 0, tags);
        QCOMPARE(TicketUrgency::isUrgent(t), urgent);
    }

    void fulfilmentOrderPutsUrgentFirst()
    {
        TicketQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTickets({
            ticket(1, u"low"_s, 50),                                 // newest, least pressing
            ticket(2, u"high"_s, 10),
            ticket(3, u"normal"_s, 30, {u"press"_s}),                // urgent by its tag
            ticket(4, u"urgent"_s, 40),
            ticket(5, u"high"_s, 5, {u"vip"_s}),                     // executive before other high
            ticket(6, u"urgent"_s, 20),                              // waited longer than 4
            ticket(7, u"high"_s, 1),                                 // oldest high without vip
        });
        QCOMPARE(ids(model), (QList<qint64>{1, 4, 3, 6, 2, 5, 7}));  // newest update first

        QPersistentModelIndex followed = model.index(model.rowOfTicket(3), 0);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setOrder(TicketQueueModel::Order::Fulfilment);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(ids(model), (QList<qint64>{6, 4, 3, 5, 7, 2, 1}));
        QVERIFY(followed.isValid());
        QCOMPARE(followed.data(TicketQueueModel::LocalIdRole).toLongLong(), 3);
        QVERIFY(model.index(model.rowOfTicket(3), 0).data(TicketQueueModel::UrgentRole).toBool());
        QVERIFY(!model.index(model.rowOfTicket(2), 0).data(TicketQueueModel::UrgentRole).toBool());
    }

    void mergeUsesRowSignalsNotResets()
    {
        TicketQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrder(TicketQueueModel::Order::Fulfilment);
        QList<Ticket> tickets;
        for (qint64 id = 1; id <= 40; ++id)
            tickets << ticket(id, id % 2 ? u"normal"_s : u"low"_s, int(id));
        model.setTickets(tickets);
        QCOMPARE(model.rowCount(), 40);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QPersistentModelIndex ten = model.index(model.rowOfTicket(10), TicketQueueModel::SubjectColumn);

        tickets.removeIf([](const Ticket& t) { return t.id == 3 || t.id == 4; }); // solved elsewhere
        tickets[0].subject = u"Renamed"_s;                                         // ticket 1, same place
        for (Ticket& t : tickets) {
            if (t.id == 10)
                t.tags = {u"press"_s}; // becomes urgent: moves to the top
        }
        tickets << ticket(41, u"urgent"_s, 99);
        model.setTickets(tickets);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(moved.count(), 1);
        QVERIFY(changed.count() >= 2);
        QCOMPARE(model.rowCount(), 39);
        QCOMPARE(ids(model).mid(0, 2), (QList<qint64>{41, 10}));
        QVERIFY(ten.isValid());
        QCOMPARE(ten.row(), 1);
        QCOMPARE(model.rowOfTicket(3), -1);
        QCOMPARE(model.index(model.rowOfTicket(1), TicketQueueModel::SubjectColumn).data().toString(), u"Renamed"_s);
        // What the model holds is what it was given, in its order.
        QList<Ticket> sorted = tickets;
        std::sort(sorted.begin(), sorted.end(), &TicketUrgency::fulfilmentBefore);
        QCOMPARE(model.tickets(), sorted);
    }

    void columnsShowTheTicket()
    {
        TicketQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Ticket t = ticket(1, u"urgent"_s, 0, {u"press"_s, u"logo"_s}, u"pending"_s);
        t.requester = u"Ana Ruiz"_s;
        t.organization = u"Northwind"_s;
        t.subject = u"<b>Logo</b> for the launch"_s;
        model.setTickets({t});
        QCOMPARE(model.index(0, TicketQueueModel::PriorityColumn).data().toString(), u"Urgent"_s);
        QCOMPARE(model.index(0, TicketQueueModel::StatusColumn).data().toString(), u"Pending"_s);
        QCOMPARE(model.index(0, TicketQueueModel::TagsColumn).data().toString(), u"press, logo"_s);
        QCOMPARE(model.index(0, TicketQueueModel::SubjectColumn).data().toString(), t.subject);
        // A tooltip is rich text when it looks like markup: the subject's tags are escaped.
        QCOMPARE(model.index(0, TicketQueueModel::SubjectColumn).data(Qt::ToolTipRole).toString(),
                 u"&lt;b&gt;Logo&lt;/b&gt; for the launch"_s);
        const QString search = model.index(0, 0).data(TicketQueueModel::SearchTextRole).toString();
        for (const QString& word : {u"1001"_s, u"Ana Ruiz"_s, u"Northwind"_s, u"logo"_s})
            QVERIFY2(search.contains(word), qPrintable(word));
    }

    void contextTermsForTheLibrary()
    {
        Ticket t = ticket(1, u"urgent"_s, 0, {u"press"_s, u"media_request"_s, u"trail_runner"_s, u"campaign_spring"_s});
        t.organization = u"Northwind Traders"_s;
        t.subject = u"Need press images of the Trail Runner 2 before 3pm"_s;
        const QStringList terms = AssetSearchContext::forTicket(t);
        QCOMPARE(terms.first(), u"Northwind Traders"_s);
        QVERIFY(terms.contains(u"trail"_s));
        QVERIFY(terms.contains(u"runner"_s));
        QVERIFY(terms.contains(u"spring"_s)); // "campaign_spring" without the workflow word
        for (const QString& noise : {u"need"_s, u"press"_s, u"images"_s, u"media request"_s, u"the"_s, u"3pm"_s})
            QVERIFY2(!terms.contains(noise, Qt::CaseInsensitive), qPrintable(noise));
        QVERIFY(!terms.contains(u"trail runner"_s)); // its words are there already
    }
};

QTEST_GUILESS_MAIN(TestTicketQueueModel)
#include "tst_ticketqueuemodel.moc"
