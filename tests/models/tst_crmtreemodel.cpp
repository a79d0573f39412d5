#include "models/crmtreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

namespace {
using Kind = CrmTreeModel::Kind;
const QDate kToday(2026, 12, 5);

CrmAccount customer(qint64 id, const QString& name)
{
    CrmAccount a;
    a.id = id;
    a.accountId = 3;
    a.remoteId = u"acc-%1"_s.arg(id);
    a.name = name;
    a.city = u"Lyon"_s;
    return a;
}

Opportunity opportunity(qint64 id, const QString& name, int closesInDays, int state = 0)
{
    Opportunity o;
    o.id = id;
    o.accountId = 3;
    o.name = name;
    o.estimatedCloseDate = kToday.addDays(closesInDays);
    o.state = state;
    return o;
}

SupportCase supportCase(qint64 id, const QString& title, int priority, int state = 0)
{
    SupportCase c;
    c.id = id;
    c.accountId = 3;
    c.title = title;
    c.ticketNumber = u"CAS-%1"_s.arg(id);
    c.priority = priority;
    c.state = state;
    return c;
}

CrmSnapshot snapshot()
{
    CrmSnapshot s;
    s.customers << CrmSnapshot::Customer{customer(1, u"Northwind"_s),
                                         {opportunity(11, u"Renewal"_s, 90), opportunity(12, u"Booth graphics"_s, 10)},
                                         {supportCase(21, u"Damaged goods"_s, 2), supportCase(22, u"Warranty claim"_s, 1)}};
    s.customers << CrmSnapshot::Customer{customer(2, u"Contoso"_s), {}, {}};
    CrmCampaign campaign;
    campaign.id = 31;
    campaign.name = u"Spring Launch"_s;
    campaign.launchDate = QDate(2027, 3, 1);
    s.campaigns << campaign;
    CrmEvent event;
    event.id = 41;
    event.name = u"Trade Fair"_s;
    s.events << event;
    return s;
}

QStringList names(const CrmTreeModel& model, const QModelIndex& parent)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out << model.index(row, 0, parent).data().toString();
    return out;
}
} // namespace

