#include "storage/accountrepository.h"
#include "storage/crmrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"

#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

// `assetdesk-cli cases` over a CRM cache filled here: filters, order, JSON and table output, and
// refusals. Syncing for real is tests/sync/tst_dynamicssync (the same DynamicsSyncService).
class TestCliCases : public QObject
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

    static SupportCase supportCase(qint64 account, const QString& number, const QString& customerId,
                                   const QString& customer, int priority, int state, int day)
    {
        SupportCase c;
        c.accountId = account;
        c.remoteId = u"guid-"_s + number;
        c.ticketNumber = number;
        c.title = u"Case "_s + number;
        c.customerRemoteId = customerId;
        c.customerName = customer;
        c.customerKind = customerId.startsWith(u"c-"_s) ? u"contact"_s : u"account"_s;
        c.priority = priority;
        c.state = state;
        c.modifiedAt = QDateTime(QDate(2026, 12, day), QTime(12, 0), Qt::UTC);
        return c;
    }

    static QStringList numbers(const QByteArray& json)
    {
        QStringList result;
        for (const QJsonValue& v : QJsonDocument::fromJson(json).array())
            result << v.toObject().value(u"number"_s).toString();
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
        a.service = Service::Dynamics;
        a.label = u"CRM"_s;
        a.authMethod = AuthMethod::ClientCredentials;
        a.baseUrl = QUrl(u"https://contoso.invalid"_s);
        const qint64 account =
            (*storage)->writeAndWait([a](WriteContext& ctx) { return AccountRepository::add(ctx, a); }).value();
        CrmAccount northwind;
        northwind.accountId = account;
        northwind.remoteId = u"a-north"_s;
        northwind.name = u"Northwind Traders"_s;
        CrmAccount contoso = northwind;
        contoso.remoteId = u"a-contoso"_s;
        contoso.name = u"Contoso"_s;
        CrmContact maria;
        maria.accountId = account;
        maria.remoteId = u"c-maria"_s;
        maria.fullName = u"Maria Anders"_s;
        maria.parentCustomerRemoteId = u"a-north"_s;
        maria.parentCustomerKind = u"account"_s;
        const QList<SupportCase> cases{
            supportCase(account, u"CAS-1"_s, u"a-north"_s, u"Northwind Traders"_s, 2, 0, 1),
            supportCase(account, u"CAS-2"_s, u"a-north"_s, u"Northwind Traders"_s, 1, 0, 2),
            supportCase(account, u"CAS-3"_s, u"c-maria"_s, u"Maria Anders"_s, 1, 0, 3), // Northwind's contact
            supportCase(account, u"CAS-4"_s, u"a-contoso"_s, u"Contoso"_s, 3, 1, 4),
            supportCase(account, u"CAS-5"_s, u"a-contoso"_s, u"Contoso"_s, 1, 0, 5),
        };
        QVERIFY((*storage)->writeAndWait([=](WriteContext& ctx) -> Status {
            if (auto r = CrmRepository::upsert(ctx, {northwind, contoso}); !r)
                return r.error();
            if (auto r = CrmRepository::upsert(ctx, {maria}); !r)
                return r.error();
            if (auto r = CrmRepository::upsert(ctx, cases); !r)
                return r.error();
            return {};
        }));
    }

    void filtersAndOrders_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("all, High first, newest first")
            << QStringList{} << QStringList{u"CAS-5"_s, u"CAS-3"_s, u"CAS-2"_s, u"CAS-1"_s, u"CAS-4"_s};
        QTest::newRow("high") << QStringList{u"--priority"_s, u"high"_s}
                              << QStringList{u"CAS-5"_s, u"CAS-3"_s, u"CAS-2"_s};
        QTest::newRow("account with its contact's case")
            << QStringList{u"--account"_s, u"northwind"_s} << QStringList{u"CAS-3"_s, u"CAS-2"_s, u"CAS-1"_s};
        QTest::newRow("account and priority") << QStringList{u"--account"_s, u"Contoso"_s, u"--priority"_s, u"HIGH"_s}
                                              << QStringList{u"CAS-5"_s};
        QTest::newRow("contact by name") << QStringList{u"--account"_s, u"anders"_s} << QStringList{u"CAS-3"_s};
        QTest::newRow("resolved") << QStringList{u"--state"_s, u"resolved"_s} << QStringList{u"CAS-4"_s};
        QTest::newRow("nobody") << QStringList{u"--account"_s, u"Fabrikam"_s} << QStringList{};
    }
    void filtersAndOrders()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);
        const Run run = cli(QStringList{u"cases"_s, u"--json"_s} + arguments);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(numbers(run.out), expected);
    }

    void jsonCarriesTheCase()
    {
        const Run run = cli({u"cases"_s, u"--json"_s, u"--account"_s, u"anders"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject c = QJsonDocument::fromJson(run.out).array().first().toObject();
        QCOMPARE(c.value(u"customer"_s).toString(), u"Maria Anders"_s);
        QCOMPARE(c.value(u"customer_kind"_s).toString(), u"contact"_s);
        QCOMPARE(c.value(u"priority"_s).toString(), u"high"_s);
        QCOMPARE(c.value(u"state"_s).toString(), u"active"_s);
        QCOMPARE(c.value(u"remote_id"_s).toString(), u"guid-CAS-3"_s);
    }

    void printsATableForPeople()
    {
        const Run run = cli({u"cases"_s, u"--priority"_s, u"low"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("CAS-4"));
        QVERIFY(run.out.contains("Low"));
        QVERIFY(run.out.contains("Resolved"));
        QVERIFY(run.out.contains("Contoso"));
        QVERIFY(!run.out.contains("CAS-1"));
        const Run none = cli({u"cases"_s, u"--account"_s, u"Fabrikam"_s});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.contains("No cases."));
    }

    void refusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("priority") << QStringList{u"--priority"_s, u"urgent"_s};
        QTest::newRow("state") << QStringList{u"--state"_s, u"open"_s};
        QTest::newRow("full without sync") << QStringList{u"--full"_s};
        QTest::newRow("positional") << QStringList{u"CAS-1"_s};
        QTest::newRow("option") << QStringList{u"--frobnicate"_s};
    }
    void refusesBadArguments()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(QStringList{u"cases"_s} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("usage: assetdesk-cli cases"));
    }
};

QTEST_GUILESS_MAIN(TestCliCases)
#include "tst_clicases.moc"
