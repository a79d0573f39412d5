#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/ticketrepository.h"

#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

// `assetdesk-cli tickets` on a workspace whose helpdesk cache holds known tickets: filters, the
// fulfilment order, a view, JSON, and a wrong command line.
class TestCliTickets : public QObject
{
    Q_OBJECT
private:
    using Run = CliTest::CliRun;
    QTemporaryDir m_home;

    QString workspace() const { return m_home.filePath(u"workspace.sqlite3"_s); }

    Run cli(const QStringList& arguments)
    {
        return CliTest::runCli(m_home, workspace(), arguments);
    }

    static Ticket ticket(qint64 number, const QString& status, const QString& priority, const QStringList& tags, int day)
    {
        Ticket t;
        t.remoteId = number;
        t.subject = u"Ticket %1"_s.arg(number);
        t.status = status;
        t.priority = priority;
        t.tags = tags;
        t.requesterId = 500 + number;
        t.createdAt = QDateTime(QDate(2026, 11, day), QTime(9, 0), Qt::UTC);
        t.updatedAt = QDateTime(QDate(2026, 12, day), QTime(12, 0), Qt::UTC);
        return t;
    }

    static QList<qint64> numbers(const QByteArray& json)
    {
        QList<qint64> result;
        for (const QJsonValue& v : QJsonDocument::fromJson(json).array())
            result << v.toObject().value(u"number"_s).toInteger();
        return result;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("ASSETDESK_CLI_EXE").isEmpty())
            QFAIL("ASSETDESK_CLI_EXE is not set: run through ctest.");
        QVERIFY(m_home.isValid());
        auto storage = Storage::open(StorageConfig::sqlite(workspace()));
        QVERIFY(storage);
        Account a;
        a.service = Service::Zendesk;
        a.label = u"Support"_s;
        a.authMethod = AuthMethod::ApiToken;
        a.baseUrl = QUrl(u"https://acme.invalid"_s);
        const qint64 account =
            (*storage)->writeAndWait([a](WriteContext& ctx) { return AccountRepository::add(ctx, a); }).value();
        const QList<Ticket> tickets{ticket(1, u"open"_s, u"low"_s, {u"media_request"_s}, 1),
                                    ticket(2, u"open"_s, u"high"_s, {}, 2),
                                    ticket(3, u"pending"_s, u"normal"_s, {u"press"_s}, 3),
                                    ticket(4, u"open"_s, u"urgent"_s, {}, 4),
                                    ticket(5, u"solved"_s, QString(), {u"media_request"_s}, 5)};
        ZendeskView press;
        press.remoteId = 77;
        press.title = u"Press desk"_s;
        QVERIFY((*storage)->writeAndWait([=](WriteContext& ctx) -> Status {
            auto ids = TicketRepository::upsertTickets(ctx, account, tickets);
            if (!ids)
                return ids.error();
            auto views = TicketRepository::replaceViews(ctx, account, {press});
            if (!views)
                return views.error();
            return TicketRepository::setViewMembers(ctx, views->at(0), {ids->at(2), ids->at(3)});
        }));
    }

    void filtersAndOrders_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("newest first") << QStringList{} << QList<qint64>{5, 4, 3, 2, 1};
        QTest::newRow("fulfilment queue") << QStringList{u"--urgent-first"_s} << QList<qint64>{4, 3, 2, 1, 5};
        QTest::newRow("status") << QStringList{u"--status"_s, u"open,pending"_s} << QList<qint64>{4, 3, 2, 1};
        QTest::newRow("tag") << QStringList{u"--tag"_s, u"media_request"_s} << QList<qint64>{5, 1};
        QTest::newRow("view") << QStringList{u"--view"_s, u"press desk"_s, u"--urgent-first"_s} << QList<qint64>{4, 3};
        QTest::newRow("text and limit") << QStringList{u"--text"_s, u"ticket"_s, u"--limit"_s, u"2"_s} << QList<qint64>{5, 4};
    }
    void filtersAndOrders()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QList<qint64>, expected);
        const Run run = cli(QStringList{u"tickets"_s, u"--json"_s} + arguments);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(numbers(run.out), expected);
    }

    void tableAndUrgentMark()
    {
        const Run run = cli({u"tickets"_s, u"--urgent-first"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QList<QByteArray> lines = run.out.split('\n');
        QVERIFY(lines.size() > 2);
        QVERIFY2(lines.at(1).startsWith("4 ") || lines.at(1).contains("4  "), run.out.constData());
        QVERIFY(run.out.contains("!"));
    }

    void wrongCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("full without sync") << QStringList{u"--full"_s};
        QTest::newRow("bad limit") << QStringList{u"--limit"_s, u"many"_s};
        QTest::newRow("bad ticket") << QStringList{u"--show"_s, u"x"_s};
        QTest::newRow("stray argument") << QStringList{u"open"_s};
    }
    void wrongCommandLines()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(QStringList{u"tickets"_s} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("usage: assetdesk-cli tickets"));
    }
};

QTEST_GUILESS_MAIN(TestCliTickets)
#include "tst_clitickets.moc"
