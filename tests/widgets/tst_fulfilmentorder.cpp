// ZP6 has one rule (TicketUrgency): the helpdesk pane's fulfilment queue and `assetdesk-cli
// tickets --urgent-first` list the same cached tickets in the same order and mark the same ones
// urgent. The tickets are chosen where a second, drifting definition would show: press tags as
// words inside tags in any case ("Press-Deadline", "urgent_press") but not "express" or
// "pressure", executive requests, waiting time against creation time, paging after sorting, and a
// queue larger than the pane lists.
#include "core/ticketurgency.h"
#include "models/accountsmodel.h"
#include "models/helpdeskfeed.h"
#include "models/ticketqueuemodel.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/ticketrepository.h"
#include "widgets/helpdeskpane.h"

#include "../cli/clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

namespace {
// Updated on `day` of December, created the later in November the earlier it was updated: an
// order by creation time would come out reversed against one by waiting time.
Ticket ticket(qint64 number, const QString& priority, const QStringList& tags, int day)
{
    Ticket t;
    t.remoteId = number;
    t.subject = u"Ticket %1"_s.arg(number);
    t.status = u"open"_s;
    t.priority = priority;
    t.tags = tags;
    t.createdAt = QDateTime(QDate(2026, 11, 20 - day), QTime(9, 0), Qt::UTC);
    t.updatedAt = QDateTime(QDate(2026, 12, day), QTime(12, 0), Qt::UTC);
    return t;
}

struct Listed
{
    QList<qint64> numbers;
    QList<qint64> urgent;
};
} // namespace