// The CRM tree: customers with their opportunities and cases, campaigns, events; merged from
// each fresh read with row signals only.
class TestCrmTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void showsCustomersWithTheirRecords()
    {
        CrmTreeModel model;
        model.setToday(kToday);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(3, snapshot());
        QCOMPARE(names(model, {}), (QStringList{u"Customers (2)"_s, u"Campaigns (1)"_s, u"Events (1)"_s}));
        const QModelIndex customers = model.index(0, 0);
        QCOMPARE(names(model, customers), (QStringList{u"Contoso"_s, u"Northwind"_s}));
        const QModelIndex northwind = model.index(1, 0, customers);
        // Opportunities by close date, then cases with the high priority first.
        QCOMPARE(names(model, northwind),
                 (QStringList{u"Booth graphics"_s, u"Renewal"_s, u"Warranty claim"_s, u"Damaged goods"_s}));
        const QModelIndex soon = model.indexOf(Kind::Opportunity, 12);
        QVERIFY(soon.data(CrmTreeModel::ClosingSoonRole).toBool());
        QVERIFY(soon.siblingAtColumn(CrmTreeModel::DetailColumn).data().toString().startsWith(u"Closing soon"_s));
        QVERIFY(!model.indexOf(Kind::Opportunity, 11).data(CrmTreeModel::ClosingSoonRole).toBool());
        const QModelIndex claim = model.indexOf(Kind::Case, 22);
        QCOMPARE(claim.siblingAtColumn(1).data().toString(), u"CAS-22 · High · Active"_s);
        QCOMPARE(claim.data(CrmTreeModel::AccountIdRole).toLongLong(), 3);
        QCOMPARE(claim.data(CrmTreeModel::KindRole).toInt(), int(Kind::Case));
        QCOMPARE(model.indexOf(Kind::Campaign, 31).parent(), model.index(1, 0));
    }

    // DP3 / DP7: a campaign's or event's DAM collection shows beside it, and a new link
    // changes only that row.
    void linkedCollectionsShowInTheDetail()
    {
        CrmTreeModel model;
        model.setToday(kToday);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        CrmSnapshot s = snapshot();
        model.setSnapshot(3, s);
        const QPersistentModelIndex campaign = model.indexOf(Kind::Campaign, 31);
        QVERIFY(!QModelIndex(campaign).siblingAtColumn(1).data().toString().contains(u"Collection"_s));
        s.campaignCollections.insert(31, {u"Spring Launch"_s});
        s.eventCollections.insert(s.events.first().id, {u"Booth graphics"_s, u"Speakers"_s});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setSnapshot(3, s);
        QVERIFY(campaign.isValid());
        QVERIFY(QModelIndex(campaign).siblingAtColumn(1).data().toString().endsWith(u"Collection: Spring Launch"_s));
        QVERIFY(model.indexOf(Kind::Event, s.events.first().id).siblingAtColumn(1).data().toString()
                    .endsWith(u"Collection: Booth graphics, Speakers"_s));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(inserted.size(), 0);
    }

    void closingSoonIsOnlyForOpenOpportunities()
    {
        CrmTreeModel model;
        model.setToday(kToday);
        CrmSnapshot s;
        s.customers << CrmSnapshot::Customer{customer(1, u"A"_s),
                                             {opportunity(1, u"won"_s, 3, 1), opportunity(2, u"late"_s, -2),
                                              opportunity(3, u"edge"_s, 30), opportunity(4, u"later"_s, 31)},
                                             {}};
        model.setSnapshot(3, s);
        QVERIFY(!model.indexOf(Kind::Opportunity, 1).data(CrmTreeModel::ClosingSoonRole).toBool());
        QVERIFY(model.indexOf(Kind::Opportunity, 2).data(CrmTreeModel::ClosingSoonRole).toBool()); // overdue
        QVERIFY(model.indexOf(Kind::Opportunity, 3).data(CrmTreeModel::ClosingSoonRole).toBool());
        QVERIFY(!model.indexOf(Kind::Opportunity, 4).data(CrmTreeModel::ClosingSoonRole).toBool());
    }

    void mergeKeepsRowsAndSignalsFinely()
    {
        CrmTreeModel model;
        model.setToday(kToday);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        CrmSnapshot s = snapshot();
        model.setSnapshot(3, s);
        QPersistentModelIndex claim = model.indexOf(Kind::Case, 22);
        QPersistentModelIndex contoso = model.indexOf(Kind::Customer, 2);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        s.customers[0].account.name = u"Acme Northwind"_s;                // now sorts first: a move
        s.customers[0].opportunities.removeFirst();                       // Renewal closed
        s.customers[0].cases << supportCase(23, u"Field evidence"_s, 3);  // a new case
        s.otherCases << supportCase(24, u"Contact's case"_s, 2);          // a new group appears
        model.setSnapshot(3, s);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(moved.count(), 1);
        QVERIFY(inserted.count() >= 2);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(names(model, model.index(0, 0)), (QStringList{u"Acme Northwind"_s, u"Contoso"_s}));
        QVERIFY(claim.isValid());
        QCOMPARE(claim.data().toString(), u"Warranty claim"_s);
        QVERIFY(contoso.isValid());
        QCOMPARE(contoso.row(), 1);
        QCOMPARE(names(model, {}).at(1), u"Cases of Contacts (1)"_s);
        QVERIFY(model.indexOf(Kind::Case, 23).isValid());
        QVERIFY(!model.indexOf(Kind::Opportunity, 11).isValid());

        // The same snapshot again changes nothing.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(3, s);
        QCOMPARE(changed.count(), 0);
        model.setSnapshot(3, {});
        QCOMPARE(names(model, {}), (QStringList{u"Customers (0)"_s, u"Campaigns (0)"_s, u"Events (0)"_s}));
    }
};

QTEST_GUILESS_MAIN(TestCrmTreeModel)
#include "tst_crmtreemodel.moc"
