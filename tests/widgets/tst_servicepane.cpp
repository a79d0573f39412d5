#include "models/accountsmodel.h"
#include "widgets/servicepane.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>

using namespace AssetDesk;

class TestServicePane : public QObject
{
    Q_OBJECT
private slots:
    void showsOnlyItsCategoryAndOfflineCount()
    {
        AccountsModel accounts;
        ServicePane pane(ServiceCategory::Social, QStringLiteral("X"), &accounts);
        pane.show();
        auto* stack = pane.findChild<QStackedWidget*>();
        QCOMPARE(stack->currentIndex(), 0); // empty state: how to add an account
        QSignalSpy settings(&pane, &ServicePane::settingsRequested);
        for (QPushButton* b : pane.findChildren<QPushButton*>()) {
            if (b->text() == QStringLiteral("Add Account…"))
                b->click();
        }
        QCOMPARE(settings.size(), 1);

        Account x;
        x.id = 1;
        x.service = Service::X;
        x.label = QStringLiteral("Global");
        Account zendesk;
        zendesk.id = 2;
        zendesk.service = Service::Zendesk;
        zendesk.label = QStringLiteral("Support");
        accounts.setAccounts({x, zendesk});
        QCOMPARE(stack->currentIndex(), 1);
        QCOMPARE(pane.accountsView()->model()->rowCount(), 1);

        accounts.setFailed(1, Error(ErrorKind::Transport, QStringLiteral("Connection refused")));
        QCOMPARE(pane.windowTitle(), QStringLiteral("X (1 offline)"));
        accounts.setFailed(2, Error(ErrorKind::Transport, QStringLiteral("down"))); // other category
        QCOMPARE(pane.windowTitle(), QStringLiteral("X (1 offline)"));

        QSignalSpy test(&pane, &ServicePane::testRequested);
        for (QPushButton* b : pane.findChildren<QPushButton*>()) {
            if (b->text() == QStringLiteral("Test Connection"))
                b->click();
        }
        QCOMPARE(test.size(), 1);
        QCOMPARE(test.first().first().toLongLong(), 1);
    }
};

QTEST_MAIN(TestServicePane)
#include "tst_servicepane.moc"