class TestFulfilmentOrder : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    std::unique_ptr<Storage> m_storage;
    qint64 m_account = 0;

    QString workspace() const { return m_home.filePath(u"workspace.sqlite3"_s); }

    Result<Listed> cli(const QStringList& arguments)
    {
        const CliTest::CliRun run =
            CliTest::runCli(m_home, workspace(), QStringList{u"tickets"_s, u"--json"_s} + arguments);
        if (run.exitCode != 0)
            return Error(ErrorKind::Internal, QString::fromUtf8(run.err));
        Listed listed;
        for (const QJsonValue& v : QJsonDocument::fromJson(run.out).array()) {
            const qint64 number = v.toObject().value(u"number"_s).toInteger();
            listed.numbers << number;
            if (v.toObject().value(u"urgent"_s).toBool())
                listed.urgent << number;
        }
        return listed;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("ASSETDESK_CLI_EXE").isEmpty())
            QFAIL("ASSETDESK_CLI_EXE is not set: run through ctest.");
        QVERIFY(m_home.isValid());
        Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(workspace()));
        QVERIFY(opened);
        m_storage = std::move(opened).value();
        Account a;
        a.service = Service::Zendesk;
        a.label = u"Support"_s;
        a.authMethod = AuthMethod::ApiToken;
        a.baseUrl = QUrl(u"https://acme.invalid"_s);
        m_account = m_storage->writeAndWait([a](WriteContext& ctx) { return AccountRepository::add(ctx, a); }).value();
        const QList<Ticket> tickets{
            ticket(1, u"normal"_s, {u"Press-Deadline"_s}, 6), ticket(2, u"low"_s, {u"urgent_press"_s}, 1),
            ticket(3, u"urgent"_s, {}, 5),                    ticket(4, u"urgent"_s, {}, 2),
            ticket(5, u"high"_s, {u"vip"_s}, 8),              ticket(6, u"high"_s, {}, 1),
            ticket(7, u"high"_s, {}, 3),                      ticket(8, u"normal"_s, {u"express"_s}, 4),
            ticket(9, QString(), {}, 2),                      ticket(10, u"low"_s, {u"press_request"_s}, 9),
            ticket(11, u"normal"_s, {u"pressure"_s}, 7),      ticket(12, u"urgent"_s, {u"executive"_s}, 9),
        };
        const qint64 account = m_account;
        QVERIFY(m_storage->writeAndWait([=](WriteContext& ctx) { return TicketRepository::upsertTickets(ctx, account, tickets); }));
    }

    void paneAndCliListTheSameOrder()
    {
        // The rule, written out: urgent (priority or press tag) by priority, executive first,
        // longest waiting first; then the others the same way.
        const QList<qint64> expected{12, 4, 3, 1, 2, 10, 5, 6, 7, 8, 11, 9};
        const QList<qint64> urgent{1, 2, 3, 4, 10, 12};

        // The pane, as SupportDesk wires it, with the Fulfilment Queue button pressed.
        AccountsModel accounts;
        HelpdeskPane pane(&accounts);
        TicketQueueModel queue;
        pane.setQueueModel(&queue);
        HelpdeskFeed feed(*m_storage, &queue);
        QSignalSpy loaded(&feed, &HelpdeskFeed::loaded);
        feed.show(m_account, 0);
        QVERIFY(loaded.wait(10000));
        pane.fulfilmentButton()->click();
        QVERIFY(pane.isFulfilmentOrder());
        Listed shown;
        const QAbstractItemModel* rows = pane.filteredQueue();
        for (int row = 0; row < rows->rowCount(); ++row) {
            const QModelIndex index = rows->index(row, 0);
            shown.numbers << index.data(TicketQueueModel::RemoteIdRole).toLongLong();
            if (index.data(TicketQueueModel::UrgentRole).toBool())
                shown.urgent << shown.numbers.last();
        }
        QCOMPARE(shown.numbers, expected);
        std::sort(shown.urgent.begin(), shown.urgent.end());
        QCOMPARE(shown.urgent, urgent);

        // The command line, whole and paged (paging comes after the order).
        const Result<Listed> all = cli({u"--urgent-first"_s, u"--status"_s, u"open"_s});
        QVERIFY2(all, all ? "" : qPrintable(all.error().message()));
        QCOMPARE(all->numbers, shown.numbers);
        QList<qint64> cliUrgent = all->urgent;
        std::sort(cliUrgent.begin(), cliUrgent.end());
        QCOMPARE(cliUrgent, shown.urgent);
        const Result<Listed> top = cli({u"--urgent-first"_s, u"--status"_s, u"open"_s, u"--limit"_s, u"4"_s});
        QVERIFY(top);
        QCOMPARE(top->numbers, shown.numbers.mid(0, 4));
        const Result<Listed> high = cli({u"--urgent-first"_s, u"--status"_s, u"open"_s, u"--priority"_s, u"high"_s});
        QVERIFY(high);
        QCOMPARE(high->numbers, (QList<qint64>{5, 6, 7}));
    }

    // The pane lists at most HelpdeskFeed::kMaxTickets: in the fulfilment order those are the
    // most urgent, so an urgent ticket nobody touched for long still leads, as on the command line.
    void aLargeQueueStillLeadsWithTheOldUrgentTicket()
    {
        Account a;
        a.service = Service::Zendesk;
        a.label = u"Large"_s;
        a.authMethod = AuthMethod::ApiToken;
        a.baseUrl = QUrl(u"https://large.invalid"_s);
        const qint64 account = m_storage->writeAndWait([a](WriteContext& ctx) { return AccountRepository::add(ctx, a); }).value();
        QList<Ticket> tickets{ticket(1, u"low"_s, {u"press"_s}, 1)}; // the oldest update of all
        for (qint64 n = 2; n <= HelpdeskFeed::kMaxTickets + 1; ++n)
            tickets << ticket(n, u"normal"_s, {}, 2 + int(n % 20));
        for (Ticket& t : tickets)
            t.status = u"hold"_s; // apart from the first test's open tickets on the command line
        const Result<QList<qint64>> ids =
            m_storage->writeAndWait([=](WriteContext& ctx) { return TicketRepository::upsertTickets(ctx, account, tickets); });
        QVERIFY(ids);

        AccountsModel accounts;
        HelpdeskPane pane(&accounts);
        TicketQueueModel queue;
        pane.setQueueModel(&queue);
        HelpdeskFeed feed(*m_storage, &queue);
        QSignalSpy loaded(&feed, &HelpdeskFeed::loaded);
        feed.show(account, 0);
        QVERIFY(loaded.wait(20000));
        // Newest first, the old ticket is past the cap.
        QCOMPARE(queue.rowCount(), HelpdeskFeed::kMaxTickets);
        QCOMPARE(queue.rowOfTicket(ids->first()), -1);
        pane.fulfilmentButton()->click();
        QVERIFY(loaded.wait(20000)); // the top of the queue in the new order
        QCOMPARE(pane.filteredQueue()->index(0, 0).data(TicketQueueModel::RemoteIdRole).toLongLong(), 1);

        const Result<Listed> listed = cli({u"--urgent-first"_s, u"--status"_s, u"hold"_s, u"--limit"_s, u"3"_s});
        QVERIFY(listed);
        QCOMPARE(listed->numbers.value(0), 1);
    }
};

QTEST_MAIN(TestFulfilmentOrder)
#include "tst_fulfilmentorder.moc"
