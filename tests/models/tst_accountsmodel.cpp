#include "models/accountsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;

namespace {
Account account(qint64 id, Service service, const QString& label)
{
    Account a;
    a.id = id;
    a.service = service;
    a.label = label;
    return a;
}
} // namespace

class TestAccountsModel : public QObject
{
    Q_OBJECT
private slots:
    void sortsByServiceThenLabel()
    {
        AccountsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccounts({account(1, Service::Zendesk, QStringLiteral("Support")),
                           account(2, Service::X, QStringLiteral("Japan")),
                           account(3, Service::X, QStringLiteral("Germany")),
                           account(4, Service::PhotoShelter, QStringLiteral("Library"))});
        QCOMPARE(model.rowCount(), 4);
        QStringList labels;
        for (int r = 0; r < model.rowCount(); ++r)
            labels << model.index(r, 0).data(AccountsModel::AccountRole).value<Account>().label;
        QCOMPARE(labels, (QStringList{QStringLiteral("Library"), QStringLiteral("Germany"), QStringLiteral("Japan"),
                                      QStringLiteral("Support")}));
        QCOMPARE(model.rowOf(3), 1);
    }

    void diffSignalsOnlyWhatChanged()
    {
        AccountsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccounts({account(1, Service::X, QStringLiteral("A")), account(2, Service::X, QStringLiteral("B"))});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        Account b = account(2, Service::X, QStringLiteral("B"));
        b.region = QStringLiteral("DACH");
        model.setAccounts({b, account(3, Service::Zendesk, QStringLiteral("C"))});

        QCOMPARE(removed.size(), 1);  // account 1
        QCOMPARE(inserted.size(), 1); // account 3
        QCOMPARE(changed.size(), 1);  // account 2's region
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.account(2)->region, QStringLiteral("DACH"));
        QVERIFY(!model.account(1));

        changed.clear();
        model.setAccounts({b, account(3, Service::Zendesk, QStringLiteral("C"))});
        QCOMPARE(changed.size(), 0); // nothing changed, nothing signalled
    }

    void connectionStateFlowsIntoRows()
    {
        AccountsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccounts({account(7, Service::X, QStringLiteral("Global"))});
        model.setTesting(7);
        QCOMPARE(AccountsModel::ConnectionState(model.index(0, 0).data(AccountsModel::StateRole).toInt()),
                 AccountsModel::ConnectionState::Testing);
        ConnectionInfo info;
        info.userName = QStringLiteral("@assetdesk_global");
        model.setConnected(7, info);
        QCOMPARE(model.index(0, AccountsModel::IdentityColumn).data().toString(), QStringLiteral("@assetdesk_global"));
        model.setFailed(7, Error(ErrorKind::Auth, QStringLiteral("The token expired."), QStringLiteral("{\"a\":1}")));
        QCOMPARE(model.index(0, AccountsModel::StatusColumn).data().toString(), QStringLiteral("The token expired."));
        QCOMPARE(model.index(0, 0).data(AccountsModel::ErrorDetailRole).toString(), QStringLiteral("{\"a\":1}"));
        model.setFailed(99, Error()); // unknown accounts are ignored
    }
};

QTEST_GUILESS_MAIN(TestAccountsModel)
#include "tst_accountsmodel.moc"
